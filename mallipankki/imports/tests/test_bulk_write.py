"""The batched write path of the importer (bulk_write.py) against the per-page one.

One file is imported both ways, each time into the same starting database
(the first import is rolled back), and everything a practice leaves behind
is compared: its record, its page row and tree position, its revisions and
their content, its log entries, its search index entry and its entry in
Wagtail's admin search index.
"""

import io
import json
from datetime import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Page, PageLogEntry, Revision
from wagtail.search.models import IndexEntry

from bench.generate_corpus import write_corpus
from mallipankki.imports import importer
from mallipankki.imports.importer import import_file
from mallipankki.practices.factories import PracticeRecordFactory
from mallipankki.practices.interchange import export_queryset, practice_to_record
from mallipankki.practices.models import PracticePage
from mallipankki.search.models import SearchDocument, SearchFacet, SearchTerm
from mallipankki.search.rebuild import rebuild_index
from mallipankki.search.service import rank_practices

PAGE_FIELDS = (
    "title draft_title slug path depth numchild url_path locale_id content_type_id live has_unpublished_changes "
    "owner_id seo_title show_in_menus search_description go_live_at expire_at expired locked alias_of_id status"
).split()
# Ids and times the two runs cannot share.
VOLATILE = {"pk", "id", "page_ptr", "practice", "translation_key", "latest_revision", "live_revision"}


class _Rollback(Exception):
    pass


def corpus_file(tmp_path, existing_slug):
    buffer = io.StringIO()
    write_corpus(24, buffer, seed=11)
    document = json.loads(buffer.getvalue())
    practices = document["practices"]
    # A link to a record further on is resolved only after every record
    # exists, which costs the per-page path a second revision: so must it here.
    practices[3]["builds_on"] = [practices[20]["id"], existing_slug]
    practices[5]["status"] = "draft"
    practices[5]["builds_on"] = [practices[22]["id"]]
    # An update in the middle of new records: the records before it must be
    # written first, as the per-page path would have them.
    practices.insert(12, PracticeRecordFactory(id=existing_slug, summary={"fi": "Päivitetty tiivistelmä."}))
    # In chunks of five: links to the chunk before (built, maybe not yet
    # written when this one is planned), to a page the writer created itself
    # in the chunk with the update, and to one of the chunk before that.
    practices[7]["builds_on"] = [practices[2]["id"]]
    practices[16]["builds_on"] = [practices[11]["id"]]
    practices[22]["builds_on"] = [practices[17]["id"], existing_slug]
    path = tmp_path / "corpus.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path, len(practices)


def _stamp(value, started):
    """Times written by the import itself differ between runs; the record's own do not."""
    if isinstance(value, datetime):
        return "import time" if value >= started else value
    if isinstance(value, str) and len(value) >= 19 and value[4:5] == "-" and value[10:11] == "T":
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
        return "import time" if parsed >= started else value
    return value


def _normalised(value, started, slugs):
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            if key in VOLATILE:
                continue
            if key == "target":
                out[key] = slugs.get(item, item)
            else:
                out[key] = _normalised(item, started, slugs)
        return out
    if isinstance(value, list):
        return [_normalised(item, started, slugs) for item in value]
    return _stamp(value, started)


def admin_entry_fields() -> list[str]:
    # Not title_norm: modelsearch sets it when an entry is added, after the
    # entries there are then, so it depends on the order of the writes.
    fields = ["title", "autocomplete", "body"]
    # The plain texts of trigram search exist only on PostgreSQL.
    return fields + ["title_text", "body_text"] if connection.vendor == "postgresql" else fields


