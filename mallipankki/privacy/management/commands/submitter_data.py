"""Export or erase a submitter's personal data: manage.py submitter_data export|erase --email X.

    manage.py submitter_data export --email maija@example.org [--output tiedot.json]
    manage.py submitter_data erase --email maija@example.org [--yes]
    manage.py submitter_data erase-expired [--dry-run]

Export prints (or writes to --output, readable by the owner only) a JSON
document of every proposal, adoption report ("we use this practice") and
support request sent with that address. Erase replaces the person's name
and empties their contact details and address hash on those rows and
records when; the proposed practice, the adoption and the request's message
stay (see personal_data). It also empties the contact of the practices whose
contact has that address (a proposer becomes their practice's contact).
Without --yes it asks first.

erase-expired erases, in the same way, the personal data of every row dealt
with more than twelve months ago (the retention time of the privacy
statement); run it daily. --dry-run lists what it would erase.
"""

import json
import os
import sys
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from mallipankki.privacy import personal_data

# Finnish after a number: 1 ehdotus, 0 / 2 ehdotusta.
KINDS = (
    ("ehdotukset", "ehdotus", "ehdotusta"),
    ("kayttoonottoilmoitukset", "käyttöönottoilmoitus", "käyttöönottoilmoitusta"),
    ("tukipyynnot", "tukipyyntö", "tukipyyntöä"),
)
NOTHING_FOUND = "ei löytynyt ehdotuksia, käyttöönottoilmoituksia eikä tukipyyntöjä"


def counted(counts) -> str:
    """E.g. "2 ehdotusta, 1 käyttöönottoilmoitus, 0 tukipyyntöä"."""
    return ", ".join(
        f"{count} {one if count == 1 else many}" for count, (_key, one, many) in zip(counts, KINDS, strict=True)
    )


def listed(proposals, reports, requests) -> list[list[str]]:
    """The rows to erase as lines for the person running the command, per kind."""
    return [
        [f"ehdotus {reference}" for reference in proposals.values_list("reference", flat=True)],
        [
            f"käyttöönottoilmoitus {pk} ({organisation})"
            for pk, organisation in reports.values_list("pk", "organisation")
        ],
        [f"tukipyyntö {reference}" for reference in requests.values_list("reference", flat=True)],
    ]


class Command(BaseCommand):
    help = (
        "Vie tai poistaa henkilötiedot (export / erase) ehdotuksista, käyttöönottoilmoituksista ja "
        "tukipyynnöistä sähköpostiosoitteen perusteella."
    )

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="export|erase")
        export = actions.add_parser("export", help="Vie henkilön tiedot JSON-muodossa.")
        export.add_argument("--email", required=True, help="Lomakkeeseen annettu sähköpostiosoite.")
        export.add_argument("--output", help="Tiedosto, johon JSON kirjoitetaan (oletus: vakiotuloste).")
        erase = actions.add_parser(
            "erase", help="Poistaa henkilötiedot ehdotuksista, käyttöönottoilmoituksista ja tukipyynnöistä."
        )
        erase.add_argument("--email", required=True, help="Lomakkeeseen annettu sähköpostiosoite.")
        erase.add_argument("--yes", action="store_true", help="Älä kysy vahvistusta.")
        expired = actions.add_parser(
            "erase-expired",
            help="Poistaa henkilötiedot riveistä, joiden käsittelystä on yli 12 kuukautta (säilytysaika).",
        )
        expired.add_argument("--dry-run", action="store_true", help="Näytä poistettavat, älä poista.")

    def handle(self, *args, action, **options):
        if action == "erase-expired":
            self.erase_expired(options["dry_run"])
            return
        email = options["email"].strip()
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
        counts = [len(document[key]) for key, _one, _many in KINDS]
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
            self.stderr.write(f"Viety tiedot tiedostoon {path}: {counted(counts)}.")
        else:
            self.stdout.write(text, ending="")
            self.stderr.write(f"Viety tiedot: {counted(counts)}.")
        if not any(counts):
            self.stderr.write(f"Osoitteella {email} {NOTHING_FOUND}.")

    def erase(self, email, confirmed):
        found = listed(
            personal_data.proposals_of(email),
            personal_data.adoption_reports_of(email),
            personal_data.support_requests_of(email),
        )
        practices = personal_data.practices_with_contact(email)
        if not any(found) and not practices:
            self.stdout.write(f"Osoitteella {email} {NOTHING_FOUND}; mitään ei poistettu.")
            return
        self.stdout.write(f"Osoitteella {email} löytyi {counted(len(rows) for rows in found)}:")
        for row in (row for rows in found for row in rows):
            self.stdout.write(f"  {row}")
        for page in practices:
            self.stdout.write(f"  mallin yhteystiedot: {page.title} ({page.slug})")
        if not confirmed:
            if not sys.stdin.isatty():
                raise CommandError("Vahvista poisto valitsimella --yes (syöte ei ole pääte).")
            answer = input("Poistetaanko henkilön nimi ja yhteystiedot näistä? [k/E] ")
            if answer.strip().lower() not in ("k", "kyllä", "y", "yes"):
                raise CommandError("Keskeytetty; mitään ei poistettu.")
        erased = personal_data.erase(email)
        for reference in erased.proposals:
            self.stdout.write(f"  ehdotus {reference}: henkilötiedot poistettu")
        for pk in erased.adoption_reports:
            self.stdout.write(f"  käyttöönottoilmoitus {pk}: henkilötiedot poistettu")
        for reference in erased.support_requests:
            self.stdout.write(f"  tukipyyntö {reference}: henkilötiedot poistettu")
        for slug in erased.practice_contacts:
            self.stdout.write(f"  malli {slug}: yhteystiedot poistettu")
        counts = (len(erased.proposals), len(erased.adoption_reports), len(erased.support_requests))
        self.stdout.write(
            self.style.SUCCESS(
                f"Valmis. Poistettu henkilötiedot: {counted(counts)}. "
                "Mallit, käyttöönotot ja tukipyyntöjen viestit säilyivät."
            )
        )

    def erase_expired(self, dry_run):
        found = listed(*personal_data.expired_rows())
        if not any(found):
            self.stdout.write("Säilytysajan ylittäneitä henkilötietoja ei ole; mitään ei poistettu.")
            return
        if dry_run:
            self.stdout.write(f"Säilytysaika on ylittynyt: {counted(len(rows) for rows in found)}:")
            for row in (row for rows in found for row in rows):
                self.stdout.write(f"  {row}")
            self.stdout.write("Kuivaharjoitus: mitään ei poistettu.")
            return
        erased = personal_data.erase_expired()
        counts = (len(erased.proposals), len(erased.adoption_reports), len(erased.support_requests))
        self.stdout.write(self.style.SUCCESS(f"Poistettu säilytysajan ylittäneet henkilötiedot: {counted(counts)}."))
