"""Recording a contact's answer: history row, new published revision, log entry."""

from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter, log

from mallipankki.links.permissions import grant_by_owner
from mallipankki.practices.models import PracticePage

from .models import ContinuityConfirmation, ContinuityReminder

Answer = ContinuityConfirmation.Answer
Status = PracticePage.ContinuityStatus
LOG_ACTION = "continuity.confirmed"


class AlreadyAnswered(Exception):
    """The reminder has an answer; a link changes the practice once."""


class NotAvailable(Exception):
    """The practice is no longer published; an answer must not publish it again."""


def has_current_funding(page: PracticePage, today: date) -> bool:
    return any(
        (row.start is None or row.start <= today) and (row.end is None or row.end >= today)
        for row in page.funding.all()
    )


def resulting_status(page: PracticePage, answer: str, chosen_status: str, today: date) -> str:
    """The continuity status an answer leaves on the practice.

    "Still running" keeps "in a project" or "embedded" as recorded. When the
    record said ended, unknown or nothing, the answer shows that it runs but
    not on what: running funding on today's date says a project, none says
    the practice has found a permanent home. "Changed" asks for the status.
    """
    if answer == Answer.ENDED:
        return Status.ENDED
    if answer == Answer.CHANGED and chosen_status:
        return chosen_status
    if page.continuity_status in (Status.IN_PROJECT, Status.EMBEDDED):
        return page.continuity_status
    return Status.IN_PROJECT if has_current_funding(page, today) else Status.EMBEDDED


def record_answer(
    reminder: ContinuityReminder,
    *,
    answer: str,
    note: str = "",
    continuity_status: str = "",
    continuity_owner: str = "",
    continuity_funding: str = "",
    grant_copies: bool = False,
    now=None,
) -> ContinuityConfirmation:
    """Stores the answer and publishes the practice with its new status and date.

    Raises AlreadyAnswered when the reminder has been answered (also when
    another submission wins a race: the one-to-one column refuses the second
    row and everything of this one is rolled back), NotAvailable when the
    practice is no longer live.
    """
    try:
        return _record(
            reminder.pk,
            answer=answer,
            note=note.strip(),
            chosen_status=continuity_status,
            owner=continuity_owner.strip(),
            funding=continuity_funding.strip(),
            grant_copies=grant_copies,
            now=now or timezone.now(),
        )
    except IntegrityError as error:
        raise AlreadyAnswered from error


@transaction.atomic
def _record(reminder_pk, *, answer, note, chosen_status, owner, funding, grant_copies, now) -> ContinuityConfirmation:
    reminder = ContinuityReminder.objects.select_for_update().get(pk=reminder_pk)
    if ContinuityConfirmation.objects.filter(reminder=reminder).exists():
        raise AlreadyAnswered
    page = PracticePage.objects.get(pk=reminder.practice_id)
    if not page.live:
        raise NotAvailable
    today = timezone.localdate(now)
    changes = {
        "continuity_status": resulting_status(page, answer, chosen_status, today),
        "continuity_verified_on": today,
    }
    if answer == Answer.CHANGED:
        if owner:
            changes["continuity_owner"] = owner
        if funding:
            changes["continuity_funding"] = funding
    # The history row first: a concurrent answer to the same link fails here,
    # before anything is published.
    confirmation = ContinuityConfirmation.objects.create(
        practice=page,
        reminder=reminder,
        answer=answer,
        note=note,
        continuity_status=changes["continuity_status"],
        continuity_owner=changes.get("continuity_owner", ""),
        continuity_funding=changes.get("continuity_funding", ""),
        answered_at=now,
    )
    if grant_copies:
        grant_by_owner(page, now)
    previous_status = page.continuity_status
    confirmation.revision = publish_changes(page, changes)
    confirmation.save(update_fields=["revision"])
    log(
        instance=page,
        action=LOG_ACTION,
        user=None,
        revision=confirmation.revision,
        data={
            "answer": answer,
            "status": changes["continuity_status"],
            "previous_status": previous_status,
            "confirmation": confirmation.pk,
        },
    )
    return confirmation


def publish_changes(page: PracticePage, changes: dict):
    """Writes `changes` onto the live practice as a new published revision.

    Nobody is logged in, so the revision and its publication are the
    system's (user None); the log entry written by `record_answer` says why.
    An editor's unpublished draft is kept: the same changes are saved on top
    of it as the latest revision, so neither publishing that draft later nor
    a workflow approving it (Wagtail publishes the latest revision) undoes
    the answer.
    """
    live = PracticePage.objects.get(pk=page.pk)
    draft = live.get_latest_revision_as_object() if live.has_unpublished_changes else None
    for name, value in changes.items():
        setattr(live, name, value)
    revision = live.save_revision(user=None, clean=False)
    revision.publish(user=None, log_action=True)
    if draft is not None:
        for name, value in changes.items():
            setattr(draft, name, value)
        draft.save_revision(user=None, clean=False)
    return revision


class ConfirmedLogFormatter(LogFormatter):
    """The page history line of an answer (registered in wagtail_hooks)."""

    label = _("Jatkuvuus vahvistettu sähköpostilinkillä")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        answer = dict(Answer.choices).get(data.get("answer"), data.get("answer", ""))
        status = dict(Status.choices).get(data.get("status"), data.get("status", ""))
        return _(
            "Yhteyshenkilö vastasi sähköpostilinkin kautta ilman kirjautumista: %(answer)s. "
            "Toiminnan tila: %(status)s; vahvistuspäivä päivitetty."
        ) % {"answer": answer, "status": status}
