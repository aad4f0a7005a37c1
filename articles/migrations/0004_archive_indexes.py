"""Indexes that give each list's newest-first ordering without reading the archive.

The publish-time index alone could not serve ``ORDER BY published_at DESC, id DESC``
(the key's tie-break) nor a section's list; the composite ones replace it.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0003_editorial_groups"),
    ]

    operations = [
        migrations.AlterField(
            model_name="article",
            name="published_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="publish time"),
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(fields=["-published_at", "-id"], name="article_newest"),
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                fields=["section", "-published_at", "-id"], name="article_section_newest"
            ),
        ),
    ]
