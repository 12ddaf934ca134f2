"""Proposals with one name, sent at the same moment, get different addresses (on SQLite and PostgreSQL).

The slug comes from the name with -2, -3 … on a clash (proposals.services.unique_slug);
the catalogue page's row lock (SQLite: the write lock) makes the choice one at a time.
Without it two drafts would share a slug, or the second would update the first's draft.
"""

import pytest
from django.test import Client

from mallipankki.practices.models import PracticePage
from mallipankki.proposals.tests.helpers import proposal_data

from .test_rate_limits import (
    database_for_threads,
    in_parallel,
    in_thread,
    sequences_past_restored_rows,  # noqa: F401  (autouse fixture)
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

POSTS = 5


def test_parallel_proposals_with_one_name_get_numbered_slugs(practice_index, settings, tmp_path):
    settings.PROPOSAL_FILES_ROOT = str(tmp_path / "private")
    with database_for_threads(tmp_path):
        responses = in_parallel(
            POSTS,
            # Each from its own address: the rate limit is not what is tested here.
            lambda i: Client(REMOTE_ADDR=f"203.0.113.{i + 1}").post("/ehdota/", proposal_data(name="Työpolku Åland")),
        )
        named = PracticePage.objects.filter(slug__startswith="tyopolku-aland")
        slugs = in_thread(lambda: sorted(named.values_list("slug", flat=True)))
    assert [getattr(response, "status_code", response) for response in responses] == [302] * POSTS
    assert slugs == sorted(["tyopolku-aland"] + [f"tyopolku-aland-{number}" for number in range(2, POSTS + 1)])
