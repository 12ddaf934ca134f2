import sys

from django.core.management.base import BaseCommand

from mallipankki.imports.exporter import iter_export_json


class Command(BaseCommand):
    help = "Exports every practice in the interchange format; contact details only with --include-private."

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", help="file to write (default: standard output)")
        parser.add_argument("--include-private", action="store_true", help="include contact persons' details")

    def handle(self, *args, output, include_private, **options):
        out = open(output, "w", encoding="utf-8") if output else sys.stdout
        try:
            for piece in iter_export_json(include_private=include_private):
                out.write(piece)
        finally:
            if output:
                out.close()
        if output:
            self.stderr.write(f"Wrote {output}")
