"""The open-data page /avoin-data/ for people, and its machine-readable companions."""

import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import FileResponse, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from . import dcat
from .field_guide import SCHEMA_FILE, csv_columns, practice_fields


def attribution_line(today=None) -> str:
    """An example of how to name the source, as the licence asks, in the page's language."""
    today = today or timezone.localdate()
    return _("Lähde: Mallipankki, %(publisher)s, %(url)s, aineisto haettu %(date)s. Lisenssi: CC BY 4.0.") % {
        "publisher": dcat.PUBLISHER_NAME,
        "url": settings.BASE_URL + reverse("open_data"),
        "date": formats.date_format(today, "DATE_FORMAT"),
    }


@require_safe
def open_data(request):
    facts = dcat.dataset_facts()
    context = {
        "facts": facts,
        "dataset": dcat.dcat_dataset(facts),
        "attribution": attribution_line(),
        "licence_url": dcat.LICENCE_PAGE,
        "csv_url": reverse("api-v1:export_csv"),
        "json_url": reverse("api-v1:export_json"),
        "vocabularies_url": reverse("api-v1:vocabularies"),
        "docs_url": reverse("api-v1:openapi-view"),
        "openapi_url": reverse("api-v1:openapi-json"),
        "schema_url": reverse("open_data_schema"),
        "dcat_url": reverse("open_data_dcat"),
        "feed_url": reverse("practice_feed"),
        "csv_columns": csv_columns(),
        "fields": practice_fields(),
    }
    return render(request, "api/open_data.html", context)


@require_safe
def dcat_jsonld(request):
    body = json.dumps(dcat.dcat_dataset(), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/ld+json; charset=utf-8")
    response["Access-Control-Allow-Origin"] = "*"  # harvesters and browser tools may read it, like the API
    return response


@require_safe
def schema_file(request):
    response = FileResponse(
        open(settings.PACKAGE_DIR / "formats" / SCHEMA_FILE, "rb"),  # noqa: SIM115 (FileResponse closes it)
        content_type="application/schema+json",
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response
