"""Practices with given continuity facts, made through the interchange mapping."""

from datetime import date


def continuity_practice(
    make_practice,
    *,
    funding_ends: list[date | None] | None = None,
    owner: str = "",
    status: str = "",
    verified: date | None = None,
    contact: dict | None = None,
    regions: list[str] | None = None,
    published: bool = True,
    name: str | None = None,
):
    """A practice whose funding rows end on `funding_ends` (None: a row with no end)."""
    scaling = {"continuity_owner": owner, "status": status}
    if verified:
        scaling["last_verified"] = verified.isoformat()
    record = {
        "scaling": {key: value for key, value in scaling.items() if value},
        "funding": [{"programme": "ESR+", **({"end": end.isoformat()} if end else {})} for end in (funding_ends or [])],
        "status": "published" if published else "draft",
    }
    if contact:
        record["contact"] = contact
    if regions:
        record["regions"] = regions
        record["countries"] = ["FI"]
    if name:
        record["name"] = {"fi": name}
    return make_practice(**record)
