"""Full export in the interchange format, streamed chunk by chunk.

Used by `export_practices` and the open-data download; memory stays flat in
the number of practices because only one chunk of pages (with its
prefetched relations) is held at a time.
"""

import json
import os
from collections.abc import Iterator
from datetime import UTC, datetime

from django.utils import timezone
from wagtail.models import Page

from mallipankki.links.health import add_to_records as add_link_health
from mallipankki.practices.interchange import export_queryset, format_datetime, owned_by, practice_to_record
from mallipankki.practices.models import PracticePage

CHUNK_SIZE = 500


def export_timestamp() -> str:
    """Now, or SOURCE_DATE_EPOCH when set, so that exports can be reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.fromtimestamp(int(epoch), tz=UTC) if epoch else timezone.now()
    return format_datetime(moment)


def iter_records(queryset=None, *, include_private: bool = False, public: bool = False) -> Iterator[dict]:
    queryset = PracticePage.objects.all() if queryset is None else queryset
    pks = list(queryset.order_by("path").values_list("pk", flat=True))
    for start in range(0, len(pks), CHUNK_SIZE):
        # owned_by rather than pk__in: Django prepares each id of the list.
        chunk = export_queryset(PracticePage.objects.filter(owned_by(Page, "id", pks[start : start + CHUNK_SIZE])))
        pages = list(chunk)
        records = [practice_to_record(page, include_private=include_private, public=public) for page in pages]
        # Link status and archived copies: written by the service, ignored on import.
        add_link_health(records, [page.pk for page in pages])
        yield from records


def iter_export_json(
    queryset=None, *, include_private: bool = False, public: bool = False, exported_at: str | None = None
) -> Iterator[str]:
    """The export file as text pieces: one practice per line inside the array."""
    head = {"format": "practices", "version": 1, "exported_at": exported_at or export_timestamp()}
    yield json.dumps(head, ensure_ascii=False)[:-1] + ', "practices": ['
    separator = "\n"
    for record in iter_records(queryset, include_private=include_private, public=public):
        yield separator + json.dumps(record, ensure_ascii=False, sort_keys=False)
        separator = ",\n"
    yield "\n]}\n"
