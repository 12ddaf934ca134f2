"""Treebeard paths of new pages, numbered before the pages are written.

A batch of new practices is written as rows, not through add_child, so
their materialised paths are worked out here. Treebeard has no public
function for them: these wrap the private ones its own add_child uses, so
the paths are the ones pages added one by one would get.
"""

from mallipankki.practices.models import PracticePage


def child_path(parent_path: str, depth: int, step: int) -> str:
    """The path of the `step`th child (counted from 1) of the page at `parent_path`; `depth` is the child's."""
    return PracticePage._get_path(parent_path, depth, step)


def last_child_step(path: str) -> int:
    """The number of the last step of `path`, that is, which child of its parent it is."""
    return PracticePage._str2int(path[-PracticePage.steplen :])


def fits_in_tree(step: int) -> bool:
    """Whether a child numbered `step` fits in one step of a path."""
    return len(PracticePage._int2str(step)) <= PracticePage.steplen
