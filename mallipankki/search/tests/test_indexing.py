"""The index follows publishing: publish, edit, unpublish, delete, restrict,
and the rebuild command. Uses the root conftest's make_practice, which goes
through upsert_practice and so through Wagtail's publish signals."""

import io

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from wagtail.models import PageViewRestriction

from mallipankki.search import facet_bitmaps
from mallipankki.search.facet_bitmaps import FacetBitmaps, record_change
from mallipankki.search.indexing import document_entry, index_practice, remove_practice, target_groups_by_code
from mallipankki.search.models import IndexChange, SearchDocument, SearchFacet, SearchTerm
from mallipankki.search.rebuild import rebuild_index
from mallipankki.search.service import search
from mallipankki.vocabularies.models import TargetGroup

pytestmark = pytest.mark.django_db


def found(query: str) -> list[str]:
    return [page.slug for page in search(query).items]


def test_published_practice_is_found(make_practice):
    make_practice(id="kuntouttava", summary={"fi": "Kuntouttava työtoiminta pajalla."})
    assert found("kuntouttavaan työtoimintaan") == ["kuntouttava"]


def test_draft_is_never_indexed(make_practice):
    make_practice(id="luonnos", summary={"fi": "Salaperäinen kuvaus."}, status="draft")
    assert found("salaperäinen") == []
    assert not SearchDocument.objects.filter(page__slug="luonnos").exists()


def test_unpublished_practice_is_not_in_search(make_practice):
    page = make_practice(id="poistuva", summary={"fi": "Klubitalon siirtymätyö."})
    assert found("klubitalo") == ["poistuva"]
    page.unpublish()
    assert found("klubitalo") == []
    assert not SearchDocument.objects.filter(page=page).exists()


def test_edit_replaces_the_old_text(make_practice):
    page = make_practice(id="muuttuva", summary={"fi": "Vanha teksti sirkuksesta."})
    assert found("sirkus") == ["muuttuva"]
    latest = page.get_latest_revision_as_object()
    latest.summary_fi = "Uusi teksti oppisopimuksesta."
    latest.save_revision().publish()
    assert found("oppisopimus") == ["muuttuva"]
    assert found("sirkus") == []


def test_saved_draft_of_a_live_page_does_not_change_the_index(make_practice):
    page = make_practice(id="luonnosmuutos", summary={"fi": "Julkaistu teksti klubitalosta."})
    latest = page.get_latest_revision_as_object()
    latest.summary_fi = "Luonnosteksti oppisopimuksesta."
    latest.save_revision()
    assert found("klubitalo") == ["luonnosmuutos"]
    assert found("oppisopimus") == []


def test_deleted_practice_is_not_in_search(make_practice):
    page = make_practice(id="poistettava", summary={"fi": "Green care -maatila."})
    assert found("maatila") == ["poistettava"]
    page.delete()
    assert found("maatila") == []
    assert not SearchDocument.objects.exists()
    assert not SearchFacet.objects.exists()


def test_deleting_the_catalogue_removes_its_practices(make_practice, practice_index):
    make_practice(id="alasivu", summary={"fi": "Green care -maatila."})
    practice_index.delete()
    assert found("maatila") == []


def test_view_restricted_practice_is_not_in_search(make_practice):
    page = make_practice(id="rajattu", summary={"fi": "Klubitalon siirtymätyö."})
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="salasana"
    )
    assert found("klubitalo") == []
    restriction.delete()
    assert found("klubitalo") == ["rajattu"]


def test_restriction_on_the_catalogue_hides_every_practice(make_practice, practice_index):
    make_practice(id="alla", summary={"fi": "Klubitalon siirtymätyö."})
    PageViewRestriction.objects.create(
        page=practice_index, restriction_type=PageViewRestriction.PASSWORD, password="salasana"
    )
    assert found("klubitalo") == []


def test_index_practice_refuses_unpublished_pages(make_practice):
    page = make_practice(id="piilossa", summary={"fi": "Klubitalo."}, status="draft")
    assert index_practice(page) is False
    assert found("klubitalo") == []


def test_remove_practice_is_idempotent(make_practice):
    page = make_practice(id="kahdesti", summary={"fi": "Klubitalo."})
    remove_practice(page.pk)
    remove_practice(page.pk)
    assert found("klubitalo") == []


def test_renamed_target_group_is_searchable_by_its_new_name(make_practice):
    make_practice(id="ryhma", target_groups=["nuoret"])
    group = TargetGroup.objects.get(code="nuoret")
    group.name_fi = "Nuoret aikuiset ja koululaiset"
    group.save()
    assert found("koululaiset") == ["ryhma"]


