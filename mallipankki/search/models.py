"""The site's own search index: one SearchDocument per published practice.

Wagtail's search backend stays for the admin; public search needs Finnish
morphology (see analysis.py), so the public index is built here from
pre-analysed terms and the database only matches whole terms:

- SQLite: an FTS5 table ``search_fts`` over the four term columns
  (external content, kept in sync by triggers; see migration 0002).
- PostgreSQL: a generated ``tsvector`` column ``vector`` with the ``simple``
  configuration and one weight per term column, under a GIN index (same
  migration), and ``vector_top`` of the name, keywords and target groups
  only, for the top tier (migration 0004). They are not model fields: the
  database computes them.

Only published (live and public) practices have a document; indexing.py keeps
that true and ranking.py and backends/ read the tables with explicit SQL.
"""

from django.db import models


class SearchDocument(models.Model):
    """The analysed text of one practice, in four weight groups.

    Each ``terms_*`` column holds space-separated index terms (lowercase
    letters and digits only) in text order, repeated as often as they occur,
    so that BM25 sees term frequencies. Texts in every language of the
    practice are analysed with their own language and share the columns.
    """

    # The page id is the document id, and the FTS5 rowid on SQLite, so that
    # ranking needs no join to find the practice.
    page = models.OneToOneField(
        "practices.PracticePage", on_delete=models.CASCADE, primary_key=True, related_name="search_document"
    )
    # Languages the practice has text in, primary first ("fi", "fi en", "sv").
    lang = models.CharField(max_length=20)
    terms_a = models.TextField(blank=True)  # name
    terms_b = models.TextField(blank=True)  # keywords, target groups
    terms_c = models.TextField(blank=True)  # summary
    terms_d = models.TextField(blank=True)  # description, organisations, resource titles, project codes
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        # Changing this table on SQLite makes Django rebuild it, which drops
        # the FTS5 sync triggers; run `manage.py rebuild_search_index`
        # after any such migration (it recreates them).
        indexes = [models.Index(fields=["-published_at", "page"], name="search_doc_newest")]

    def __str__(self):
        return f"SearchDocument({self.page_id})"


class SearchFacet(models.Model):
    """One facet value of a document: ``facet`` is a key of facets.FACETS."""

    document = models.ForeignKey(SearchDocument, on_delete=models.CASCADE, related_name="facets")
    facet = models.CharField(max_length=20)
    code = models.CharField(max_length=100)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["document", "facet", "code"], name="search_facet_unique")]
        # Covering index for counting and filtering without touching the table.
        indexes = [models.Index(fields=["facet", "code", "document"], name="search_facet_value")]

    def __str__(self):
        return f"{self.facet}={self.code}"


class SearchTerm(models.Model):
    """Distinct index terms and words as written (lowercased): the vocabulary
    that spelling suggestions come from.

    Terms are added as documents are indexed and not removed when a document
    goes (a stale term only costs a suggestion that is checked against the
    index before it is offered); `rebuild_index` starts the table afresh.
    """

    term = models.CharField(max_length=100, unique=True)

    def __str__(self):
        return self.term


class IndexChange(models.Model):
    """A change of the index, for processes that keep facet bitmaps
    (facet_bitmaps.py): one document's rows, or all rows when ``document_id``
    is None. ``token`` tells a row from one that a rollback replaced."""

    id = models.BigAutoField(primary_key=True)
    document_id = models.IntegerField(null=True)
    token = models.CharField(max_length=16)

    def __str__(self):
        return f"IndexChange({self.id}, {self.document_id})"
