# Chinese names for edit presences and pending refreshes (the English ones unchanged,
# so their permissions keep their names).

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0007_proofreading_states"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="editpresence",
            options={"verbose_name": "edit presence", "verbose_name_plural": "edit presences"},
        ),
        migrations.AlterModelOptions(
            name="pendingrefresh",
            options={"verbose_name": "pending refresh", "verbose_name_plural": "pending refreshs"},
        ),
    ]
