from django.apps import apps
from django.core.management.base import BaseCommand

from mallipankki.vocabularies.loading import VOCABULARY_FILE, load_vocabularies, read_vocabulary_file


class Command(BaseCommand):
    help = "Lataa teemat, kohderyhmät, maakunnat ja maat sanastotiedostosta (luo uudet, päivittää nimet)."

    def add_arguments(self, parser):
        parser.add_argument("--file", default=str(VOCABULARY_FILE), help="vocabularies-v1.json")

    def handle(self, *args, file, **options):
        counts = load_vocabularies(lambda name: apps.get_model("vocabularies", name), read_vocabulary_file(file))
        for kind, new in counts.items():
            self.stdout.write(f"{kind}: {new} uutta")
