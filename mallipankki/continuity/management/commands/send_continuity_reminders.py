"""Emails practice contacts a link to confirm that their practice still runs.

Run once a day (cron or a systemd timer; see README). Safe to run more
often: a practice is reminded at most once per CONTINUITY_REMINDER_INTERVAL_DAYS
(30 by default), and not at all within a year of an answer.
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from mallipankki.continuity import reminders

LABELS = {
    reminders.SENT: "lähetetty",
    reminders.WOULD_SEND: "lähetettäisiin",
    reminders.RECENTLY_REMINDED: "muistutettu äskettäin, ohitettu",
    reminders.NO_EMAIL: "ei sähköpostiosoitetta, ohitettu",
    reminders.FAILED: "LÄHETYS EPÄONNISTUI",
}


class Command(BaseCommand):
    help = "Lähettää vahvistuspyynnön mallien yhteyshenkilöille, joiden mallin tilaa ei ole vahvistettu vuoteen."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Näytä, mitä lähetettäisiin; älä lähetä tai tallenna mitään."
        )

    def handle(self, *args, dry_run=False, verbosity=1, **options):
        def progress(outcome, page):
            # Practice id and name only: the output ends up in cron mail and
            # journald, so no contact addresses in it.
            if verbosity >= 1:
                self.stdout.write(f"  [{LABELS[outcome]}] {page.title} (id {page.pk})")

        if dry_run:
            self.stdout.write(_("Koeajo: mitään ei lähetetä eikä tallenneta."))
        run = reminders.send_reminders(dry_run=dry_run, progress=progress)
        sent = run.count(reminders.WOULD_SEND if dry_run else reminders.SENT)
        summary = _(
            "Vahvistusta odottaa %(due)s mallia: %(sent_label)s %(sent)s, muistutettu äskettäin %(recent)s, "
            "ilman sähköpostiosoitetta %(no_email)s, epäonnistui %(failed)s."
        ) % {
            "due": run.due,
            "sent_label": _("lähetettäisiin") if dry_run else _("lähetetty"),
            "sent": sent,
            "recent": run.count(reminders.RECENTLY_REMINDED),
            "no_email": run.count(reminders.NO_EMAIL),
            "failed": run.count(reminders.FAILED),
        }
        self.stdout.write(self.style.SUCCESS(summary) if not run.count(reminders.FAILED) else summary)
        if run.count(reminders.FAILED):
            # A non-zero exit makes cron mail the operator and systemd mark the unit failed.
            raise CommandError(
                _("%(failed)s muistutuksen lähetys epäonnistui; ne yritetään uudelleen seuraavalla ajolla.")
                % {"failed": run.count(reminders.FAILED)}
            )
