# The proofreading step: edited copy (with the proofreaders) and proofread copy (for the chief).

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0006_newest_index_status"),
    ]

    operations = [
        migrations.AlterField(
            model_name="article",
            name="status",
            field=models.CharField(
                choices=[
                    ("draft", "draft"),
                    ("submitted", "submitted"),
                    ("edited", "edited, with the proofreaders"),
                    ("proofread", "proofread, waiting for sign-off"),
                    ("published", "published"),
                    ("withdrawn", "withdrawn"),
                ],
                db_index=True,
                default="draft",
                max_length=12,
                verbose_name="status",
            ),
        ),
        migrations.AlterField(
            model_name="statuschange",
            name="from_status",
            field=models.CharField(
                choices=[
                    ("draft", "draft"),
                    ("submitted", "submitted"),
                    ("edited", "edited, with the proofreaders"),
                    ("proofread", "proofread, waiting for sign-off"),
                    ("published", "published"),
                    ("withdrawn", "withdrawn"),
                ],
                max_length=12,
                verbose_name="from",
            ),
        ),
        migrations.AlterField(
            model_name="statuschange",
            name="to_status",
            field=models.CharField(
                choices=[
                    ("draft", "draft"),
                    ("submitted", "submitted"),
                    ("edited", "edited, with the proofreaders"),
                    ("proofread", "proofread, waiting for sign-off"),
                    ("published", "published"),
                    ("withdrawn", "withdrawn"),
                ],
                max_length=12,
                verbose_name="to",
            ),
        ),
    ]
