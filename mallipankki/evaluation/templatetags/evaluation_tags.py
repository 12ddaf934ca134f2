from django import template

from mallipankki.core.languages import DEFAULT_LANGUAGE, active_language

from ..models import PracticeEvaluationSummary, ScaleLevel

register = template.Library()


@register.simple_tag
def practice_evaluation(page) -> dict:
    """What the public sees of a practice's evaluation.

    `evaluated` is false for a practice with no evidence level, no readiness
    points and no evaluation summary.
    """
    summary = None
    if getattr(page, "pk", None):
        summary = PracticeEvaluationSummary.objects.filter(practice_id=page.pk).first()
    if summary is not None and summary.is_empty:
        summary = None
    evidence_level = getattr(page, "evidence_level", None)
    evidence_label = ""
    if evidence_level is not None:
        # The published scale's titles are written in Finnish only; other
        # languages read the level's name from the catalogues.
        level = None
        if active_language() == DEFAULT_LANGUAGE:
            level = ScaleLevel.objects.filter(scale=ScaleLevel.Scale.EVIDENCE, value=evidence_level).first()
        evidence_label = level.title if level else page.get_evidence_level_display()
    readiness_total = getattr(page, "readiness_total", None)
    return {
        "summary": summary,
        "evidence_level": evidence_level,
        "evidence_label": evidence_label,
        "readiness_total": readiness_total,
        "evaluated": evidence_level is not None or readiness_total is not None or summary is not None,
    }
