"""The newsroom's desks as groups, with the permissions each desk's work needs.

Django creates content types and permissions after the whole ``migrate`` has run
(post_migrate), too late for a group to be given them here.  So this migration
makes the rows itself, from the historical models: the same content types, and
the same codenames and names Django would give (default permissions "Can <action>
<verbose name>", then ``Meta.permissions``), so that post_migrate finds them and
adds nothing.
"""

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


def model_permissions(opts):
    """(codename, name) of every permission Django gives the model with these options."""
    for action in opts.default_permissions:
        yield f"{action}_{opts.model_name}", f"Can {action} {opts.verbose_name_raw}"
    yield from opts.permissions


def create_permissions(apps, using, app_labels):
    """The content type and permission rows of every model of these apps; existing rows kept."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    for model in apps.get_models():
        opts = model._meta
        if opts.app_label not in app_labels:
            continue
        content_type, _created = ContentType.objects.using(using).get_or_create(
            app_label=opts.app_label, model=opts.model_name
        )
        for codename, name in model_permissions(opts):
            Permission.objects.using(using).get_or_create(
                content_type=content_type, codename=codename, defaults={"name": name}
            )


def create_groups(apps, schema_editor):
    using = schema_editor.connection.alias
    wanted = {perm for perms in GROUPS.values() for perm in perms}
    create_permissions(apps, using, {perm.split(".")[0] for perm in wanted})
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, perms in GROUPS.items():
        group, _created = Group.objects.using(using).get_or_create(name=name)
        group.permissions.set(
            Permission.objects.using(using).get(
                content_type__app_label=app_label, codename=codename
            )
            for app_label, codename in sorted(perm.split(".") for perm in set(perms))
        )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0002_default_roles"),
        ("people", "0001_initial"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