def snapshot(started):
    """Everything the import left behind, keyed by practice id, free of row ids."""
    slugs = dict(PracticePage.objects.values_list("pk", "slug"))
    state = {}
    for page in export_queryset():
        revisions = list(Revision.page_revisions.filter(object_id=str(page.pk)).order_by("id"))
        logs = PageLogEntry.objects.filter(page_id=page.pk).order_by("id")
        document = SearchDocument.objects.filter(page_id=page.pk).first()
        admin_entry = IndexEntry.objects.filter(object_id=str(page.pk)).values(*admin_entry_fields())
        state[page.slug] = {
            "record": _normalised(practice_to_record(page, include_private=True), started, slugs),
            "page": {name: _stamp(getattr(page, name), started) for name in PAGE_FIELDS},
            "times": [_stamp(getattr(page, name), started) for name in ("first_published_at", "last_published_at")],
            "latest_is_last_revision": page.latest_revision_id == revisions[-1].pk,
            "live_revision": revisions.index(page.live_revision) if page.live_revision_id else None,
            "revisions": [
                (_normalised(revision.content, started, slugs), revision.object_str, revision.user_id)
                for revision in revisions
            ],
            "logs": [
                (log.action, log.label, log.user_id, log.data, log.content_changed, log.deleted, log.content_type_id)
                + ((revisions.index(log.revision),) if log.revision_id else (None,))
                for log in logs
            ],
            "admin_search": list(admin_entry),
            "search": document
            and (
                document.lang,
                document.terms_a,
                document.terms_b,
                document.terms_c,
                document.terms_d,
                _stamp(document.published_at, started),
                sorted(SearchFacet.objects.filter(document=document).values_list("facet", "code")),
            ),
        }
    return state


@pytest.mark.django_db(transaction=False)
# With parallel, the search rows are analysed in a worker process (they are
# written a batch later, and before the deferred links publish pages again).
# In chunks of five, the chunks of new practices only are built in a second
# process (batch_builder.py), one ahead of the writes.
@pytest.mark.parametrize("parallel, chunk", [(False, 2000), (True, 2000), (True, 5)])
def test_batched_import_leaves_exactly_what_the_per_page_import_leaves(
    make_practice, tmp_path, client, parallel, chunk, monkeypatch
):
    monkeypatch.setattr(importer, "BATCH_SIZE", chunk)
    editor = User.objects.create_superuser("tuoja", "tuoja@example.fi", "salasana-pitka-123")
    existing = make_practice(id="jo-olemassa")
    path, total = corpus_file(tmp_path, existing.slug)
    started = timezone.now()

    try:
        with transaction.atomic():
            reference = import_file(path, user=editor, bulk=False)
            expected = snapshot(started)
            raise _Rollback
    except _Rollback:
        pass
    assert not PracticePage.objects.exclude(pk=existing.pk).exists()

    result = import_file(path, user=editor, parallel=parallel)
    assert (result.ok, result.created, result.updated, result.unchanged) == (True, total - 1, 1, 0)
    assert (reference.created, reference.updated) == (result.created, result.updated)
    actual = snapshot(started)

    assert actual.keys() == expected.keys()
    for slug in expected:
        assert actual[slug] == expected[slug], slug
    # The file has deferred links and drafts, so the comparison covered them.
    assert len(actual[json.loads(path.read_text())["practices"][3]["id"]]["revisions"]) == 2
    assert any(not state["page"]["live"] for state in actual.values())
    assert all(len(state["admin_search"]) == 1 for state in actual.values())

    # The tree is sound and every live practice answers at its address.
    assert all(problems == [] for problems in Page.find_problems())
    index = existing.get_parent()
    assert index.specific.numchild == PracticePage.objects.count()
    for page in PracticePage.objects.live():
        assert client.get(page.url).status_code == 200, page.url
    assert client.get(PracticePage.objects.filter(live=False).first().url).status_code == 404


