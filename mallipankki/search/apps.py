from django.apps import AppConfig
from django.db.backends.signals import connection_created

# SQLite's default page cache is 2 MB per connection: a search that ranks
# and counts facets over thousands of matching practices (the FTS5 index,
# the documents and their facet rows) then reads most pages from the OS on
# every query. A larger cache and memory-mapped reads keep the hot pages of
# the search tables at hand; both are upper bounds, used only as the
# database grows. Temporary B-trees (GROUP BY, ORDER BY) stay in memory.
SQLITE_PRAGMAS = (
    "PRAGMA cache_size = -65536",  # KiB: 64 MiB
    "PRAGMA mmap_size = 268435456",  # 256 MiB
    "PRAGMA temp_store = MEMORY",
)


def tune_sqlite(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            for pragma in SQLITE_PRAGMAS:
                cursor.execute(pragma)


class SearchConfig(AppConfig):
    # "search" is free: Wagtail's own search app is labelled "wagtailsearch".
    name = "mallipankki.search"
    label = "search"
    verbose_name = "Haku"

    def ready(self):
        from . import checks, signals  # noqa: F401  (checks registers the system checks)

        signals.connect()
        connection_created.connect(tune_sqlite, dispatch_uid="mallipankki.search.tune_sqlite")
