"""Export or erase a submitter's personal data: manage.py submitter_data export|erase --email X.

    manage.py submitter_data export --email maija@example.org [--output tiedot.json]
    manage.py submitter_data erase --email maija@example.org [--yes]

Export prints (or writes to --output, readable by the owner only) a JSON
document of every proposal sent with that address. Erase replaces the
submitter's name, organisation, email and address hash on those proposals
and records when; the proposed practice stays. Without --yes it asks first.
"""

import json
import os
import sys
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from mallipankki.proposals import personal_data


class Command(BaseCommand):
    help = "Vie tai poistaa ehdottajan henkilötiedot (export / erase) sähköpostiosoitteen perusteella."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="export|erase")
        export = actions.add_parser("export", help="Vie ehdottajan tiedot JSON-muodossa.")
        export.add_argument("--email", required=True, help="Ehdottajan sähköpostiosoite.")
        export.add_argument("--output", help="Tiedosto, johon JSON kirjoitetaan (oletus: vakiotuloste).")
        erase = actions.add_parser("erase", help="Poistaa ehdottajan henkilötiedot ehdotuksista.")
        erase.add_argument("--email", required=True, help="Ehdottajan sähköpostiosoite.")
        erase.add_argument("--yes", action="store_true", help="Älä kysy vahvistusta.")

    def handle(self, *args, action, email, **options):
        email = email.strip()
        try:
            validate_email(email)
        except ValidationError:
            raise CommandError(f"Virheellinen sähköpostiosoite: {email!r}") from None
        if action == "export":
            self.export(email, options.get("output"))
        else:
            self.erase(email, options.get("yes", False))

    def export(self, email, output):
        document = personal_data.export(email)
        count = len(document["ehdotukset"])
        text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
        if output:
            path = Path(output)
            if path.exists():
                raise CommandError(f"Tiedosto {path} on jo olemassa; anna toinen nimi.")
            try:
                # Personal data: readable by the owner only.
                descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                    handle.write(text)
            except OSError as error:
                raise CommandError(f"Tiedostoon {path} ei voitu kirjoittaa: {error.strerror}") from None
            self.stderr.write(f"Viety {count} ehdotuksen tiedot tiedostoon {path}.")
        else:
            self.stdout.write(text, ending="")
            self.stderr.write(f"Viety {count} ehdotuksen tiedot.")
        if count == 0:
            self.stderr.write(f"Osoitteella {email} ei löytynyt ehdotuksia.")

    def erase(self, email, confirmed):
        proposals = list(personal_data.proposals_of(email).values_list("reference", flat=True))
        if not proposals:
            self.stdout.write(f"Osoitteella {email} ei löytynyt ehdotuksia; mitään ei poistettu.")
            return
        self.stdout.write(f"Osoitteella {email} löytyi {len(proposals)} ehdotusta: {', '.join(proposals)}")
        if not confirmed:
            if not sys.stdin.isatty():
                raise CommandError("Vahvista poisto valitsimella --yes (syöte ei ole pääte).")
            answer = input("Poistetaanko ehdottajan nimi, organisaatio ja sähköposti näistä ehdotuksista? [k/E] ")
            if answer.strip().lower() not in ("k", "kyllä", "y", "yes"):
                raise CommandError("Keskeytetty; mitään ei poistettu.")
        erased = personal_data.erase(email)
        for reference in erased:
            self.stdout.write(f"  {reference}: henkilötiedot poistettu")
        self.stdout.write(
            self.style.SUCCESS(f"Valmis: {len(erased)} ehdotuksen henkilötiedot poistettu. Mallien sisältö säilyi.")
        )
