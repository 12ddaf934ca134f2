"""When a link counts as broken, and when it is checked next.

InternetArchiveBot's rule: a link is broken only after it has failed on
three checks at least three days apart. One failed check makes it
`failing`; a failure sooner than three days after the last counted one is
kept in the history but not counted. One working check resets the count.
`now` is passed in, never read from the clock, so tests decide the day.
"""

from datetime import timedelta

from .models import Link

STRIKES_TO_BREAK = 3
STRIKE_SPACING = timedelta(days=3)
RECHECK_WORKING = timedelta(days=7)
RECHECK_BROKEN = timedelta(days=7)


def apply_check(link: Link, ok: bool, now) -> None:
    """Updates `link`'s status, strike count and next check time (not saved)."""
    link.checked_at = now
    if ok:
        link.status = Link.Status.OK
        link.strikes = 0
        link.last_strike_at = None
        link.next_check_at = now + RECHECK_WORKING
        return
    if link.last_strike_at is None or now - link.last_strike_at >= STRIKE_SPACING:
        link.strikes += 1
        link.last_strike_at = now
    if link.strikes >= STRIKES_TO_BREAK:
        link.status = Link.Status.BROKEN
        link.next_check_at = now + RECHECK_BROKEN
    else:
        link.status = Link.Status.FAILING
        # Not sooner: a check before then could not count as a strike.
        link.next_check_at = link.last_strike_at + STRIKE_SPACING
