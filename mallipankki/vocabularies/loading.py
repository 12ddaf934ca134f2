"""Loads the vocabularies from the interchange vocabulary file.

The file in mallipankki/formats/ is the one source of truth for themes, target
groups and regions; countries come from the ISO 3166-1 data in pycountry with
its Finnish and Swedish translations. Used by the data migration and by the
`load_vocabularies` command, so both stay the same.
"""

import gettext
import json
from pathlib import Path

from django.utils.text import slugify

VOCABULARY_FILE = Path(__file__).resolve().parent.parent / "formats" / "vocabularies-v1.json"
# The shared vocabulary file has names only; Finnish case forms of the regions are ours.
REGION_CASE_FORMS_FILE = Path(__file__).resolve().parent / "data" / "region_case_forms_fi.json"
CASE_FORM_FIELDS = {"genitive": "genitive_fi", "where": "where_fi", "from": "from_fi", "to": "to_fi"}
KINDS = {"themes": "Theme", "target_groups": "TargetGroup", "regions": "Region"}


def read_vocabulary_file(path: Path = VOCABULARY_FILE) -> dict:
    with open(path, encoding="utf-8") as fp:
        data = json.load(fp)
    if data.get("format") != "vocabularies" or data.get("version") != 1:
        raise ValueError(f"{path}: not a version 1 vocabulary file")
    return data


def read_region_case_forms(path: Path = REGION_CASE_FORMS_FILE) -> dict[str, dict[str, str]]:
    """{region code: {model field: Finnish form}}, e.g. {"FI-10": {"genitive_fi": "Lapin", ...}}."""
    with open(path, encoding="utf-8") as fp:
        regions = json.load(fp)["regions"]
    return {code: {field: forms[key] for key, field in CASE_FORM_FIELDS.items()} for code, forms in regions.items()}


def region_fields(row: dict, case_forms: dict | None = None) -> dict:
    """What a region has beyond a term's names: its slug and Finnish case forms (empty when the file lacks it)."""
    case_forms = read_region_case_forms() if case_forms is None else case_forms
    return {"slug": slugify(row["name"]["fi"]), **case_forms.get(row["code"], {})}


def country_rows() -> list[dict]:
    import pycountry

    translations = {
        lang: gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
        for lang in ("fi", "sv")
    }
    rows = []
    for country in pycountry.countries:
        english = getattr(country, "common_name", None) or country.name
        rows.append(
            {
                "code": country.alpha_2,
                "name": {
                    "fi": translations["fi"].gettext(country.name),
                    "sv": translations["sv"].gettext(country.name),
                    "en": english,
                },
            }
        )
    return rows


def _upsert(model, rows, extra=None):
    # A data migration passes the model as it was then: without fields added later (the case forms).
    field_names = {field.name for field in model._meta.get_fields()}
    created = 0
    for position, row in enumerate(rows):
        names = row["name"]
        defaults = {
            "name_fi": names.get("fi") or names.get("en", row["code"]),
            "name_sv": names.get("sv", ""),
            "name_en": names.get("en", ""),
            "sort_order": position,
        }
        if extra:
            defaults.update({name: value for name, value in extra(row).items() if name in field_names})
        _, was_created = model.objects.update_or_create(code=row["code"], defaults=defaults)
        created += was_created
    return created


def load_vocabularies(get_model, data: dict | None = None) -> dict[str, int]:
    """Creates or updates every term; returns how many of each kind were new.

    `get_model(name)` returns the model class, so the migration can pass its
    historical models and the command the current ones.
    """
    data = data or read_vocabulary_file()
    counts = {}
    case_forms = read_region_case_forms()
    for key, model_name in KINDS.items():
        extra = (lambda row: region_fields(row, case_forms)) if model_name == "Region" else None
        counts[key] = _upsert(get_model(model_name), data[key], extra)
    counts["countries"] = _upsert(get_model("Country"), country_rows())
    return counts
