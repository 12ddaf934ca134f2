"""Fewer runs of Python's cycle collector during bulk work."""

import gc
from collections.abc import Iterator
from contextlib import contextmanager

# Allocations between two collections of the youngest generation (700 by
# default): large enough that a bulk import spends about as little time in
# the collector as with it off (bench/README.md).
BULK_THRESHOLD = 50_000


@contextmanager
def fewer_collections(threshold: int = BULK_THRESHOLD) -> Iterator[None]:
    """Collects cycles less often while bulk work builds millions of short-lived containers.

    The objects there are when it starts (Django, Wagtail, the analysis
    caches: hundreds of thousands) are frozen, so that the collections that
    do run no longer walk through them; forked workers inherit both
    settings. Cycles are still collected, only in larger steps.
    """
    old = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(threshold, *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)
        gc.unfreeze()