@pytest.mark.django_db
def test_a_batched_practice_is_found_edited_and_restored_in_the_admin(practice_index, tmp_path, client):
    editor = User.objects.create_superuser("toimittaja", "t@example.fi", "salasana-pitka-123")
    record = PracticeRecordFactory(
        id="nuorten-tyokokeilu",
        name={"fi": "Nuorten työkokeilupolku"},
        keywords=["työkokeilu"],
        organisations=[{"name": "Esimerkkikunta", "role": "owner"}],
        published_at="2024-03-01T10:00:00Z",
    )
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"format": "practices", "version": 1, "practices": [record]}), encoding="utf-8")
    assert import_file(path, user=editor).created == 1
    page = PracticePage.objects.get(slug="nuorten-tyokokeilu")
    imported = practice_to_record(page, include_private=True)

    assert page.pk in rank_practices("työkokeiluun").ids
    client.force_login(editor)
    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    first = page.latest_revision
    assert client.get(f"/admin/pages/{page.pk}/revisions/{first.pk}/view/").status_code == 200

    # Edit and publish, then restore the imported revision as the admin's
    # "replace current draft" does, and publish that.
    edited = page.get_latest_revision_as_object()
    edited.summary_fi = "Toimittajan muuttama tiivistelmä."
    edited.save_revision(user=editor, log_action=True).publish(user=editor)
    compare = f"/admin/pages/{page.pk}/revisions/compare/{first.pk}...latest/"
    response = client.get(compare)
    assert response.status_code == 200 and "Toimittajan muuttama" in response.content.decode()
    assert client.get(f"/admin/pages/{page.pk}/revisions/{first.pk}/revert/").status_code == 200
    restored = first.as_object()
    restored.save_revision(user=editor, previous_revision=first, log_action=True).publish(user=editor)

    page.refresh_from_db()
    after = practice_to_record(export_queryset(PracticePage.objects.filter(pk=page.pk)).get(), include_private=True)
    assert {k: v for k, v in after.items() if k != "updated_at"} == {
        k: v for k, v in imported.items() if k != "updated_at"
    }
    assert page.revisions.count() == 3
    assert list(PageLogEntry.objects.filter(page=page).order_by("id").values_list("action", flat=True)) == [
        "wagtail.create",
        "wagtail.edit",
        "wagtail.publish",
        "wagtail.edit",
        "wagtail.publish",
        "wagtail.revert",
        "wagtail.publish",
    ]


def index_state():
    documents = list(SearchDocument.objects.order_by("page_id").values())
    facets = sorted(SearchFacet.objects.values_list("document_id", "facet", "code"))
    return documents, facets, set(SearchTerm.objects.values_list("term", flat=True))


@pytest.mark.django_db
def test_rebuilding_the_index_writes_what_publishing_wrote(make_practice):
    make_practice(
        id="klubitalo",
        summary={"fi": "Klubitalon siirtymätyö.", "en": "Transitional employment."},
        keywords=["mielenterveys"],
        target_groups=["mielenterveyskuntoutujat"],
        resources=[{"type": "pdf", "title": {"fi": "Opas"}, "url": "https://example.fi/opas.pdf"}],
        published_at="2023-05-04T08:09:10.123000Z",
    )
    make_practice(id="kirjasto", summary={"fi": "Työkokeilu kirjastossa."}, evidence={"level": 2})
    make_practice(id="luonnos", summary={"fi": "Luonnos."}, status="draft")
    before = index_state()
    assert len(before[0]) == 2 and before[1]

    assert rebuild_index() == 2
    assert index_state() == before


@pytest.mark.django_db
def test_revision_content_is_what_wagtail_serialises(practice_index, tmp_path):
    path = tmp_path / "corpus.json"
    with path.open("w", encoding="utf-8") as fp:
        write_corpus(8, fp, seed=5)
    assert import_file(path).created == 8
    contents = []
    for page in PracticePage.objects.all():
        revision = page.latest_revision
        # The revision holds the page as it was when the revision was saved:
        # before it pointed to any revision.
        page.latest_revision = page.live_revision = page.latest_revision_created_at = None
        page.has_unpublished_changes = False
        expected = json.loads(page.to_json())
        # The database gives the amount with its two decimals; the revision
        # has it as the record said it (so does the per-page path's).
        cost, expected_cost = revision.content.pop("cost_per_participant_eur"), expected.pop("cost_per_participant_eur")
        assert cost is None and expected_cost is None or Decimal(cost) == Decimal(expected_cost)
        assert revision.content == expected
        contents.append(revision.content)
    assert any(content["funding"] and content["organisations"] and content["resources"] for content in contents)
    assert any(content["adoptions"] for content in contents)


