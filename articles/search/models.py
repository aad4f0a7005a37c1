"""The search index as a model: one entry per story, stored as the database can search it.

As in Wagtail's search index, the fields depend on the database the site runs on
(the default connection), and so do the migration's operations:

- PostgreSQL: a table of ``tsvector`` documents with a GIN index.  ``document``
  (title weighted A, labels B, then the body) is matched; ``ranking`` (title,
  labels and lede) is scored, short enough to be stored inline where scoring the
  whole document fetched it from TOAST for every candidate.  ``published_at`` is
  the story's publish time as last indexed, with a newest-first btree index: a
  hint that lets a search read the matches of a recent span of time only
  (``backends.postgres``); what readers may see is still decided by the story.
- SQLite: an FTS5 virtual table whose rowid is the story's primary key.  Django
  cannot create a virtual table, so the model is unmanaged and the migration
  creates it with SQL.

No foreign key to the story, on purpose: the index is derived data, rebuilt by
``rebuild_search_index``, and a constraint would stop the test runner from
truncating the stories table.  The backends (``backends/``) take the table and
column names from ``SearchDocument._meta``; their ranked queries are SQL.
"""

from django.db import connection, models


class IndexEntry(models.Model):
    """What an entry has on every database: the story's primary key, not a foreign key."""

    article_id = models.BigIntegerField(primary_key=True)

    class Meta:
        abstract = True
        # Written by the index code only: nobody is given rights over it.
        default_permissions = ()


if connection.vendor == "postgresql":
    from django.contrib.postgres.indexes import GinIndex
    from django.contrib.postgres.search import SearchVectorField

    class SearchDocument(IndexEntry):
        document = SearchVectorField()
        ranking = SearchVectorField()
        published_at = models.DateTimeField(null=True)

        class Meta(IndexEntry.Meta):
            db_table = "articles_search_document"
            indexes = [
                GinIndex(fields=["document"], name="articles_search_document_gin"),
                models.Index(
                    fields=["-published_at", "-article_id"], name="articles_search_newest"
                ),
            ]

        def __str__(self):
            return f"search document of story {self.article_id}"

elif connection.vendor == "sqlite":

    class SearchDocument(IndexEntry):
        article_id = models.BigIntegerField(primary_key=True, db_column="rowid")
        title = models.TextField()
        # Labels and body together: an FTS5 table cannot gain a column later.
        body = models.TextField()

        class Meta(IndexEntry.Meta):
            managed = False
            db_table = "articles_search_fts"

        def __str__(self):
            return f"search document of story {self.article_id}"
