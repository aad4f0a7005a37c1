# When each story entered its status, for 待我处理 (the longest waiting first).  Existing
# stories take the time of their last status change from the status history, or the time
# they were filed if they never changed status.

import django.utils.timezone
from django.db import migrations, models
from django.db.models import F, OuterRef, Subquery
from django.db.models.functions import Coalesce


def fill_from_history(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    StatusChange = apps.get_model("articles", "StatusChange")
    last_change = (
        StatusChange.objects.filter(article=OuterRef("pk"))
        .order_by("-created_at", "-pk")
        .values("created_at")[:1]
    )
    # One UPDATE with a correlated subquery: no story is read into Python, whatever the
    # size of the archive.
    Article.objects.update(status_changed_at=Coalesce(Subquery(last_change), F("created_at")))


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0009_epaper"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="status_changed_at",
            field=models.DateTimeField(
                default=django.utils.timezone.now,
                editable=False,
                verbose_name="in this status since",
            ),
        ),
        migrations.RunPython(fill_from_history, migrations.RunPython.noop, elidable=True),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                fields=["status", "status_changed_at", "id"], name="article_waiting"
            ),
        ),
    ]
