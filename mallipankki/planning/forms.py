from django import forms
from django.utils.translation import gettext_lazy as _

from mallipankki.core.public_forms import PublicFormMixin
from mallipankki.vocabularies.models import Region, TargetGroup, Theme

from .description import MAX_DESCRIPTION_CHARS

DURATIONS = [
    ("", _("Ei valittu")),
    ("alle-1", _("Alle vuosi")),
    ("1-2", _("1–2 vuotta")),
    ("2-3", _("2–3 vuotta")),
    ("yli-3", _("Yli 3 vuotta")),
]
BUDGETS = [
    ("", _("Ei valittu")),
    ("alle-100k", _("Alle 100 000 €")),
    ("100k-300k", _("100 000–300 000 €")),
    ("300k-1m", _("300 000 – 1 000 000 €")),
    ("yli-1m", _("Yli 1 000 000 €")),
]


def _codes(model):
    return lambda: [(term.code, term.name) for term in model.objects.all()]


class PlanForm(PublicFormMixin, forms.Form):
    description = forms.CharField(
        label=_("Kuvaa suunnittelemasi hanke"),
        help_text=_(
            "Omin sanoin: mihin ongelmaan hanke vastaa, kenelle, mitä aiotte tehdä ja missä. "
            "Enintään 5 000 merkkiä. Kuvaus säilyy vain tämän selaimen istunnossa."
        ),
        max_length=MAX_DESCRIPTION_CHARS,
        widget=forms.Textarea(attrs={"rows": 10, "maxlength": MAX_DESCRIPTION_CHARS}),
        error_messages={
            "required": _("Kirjoita kuvaus hankkeesta."),
            "max_length": _("Kuvaus on liian pitkä: enintään 5 000 merkkiä."),
        },
    )
    target_groups = forms.MultipleChoiceField(
        label=_("Kohderyhmät"),
        help_text=_("Valitut nostavat malleja, joilla on sama kohderyhmä; ne eivät rajaa muita pois."),
        choices=_codes(TargetGroup),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Valitse kohderyhmät luettelosta.")},
    )
    themes = forms.MultipleChoiceField(
        label=_("Teemat"),
        choices=_codes(Theme),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Valitse teemat luettelosta.")},
    )
    regions = forms.MultipleChoiceField(
        label=_("Maakunnat"),
        choices=_codes(Region),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Valitse maakunnat luettelosta.")},
    )
    duration = forms.ChoiceField(label=_("Kesto"), choices=DURATIONS, required=False)
    budget = forms.ChoiceField(label=_("Budjetti"), choices=BUDGETS, required=False)

    def __init__(self, data=None, *args, **kwargs):
        # A NUL byte is nothing a planner meant; Django would refuse the whole
        # description for it.
        if data is not None and "\x00" in data.get("description", ""):
            data = data.copy()
            data["description"] = data["description"].replace("\x00", " ")
        super().__init__(data, *args, **kwargs)
