from django import forms
from django.utils.translation import gettext_lazy as _

from mallipankki.core.public_forms import PublicFormMixin
from mallipankki.practices.models import PracticePage

from .models import ContinuityConfirmation

Answer = ContinuityConfirmation.Answer
Status = PracticePage.ContinuityStatus


class ConfirmationForm(PublicFormMixin, forms.Form):
    """The public forms' aria attributes and error summary (core.public_forms); no honeypot: the link is the key."""

    # The error summary names each field briefly; the labels are questions.
    summary_labels = {
        "answer": _("Vastaus"),
        "continuity_status": _("Missä toiminta on nyt"),
        "continuity_owner": _("Ylläpitäjä"),
        "continuity_funding": _("Rahoitus"),
        "note": _("Lisätieto"),
        "grant_copies": _("Kopioiden julkaisulupa"),
    }

    answer = forms.ChoiceField(
        label=_("Mikä kuvaa tilannetta nyt?"),
        choices=Answer.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Valitse, mikä vaihtoehto kuvaa tilannetta.")},
    )
    continuity_status = forms.ChoiceField(
        label=_("Missä toiminta on nyt?"),
        choices=[(Status.IN_PROJECT, Status.IN_PROJECT.label), (Status.EMBEDDED, Status.EMBEDDED.label)],
        widget=forms.RadioSelect,
        required=False,
        help_text=_("Pakollinen, jos tiedot ovat muuttuneet."),
    )
    continuity_owner = forms.CharField(
        label=_("Kuka ylläpitää mallia nyt?"),
        max_length=255,
        required=False,
        help_text=_("Organisaatio tai yksikkö. Tieto näkyy mallin julkisella sivulla."),
    )
    continuity_funding = forms.CharField(
        label=_("Miten toiminta rahoitetaan nyt?"),
        max_length=255,
        required=False,
        help_text=_("Esimerkiksi kunnan perusrahoitus tai uusi hanke. Tieto näkyy mallin julkisella sivulla."),
    )
    grant_copies = forms.BooleanField(
        label=_("Mallipankki saa julkaista tallentamansa kopiot mallin materiaaleista."),
        required=False,
        help_text=_(
            "Mallipankki tallentaa kopiot materiaaleihin linkitetyistä asiakirjoista, jotta malli on käytettävissä "
            "senkin jälkeen, kun hankkeen verkkosivu poistuu. Kopiot näytetään kaikille vain luvallanne, koska "
            "niiden julkaiseminen uudelleen vaatii tekijän luvan. Rastita vain, jos organisaatiollanne on oikeus "
            "antaa lupa."
        ),
    )
    note = forms.CharField(
        label=_("Lisätietoa toimitukselle"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Vapaaehtoinen. Ei näy julkisesti."),
    )

    def clean(self):
        data = super().clean()
        if data.get("answer") == Answer.CHANGED and not data.get("continuity_status"):
            self.add_error("continuity_status", _("Valitse, missä toiminta on nyt."))
        return data
