"""The story's publish time in the PostgreSQL index table, with a newest-first index.

A search reads the matches of a recent span of time first (``backends.postgres``):
the GIN match and this index's range together, a bitmap of the span's matches
only.  Existing entries take the time from their story in one statement; from
then on every (re)indexing writes it.  SQLite's FTS5 table is left as it is.
"""

from django.db import connection, migrations, models

BACKFILL = (
    "UPDATE articles_search_document d SET published_at = a.published_at "
    "FROM articles_article a WHERE a.id = d.article_id AND a.published_at IS NOT NULL"
)

if connection.vendor == "postgresql":
    OPERATIONS = [
        migrations.AddField(
            model_name="searchdocument",
            name="published_at",
            field=models.DateTimeField(null=True),
        ),
        migrations.RunSQL(BACKFILL, migrations.RunSQL.noop),
        # Built after the backfill: one sort rather than an index update per row.
        migrations.AddIndex(
            model_name="searchdocument",
            index=models.Index(
                fields=["-published_at", "-article_id"], name="articles_search_newest"
            ),
        ),
    ]
else:
    OPERATIONS = []


class Migration(migrations.Migration):
    # The backfill reads the stories' publish times.
    dependencies = [("search", "0001_initial"), ("articles", "0004_archive_indexes")]

    operations = OPERATIONS
