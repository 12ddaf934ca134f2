"""Keep the index in step with publishing: connected in SearchConfig.ready().

- publishing (also a scheduled go-live and every edit, which is published as
  a new revision) indexes the practice,
- unpublishing (also expiry) and deleting take it out,
- a view restriction or a move can make practices non-public or public
  again, so the practices under that page are indexed again,
- renaming a target group changes the words its practices are found by,
- saving or deleting a thesaurus concept changes how queries are widened
  (query side only: no document changes, so nothing is reindexed).

Indexing runs in the caller's transaction, so an import that rolls back
leaves the index as it was. It runs in a savepoint and its errors are logged
rather than raised: a search index problem must never stop an editor from
publishing (`manage.py rebuild_search_index` repairs the index).
"""

import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from mallipankki.practices.models import PracticePage
from mallipankki.thesaurus.models import Concept
from mallipankki.vocabularies.models import TargetGroup

from .expansion import forget_table
from .facet_bitmaps import record_change
from .indexing import index_practice, remove_practice
from .models import SearchDocument
from .query import forget_prepared_queries

logger = logging.getLogger(__name__)


def _safely(action, *args):
    try:
        with transaction.atomic():
            action(*args)
    except Exception:
        logger.exception("search index update failed (%s%r); run rebuild_search_index", action.__name__, args)
    # A prepared query may have been checked against the old vocabulary.
    forget_prepared_queries()


def practice_published(sender, instance, **kwargs):
    _safely(index_practice, instance)


def practice_unpublished(sender, instance, **kwargs):
    _safely(remove_practice, instance.pk)


def practice_deleted(sender, instance, **kwargs):
    _safely(remove_practice, instance.pk)


def _reindex_practices(practices) -> None:
    for practice in practices:
        index_practice(practice)


def subtree_changed(page) -> None:
    """Index again every practice at or below `page` (public status may have changed)."""
    _safely(_reindex_practices, list(PracticePage.objects.descendant_of(page, inclusive=True).only("pk")))


def view_restriction_changed(sender, instance, raw=False, **kwargs):
    # raw: fixtures and test-database restores write rows, not edits.
    if instance.page_id and not raw:
        subtree_changed(instance.page)


def page_moved(sender, instance, **kwargs):
    subtree_changed(instance)


def target_group_saved(sender, instance, created, raw=False, **kwargs):
    if not created and not raw:
        _safely(_reindex_practices, list(instance.practices.only("pk")))


def document_deleted(sender, instance, **kwargs):
    # A cascade from a deleted page takes the document without remove_practice.
    record_change(instance.page_id)


def concept_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        forget_table()
        forget_prepared_queries()


def connect() -> None:
    page_published.connect(practice_published, sender=PracticePage, dispatch_uid="search_practice_published")
    page_unpublished.connect(practice_unpublished, sender=PracticePage, dispatch_uid="search_practice_unpublished")
    post_delete.connect(practice_deleted, sender=PracticePage, dispatch_uid="search_practice_deleted")
    post_save.connect(view_restriction_changed, sender=PageViewRestriction, dispatch_uid="search_restriction_saved")
    post_delete.connect(view_restriction_changed, sender=PageViewRestriction, dispatch_uid="search_restriction_deleted")
    post_page_move.connect(page_moved, dispatch_uid="search_page_moved")
    post_delete.connect(document_deleted, sender=SearchDocument, dispatch_uid="search_document_deleted")
    post_save.connect(target_group_saved, sender=TargetGroup, dispatch_uid="search_target_group_saved")
    post_save.connect(concept_changed, sender=Concept, dispatch_uid="search_concept_saved")
    post_delete.connect(concept_changed, sender=Concept, dispatch_uid="search_concept_deleted")
