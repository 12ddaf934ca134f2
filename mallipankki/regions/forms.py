"""The public "Pyydä tukea" form and the small forms of the admin queue.

The public form follows the house pattern of the public forms
(mallipankki.core.public_forms): Finnish messages that say what to do, a
honeypot field, aria attributes set by the same helper, and the same error
summary.
"""

from django import forms
from django.contrib.auth import get_user_model
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from mallipankki.core.public_forms import HoneypotField, PublicFormMixin
from mallipankki.practices.listing import published_practices
from mallipankki.vocabularies.forms import TermChoiceField
from mallipankki.vocabularies.models import Region

from .models import SupportRequest

MESSAGE_MAX_LENGTH = 5000


class SupportRequestForm(PublicFormMixin, forms.Form):
    # In the order of the page, so that the error summary follows it.
    region = TermChoiceField(
        Region.objects.all(),
        label=_("Maakunta"),
        help_text=_("Pyyntö menee tämän maakunnan aluetyöntekijöille."),
        empty_label=_("Valitse maakunta"),
        error_messages={
            "required": _("Valitse maakunta, jonka aluetyöntekijöiltä pyydät tukea."),
            "invalid_choice": _("Valitse maakunta luettelosta."),
        },
    )
    message = forms.CharField(
        label=_("Mihin tarvitset tukea?"),
        help_text=_(
            "Kerro lyhyesti tilanteestasi: mitä olette tekemässä, missä vaiheessa olette ja millaista apua toivot "
            "(enintään 5 000 merkkiä)."
        ),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": _("Kerro, mihin tarvitset tukea."),
            "max_length": _("Viesti on liian pitkä: enintään %(limit_value)s merkkiä, nyt %(show_value)s."),
        },
    )
    name = forms.CharField(label=_("Nimesi"), max_length=200, error_messages={"required": _("Kirjoita nimesi.")})
    organisation = forms.CharField(
        label=_("Organisaatiosi"),
        max_length=255,
        error_messages={"required": _("Kirjoita organisaatiosi nimi.")},
    )
    email = forms.EmailField(
        label=_("Sähköpostiosoitteesi"),
        help_text=_("Aluetyöntekijä vastaa tähän osoitteeseen, ja kerromme siihen pyyntösi käsittelyn vaiheet."),
        max_length=254,
        error_messages={
            "required": _("Kirjoita sähköpostiosoitteesi."),
            "invalid": _("Kirjoita sähköpostiosoite muodossa nimi@esimerkki.fi."),
        },
    )
    phone = forms.CharField(
        label=_("Puhelinnumerosi"),
        help_text=_("Jos haluat, että sinulle soitetaan."),
        max_length=50,
        required=False,
        validators=[
            RegexValidator(
                r"^\+?[0-9 ()-]{5,}$",
                message=_("Kirjoita puhelinnumero numeroina, esimerkiksi 040 123 4567 tai +358 40 123 4567."),
            )
        ],
    )
    consent = forms.BooleanField(
        label=_(
            "Olen lukenut tietosuojaselosteen ja hyväksyn, että tietoni tallennetaan tukipyynnön käsittelyä varten."
        ),
        error_messages={"required": _("Hyväksy tietosuojaseloste, jotta voimme käsitellä tukipyynnön.")},
    )
    # The practice the request is about, when sent from a practice page: its
    # slug (the interchange id). Anything that is not a published practice
    # is dropped rather than shown as an error nobody could fix.
    practice = forms.Field(required=False, widget=forms.HiddenInput)

    website = HoneypotField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs.update({"autocomplete": "name"})
        self.fields["organisation"].widget.attrs.update({"autocomplete": "organization"})
        self.fields["email"].widget.attrs.update({"autocomplete": "email"})
        self.fields["phone"].widget.attrs.update({"autocomplete": "tel"})
        self.fields["phone"].widget.input_type = "tel"

    def clean_practice(self):
        return practice_from_query(self.cleaned_data.get("practice"))


def practice_from_query(value):
    """The published practice named by ?malli=<slug>, or None."""
    if not isinstance(value, str) or not value or "\x00" in value or len(value) > 100:
        return None
    return published_practices().filter(slug=value).first()


# --- the admin queue ---------------------------------------------------------------


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Tila"),
        choices=SupportRequest.Status.choices,
        help_text=_("Pyytäjä saa sähköpostin, kun tila muuttuu."),
    )


class UserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user):
        name = user.get_full_name() or user.get_username()
        return f"{name} ({user.email})" if user.email else name


class AssignForm(forms.Form):
    assigned_to = UserChoiceField(
        label=_("Vastuuhenkilö"),
        queryset=get_user_model().objects.none(),
        required=False,
        empty_label=_("Ei vastuuhenkilöä"),
        help_text=_("Alueen aluetyöntekijät ja toimittajat. Vastuuhenkilö saa tiedon sähköpostilla."),
        error_messages={"invalid_choice": _("Valitse vastuuhenkilö luettelosta.")},
    )

    def __init__(self, *args, assignable=None, **kwargs):
        super().__init__(*args, **kwargs)
        if assignable is not None:
            self.fields["assigned_to"].queryset = assignable


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Sisäinen muistiinpano"),
        help_text=_("Näkyy vain käsittelijöille; pyytäjä ei saa tästä viestiä."),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Kirjoita muistiinpano.")},
    )
