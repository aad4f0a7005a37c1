from django.db import migrations

# (name, printed label, photo credit) — the roles Chinese local papers print.
DEFAULT_ROLES = [
    ("全媒体记者", "全媒体记者", False),
    ("融媒体记者", "融媒体记者", False),
    ("记者", "记者", False),
    ("见习记者", "见习记者", False),
    ("通讯员", "通讯员", False),
    ("特约通讯员", "特约通讯员", False),
    ("实习生", "实习生", False),
    ("摄影", "", True),
    ("评论作者", "", False),
]


def create_roles(apps, schema_editor):
    Role = apps.get_model("articles", "Role")
    for order, (name, label, photo) in enumerate(DEFAULT_ROLES):
        Role.objects.get_or_create(
            name=name, defaults={"print_label": label, "is_photo": photo, "order": order * 10}
        )


class Migration(migrations.Migration):
    dependencies = [("articles", "0001_initial")]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
