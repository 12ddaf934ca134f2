"""The matcher's index loaded ahead of the first match, and what a visitor
gets while it loads (match_index.warm_up, started by mallipankki/wsgi.py)."""

import threading
import time

import pytest

from mallipankki.planning import match_index
from mallipankki.planning.matcher import Plan, match_practices

DESCRIPTION = "Työhönvalmennus mielenterveyskuntoutujille työpaikoilla"


@pytest.fixture
def held_warm_up(monkeypatch):
    """Start the background load and hold it before it reads anything, until ``release`` is set."""
    started, release = threading.Event(), threading.Event()
    real_refresh = match_index.MatchIndex.refresh

    def held_refresh(self):
        if threading.current_thread().name == "match-index-warm-up":
            started.set()
            release.wait(30)
        real_refresh(self)

    monkeypatch.setattr(match_index.MatchIndex, "refresh", held_refresh)
    thread = match_index.warm_up()
    assert thread is not None and started.wait(30)
    yield release
    release.set()
    thread.join(30)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_while_the_index_loads_matches_come_from_plain_search_without_waiting(make_practice, client, held_warm_up):
    coaching = make_practice(
        name={"fi": "Työhönvalmennus mielenterveyskuntoutujille"},
        summary={"fi": "Työhönvalmentaja tukee mielenterveyskuntoutujaa työpaikoilla."},
    )
    make_practice(name={"fi": "Kielikahvila"}, summary={"fi": "Suomen kielen harjoittelua."})
    assert match_index.warming()
    assert match_index.warm_up() is None  # one load at a time

    started = time.monotonic()
    matches = match_practices(Plan(DESCRIPTION))
    assert time.monotonic() - started < 10  # not held by the load
    assert [match.page_id for match in matches][:1] == [coaching.pk]
    assert matches[0].words  # the reasons still name the shared words

    client.post("/suunnittele/", {"description": DESCRIPTION})
    page = client.get("/suunnittele/").content.decode()
    assert "tavallisen haun järjestyksessä" in page
    assert "Työhönvalmennus mielenterveyskuntoutujille" in page


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_once_loaded_the_index_answers_and_the_note_goes(make_practice, client, held_warm_up):
    coaching = make_practice(
        name={"fi": "Työhönvalmennus mielenterveyskuntoutujille"},
        summary={"fi": "Työhönvalmentaja tukee mielenterveyskuntoutujaa työpaikoilla."},
    )
    held_warm_up.set()
    for _ in range(300):
        if not match_index.warming():
            break
        time.sleep(0.1)
    assert not match_index.warming()
    assert [match.page_id for match in match_practices(Plan(DESCRIPTION))] == [coaching.pk]
    client.post("/suunnittele/", {"description": DESCRIPTION})
    assert "tavallisen haun järjestyksessä" not in client.get("/suunnittele/").content.decode()


def test_warm_up_is_not_started_by_tests_or_commands():
    # Only mallipankki/wsgi.py starts it; nothing a test imports does.
    assert not match_index.warming()
    assert not any(thread.name == "match-index-warm-up" for thread in threading.enumerate())
