"""PostgreSQL search: a short ``ranking`` vector (title, labels, lede) beside the document.

Scoring the whole document fetched it from TOAST for every candidate.  Until
``rebuild_search_index`` runs, existing rows rank on their title words alone.
SQLite's FTS5 table is unchanged.
"""

from django.db import migrations


def add_ranking(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "ALTER TABLE articles_search_document "
            "ADD COLUMN ranking tsvector NOT NULL DEFAULT ''"
        )
        schema_editor.execute(
            "UPDATE articles_search_document SET ranking = ts_filter(document, '{a,b}')"
        )


def drop_ranking(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE articles_search_document DROP COLUMN ranking")


class Migration(migrations.Migration):
    dependencies = [("articles", "0006_article_rendered")]

    operations = [migrations.RunPython(add_ranking, drop_ranking)]
