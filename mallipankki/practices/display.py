"""One Finnish way to show an organisation's role and a date range.

The practice's own rows hold a role code and dates; a proposal's data holds
the same as JSON strings ("developer", "2023-01-01"). Both read the same to
editors and evaluators: "kehittäjä", "1.1.2023–31.12.2025".
"""

from datetime import date

from django.utils import dateformat
from django.utils.dateparse import parse_date

from .models.records import Organisation

DATE_FORMAT = "j.n.Y"


def role_label(role) -> str:
    """The role's Finnish name in lower case ("kehittäjä"); an unknown code is shown as it is."""
    code = getattr(role, "value", role) or ""
    labels = dict(Organisation.Role.choices)
    return str(labels[code]).lower() if code in labels else str(code)


def as_date(value) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value:
        try:
            return parse_date(value[:10])
        except ValueError:
            return None
    return None


def date_text(value) -> str:
    day = as_date(value)
    return dateformat.format(day, DATE_FORMAT) if day else ""


def date_range(start, end) -> str:
    """'1.1.2023–31.12.2025'; an open end keeps its dash ('1.1.2023–'); no dates, ''."""
    first, last = date_text(start), date_text(end)
    if not (first or last):
        return ""
    return f"{first}–{last}"
