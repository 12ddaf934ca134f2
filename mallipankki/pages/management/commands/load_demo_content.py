from django.core.management.base import BaseCommand, CommandError

from mallipankki.pages.demo_content import DemoContentError, load_demo_content


class Command(BaseCommand):
    help = (
        "Luo esittelysisällön: etusivun, teemasivut artikkeleineen, malliluettelon, saavutettavuus- ja "
        "tietosuojaselosteen sekä kahdeksan mallia. Olemassa olevia sivuja ei muuteta; esittelysivuille "
        "lisätään vain puuttuvat ruotsin- ja englanninkieliset tekstit. Komennon voi siis ajaa uudelleen."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Jos sivustolla on jo etusivu, lisää vain esittelysivujen puuttuvat käännökset (make run).",
        )

    def handle(self, *args, if_empty, **options):
        try:
            report = load_demo_content(if_empty=if_empty, say=self.stdout.write)
        except DemoContentError as error:
            raise CommandError(str(error)) from error
        if report.skipped:
            self.stdout.write("Sivustolla on jo etusivu; esittelysisältöä ei ladattu (--if-empty).")
            if report.changes:
                self.stdout.write(
                    self.style.SUCCESS("Esittelysivuille lisättiin puuttuvat ruotsin- ja englanninkieliset tekstit.")
                )
        elif report.changed:
            self.stdout.write(self.style.SUCCESS(f"Esittelysisältö ladattu: {len(report.created)} sivua luotiin."))
        else:
            self.stdout.write("Esittelysisältö on jo olemassa; mitään ei muutettu.")
