"""The migration history: complete, straight, reversible, and the groups it makes."""

from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.utils import translation

from articles import search
from articles.search.models import SearchDocument
from tests.factories import ArticleFactory

PROJECT_APPS = ("people", "articles", "search")


@pytest.mark.django_db
def test_the_models_need_no_migration_that_is_not_written():
    out = StringIO()
    try:
        call_command("makemigrations", check=True, dry_run=True, stdout=out)
    except SystemExit:
        pytest.fail(f"makemigrations found changes:\n{out.getvalue()}")


@pytest.mark.parametrize("app_label", PROJECT_APPS)
def test_each_app_has_one_straight_line_of_migrations(app_label):
    graph = MigrationLoader(None, ignore_no_migrations=True).graph
    assert len(graph.leaf_nodes(app_label)) == 1
    for key, migration in graph.nodes.items():
        if key[0] != app_label:
            continue
        own_parents = [parent for parent in migration.dependencies if parent[0] == app_label]
        assert len(own_parents) <= 1, f"{key[1]} merges {own_parents}"
        assert not migration.replaces, f"{key[1]} replaces {migration.replaces}"


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("app_label", "table"),
    [("articles", "articles_article"), ("search", SearchDocument._meta.db_table)],
)
def test_an_app_migrates_to_zero_and_back(app_label, table):
    tables = set(connection.introspection.table_names())
    assert table in tables
    try:
        call_command("migrate", app_label, "zero", verbosity=0)
        assert table not in connection.introspection.table_names()
    finally:
        call_command("migrate", verbosity=0)
    assert set(connection.introspection.table_names()) == tables
    if app_label == "articles":  # its data migrations ran again
        assert Group.objects.count() == len(GROUP_SIZES)


@pytest.mark.django_db(transaction=True)
def test_the_index_works_after_its_tables_are_made_again():
    article = ArticleFactory(headline="边坡治理")
    call_command("migrate", "search", "zero", verbosity=0)
    call_command("migrate", verbosity=0)
    assert search.rebuild() == 1
    assert [s.pk for s in search.search("边坡")] == [article.pk]


# The desks the groups migration makes, and how many permissions each has: the
# editorial rules (tests/articles/editorial) and the admin rely on them.
GROUP_SIZES = {"记者": 32, "编辑": 39, "美编": 20, "校对": 14, "值班总编": 42}


def codenames(group_name):
    group = Group.objects.get(name=group_name)
    return {
        f"{app_label}.{codename}"
        for app_label, codename in group.permissions.values_list(
            "content_type__app_label", "codename"
        )
    }


@pytest.mark.django_db
def test_the_desks_have_the_permissions_of_their_work():
    assert {group.name: group.permissions.count() for group in Group.objects.all()} == GROUP_SIZES
    reporter, editor, art_editor, proofreader, chief = map(codenames, GROUP_SIZES)
    assert "articles.submit_article" in reporter
    assert "articles.sign_off_article" not in reporter | editor | art_editor | proofreader
    assert {"articles.sign_off_article", "articles.withdraw_article"} <= chief
    assert reporter < editor < chief
    assert {"articles.send_back_article", "articles.place_article"} <= editor - reporter
    assert "articles.add_article" not in art_editor | proofreader
    assert proofreader == {
        p for p in proofreader if p.startswith(("articles.view", "people.view"))
    } | {
        "taggit.view_tag",
        "taggit.view_taggeditem",
        "articles.change_article",
        "articles.proofread_article",
    }


@pytest.mark.django_db
def test_the_migration_made_the_permissions_django_would_make():
    """Same codenames and names as post_migrate's, so it found them and added none.

    post_migrate reads the migrations' models, whose names are the untranslated text.
    """
    expected = set()
    for app_label in ("articles", "people", "taggit"):
        for model in apps.get_app_config(app_label).get_models():
            opts = model._meta
            expected.update(
                (
                    app_label,
                    opts.model_name,
                    f"{action}_{opts.model_name}",
                    f"Can {action} {opts.verbose_name_raw}",
                )
                for action in opts.default_permissions
            )
            with translation.override(None):
                expected.update(
                    (app_label, opts.model_name, codename, str(name))
                    for codename, name in opts.permissions
                )
    stored = set(
        Permission.objects.filter(
            content_type__app_label__in=("articles", "people", "taggit")
        ).values_list("content_type__app_label", "content_type__model", "codename", "name")
    )
    assert stored == expected
