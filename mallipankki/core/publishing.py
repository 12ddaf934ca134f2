"""Publishing a page that is in a workflow: only the workflow does it.

While a practice is in its workflow ("Arviointi ja julkaisu"; in progress,
or rejected and waiting for changes), the workflow's last task (the editors' decision) is the one way to publish it,
for every role, superusers included. Wagtail would otherwise let anyone
with publish permission press "Julkaise" beside the workflow's buttons, and
its WAGTAIL_WORKFLOW_CANCEL_ON_PUBLISH would then quietly cancel the
evaluation. Two layers hold the rule:

- the permission tester (core.permissions) says no to `can_publish` while a
  workflow is in progress, which hides the publish buttons and refuses the
  edit view's POST, the revisions' revert-and-publish, bulk publishing and
  scheduling;
- `PublishOnlyThroughWorkflow.publish`, on the model, refuses every other
  caller (code, commands, scheduled publishing) with `PublishingBlocked`.

The workflow's own publish passes: Wagtail marks the workflow state approved
before it publishes. Cancelling the workflow opens publishing again.

System writes that must reach the live page while an evaluation runs (a
confirmed adoption, a continuity answer) publish the live content in place
with `publish_in_place`, which neither publishes the draft nor cancels the
workflow.
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.actions.publish_revision import PublishPermissionError
from wagtail.log_actions import log
from wagtail.signals import page_published

SCHEDULED = "wagtail.publish.scheduled"  # the log action publish_scheduled passes


class PublishingBlocked(PublishPermissionError):
    """Raised when something tries to publish a page whose workflow is in progress."""

    message = _("Malli on arviointityönkulussa. Se julkaistaan julkaisupäätöksellä tai kun työnkulku perutaan.")

    def __init__(self, message=None):
        super().__init__(message or self.message)


def publishing_blocked(page) -> bool:
    """True while `page` has a workflow under way: then only the workflow publishes it.

    Under way means in progress or, after a rejection, waiting for changes:
    a rejected practice is resubmitted, or its workflow cancelled, before
    anyone publishes it by hand.
    """
    return bool(page.pk) and page.workflow_states.active().exists()


class PublishOnlyThroughWorkflow:
    """A page model mixin: `publish()` refuses while the page's workflow is in progress."""

    def publish(self, revision, *args, **kwargs):
        if publishing_blocked(self):
            if kwargs.get("log_action") == SCHEDULED:
                # Wagtail's scheduler: raising would stop it for every other
                # page, so the schedule is dropped (and logged) instead.
                revision.approved_go_live_at = None
                revision.save(update_fields=["approved_go_live_at"])
                return None
            raise PublishingBlocked
        return super().publish(revision, *args, **kwargs)


def publish_in_place(page, revision, user, fields=None) -> None:
    """Marks `revision`, which holds the live content, live without Wagtail's publish().

    `page`'s row (plus `fields`, written here) must already be what `revision`
    serialised. What publish() would add is the live pointer, the timestamp,
    the log entry and the signal (search index, caches); what it would also
    do, and this does not, is cancel the workflow in progress.
    """
    now = timezone.now()
    type(page).objects.filter(pk=page.pk).update(
        **(fields or {}), live_revision=revision, last_published_at=now, has_unpublished_changes=False
    )
    log(instance=page, action="wagtail.publish", user=user, revision=revision, content_changed=True)
    page_published.send(sender=type(page), instance=page, revision=revision)
