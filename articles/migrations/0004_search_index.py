"""The full-text search index (articles/search/): its storage depends on the database.

PostgreSQL: a table of tsvector documents with a GIN index, and beside each
document a short ``ranking`` vector (title, labels, lede) that is scored: scoring
the whole document fetched it from TOAST for every candidate.  SQLite: an FTS5
table whose rowid is the story's primary key.  No foreign key on purpose: the
index is derived data, rebuilt by ``rebuild_search_index``, and a constraint
would stop the test runner from truncating the stories table.  The index is
filled by the signal handlers and by the rebuild command, not here.
"""

from django.db import migrations

POSTGRES_CREATE = [
    "CREATE TABLE articles_search_document ("
    " article_id bigint PRIMARY KEY,"
    " document tsvector NOT NULL,"
    " ranking tsvector NOT NULL)",
    "CREATE INDEX articles_search_document_gin ON articles_search_document USING gin (document)",
]
POSTGRES_DROP = ["DROP TABLE IF EXISTS articles_search_document"]
SQLITE_CREATE = [
    "CREATE VIRTUAL TABLE articles_search_fts USING fts5("
    "title, body, tokenize = 'unicode61 remove_diacritics 0')"
]
SQLITE_DROP = ["DROP TABLE IF EXISTS articles_search_fts"]


def _run(statements, schema_editor):
    for statement in statements:
        schema_editor.execute(statement)


def create_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        _run(POSTGRES_CREATE, schema_editor)
    elif vendor == "sqlite":
        _run(SQLITE_CREATE, schema_editor)


def drop_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        _run(POSTGRES_DROP, schema_editor)
    elif vendor == "sqlite":
        _run(SQLITE_DROP, schema_editor)


class Migration(migrations.Migration):
    dependencies = [("articles", "0003_editorial_groups")]

    operations = [migrations.RunPython(create_index, drop_index)]
