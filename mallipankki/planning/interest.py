"""Counting interest in practices (models.PracticeInterest)."""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from .models import PracticeInterest


def this_month() -> dt.date:
    return timezone.localdate().replace(day=1)


def count(page_ids, field: str) -> None:
    """Add one to ``field`` ("shortlisted" or "annexed") of each practice this month."""
    assert field in ("shortlisted", "annexed")
    month = this_month()
    for page_id in dict.fromkeys(page_ids):
        updated = PracticeInterest.objects.filter(practice_id=page_id, month=month).update(**{field: F(field) + 1})
        if updated:
            continue
        try:
            with transaction.atomic():
                PracticeInterest.objects.create(practice_id=page_id, month=month, **{field: 1})
        except IntegrityError:
            # Another request created the row in between: count on it.
            PracticeInterest.objects.filter(practice_id=page_id, month=month).update(**{field: F(field) + 1})