def test_rebuild_command_restores_the_index(make_practice):
    make_practice(id="yksi", summary={"fi": "Klubitalon siirtymätyö."}, keywords=["mielenterveys"])
    make_practice(id="kaksi", summary={"fi": "Työkokeilu kirjastossa."})
    make_practice(id="kolme", summary={"fi": "Luonnos."}, status="draft")
    before = list(SearchDocument.objects.order_by("page_id").values("page_id", "terms_a", "terms_b", "terms_c"))
    SearchDocument.objects.all().delete()
    SearchTerm.objects.all().delete()
    assert found("klubitalo") == []

    out = io.StringIO()
    call_command("rebuild_search_index", stdout=out)
    assert "indexed 2/2 practices" in out.getvalue()
    assert "Search index rebuilt: 2 practices" in out.getvalue()
    after = list(SearchDocument.objects.order_by("page_id").values("page_id", "terms_a", "terms_b", "terms_c"))
    assert after == before
    assert found("klubitalo") == ["yksi"]
    assert found("työkokeiluun") == ["kaksi"]
    assert SearchTerm.objects.filter(term="klubitalo").exists()


@pytest.mark.skipif(connection.vendor != "sqlite", reason="FTS5 triggers exist only on SQLite")
def test_rebuild_recreates_lost_fts_triggers(make_practice):
    # A later migration that alters the document table makes Django rebuild
    # it on SQLite, which drops the triggers; a rebuild repairs that.
    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER search_document_ai")
    rebuild_index()
    make_practice(id="uusi", summary={"fi": "Klubitalon siirtymätyö."})
    assert found("klubitalo") == ["uusi"]


def test_rebuild_reports_progress(make_practice):
    make_practice(id="a1")
    make_practice(id="a2")
    calls = []
    assert rebuild_index(progress=lambda done, total: calls.append((done, total))) == 2
    assert calls[-1] == (2, 2)


# --- What a practice puts in the index --------------------------------------------


@pytest.fixture
def vocabularies(db):
    return target_groups_by_code()


def test_entry_puts_fields_in_their_weight_groups(vocabularies):
    entry = document_entry(
        {
            "id": "x",
            "name": {"fi": "Työkokeilun portaat", "en": "Work trial steps"},
            "summary": {"fi": "Tiivistelmä palkkatuesta."},
            "description": {"fi": "Kuvaus [linkki](https://example.org/polku) ja www.example.org."},
            "keywords": ["IPS-malli"],
            "target_groups": ["nuoret"],
            "organisations": [{"name": "Esimerkkisäätiö", "role": "developer"}],
            "resources": [{"type": "pdf", "title": {"fi": "Käsikirja"}, "url": "https://example.org/k.pdf"}],
            "funding": [{"programme": "ESR+", "project_code": "S30042"}],
            "themes": ["yhteistyo"],
            "countries": ["FI"],
            "regions": ["FI-18"],
            "evidence": {"level": 0},
            "scaling": {"stage": "pilot"},
            "published_at": "2024-01-01T00:00:00Z",
        },
        vocabularies,
    )
    assert entry.lang == "fi en"
    assert {"työkokeilu", "porras", "work", "trial"} <= set(entry.terms["a"])
    assert {"ipsmalli", "ips", "nuori"} <= set(entry.terms["b"])
    assert "palkkatuki" in entry.terms["c"]
    assert {"kuvaus", "linkki", "esimerkkisäätiö", "käsikirja", "s30042"} <= set(entry.terms["d"])
    assert not {"https", "example", "polku", "www"} & set(entry.terms["d"])
    assert set(entry.facets) == {
        ("theme", "yhteistyo"),
        ("target_group", "nuoret"),
        ("country", "FI"),
        ("region", "FI-18"),
        ("evidence_level", "0"),
        ("scaling_stage", "pilot"),
        ("resource_type", "pdf"),
    }
    assert all(term.isalnum() and term == term.lower() for group in entry.terms.values() for term in group)


def test_entry_keeps_term_frequencies(vocabularies):
    entry = document_entry({"id": "x", "name": {"fi": "Paja"}, "summary": {"fi": "Paja, paja ja paja."}}, vocabularies)
    assert entry.terms["c"].count("paja") == 3


def test_entry_has_continuity_status_and_adoptions_facets(vocabularies):
    entry = document_entry(
        {
            "id": "x",
            "name": {"fi": "Malli"},
            "scaling": {"stage": "local", "status": "embedded"},
            "adoptions": [{"organisation": "Kaupunki", "region": "FI-18"}],
        },
        vocabularies,
    )
    assert {("continuity_status", "embedded"), ("has_adoptions", "yes")} <= set(entry.facets)
    assert not [facet for facet in entry.facets if facet[0] == "continuity_status" and facet[1] != "embedded"]


# Facet counts come from per-process bitmaps (facet_bitmaps.py) that must
# follow every change of the index, also one that was rolled back.


def theme_counts() -> dict[str, int]:
    return {value["code"]: value["count"] for value in search("").facets["theme"]}


def test_counts_follow_publish_edit_unpublish_and_delete(make_practice):
    page = make_practice(id="teemat", themes=["yhteistyo"])
    assert theme_counts() == {"yhteistyo": 1}
    latest = page.get_latest_revision_as_object()
    latest.themes.set([])
    latest.save_revision().publish()
    assert theme_counts() == {}
    other = make_practice(id="toinen", themes=["tyonantajat"])
    assert theme_counts() == {"tyonantajat": 1}
    other.unpublish()
    assert theme_counts() == {}
    make_practice(id="kolmas", themes=["yhteistyo"])
    assert theme_counts() == {"yhteistyo": 1}
    page.delete()
    assert theme_counts() == {"yhteistyo": 1}


