from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from mallipankki.practices.models import PracticePage

from .models import SCORE_CHOICES, EvaluationCriterion, PracticeEvaluationSummary


class RejectionForm(forms.Form):
    """The reason is sent to the person who proposed the practice."""

    comment = forms.CharField(
        label=_("Perustelu"),
        widget=forms.Textarea({"rows": 4}),
        max_length=5000,
        error_messages={"required": _("Kirjoita perustelu: se lähetetään ehdotuksen tekijälle.")},
        help_text=_("Perustelu tallentuu ja lähetetään ehdotuksen tekijälle sähköpostilla."),
    )

    def clean_comment(self):
        comment = self.cleaned_data["comment"].strip()
        if not comment:
            raise forms.ValidationError(_("Kirjoita perustelu: se lähetetään ehdotuksen tekijälle."))
        return comment


EVIDENCE_CHOICES = PracticePage.EvidenceLevel.choices
MATERIALS_CHOICES = [(value, str(value)) for value in range(4)]
TRAINING_CHOICES = [(value, str(value)) for value in range(3)]
FIDELITY_CHOICES = [(value, str(value)) for value in range(4)]


class EvaluationForm(forms.Form):
    """Scores and reasons for every active criterion, then the two axes."""

    evidence_level = forms.TypedChoiceField(
        label=_("Ehdotettu näytön taso (0–5)"), choices=EVIDENCE_CHOICES, coerce=int, widget=forms.RadioSelect
    )
    readiness_materials = forms.TypedChoiceField(
        label=_("Materiaalit (0–3)"), choices=MATERIALS_CHOICES, coerce=int, widget=forms.RadioSelect
    )
    readiness_training = forms.TypedChoiceField(
        label=_("Koulutus ja tuki (0–2)"), choices=TRAINING_CHOICES, coerce=int, widget=forms.RadioSelect
    )
    readiness_fidelity = forms.TypedChoiceField(
        label=_("Mallin mukaisuuden välineet (0–3)"), choices=FIDELITY_CHOICES, coerce=int, widget=forms.RadioSelect
    )
    summary = forms.CharField(label=_("Yhteenveto"), widget=forms.Textarea({"rows": 5}), max_length=10000)

    def __init__(self, *args, criteria=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria if criteria is not None else EvaluationCriterion.objects.filter(active=True))
        for criterion in self.criteria:
            self.fields[f"score_{criterion.pk}"] = forms.TypedChoiceField(
                label=_("Pisteet"), choices=SCORE_CHOICES, coerce=int, widget=forms.RadioSelect
            )
            self.fields[f"reason_{criterion.pk}"] = forms.CharField(
                label=_("Perustelu"), widget=forms.Textarea({"rows": 3}), max_length=5000
            )

    def criterion_fields(self):
        return [
            (criterion, self[f"score_{criterion.pk}"], self[f"reason_{criterion.pk}"]) for criterion in self.criteria
        ]

    def scores(self) -> list[tuple[EvaluationCriterion, int, str]]:
        return [
            (criterion, self.cleaned_data[f"score_{criterion.pk}"], self.cleaned_data[f"reason_{criterion.pk}"].strip())
            for criterion in self.criteria
        ]


def evaluator_queryset():
    """Active users who hold the evaluate permission, through a group or directly."""
    User = get_user_model()
    from django.contrib.auth.models import Permission

    permission = Permission.objects.filter(content_type__app_label="evaluation", codename="add_evaluation").first()
    return (
        User.objects.filter(is_active=True)
        .filter(Q(groups__permissions=permission) | Q(user_permissions=permission) | Q(is_superuser=True))
        .distinct()
        .order_by("last_name", "first_name", "username")
    )


class EvaluatorChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, user):
        name = user.get_full_name() or user.get_username()
        return f"{name} ({user.email})" if user.email else name


class AssignForm(forms.Form):
    evaluators = EvaluatorChoiceField(
        label=_("Arvioijat"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["evaluators"].queryset = evaluator_queryset()


class SummaryForm(forms.ModelForm):
    """The public summary, plus the two axes written onto the practice."""

    evidence_level = forms.TypedChoiceField(
        label=_("Näytön taso"),
        choices=[("", _("ei arvioitu"))] + EVIDENCE_CHOICES,
        coerce=int,
        required=False,
        empty_value=None,
    )
    readiness_materials = forms.TypedChoiceField(
        label=_("Materiaalit (0–3)"),
        choices=[("", "–")] + MATERIALS_CHOICES,
        coerce=int,
        required=False,
        empty_value=None,
    )
    readiness_training = forms.TypedChoiceField(
        label=_("Koulutus ja tuki (0–2)"),
        choices=[("", "–")] + TRAINING_CHOICES,
        coerce=int,
        required=False,
        empty_value=None,
    )
    readiness_fidelity = forms.TypedChoiceField(
        label=_("Mallin mukaisuuden välineet (0–3)"),
        choices=[("", "–")] + FIDELITY_CHOICES,
        coerce=int,
        required=False,
        empty_value=None,
    )

    page_fields = ("evidence_level", "readiness_materials", "readiness_training", "readiness_fidelity")

    class Meta:
        model = PracticeEvaluationSummary
        fields = ["summary", "next_evidence_step", "evaluated_on"]
        widgets = {
            "summary": forms.Textarea({"rows": 5}),
            "next_evidence_step": forms.Textarea({"rows": 3}),
            "evaluated_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
