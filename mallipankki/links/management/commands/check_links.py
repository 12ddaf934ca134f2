"""Checks the links of published practices and keeps copies of their documents.

Run once a day (cron or a systemd timer; see README). Safe to run more
often: a link is checked again only when it is due (a week after it
worked, three days after it failed), so extra runs cost little.
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from mallipankki.links import services
from mallipankki.practices.models import PracticePage

PROGRESS_EVERY = 100


class Command(BaseCommand):
    help = "Tarkistaa julkaistujen mallien linkit ja tallentaa kopiot linkitetyistä asiakirjoista."

    def add_arguments(self, parser):
        parser.add_argument(
            "--practice",
            type=int,
            metavar="ID",
            help="Tarkista vain tämän mallin linkit, myös ne, jotka eivät ole vielä vuorossa.",
        )
        parser.add_argument("--dry-run", action="store_true", help="Tarkista, mutta älä tallenna mitään.")

    def handle(self, *args, practice=None, dry_run=False, verbosity=1, **options):
        if practice is not None and not PracticePage.objects.live().filter(pk=practice).exists():
            raise CommandError(_("Julkaistua mallia %(id)s ei ole.") % {"id": practice})
        if dry_run:
            self.stdout.write(_("Koeajo: mitään ei tallenneta eikä asiakirjoja ladata."))
        count = 0

        def progress(result, link):
            nonlocal count
            count += 1
            if not result.ok and verbosity >= 1:
                self.stdout.write(f"  [{link.status}] {result.url} ({result.status_code or result.error})")
            elif verbosity >= 2:
                self.stdout.write(f"  [{link.status}] {result.url}")
            if verbosity >= 1 and count % PROGRESS_EVERY == 0:
                self.stdout.write(_("%(count)s linkkiä tarkistettu…") % {"count": count})

        summary = services.check_links(practice_id=practice, dry_run=dry_run, progress=progress)
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Tarkistettu %(checked)s linkkiä: toimii %(ok)s, ei vastannut %(failing)s, ei toimi %(broken)s. "
                    "Uusia kopioita %(new)s, ennallaan %(same)s, hylättyjä %(refused)s."
                )
                % {
                    "checked": summary.checked,
                    "ok": summary.statuses["ok"],
                    "failing": summary.statuses["failing"],
                    "broken": summary.statuses["broken"],
                    "new": summary.new_copies,
                    "same": summary.unchanged_copies,
                    "refused": sum(summary.refused_copies.values()),
                }
            )
        )
