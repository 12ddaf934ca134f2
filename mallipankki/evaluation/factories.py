"""Test factories for evaluation records (factory_boy)."""

import factory

from .models import PracticeEvaluationSummary


class PracticeEvaluationSummaryFactory(factory.django.DjangoModelFactory):
    """The public evaluation summary of `practice` (pass `practice`)."""

    summary = "Lupaava malli, tuloksista on seurantatietoa."

    class Meta:
        model = PracticeEvaluationSummary