def test_counts_of_a_query_follow_the_index(make_practice):
    def counts():
        return {value["code"]: value["count"] for value in search("klubitalo").facets["theme"]}

    make_practice(id="klubi-1", summary={"fi": "Klubitalon siirtymätyö."}, themes=["yhteistyo"])
    assert counts() == {"yhteistyo": 1}
    assert counts() == {"yhteistyo": 1}  # the match's bitmap is kept, and still right
    second = make_practice(id="klubi-2", summary={"fi": "Klubitalo ja työnantajat."}, themes=["tyonantajat"])
    assert counts() == {"yhteistyo": 1, "tyonantajat": 1}
    second.unpublish()
    assert counts() == {"yhteistyo": 1}


def test_a_rolled_back_change_is_not_counted(make_practice):
    make_practice(id="pysyva", themes=["yhteistyo"])
    assert theme_counts() == {"yhteistyo": 1}

    class Undo(Exception):
        pass

    with pytest.raises(Undo), transaction.atomic():
        make_practice(id="perutaan", themes=["tyonantajat"])
        # Counted inside the transaction that wrote it ...
        assert theme_counts() == {"yhteistyo": 1, "tyonantajat": 1}
        raise Undo
    # ... and not after the rollback, though the next change reuses its log id.
    make_practice(id="uusi", themes=["yhteistyo"])
    assert theme_counts() == {"yhteistyo": 2}


def test_a_process_behind_a_pruned_log_reads_everything_again(make_practice):
    page = make_practice(id="karsittu", themes=["yhteistyo"])
    behind = FacetBitmaps()
    behind.refresh()
    assert behind.counts(None, {}, ["theme"]) == {"theme": {"yhteistyo": 1}}
    # A facet row written without a log entry is only seen by a full read.
    SearchFacet.objects.create(document_id=page.pk, facet="theme", code="tyonantajat")
    IndexChange.objects.all().delete()
    record_change(0)  # a change of some other document
    behind.refresh()
    assert behind.counts(None, {}, ["theme"]) == {"theme": {"yhteistyo": 1, "tyonantajat": 1}}


def test_the_log_is_pruned(db):
    for _ in range(facet_bitmaps.KEEP_CHANGES + 200):
        record_change(1)
    assert IndexChange.objects.count() <= facet_bitmaps.KEEP_CHANGES + 100


def index_rows() -> tuple[list, list]:
    documents = list(SearchDocument.objects.order_by("page_id").values_list())
    facets = sorted(SearchFacet.objects.values_list("document_id", "facet", "code"))
    return documents, facets


def test_rebuild_with_a_worker_process_writes_the_same_index(make_practice):
    make_practice(id="eka", summary={"fi": "Työkokeilu pajalla."}, themes=["yhteistyo"])
    make_practice(id="toka", summary={"fi": "Kokemusasiantuntijat mukana."}, regions=["FI-18"])
    make_practice(id="luonnos", summary={"fi": "Ei indeksiin."}, status="draft")
    assert rebuild_index(parallel=False) == 2
    serial = index_rows()
    assert rebuild_index(parallel=True) == 2
    assert index_rows() == serial
    assert found("työkokeiluun") == ["eka"]


def test_the_search_record_gives_the_entry_the_whole_record_gives(practice_index, tmp_path):
    from bench.generate_corpus import write_corpus
    from mallipankki.imports.importer import import_file
    from mallipankki.practices.interchange import export_queryset, practice_to_record, search_record

    path = tmp_path / "corpus.json"
    with path.open("w", encoding="utf-8") as fp:
        write_corpus(40, fp, seed=9)
    assert import_file(path).ok
    target_groups = target_groups_by_code()
    pages = list(export_queryset())
    for page in pages:
        expected = document_entry(practice_to_record(page), target_groups)
        assert document_entry(search_record(page), target_groups) == expected, page.slug
    # The corpus has every kind of value the entry reads.
    entries = [document_entry(search_record(page), target_groups) for page in pages]
    facets = {facet for entry in entries for facet, _code in entry.facets}
    assert facets >= {"theme", "target_group", "country", "region", "evidence_level", "scaling_stage"}
    assert {"resource_type", "continuity_status", "has_adoptions"} <= facets
    assert all(entry.terms["d"] for entry in entries)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the browsing index is PostgreSQL's (migration 0005)")
def test_browsing_reads_its_order_from_an_index_on_postgresql(make_practice):
    from django.test.utils import CaptureQueriesContext

    make_practice(id="yksi")
    with CaptureQueriesContext(connection) as queries:
        search("")
    (browse,) = [query["sql"] for query in queries.captured_queries if "ORDER BY d.published_at" in query["sql"]]
    with connection.cursor() as cursor:
        # A table this small is cheaper to sort; the question is whether an index has the order at all.
        cursor.execute("SET LOCAL enable_sort = off")
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {browse}")
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "search_doc_newest_first" in plan
    assert "Sort" not in plan
