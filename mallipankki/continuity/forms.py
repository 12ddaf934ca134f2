from django import forms
from django.utils.translation import gettext_lazy as _

from mallipankki.practices.models import PracticePage

from .models import ContinuityConfirmation

Answer = ContinuityConfirmation.Answer
Status = PracticePage.ContinuityStatus


class ConfirmationForm(forms.Form):
    # The error summary names each field briefly; the labels are questions.
    summary_labels = {
        "answer": _("Vastaus"),
        "continuity_status": _("Missä toiminta on nyt"),
        "continuity_owner": _("Ylläpitäjä"),
        "continuity_funding": _("Rahoitus"),
        "note": _("Lisätieto"),
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

    def set_aria(self):
        """aria-describedby (help and error ids) and aria-invalid, as on the proposal form.

        Radio groups are described on their fieldset (see the template).
        """
        for name, field in self.fields.items():
            bound = self[name]
            attrs = field.widget.attrs
            attrs.pop("aria-describedby", None)
            attrs.pop("aria-invalid", None)
            if isinstance(field.widget, forms.RadioSelect):
                continue
            ids = []
            if field.help_text:
                ids.append(f"{bound.auto_id}_help")
            if bound.errors:
                ids.append(f"{bound.auto_id}_error")
                attrs["aria-invalid"] = "true"
            if ids:
                attrs["aria-describedby"] = " ".join(ids)

    def error_links(self) -> list[dict]:
        """The error summary: a link to each field with an error, in form order."""
        links = []
        for name, field in self.fields.items():
            bound = self[name]
            if bound.errors:
                radio = isinstance(field.widget, forms.RadioSelect)
                links.append(
                    {
                        "href": f"{bound.auto_id}_0" if radio else bound.id_for_label,
                        "label": self.summary_labels.get(name, field.label),
                        "message": bound.errors[0],
                    }
                )
        return links