@pytest.mark.django_db
@pytest.mark.parametrize("chunk", [2000, 5])
def test_new_admin_search_entries_get_the_title_norm_a_full_refresh_gives(make_practice, tmp_path, chunk, monkeypatch):
    from wagtail.search.backends import get_search_backend

    monkeypatch.setattr(importer, "BATCH_SIZE", chunk)
    make_practice(id="jo-olemassa", name={"fi": "Pitkä olemassa olevan mallin nimi"})
    path = tmp_path / "corpus.json"
    with path.open("w", encoding="utf-8") as fp:
        write_corpus(12, fp, seed=3)
    assert import_file(path).created == 12
    # The last batch's (all of them in one batch of 2000, two in batches of five).
    imported = PracticePage.objects.exclude(slug="jo-olemassa").order_by("path").values_list("pk", flat=True)
    last = IndexEntry.objects.filter(object_id__in=[str(pk) for pk in imported][-(12 % chunk) :])
    norms = dict(last.values_list("object_id", "title_norm"))
    assert len(norms) == 12 % chunk
    assert len({round(norm, 6) for norm in norms.values()}) > 1

    # The title norms of the last batch were set over the same entries that
    # a full refresh now averages over, so a full refresh leaves them as
    # they were; with batches of five, the average was carried from batch to
    # batch, not measured again.
    get_search_backend().get_index_for_model(PracticePage)._refresh_title_norms(full=True)
    for object_id, norm in last.values_list("object_id", "title_norm"):
        assert norm == pytest.approx(norms[object_id], rel=1e-9), object_id


@pytest.mark.django_db
def test_each_batch_s_title_norms_average_over_the_entries_there_were_when_it_was_written(
    make_practice, tmp_path, monkeypatch
):
    """The running count of title lengths (admin_index.TitleLengths) gives
    each batch the title norms that averaging over the whole table gave:
    the average over the entries written so far, this batch's included, over
    the entry's own length, in modelsearch's measure (characters on SQLite,
    lexemes on PostgreSQL). The admin search ranks by these norms."""
    from django.db.models.functions import Length
    from wagtail.search.backends import get_search_backend

    monkeypatch.setattr(importer, "BATCH_SIZE", 5)
    make_practice(id="jo-olemassa", name={"fi": "Pitkä olemassa olevan mallin nimi"})
    path = tmp_path / "corpus.json"
    with path.open("w", encoding="utf-8") as fp:
        write_corpus(12, fp, seed=5)
    assert import_file(path).created == 12

    imported = [
        str(pk) for pk in PracticePage.objects.exclude(slug="jo-olemassa").order_by("path").values_list("pk", flat=True)
    ]
    entries = IndexEntry.objects.annotate(length=Length("title"))
    lengths = dict(entries.values_list("object_id", "length"))
    norms = dict(entries.values_list("object_id", "title_norm"))
    earlier = [length for object_id, length in lengths.items() if object_id not in imported]
    for start in range(0, 12, 5):
        batch = imported[start : start + 5]
        titled = [length for length in earlier + [lengths[object_id] for object_id in imported[: start + 5]] if length]
        average = sum(titled) / len(titled)
        for object_id in batch:
            assert norms[object_id] == pytest.approx(average / lengths[object_id], rel=1e-12), (start, object_id)
    assert len({round(norms[object_id], 9) for object_id in imported}) > 3

    # The admin's page search finds an imported practice by its title, first.
    page = PracticePage.objects.get(pk=imported[7])
    found = list(get_search_backend().search(page.title, PracticePage.objects.all()))
    assert found and found[0].pk == page.pk
