"""The read-only open-data API under /api/v1/, the Atom feed and JSON-LD."""
