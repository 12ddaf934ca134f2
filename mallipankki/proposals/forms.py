"""The public proposal form.

Every message is in Finnish and names what to do. Repeating groups
(organisations, funding, links) are a fixed number of prefixed fields rather
than formsets: nothing a visitor can tamper with decides how many rows are
read. Lengths match the model fields the values end up in, so that nothing
valid here can fail when the draft practice is saved.
"""

import datetime as dt
import re

from django import forms
from django.core.files.base import ContentFile
from django.core.validators import URLValidator
from django.db.models import Case, When
from django.utils.translation import gettext_lazy as _

from mallipankki.core.pdf import PdfRefused, clean_pdf, safe_file_name
from mallipankki.core.public_forms import HoneypotField, PublicFormMixin, required
from mallipankki.practices.models import Organisation
from mallipankki.vocabularies.models import Country, Region, TargetGroup, Theme

from . import builds_on

MAX_FILES = 5  # also DATA_UPLOAD_MAX_NUMBER_FILES, which stops a request at the sixth file
MAX_FILE_SIZE = 10 * 1024 * 1024
MAX_TOTAL_SIZE = 25 * 1024 * 1024
# The whole request: the files plus room for the text fields (at most about 40,000
# characters) and the multipart headers. Longer requests are refused unread
# (core.upload_limits); nginx's client_max_body_size matches it (README).
MAX_REQUEST_SIZE = MAX_TOTAL_SIZE + 1024 * 1024
ORGANISATION_ROWS = 3
FUNDING_ROWS = 2
LINK_ROWS = 3
BUILDS_ON_ROWS = builds_on.MAX_BUILDS_ON
# The id of the <datalist> of published practices' names (templates, JS).
PRACTICE_DATALIST = "julkaistut-mallit"
DATE_FORMATS = ["%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y"]
# The repeating groups' rows are named in the error summary, e.g. "Rahoitus 2, alkoi".
ROW_LABELS = {"org": _("Organisaatio"), "funding": _("Rahoitus"), "link": _("Linkki"), "builds_on": _("Malli")}
ROW_FIELD = re.compile(r"(org|funding|link|builds_on)(\d)_\w+")


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultiplePdfField(forms.FileField):
    """Up to MAX_FILES PDFs, each at most MAX_FILE_SIZE and together MAX_TOTAL_SIZE.

    Each is parsed and rewritten by core.pdf.clean_pdf: the cleaned value is
    the rewritten copies (ContentFile, named with a safe name ending in .pdf),
    never the uploaded bytes.
    """

    widget = MultipleFileInput

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = [item for item in (data if isinstance(data, list | tuple) else [data]) if item]
        if len(files) > MAX_FILES:
            raise forms.ValidationError(
                _("Voit liittää enintään %(max)s tiedostoa; valitsit %(count)s."),
                params={"max": MAX_FILES, "count": len(files)},
            )
        if sum(upload.size for upload in files) > MAX_TOTAL_SIZE:
            raise forms.ValidationError(
                _("Liitteet ovat yhteensä liian suuria: yhteensä enintään %(max)s Mt."),
                params={"max": MAX_TOTAL_SIZE // (1024 * 1024)},
            )
        problems, cleaned = [], []
        for upload in files:
            name = safe_file_name(upload.name)
            if upload.size > MAX_FILE_SIZE:
                problems.append(
                    forms.ValidationError(_("Tiedosto %(name)s on liian suuri: enintään 10 Mt."), params={"name": name})
                )
            elif upload.size == 0:
                problems.append(forms.ValidationError(_("Tiedosto %(name)s on tyhjä."), params={"name": name}))
            else:
                try:
                    pdf = clean_pdf(_read(upload))
                except PdfRefused as refusal:
                    problems.append(forms.ValidationError(refusal.message, params={"name": name, **refusal.params}))
                else:
                    cleaned.append(ContentFile(pdf.data, name=name))
        if problems:
            raise forms.ValidationError(problems)
        return cleaned


def _read(upload) -> bytes:
    upload.seek(0)
    return upload.read()


class VocabularyChoiceField(forms.ModelMultipleChoiceField):
    """Vocabulary terms by code, labelled in the reader's language."""

    def __init__(self, model, queryset=None, **kwargs):
        super().__init__(
            queryset=queryset if queryset is not None else model.objects.all(), to_field_name="code", **kwargs
        )

    def label_from_instance(self, term):
        return term.name

    def clean(self, value):
        # Values go into a database query: refuse what no code can be (NUL
        # bytes break PostgreSQL parameters) before asking the database.
        values = value if isinstance(value, list | tuple) else [value] if value else []
        if any(not isinstance(item, str) or "\x00" in item or len(item) > 100 for item in values):
            raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().clean(value)


class ProposalForm(PublicFormMixin, forms.Form):
    # What the practice is
    name = forms.CharField(
        label=_("Mallin nimi"),
        max_length=255,
        error_messages=required(_("Kirjoita mallin nimi.")),
    )
    summary = forms.CharField(
        label=_("Tiivistelmä"),
        help_text=_("Mikä malli on ja kenelle se on tarkoitettu, muutamalla virkkeellä (enintään 1 000 merkkiä)."),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages=required(_("Kirjoita mallista lyhyt tiivistelmä.")),
    )
    description = forms.CharField(
        label=_("Kuvaus"),
        help_text=_("Miten malli toimii käytännössä: vaiheet, työtavat ja tekijät."),
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages=required(_("Kuvaa, miten malli toimii.")),
    )
    themes = VocabularyChoiceField(
        Theme,
        label=_("Teemat"),
        help_text=_("Valitse vähintään yksi."),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Valitse vähintään yksi teema."),
            "invalid_choice": _("Valitse teemat luettelosta."),
            "invalid_pk_value": _("Valitse teemat luettelosta."),
        },
    )
    target_groups = VocabularyChoiceField(
        TargetGroup,
        label=_("Kohderyhmät"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": _("Valitse kohderyhmät luettelosta."),
            "invalid_pk_value": _("Valitse kohderyhmät luettelosta."),
        },
    )
    countries = VocabularyChoiceField(
        Country,
        # Finland first: most practices are Finnish, and the list is long.
        queryset=Country.objects.order_by(Case(When(code="FI", then=0), default=1), "name_fi"),
        label=_("Maat"),
        help_text=_("Missä maissa mallia käytetään. Valitse yksi tai useampi."),
        required=False,
        # Checkboxes, not a multiple select: that needs Ctrl and does not work by touch.
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": _("Valitse maat luettelosta."),
            "invalid_pk_value": _("Valitse maat luettelosta."),
        },
    )
    regions = VocabularyChoiceField(
        Region,
        label=_("Maakunnat"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": _("Valitse maakunnat luettelosta."),
            "invalid_pk_value": _("Valitse maakunnat luettelosta."),
        },
    )

    # Results and continuity
    achievements = forms.CharField(
        label=_("Mitä mallilla on saavutettu"),
        help_text=_("Tulokset ja miten ne on todettu: esimerkiksi osallistujamäärät, työllistyneet, arvioinnit."),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages=required(_("Kerro, mitä mallilla on saavutettu.")),
    )
    continuity_owner = forms.CharField(
        label=_("Kuka jatkaa toimintaa hankkeen jälkeen"),
        help_text=_("Organisaatio, joka ylläpitää mallia rahoituksen päätyttyä. Jätä tyhjäksi, jos ei vielä tiedossa."),
        max_length=255,
        required=False,
    )

    builds_on_note = forms.CharField(
        label=_("Mitä muutitte"),
        help_text=_(
            "Miten mallinne eroaa malleista, joihin se pohjautuu: mitä lisäsitte, jätitte pois tai teitte toisin."
        ),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    attachments = MultiplePdfField(
        label=_("Liitteet (PDF)"),
        help_text=_(
            "Enintään 5 PDF-tiedostoa, kukin enintään 10 Mt ja yhteensä enintään 25 Mt. "
            "Esimerkiksi käsikirja, arviointiraportti tai esite. Tallennamme tiedostoista kopiot, "
            "joista on poistettu skriptit, upotetut tiedostot ja muu aktiivinen sisältö."
        ),
    )

    # About the person proposing
    submitter_name = forms.CharField(label=_("Nimesi"), max_length=200, error_messages=required(_("Kirjoita nimesi.")))
    submitter_organisation = forms.CharField(label=_("Organisaatiosi"), max_length=255, required=False)
    submitter_email = forms.EmailField(
        label=_("Sähköpostiosoitteesi"),
        help_text=_("Lähetämme vahvistuksen ja tiedon päätöksestä tähän osoitteeseen."),
        max_length=254,
        error_messages={
            "required": _("Kirjoita sähköpostiosoitteesi."),
            "invalid": _("Kirjoita sähköpostiosoite muodossa nimi@esimerkki.fi."),
        },
    )
    contact_public = forms.BooleanField(
        label=_("Yhteystietoni saa näyttää mallin sivulla"),
        help_text=_(
            "Nimesi, organisaatiosi ja sähköpostiosoitteesi näkyvät mallin sivulla ja avoimessa datassa "
            "mallin yhteystietoina. Ilman lupaa ne näkyvät vain Mallipankin toimitukselle."
        ),
        required=False,
    )
    consent = forms.BooleanField(
        label=_(
            "Olen lukenut tietosuojaselosteen ja hyväksyn, että tietoni tallennetaan ehdotuksen käsittelyä varten."
        ),
        error_messages=required(_("Hyväksy tietosuojaseloste, jotta voimme käsitellä ehdotuksen.")),
    )

    website = HoneypotField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["submitter_email"].widget.attrs.update({"autocomplete": "email"})
        self.fields["submitter_name"].widget.attrs.update({"autocomplete": "name"})
        self.fields["submitter_organisation"].widget.attrs.update({"autocomplete": "organization"})
        roles = [("", _("Valitse rooli"))] + list(Organisation.Role.choices)
        for row in range(1, ORGANISATION_ROWS + 1):
            self.fields[f"org{row}_name"] = forms.CharField(label=_("Nimi"), max_length=255, required=False)
            self.fields[f"org{row}_role"] = forms.ChoiceField(
                label=_("Rooli"),
                choices=roles,
                required=False,
                error_messages={"invalid_choice": _("Valitse rooli luettelosta.")},
            )
            self.fields[f"org{row}_url"] = forms.URLField(
                label=_("Verkkosivu"),
                max_length=500,
                required=False,
                assume_scheme="https",
                error_messages={"invalid": _("Kirjoita verkko-osoite muodossa https://esimerkki.fi.")},
            )
        for row in range(1, FUNDING_ROWS + 1):
            self.fields[f"funding{row}_programme"] = forms.CharField(
                label=_("Rahoitusohjelma"), help_text=_("Esim. ESR+, STEA, kunta."), max_length=255, required=False
            )
            self.fields[f"funding{row}_project_code"] = forms.CharField(
                label=_("Hankekoodi"), max_length=100, required=False
            )
            self.fields[f"funding{row}_project_name"] = forms.CharField(
                label=_("Hankkeen nimi"), max_length=500, required=False
            )
            for part, label in (("start", _("Alkoi")), ("end", _("Päättyi"))):
                self.fields[f"funding{row}_{part}"] = forms.DateField(
                    label=label,
                    required=False,
                    input_formats=DATE_FORMATS,
                    widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                    error_messages={"invalid": _("Kirjoita päivämäärä muodossa 31.12.2024.")},
                )
        for row in range(1, BUILDS_ON_ROWS + 1):
            # Field names end in _name so that the error summary reads "Malli 2, mallin nimi".
            self.fields[f"builds_on{row}_name"] = forms.CharField(
                label=_("Mallin nimi"),
                max_length=300,
                required=False,
                widget=forms.TextInput(
                    attrs={"list": PRACTICE_DATALIST, "autocomplete": "off", "data-practice-picker": ""}
                ),
            )
        for row in range(1, LINK_ROWS + 1):
            self.fields[f"link{row}_title"] = forms.CharField(label=_("Otsikko"), max_length=500, required=False)
            self.fields[f"link{row}_url"] = forms.URLField(
                label=_("Osoite"),
                max_length=1000,
                required=False,
                assume_scheme="https",
                error_messages={"invalid": _("Kirjoita verkko-osoite muodossa https://esimerkki.fi.")},
            )

    # --- groups for the template --------------------------------------------

    def organisation_rows(self):
        return [
            (row, [self[f"org{row}_name"], self[f"org{row}_role"], self[f"org{row}_url"]])
            for row in range(1, ORGANISATION_ROWS + 1)
        ]

    def funding_rows(self):
        return [
            (
                row,
                [
                    self[f"funding{row}_{part}"]
                    for part in ("programme", "project_code", "project_name", "start", "end")
                ],
            )
            for row in range(1, FUNDING_ROWS + 1)
        ]

    def builds_on_rows(self):
        return [(row, [self[f"builds_on{row}_name"]]) for row in range(1, BUILDS_ON_ROWS + 1)]

    def practice_datalist(self) -> list[str]:
        return builds_on.datalist_options()

    def link_rows(self):
        return [(row, [self[f"link{row}_title"], self[f"link{row}_url"]]) for row in range(1, LINK_ROWS + 1)]

    # --- validation ------------------------------------------------------------

    def clean(self):
        data = super().clean()
        for row in range(1, ORGANISATION_ROWS + 1):
            name, role, url = (data.get(f"org{row}_{part}") for part in ("name", "role", "url"))
            if (role or url) and not name and f"org{row}_name" not in self.errors:
                self.add_error(f"org{row}_name", _("Kirjoita organisaation nimi tai tyhjennä rivi."))
            if name and not role and f"org{row}_role" not in self.errors:
                self.add_error(f"org{row}_role", _("Valitse organisaation rooli."))
        for row in range(1, FUNDING_ROWS + 1):
            values = {part: data.get(f"funding{row}_{part}") for part in ("programme", "project_code", "project_name")}
            start, end = data.get(f"funding{row}_start"), data.get(f"funding{row}_end")
            others = values["project_code"] or values["project_name"] or start or end
            if others and not values["programme"] and f"funding{row}_programme" not in self.errors:
                self.add_error(f"funding{row}_programme", _("Kirjoita rahoitusohjelma tai tyhjennä rivi."))
            if isinstance(start, dt.date) and isinstance(end, dt.date) and end < start:
                self.add_error(f"funding{row}_end", _("Päättymispäivä on ennen alkamispäivää."))
        self._clean_builds_on(data)
        for row in range(1, LINK_ROWS + 1):
            title, url = data.get(f"link{row}_title"), data.get(f"link{row}_url")
            if title and not url and f"link{row}_url" not in self.errors:
                self.add_error(f"link{row}_url", _("Kirjoita linkin osoite tai tyhjennä rivi."))
            if url:
                try:
                    URLValidator(schemes=["http", "https"])(url)
                except forms.ValidationError:
                    self.add_error(f"link{row}_url", _("Kirjoita verkko-osoite muodossa https://esimerkki.fi."))
        return data

    def _clean_builds_on(self, data):
        """Each named practice must be published, and named once."""
        self.builds_on_pages = []
        for row in range(1, BUILDS_ON_ROWS + 1):
            name = f"builds_on{row}_name"
            text = data.get(name)
            if not text or name in self.errors:
                continue
            page = builds_on.resolve(text)
            if page is None:
                self.add_error(name, self._not_found(text))
            elif page.pk in {known.pk for known in self.builds_on_pages}:
                self.add_error(name, _("Valitsit tämän mallin jo. Tyhjennä rivi."))
            else:
                self.builds_on_pages.append(page)
        if (
            data.get("builds_on_note")
            and not self.builds_on_pages
            and not any(f"builds_on{row}_name" in self.errors for row in range(1, BUILDS_ON_ROWS + 1))
        ):
            self.add_error("builds_on_note", _("Valitse malli, johon mallinne pohjautuu, tai tyhjennä tämä kenttä."))

    def _not_found(self, text):
        if builds_on.is_ambiguous(text):
            return forms.ValidationError(
                _("Usealla mallilla on nimi ”%(name)s”. Valitse oikea ehdotuksista: niissä on mallin tunnus suluissa."),
                params={"name": text},
            )
        similar = builds_on.suggestions(text)
        if similar:
            return forms.ValidationError(
                _("Julkaistua mallia ”%(name)s” ei löytynyt. Tarkoititko: %(suggestions)s?"),
                params={"name": text, "suggestions": ", ".join(f"”{item}”" for item in similar)},
            )
        return forms.ValidationError(
            _(
                "Julkaistua mallia ”%(name)s” ei löytynyt. Kirjoita mallin nimi sellaisena kuin se on "
                "Mallipankissa tai liitä mallin sivun osoite."
            ),
            params={"name": text},
        )

    # --- the result ---------------------------------------------------------------

    def organisations(self) -> list[dict]:
        data = self.cleaned_data
        return [
            {"name": data[f"org{row}_name"], "role": data[f"org{row}_role"], "url": data[f"org{row}_url"]}
            for row in range(1, ORGANISATION_ROWS + 1)
            if data.get(f"org{row}_name")
        ]

    def funding(self) -> list[dict]:
        data = self.cleaned_data
        rows = []
        for row in range(1, FUNDING_ROWS + 1):
            if not data.get(f"funding{row}_programme"):
                continue
            rows.append(
                {
                    "programme": data[f"funding{row}_programme"],
                    "project_code": data[f"funding{row}_project_code"],
                    "project_name": data[f"funding{row}_project_name"],
                    "start": data[f"funding{row}_start"].isoformat() if data[f"funding{row}_start"] else "",
                    "end": data[f"funding{row}_end"].isoformat() if data[f"funding{row}_end"] else "",
                }
            )
        return rows

    def links(self) -> list[dict]:
        data = self.cleaned_data
        return [
            {"title": data[f"link{row}_title"] or data[f"link{row}_url"], "url": data[f"link{row}_url"]}
            for row in range(1, LINK_ROWS + 1)
            if data.get(f"link{row}_url")
        ]

    def submission(self) -> dict:
        """Everything the person typed about the practice, JSON-ready, as submitted."""
        data = self.cleaned_data
        return {
            "name": data["name"],
            "summary": data["summary"],
            "description": data["description"],
            "themes": [term.code for term in data["themes"]],
            "target_groups": [term.code for term in data["target_groups"]],
            "countries": [term.code for term in data["countries"]],
            "regions": [term.code for term in data["regions"]],
            "organisations": self.organisations(),
            "funding": self.funding(),
            "links": self.links(),
            "achievements": data["achievements"],
            "continuity_owner": data["continuity_owner"],
            "attachments": [safe_file_name(upload.name) for upload in data["attachments"]],
            # The ids (slugs) of the published practices it builds on, as chosen; approval links them.
            "builds_on": [page.slug for page in getattr(self, "builds_on_pages", [])],
            "builds_on_note": data.get("builds_on_note", ""),
            "contact_public": bool(data.get("contact_public")),
        }

    # --- the error summary ------------------------------------------------------------

    def summary_label(self, name: str, field) -> str:
        """A row's field says which row: "Rahoitus 2, alkoi"."""
        match = ROW_FIELD.fullmatch(name)
        if match:
            return f"{ROW_LABELS[match.group(1)]} {match.group(2)}, {str(field.label).lower()}"
        return super().summary_label(name, field)
