from django.contrib.auth.management import create_permissions
from django.db import migrations

VIEW_ALL = [
    "articles.view_article",
    "articles.view_byline",
    "articles.view_photo",
    "articles.view_awardroster",
    "articles.view_rosterentry",
    "articles.view_section",
    "articles.view_page",
    "articles.view_edition",
    "articles.view_role",
    "people.view_person",
    "taggit.view_tag",
    "taggit.view_taggeditem",
]
STORY_PARTS = [
    f"{app}.{action}_{model}"
    for app, model in [
        ("articles", "byline"),
        ("articles", "photo"),
        ("articles", "awardroster"),
        ("articles", "rosterentry"),
        ("taggit", "taggeditem"),
    ]
    for action in ("add", "change", "delete")
] + ["taggit.add_tag", "people.add_person"]

REPORTER = [
    *VIEW_ALL,
    *STORY_PARTS,
    "articles.add_article",
    "articles.change_article",
    "articles.submit_article",
]
EDITOR = [
    *REPORTER,
    "articles.send_back_article",
    "articles.place_article",
    "articles.change_page",
    "articles.add_page",
    "articles.add_edition",
    "articles.change_edition",
    "people.change_person",
]
ART_EDITOR = [
    *VIEW_ALL,
    "articles.change_article",
    "articles.place_article",
    "articles.add_photo",
    "articles.change_photo",
    "articles.delete_photo",
    "articles.add_byline",
    "articles.change_byline",
    "articles.change_page",
]
PROOFREADER = [*VIEW_ALL, "articles.change_article", "articles.proofread_article"]
CHIEF = [
    *EDITOR,
    "articles.sign_off_article",
    "articles.withdraw_article",
    "articles.correct_article",
]

# Group names are what the newsroom calls these desks.
GROUPS = {
    "记者": REPORTER,
    "编辑": EDITOR,
    "美编": ART_EDITOR,
    "校对": PROOFREADER,
    "值班总编": CHIEF,
}


def create_groups(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, perms in GROUPS.items():
        group, _created = Group.objects.get_or_create(name=name)
        wanted = []
        for perm in sorted(set(perms)):
            app_label, codename = perm.split(".")
            wanted.append(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
        group.permissions.set(wanted)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0002_default_roles"),
        ("people", "0001_initial"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
