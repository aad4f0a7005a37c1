"""The newest-first index carries each story's status as a third key column.

Walking the archive newest first and checking each story for a link (the page of a
tag on tens of thousands of stories) then reads the index alone: whether a story is
published is in the index, so no story row is fetched for the stories passed over.
A key column rather than an INCLUDE column, so that SQLite builds the same index.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0005_pending_refresh"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="article", name="article_newest"),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(fields=["-published_at", "-id", "status"], name="article_newest"),
        ),
    ]
