"""Bulk work runs with fewer collections of cycles, and still frees them."""

import gc
import weakref

from mallipankki.core.garbage import fewer_collections


class _Node:
    pass


def test_cycles_made_during_bulk_work_are_still_collected_and_the_settings_come_back():
    before = gc.get_threshold()
    with fewer_collections(threshold=10_000):
        assert gc.get_threshold()[0] == 10_000
        node = _Node()
        node.itself = node  # a cycle: only the collector frees it
        gone = weakref.ref(node)
        del node
        # Enough new containers for the youngest generation to be collected.
        kept = [[] for _ in range(300_000)]
        assert gone() is None
        assert gc.get_freeze_count() > 0
    del kept
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0
