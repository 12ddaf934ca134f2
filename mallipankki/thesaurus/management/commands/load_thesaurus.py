from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from mallipankki.thesaurus.loading import DATA_DIR, ThesaurusDataError, load_concepts, read_concepts


class Command(BaseCommand):
    help = (
        "Lataa tesauruksen käsitteet tiedostoista data/concepts/*.json: lisää uudet ja päivittää "
        "muuttamattomat; toimittajan muokkaamia käsitteitä ei korvata."
    )

    def add_arguments(self, parser):
        parser.add_argument("--directory", default=str(DATA_DIR))

    def handle(self, *args, directory, **options):
        try:
            concepts = read_concepts(directory)
        except ThesaurusDataError as error:
            raise CommandError("Tesaurusta ei ladattu:\n" + "\n".join(error.problems)) from error
        with transaction.atomic():
            report = load_concepts(lambda name: apps.get_model("thesaurus", name), concepts)
        self.stdout.write(
            f"Lisätty {len(report.added)}, päivitetty {len(report.updated)}, "
            f"muokattuina säilytetty {len(report.kept_edited)} käsitettä."
        )
        for slug in report.kept_edited:
            self.stdout.write(f"  toimittajan muokkaama, ei korvattu: {slug}")
