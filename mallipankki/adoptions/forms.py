"""The public "Käytämme tätä mallia" form and the admin's decision form.

The form follows the house pattern of the public forms
(mallipankki.core.public_forms): the honeypot field, the aria wiring
(`set_aria`), the error summary and the field templates.
"""

from django import forms
from django.db.models import Case, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mallipankki.core.public_forms import HoneypotField, PublicFormMixin, required
from mallipankki.vocabularies.forms import TermChoiceField
from mallipankki.vocabularies.models import Country, Region

FINLAND = "FI"
FIRST_YEAR = 1990


def latest_year() -> int:
    """Next year at most: an organisation may report a start already agreed."""
    return timezone.localdate().year + 1


class AdoptionForm(PublicFormMixin, forms.Form):
    organisation = forms.CharField(
        label=_("Organisaatio"),
        help_text=_("Organisaatio, joka käyttää mallia, esimerkiksi kunta, yritys tai järjestö."),
        max_length=255,
        error_messages=required(_("Kirjoita organisaation nimi.")),
    )
    region = TermChoiceField(
        Region.objects.all(),
        label=_("Maakunta"),
        help_text=_(
            "Maakunta, jossa malli on käytössä. Jätä valitsematta, jos käyttö on valtakunnallista tai ulkomailla."
        ),
        required=False,
        empty_label=_("Valitse maakunta"),
        error_messages={"invalid_choice": _("Valitse maakunta luettelosta.")},
    )
    country = TermChoiceField(
        # Finland first: most adoptions are Finnish, and the list is long.
        Country.objects.order_by(Case(When(code=FINLAND, then=0), default=1), "name_fi"),
        label=_("Maa"),
        required=False,
        empty_label=_("Valitse maa"),
        error_messages={"invalid_choice": _("Valitse maa luettelosta.")},
    )
    year = forms.IntegerField(
        # A text input: a number spinner changes the year when the page is scrolled.
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "size": 6}),
        label=_("Käyttöönottovuosi"),
        help_text=_("Vuosi, jona malli otettiin tai otetaan käyttöön, esimerkiksi 2024."),
        error_messages={
            "required": _("Kirjoita käyttöönottovuosi."),
            "invalid": _("Kirjoita vuosi numeroina, esimerkiksi 2024."),
        },
    )
    note = forms.CharField(
        label=_("Mitä mallista muutettiin"),
        help_text=_(
            "Mitä teitte toisin kuin alkuperäisessä mallissa ja miksi (enintään 2 000 merkkiä). "
            "Jos otitte mallin käyttöön sellaisenaan, kerro se."
        ),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"max_length": _("Kirjoita enintään 2 000 merkkiä (nyt %(show_value)d).")},
    )

    contact_name = forms.CharField(
        label=_("Yhteyshenkilön nimi"), max_length=200, error_messages=required(_("Kirjoita yhteyshenkilön nimi."))
    )
    contact_email = forms.EmailField(
        label=_("Sähköposti"),
        help_text=_("Kerromme vahvistuksesta tähän osoitteeseen."),
        max_length=254,
        error_messages={
            "required": _("Kirjoita sähköpostiosoite."),
            "invalid": _("Kirjoita sähköpostiosoite muodossa nimi@esimerkki.fi."),
        },
    )
    contact_phone = forms.CharField(label=_("Puhelin"), max_length=50, required=False)
    contact_public = forms.BooleanField(
        label=_(
            "Yhteystietoni saa näyttää mallin sivulla, jotta muut mallia käyttävät tai harkitsevat voivat kysyä "
            "kokemuksistamme."
        ),
        required=False,
    )
    consent = forms.BooleanField(
        label=_(
            "Olen lukenut tietosuojaselosteen ja hyväksyn, että tietoni tallennetaan ilmoituksen käsittelyä varten."
        ),
        error_messages=required(_("Hyväksy tietosuojaseloste, jotta voimme käsitellä ilmoituksen.")),
    )

    website = HoneypotField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].widget.attrs.update({"autocomplete": "organization"})
        self.fields["contact_name"].widget.attrs.update({"autocomplete": "name"})
        self.fields["contact_email"].widget.attrs.update({"autocomplete": "email"})
        self.fields["contact_phone"].widget.attrs.update({"autocomplete": "tel", "type": "tel"})

    def clean_year(self):
        year = self.cleaned_data["year"]
        if not FIRST_YEAR <= year <= latest_year():
            raise forms.ValidationError(
                _("Kirjoita vuosi väliltä %(first)s–%(last)s."), params={"first": FIRST_YEAR, "last": latest_year()}
            )
        return year

    def clean(self):
        data = super().clean()
        region, country = data.get("region"), data.get("country")
        if "region" in self.errors or "country" in self.errors:
            return data
        if region is not None:
            if country is not None and country.code != FINLAND:
                self.add_error(
                    "country",
                    _("Maakunta on Suomessa: valitse maaksi Suomi tai jätä maakunta valitsematta."),
                )
            elif country is None:
                data["country"] = Country.objects.filter(code=FINLAND).first()
        elif country is None:
            self.add_error("region", _("Valitse maakunta tai, jos malli on käytössä ulkomailla, maa."))
        return data


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Perustelu"),
        help_text=_("Lähetetään ilmoittajalle."),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages=required(_("Kirjoita perustelu hylkäykselle.")),
    )
