import pytest

from mallipankki.practices.factories import PracticeRecordFactory
from mallipankki.practices.interchange import (
    export_queryset,
    link_builds_on,
    practice_to_record,
    upsert_practice,
)
from mallipankki.practices.models import PracticePage

FULL_RECORD = {
    "id": "tayden-kentan-malli",
    "name": {"fi": "Täyden kentän malli", "en": "Full field model"},
    "summary": {"fi": "Tiivistelmä.", "sv": "Sammanfattning."},
    "description": {"fi": "Kappale.\n\n- kohta yksi\n- kohta kaksi"},
    "themes": ["yhteistyo", "osaamisen-kehittaminen"],
    "target_groups": ["osatyokykyiset", "nuoret"],
    "keywords": ["työkokeilu", "opinnollistaminen"],
    "countries": ["FI", "SE"],
    "regions": ["FI-10", "FI-18"],
    "organisations": [
        {"name": "Esimerkkisäätiö", "role": "developer", "url": "https://example.fi/"},
        {"name": "Kaupunki", "role": "maintainer"},
    ],
    "funding": [
        {
            "programme": "ESR+",
            "project_code": "S30042",
            "project_name": "Selvityshanke",
            "start": "2023-01-01",
            "end": "2024-12-31",
        }
    ],
    "resources": [
        {"type": "pdf", "title": {"fi": "Käsikirja"}, "url": "https://example.fi/kasikirja.pdf", "language": "fi"},
        {"type": "link", "title": {"fi": "Sivusto", "en": "Website"}, "url": "https://example.fi/"},
    ],
    "evidence": {"level": 3, "summary": {"fi": "Vertailuryhmä."}, "sources": ["https://example.fi/tutkimus"]},
    "readiness": {"materials": 2, "training": 1, "fidelity": 0},
    "costs": {"per_participant_eur": 1250.5, "notes": {"fi": "Henkilöstökulut."}},
    "scaling": {
        "stage": "regional",
        "continuity_owner": "Hyvinvointialue",
        "continuity_funding": "Perusrahoitus",
        "plan": {"fi": "Levitetään naapurialueille."},
        "status": "embedded",
        "last_verified": "2026-05-01",
    },
    "adoptions": [
        {"organisation": "Toinen kunta", "country": "FI", "region": "FI-19", "year": 2025, "note": "Kevennetty"}
    ],
    "contact": {"name": "Maija Malli", "organisation": "Esimerkkisäätiö", "email": "maija@example.fi", "public": False},
    "status": "published",
    "published_at": "2025-03-01T10:00:00Z",
    "updated_at": "2026-01-02T08:30:00Z",
}


def exported(page):
    return practice_to_record(export_queryset(PracticePage.objects.filter(pk=page.pk)).get(), include_private=True)


@pytest.mark.django_db
def test_every_field_survives_import_and_export(practice_index):
    page, action = upsert_practice(practice_index, FULL_RECORD)
    assert action == "created"
    assert page.live
    assert exported(page) == FULL_RECORD


@pytest.mark.django_db
def test_contact_is_left_out_of_public_records_unless_marked_public(practice_index):
    page, _ = upsert_practice(practice_index, FULL_RECORD)
    public = practice_to_record(export_queryset(PracticePage.objects.filter(pk=page.pk)).get())
    assert "contact" not in public
    page, _ = upsert_practice(practice_index, {**FULL_RECORD, "contact": {**FULL_RECORD["contact"], "public": True}})
    public = practice_to_record(export_queryset(PracticePage.objects.filter(pk=page.pk)).get())
    assert public["contact"]["email"] == "maija@example.fi"


@pytest.mark.django_db
def test_reimporting_the_same_record_changes_nothing(practice_index):
    page, _ = upsert_practice(practice_index, FULL_RECORD)
    revisions = page.revisions.count()
    again, action = upsert_practice(practice_index, FULL_RECORD)
    assert (again.pk, action) == (page.pk, "unchanged")
    assert page.revisions.count() == revisions


@pytest.mark.django_db
def test_an_update_keeps_the_old_revision(practice_index):
    page, _ = upsert_practice(practice_index, PracticeRecordFactory(id="muuttuva"))
    page, action = upsert_practice(
        practice_index, PracticeRecordFactory(id="muuttuva", summary={"fi": "Uusi tiivistelmä."})
    )
    assert action == "updated"
    assert page.revisions.count() == 2
    assert PracticePage.objects.get(slug="muuttuva").summary_fi == "Uusi tiivistelmä."


@pytest.mark.django_db
def test_draft_status_stays_offline_and_takes_a_live_page_down(practice_index):
    page, _ = upsert_practice(practice_index, PracticeRecordFactory(id="luonnos", status="draft"))
    assert not page.live
    upsert_practice(practice_index, PracticeRecordFactory(id="julkaistava"))
    page, _ = upsert_practice(practice_index, PracticeRecordFactory(id="julkaistava", status="archived"))
    page.refresh_from_db()
    assert not page.live
    assert exported(page)["status"] == "archived"


@pytest.mark.django_db
def test_builds_on_resolves_forward_references(practice_index):
    later = PracticeRecordFactory(id="jatkokehitys", builds_on=["alkuperainen"])
    first, _ = upsert_practice(practice_index, later)
    assert first.interchange_builds_on == ["alkuperainen"]
    original, _ = upsert_practice(practice_index, PracticeRecordFactory(id="alkuperainen"))
    assert link_builds_on({"jatkokehitys": first, "alkuperainen": original}) == 1
    assert exported(PracticePage.objects.get(slug="jatkokehitys"))["builds_on"] == ["alkuperainen"]
    assert list(original.built_upon_by()) == [PracticePage.objects.get(slug="jatkokehitys")]


@pytest.mark.django_db
def test_an_export_s_records_are_the_ones_the_page_s_own_relations_give(practice_index, settings):
    """export_queryset loads the children as value rows, not model
    instances; the records must be what the page's own relations give,
    a resource's uploaded document included (its address on this site)."""
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    from mallipankki.practices.models import Resource

    settings.BASE_URL = "https://mallipankki.example"
    page, _ = upsert_practice(practice_index, FULL_RECORD)
    upsert_practice(
        practice_index,
        {
            **FULL_RECORD,
            "id": "toinen-malli",
            "builds_on": ["tayden-kentan-malli"],
            "adoptions": [{"organisation": "X"}],
        },
    )
    document = get_document_model().objects.create(title="Opas", file=ContentFile(b"%PDF-1.4", name="opas.pdf"))
    Resource.objects.create(practice=page, kind="pdf", title_fi="Ladattu opas", document=document, sort_order=9)

    loaded = {record["id"]: record for record in map(practice_to_record, export_queryset())}
    plain = {p.slug: practice_to_record(p) for p in PracticePage.objects.all()}
    assert loaded == plain
    assert loaded["tayden-kentan-malli"]["resources"][-1]["url"] == "https://mallipankki.example" + document.url
    assert loaded["toinen-malli"]["builds_on"] == ["tayden-kentan-malli"]
    assert loaded["toinen-malli"]["adoptions"] == [{"organisation": "X"}]
