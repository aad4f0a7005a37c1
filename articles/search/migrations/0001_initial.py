"""The search index's table, as the default database can search it (see ``models``).

The operations depend on the database vendor, as the model's fields do, so that
``makemigrations`` finds the state it expects on PostgreSQL and on SQLite alike.
"""

from django.db import connection, migrations, models

if connection.vendor == "postgresql":
    import django.contrib.postgres.indexes
    import django.contrib.postgres.search

    OPERATIONS = [
        migrations.CreateModel(
            name="SearchDocument",
            fields=[
                ("article_id", models.BigIntegerField(primary_key=True, serialize=False)),
                ("document", django.contrib.postgres.search.SearchVectorField()),
                ("ranking", django.contrib.postgres.search.SearchVectorField()),
            ],
            options={
                "db_table": "articles_search_document",
                "abstract": False,
                "default_permissions": (),
                "indexes": [
                    django.contrib.postgres.indexes.GinIndex(
                        fields=["document"], name="articles_search_document_gin"
                    )
                ],
            },
        ),
    ]
elif connection.vendor == "sqlite":
    OPERATIONS = [
        migrations.CreateModel(
            name="SearchDocument",
            fields=[
                (
                    "article_id",
                    models.BigIntegerField(db_column="rowid", primary_key=True, serialize=False),
                ),
                ("title", models.TextField()),
                ("body", models.TextField()),
            ],
            options={
                "db_table": "articles_search_fts",
                "abstract": False,
                "managed": False,
                "default_permissions": (),
            },
        ),
        # The model is unmanaged: Django cannot create a virtual table.  The unicode61
        # tokenizer splits on the spaces segmentation leaves, so a jieba word is a token.
        migrations.RunSQL(
            "CREATE VIRTUAL TABLE articles_search_fts USING fts5("
            "title, body, tokenize = 'unicode61 remove_diacritics 0')",
            "DROP TABLE IF EXISTS articles_search_fts",
        ),
    ]
else:
    OPERATIONS = []


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = OPERATIONS
