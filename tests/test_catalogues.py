"""The Swedish and English gettext catalogues are complete and safe to use.

A visitor of /sv/ or /en/ sees Finnish wherever an entry is missing, untranslated or fuzzy
(gettext ignores fuzzy entries), and a msgstr that lost a placeholder or a tag breaks the page
or the email that uses it. The msgids come from makemessages run on a copy of the current
sources, exactly as `make messages-update` runs it, so a string added to a template or form
without a translation fails here.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "mallipankki"
LANGUAGES = ["sv", "en"]
DOMAINS = ["django", "djangojs"]
# The flags of `make messages-update`: tests and migrations hold no user-visible strings.
MAKEMESSAGES_FLAGS = ["--ignore=*/tests/*", "--ignore=*/migrations/*", "--no-obsolete", "--add-location=file"]

PLACEHOLDER = re.compile(r"%(?:\(\w+\))?[-+ #0]*\d*(?:\.\d+)?[sdifr]|%%|\{\w*\}")
TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)")


def catalogue_path(language, domain="django"):
    return PACKAGE / "locale" / language / "LC_MESSAGES" / f"{domain}.po"


def key(entry):
    return (entry.msgctxt, entry.msgid, entry.msgid_plural or None)


def describe(entry):
    where = ", ".join(sorted({path for path, _ in entry.occurrences}))
    return f"{entry.msgid!r} ({where})" if where else repr(entry.msgid)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """{domain: set of keys} that makemessages extracts from a copy of today's sources.

    The copy keeps the real catalogues out of reach: makemessages writes its .pot next to the
    locale directory it finds, and without settings it only finds the copy's own.
    """
    copy = tmp_path_factory.mktemp("sources") / "mallipankki"
    shutil.copytree(
        PACKAGE,
        copy,
        ignore=shutil.ignore_patterns("locale", "tests", "migrations", "__pycache__", "*.pyc", "*.mo", "*.po"),
    )
    (copy / "locale").mkdir()
    environment = {name: value for name, value in os.environ.items() if name != "DJANGO_SETTINGS_MODULE"}
    result = {}
    for domain in DOMAINS:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "django",
                "makemessages",
                "-l",
                "en",
                "-d",
                domain,
                "--keep-pot",
                *MAKEMESSAGES_FLAGS,
            ],
            cwd=copy,
            env=environment,
            check=True,
            capture_output=True,
        )
        pot = copy / "locale" / f"{domain}.pot"
        result[domain] = {key(entry) for entry in polib.pofile(str(pot))} if pot.exists() else set()
    assert result["django"], "makemessages extracted nothing: the copy of the sources is wrong"
    return result


@pytest.fixture(params=LANGUAGES)
def language(request):
    return request.param


def entries(language, domain="django"):
    path = catalogue_path(language, domain)
    assert path.exists(), f"{path.relative_to(PACKAGE.parent)} is missing"
    return polib.pofile(str(path))


def test_catalogue_has_every_string_of_the_sources(extracted, language):
    for domain in DOMAINS:
        if not extracted[domain]:
            continue
        present = {key(entry) for entry in entries(language, domain) if not entry.obsolete}
        missing = sorted(extracted[domain] - present, key=lambda k: k[1])
        assert not missing, (
            f"{len(missing)} strings of the sources are not in the {language} {domain} catalogue "
            f"(run `make messages-update` and translate them), e.g. {[msgid for _, msgid, _ in missing[:5]]}"
        )


def test_every_entry_is_translated(language):
    untranslated = [describe(entry) for entry in entries(language) if not entry.obsolete and not entry.translated()]
    assert not untranslated, f"{len(untranslated)} untranslated {language} entries, e.g. {untranslated[:5]}"


def test_no_entry_is_fuzzy(language):
    catalogue = entries(language)
    fuzzy = [describe(entry) for entry in catalogue if "fuzzy" in entry.flags]
    assert not fuzzy, f"{len(fuzzy)} fuzzy {language} entries (gettext ignores them): {fuzzy[:5]}"
    assert "fuzzy" not in (catalogue.metadata_is_fuzzy or []), f"the {language} header is fuzzy"


def test_no_entry_is_obsolete(language):
    obsolete = [repr(entry.msgid) for entry in entries(language) if entry.obsolete]
    assert not obsolete, f"{len(obsolete)} obsolete {language} entries (#~), e.g. {obsolete[:5]}"


def test_header_names_the_language_and_its_plural_rule(language):
    metadata = entries(language).metadata
    assert metadata.get("Language") == language
    assert metadata.get("Plural-Forms") == "nplurals=2; plural=(n != 1);"
    assert "charset=UTF-8" in metadata.get("Content-Type", "")


def pairs(entry):
    """(source, translation, alternative source) for each msgstr of an entry."""
    if not entry.msgid_plural:
        return [(entry.msgid, entry.msgstr, entry.msgid)]
    forms = sorted(entry.msgstr_plural.items())
    return [(entry.msgid if n == 0 else entry.msgid_plural, text, entry.msgid_plural) for n, text in forms]


def test_translations_keep_the_placeholders(language):
    """%(name)s, %s, %% and {name} survive translation; a plural form may follow either msgid.

    A singular form may drop the count ("one model" for "%(counter)s model"), so it is checked
    against the singular msgid, and the other forms against the plural msgid.
    """
    broken = []
    for entry in entries(language):
        for source, translation, alternative in pairs(entry):
            found = sorted(PLACEHOLDER.findall(translation))
            if translation and found not in (
                sorted(PLACEHOLDER.findall(source)),
                sorted(PLACEHOLDER.findall(alternative)),
            ):
                broken.append(f"{entry.msgid!r}: {found} in {translation!r}")
    assert not broken, f"{len(broken)} {language} translations change the placeholders: {broken[:5]}"


def test_translations_keep_the_html_tags_and_surrounding_whitespace(language):
    broken = []
    for entry in entries(language):
        for source, translation, _ in pairs(entry):
            if not translation:
                continue
            if sorted(TAG.findall(source)) != sorted(TAG.findall(translation)):
                broken.append(f"tags of {entry.msgid!r}")
            for edge in (lambda text: text[:1], lambda text: text[-1:]):
                if edge(source).isspace() != edge(translation).isspace() or (edge(source) == "\n") != (
                    edge(translation) == "\n"
                ):
                    broken.append(f"leading or trailing space of {entry.msgid!r}")
    assert not broken, f"{len(broken)} {language} translations: {broken[:5]}"


def test_catalogue_compiles_with_msgfmt_check(language, tmp_path):
    msgfmt = shutil.which("msgfmt")
    assert msgfmt, "msgfmt not found: install Debian's gettext (make test does as root)"
    result = subprocess.run(
        [msgfmt, "--check", "-o", str(tmp_path / "django.mo"), str(catalogue_path(language))],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


def test_the_site_reads_the_compiled_catalogue(language):
    """`make messages` builds the .mo from the current .po, and Django uses it for the language."""
    from django.utils import translation

    po = catalogue_path(language)
    mo = po.with_suffix(".mo")
    assert mo.exists(), f"{mo} is missing: run `make messages` (needs msgfmt from Debian's gettext)"
    assert mo.stat().st_mtime >= po.stat().st_mtime, f"{mo} is older than {po}: run `make messages`"
    with translation.override(language):
        assert translation.gettext("Hae malleja") != "Hae malleja"
        assert translation.ngettext("%(counter)s malli", "%(counter)s mallia", 2) != "%(counter)s mallia"
