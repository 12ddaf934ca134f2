import sys
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import OperationalError
from django.utils.translation import gettext as _

from mallipankki.core.busy import database_busy
from mallipankki.imports.importer import import_file
from mallipankki.imports.locking import IMPORT_LOCK_WAIT_SECONDS, ImportRunning
from mallipankki.imports.validation import ImportFileError


class Command(BaseCommand):
    help = (
        "Imports practices from an interchange file (practices-v1). Validates the whole file first; "
        "a file with any problem changes nothing. Creates or updates by id."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="interchange JSON file")
        parser.add_argument("--dry-run", action="store_true", help="validate and count, write nothing")

    def handle(self, *args, file, dry_run, **options):
        started = time.monotonic()

        def progress(stage, done, total):
            label = {"validate": "checked", "write": "written"}[stage]
            suffix = f" / {total}" if total else ""
            self.stderr.write(f"  {label} {done}{suffix}")

        try:
            result = import_file(file, dry_run=dry_run, progress=progress)
        except FileNotFoundError:
            raise CommandError(f"{file}: no such file") from None
        except ImportFileError as error:
            raise CommandError(str(error)) from None
        except ImportRunning as error:
            raise CommandError(str(error)) from None
        except OperationalError as error:
            if not database_busy(error):
                raise
            # Another long write (not the web's: the import waits for those).
            raise CommandError(
                _(
                    "Tietokanta oli varattuna yli %(seconds)s sekuntia, joten mitään ei tuotu. "
                    "Yritä uudelleen, kun muut pitkät ajot ovat valmiita."
                )
                % {"seconds": IMPORT_LOCK_WAIT_SECONDS}
            ) from None

        if result.problems:
            for problem in result.problems:
                self.stderr.write(str(problem))
            self.stderr.write(
                self.style.ERROR(
                    f"{len(result.problems)} problem(s) in {result.total} practice(s); nothing was changed."
                )
            )
            sys.exit(1)
        seconds = time.monotonic() - started
        prefix = "Dry run, nothing written: " if dry_run else ""
        self.stdout.write(
            self.style.SUCCESS(
                f"{prefix}{result.total} practices: {result.created} created, {result.updated} updated, "
                f"{result.unchanged} unchanged, 0 errors ({seconds:.1f} s)."
            )
        )
