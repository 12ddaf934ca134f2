"""PostgreSQL only: narrow document rows, a tsvector of the top-tier fields,
and a match function that goes through the GIN index.

Measured at 100 000 practices (85 000 indexed):

- A document row held ~1.7 kB of terms inline, so reading the ids of a
  broad match touched 17 000 heap pages. With ``toast_tuple_target`` at its
  minimum the term columns and the vector live out of line: the heap is
  17 MB instead of 151 MB.
- The top tier (every query word in the name, keywords or target groups)
  was ``vector @@ 'term':AB``, which the GIN index cannot answer alone: each
  candidate's 2 kB vector was read again to check its weights (0.3–0.6 s).
  ``vector_top`` holds just those fields, with its own GIN index, and stays
  in the row (storage MAIN): the tier is ranked on it (see engine.py),
  which needs no TOAST reads (reading the full vectors of 8 600 tier
  members alone took 75 ms).
- The planner prices ``vector @@ query`` as one cheap operator call a row,
  not as the TOAST read it is, and so scans the whole table for a broad
  query (0.8 s) instead of using the index (25 ms). The match function
  ``search_matches`` runs its one statement with sequential scans priced out.
- The vector is compressed with lz4 where the server has it: it decompresses
  several times faster than the default pglz.

Rows written before this migration keep their old layout until
`manage.py rebuild_search_index` rewrites them; results are the same either
way.
"""

from django.db import DatabaseError, migrations, transaction

TABLE = "search_searchdocument"

POSTGRESQL_FORWARD = [
    f"ALTER TABLE {TABLE} SET (toast_tuple_target = 128)",
    f"ALTER TABLE {TABLE} ADD COLUMN vector_top tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('simple'::regconfig, terms_a), 'A') || "
    "setweight(to_tsvector('simple'::regconfig, terms_b), 'B')) STORED, "
    # In the same statement, so that the rewrite that fills the column
    # already keeps it in the row.
    "ALTER COLUMN vector_top SET STORAGE MAIN",
    f"CREATE INDEX search_document_vector_top ON {TABLE} USING GIN (vector_top)",
    # ROWS: matches are typically thousands, not the default 1000 guess.
    "CREATE FUNCTION search_matches(query tsquery) RETURNS SETOF integer "
    "LANGUAGE sql STABLE ROWS 20000 SET enable_seqscan = off AS "
    f"$$ SELECT page_id FROM {TABLE} WHERE vector @@ query $$",
]
POSTGRESQL_BACKWARD = [
    "DROP FUNCTION IF EXISTS search_matches(tsquery)",
    "DROP INDEX IF EXISTS search_document_vector_top",
    f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS vector_top",
    f"ALTER TABLE {TABLE} RESET (toast_tuple_target)",
]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in POSTGRESQL_FORWARD:
        schema_editor.execute(statement)
    try:
        # A server built without lz4 refuses it; pglz then stays.
        with transaction.atomic(using=schema_editor.connection.alias):
            schema_editor.execute(f"ALTER TABLE {TABLE} ALTER COLUMN vector SET COMPRESSION lz4")
    except DatabaseError:
        pass


def backward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in POSTGRESQL_BACKWARD:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0003_index_change")]

    operations = [migrations.RunPython(forward, backward)]
