"""The full-text side of the search index, per database.

SQLite: an FTS5 table over the four term columns of search_searchdocument
(external content), kept in sync by triggers. PostgreSQL: a generated
tsvector column with one weight per term column and a GIN index. The
statements are spelled out here rather than imported, so that this
migration keeps doing what it did when the engine changes; engine.py holds
the same SQLite statements for rebuild_search_index.
"""

from django.db import migrations

SQLITE_FORWARD = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5("
    "terms_a, terms_b, terms_c, terms_d, "
    "content='search_searchdocument', content_rowid='page_id', "
    "tokenize='unicode61 remove_diacritics 0')",
    "CREATE TRIGGER IF NOT EXISTS search_document_ai AFTER INSERT ON search_searchdocument BEGIN "
    "INSERT INTO search_fts(rowid, terms_a, terms_b, terms_c, terms_d) "
    "VALUES (new.page_id, new.terms_a, new.terms_b, new.terms_c, new.terms_d); END",
    "CREATE TRIGGER IF NOT EXISTS search_document_ad AFTER DELETE ON search_searchdocument BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, terms_a, terms_b, terms_c, terms_d) "
    "VALUES ('delete', old.page_id, old.terms_a, old.terms_b, old.terms_c, old.terms_d); END",
    "CREATE TRIGGER IF NOT EXISTS search_document_au AFTER UPDATE ON search_searchdocument BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, terms_a, terms_b, terms_c, terms_d) "
    "VALUES ('delete', old.page_id, old.terms_a, old.terms_b, old.terms_c, old.terms_d); "
    "INSERT INTO search_fts(rowid, terms_a, terms_b, terms_c, terms_d) "
    "VALUES (new.page_id, new.terms_a, new.terms_b, new.terms_c, new.terms_d); END",
    "INSERT INTO search_fts(search_fts) VALUES ('rebuild')",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS search_document_ai",
    "DROP TRIGGER IF EXISTS search_document_ad",
    "DROP TRIGGER IF EXISTS search_document_au",
    "DROP TABLE IF EXISTS search_fts",
]

# The terms are already analysed, so the 'simple' configuration only has to
# split them at spaces; a language configuration would stem them again.
POSTGRESQL_FORWARD = [
    "ALTER TABLE search_searchdocument ADD COLUMN vector tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('simple'::regconfig, terms_a), 'A') || "
    "setweight(to_tsvector('simple'::regconfig, terms_b), 'B') || "
    "setweight(to_tsvector('simple'::regconfig, terms_c), 'C') || "
    "setweight(to_tsvector('simple'::regconfig, terms_d), 'D')) STORED",
    "CREATE INDEX search_document_vector ON search_searchdocument USING GIN (vector)",
]
POSTGRESQL_BACKWARD = [
    "DROP INDEX IF EXISTS search_document_vector",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS vector",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRESQL_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRESQL_BACKWARD}),
        )
    ]
