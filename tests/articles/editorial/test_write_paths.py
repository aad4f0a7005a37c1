"""Every way to write a story or its parts, tried by every role on every state of a story.

As test_leaks.py is for reading: each admin URL and management command that can
write is classified here, and the test fails when a new one appears that it does
not know.  The expectations are written out as the newsroom's rules say them, not
computed from ``workflow``, so a change to the rules has to change this table too.
"""

import datetime

import pytest
from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.core.management import get_commands
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from articles import editorial
from articles.models import Article, AwardRoster, Byline, Correction, Photo, StatusChange
from tests.admin_forms import article_form, photo_rows
from tests.factories import (
    PageFactory,
    PhotoFactory,
    make_article,
)

pytestmark = pytest.mark.django_db

DRAFT, SUBMITTED, EDITED, PROOFREAD, PUBLISHED, WITHDRAWN = (s.value for s in Article.Status)
SCHEDULED = "scheduled"
STATES = [DRAFT, SUBMITTED, EDITED, PROOFREAD, SCHEDULED, PUBLISHED, WITHDRAWN]
ROLES = ["reporter", "other_reporter", "editor", "arteditor", "proofreader", "chief", "admin"]

# Who may change a story's text and parts in each state (stories are filed by "reporter").
MAY_EDIT = {
    DRAFT: {"reporter", "editor", "chief", "admin"},
    SUBMITTED: {"editor", "proofreader", "chief", "admin"},
    EDITED: {"editor", "proofreader", "chief", "admin"},  # with the proofreaders
    PROOFREAD: {"editor", "proofreader", "chief", "admin"},  # waiting for sign-off
    SCHEDULED: {"chief", "admin"},
    PUBLISHED: {"chief", "admin"},  # by correction, with a note
    WITHDRAWN: {"chief", "admin"},
}
# Who may move a story on its page (layout staff), in a state where they may edit it.
MAY_PLACE = {"editor", "arteditor", "chief", "admin"}


@pytest.fixture
def accounts(users, django_user_model):
    other = django_user_model.objects.create_user("other_reporter", is_staff=True)
    other.groups.set(users["reporter"].groups.all())
    return {**users, "other_reporter": other}


@pytest.fixture
def login(accounts):
    from django.test import Client

    def make(role):
        client = Client()
        client.force_login(accounts[role])
        return client

    return make


def article_in(state, accounts, **extra):
    now = timezone.now()
    status = PUBLISHED if state == SCHEDULED else state
    published_at = {
        SCHEDULED: now + datetime.timedelta(days=1),
        PUBLISHED: now - datetime.timedelta(hours=1),
        WITHDRAWN: now - datetime.timedelta(days=1),
    }.get(state)
    article = make_article(
        photos=1,
        status=status,
        published_at=published_at,
        created_by=accounts["reporter"],
        headline="原来的标题",
        **extra,
    )
    return Article.objects.get(pk=article.pk)


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def snapshot(article):
    """Everything a write could change: the story's fields, parts, versions and records."""
    stored = Article.objects.get(pk=article.pk)
    return (
        {f.attname: getattr(stored, f.attname) for f in Article._meta.concrete_fields},
        sorted(Byline.objects.filter(article=article).values_list("pk", "person_id", "order")),
        sorted(Photo.objects.filter(article=article).values_list("pk", "caption")),
        Version.objects.get_for_object(stored).count(),
        Correction.objects.filter(article=article).count(),
    )


def after_edit(status):
    """The status a story has after its text was changed: proofread copy goes back to the
    proofreaders (edited); every other status stays."""
    return Article.Status.EDITED if status == Article.Status.PROOFREAD else status


# The change form, with its inlines ---------------------------------------------------------
@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("role", ROLES)
def test_change_form_by_role_and_state(accounts, login, role, state):
    article = article_in(state, accounts)
    before = snapshot(article)
    data = article_form(
        article,
        headline="改过的标题",
        correction_note="原标题有误。",
        body="改过的正文。",
    )
    response = login(role).post(change_url(article), data)
    allowed = role in MAY_EDIT[state]
    if allowed:
        assert response.status_code == 302, response.content.decode()[:1500]
        stored = Article.objects.get(pk=article.pk)
        assert stored.headline == "改过的标题"
        assert stored.status == after_edit(article.status)
        assert stored.published_at == article.published_at
        assert Version.objects.get_for_object(stored).count() == before[3] + 1
        # One audit entry for the edit, and one for the step back to the proofreaders.
        entries = 1 + (stored.status != article.status)
        assert (
            LogEntry.objects.filter(object_id=str(article.pk), user=accounts[role]).count()
            == entries
        )
        assert Correction.objects.filter(article=article).count() == before[4] + (
            1 if state == PUBLISHED else 0
        )
    else:
        assert response.status_code == 403
        assert snapshot(article) == before


@pytest.mark.parametrize("role", ["chief", "admin"])
def test_published_story_needs_a_note_for_any_change_of_its_parts(accounts, login, role):
    article = article_in(PUBLISHED, accounts)
    photo = article.photos.get()
    data = article_form(
        article,
        body="\n\n".join(article.paragraphs),
        **photo_rows([photo], caption="改过的图片说明。"),
    )
    before = snapshot(article)
    refused = login(role).post(change_url(article), data)
    assert refused.status_code == 200
    assert "请向读者说明更正了什么" in refused.content.decode()
    assert snapshot(article) == before
    data["correction_note"] = "图片说明有误。"
    assert login(role).post(change_url(article), data).status_code == 302
    assert Photo.objects.get(pk=photo.pk).caption == "改过的图片说明。"


@pytest.mark.parametrize("field", ["status", "published_at", "signed_off_by"])
def test_status_and_publish_fields_cannot_be_posted(accounts, login, field):
    article = article_in(DRAFT, accounts)
    value = {"status": PUBLISHED, "published_at": "2020-01-01 00:00", "signed_off_by": 1}[field]
    response = login("editor").post(change_url(article), article_form(article, **{field: value}))
    assert response.status_code == 302
    stored = Article.objects.get(pk=article.pk)
    assert (stored.status, stored.published_at, stored.signed_off_by) == (DRAFT, None, None)


def test_core_refuses_a_status_change_outside_the_workflow(accounts):
    article = article_in(DRAFT, accounts)
    article.status = PUBLISHED
    with pytest.raises(editorial.Refused):
        editorial.save_article(accounts["editor"], article)
    assert Article.objects.get(pk=article.pk).status == DRAFT


def test_placement_needs_layout_staff(accounts):
    page = PageFactory()
    article = article_in(SUBMITTED, accounts)
    article.page = page
    with pytest.raises(editorial.Refused):
        editorial.save_article(accounts["proofreader"], article)
    article = Article.objects.get(pk=article.pk)
    article.page = page
    editorial.save_article(accounts["editor"], article)
    assert Article.objects.select_related("page").get(pk=article.pk).page == page


def test_a_stale_version_is_a_conflict_not_a_lost_update(accounts):
    article = article_in(SUBMITTED, accounts)
    stale = Article.objects.get(pk=article.pk)
    editorial.save_article(accounts["editor"], article)
    stale.headline = "迟到的修改"
    with pytest.raises(editorial.EditConflict):
        editorial.save_article(accounts["proofreader"], stale)
    assert Article.objects.get(pk=article.pk).headline == "原来的标题"


# Version restore ------------------------------------------------------------------------
def saved_twice(accounts, state):
    """A story with two versions: "第一版" then "第二版", then put in ``state``."""
    article = article_in(DRAFT, accounts)
    article.headline = "第一版"
    editorial.save_article(accounts["editor"], article)
    first = Version.objects.get_for_object(article).first()
    article.headline = "第二版"
    editorial.save_article(accounts["editor"], article)
    now = timezone.now()
    status = PUBLISHED if state == SCHEDULED else state
    when = {SCHEDULED: now + datetime.timedelta(days=1)}.get(state, now)
    Article.objects.filter(pk=article.pk).update(
        status=status, published_at=None if state in (DRAFT, SUBMITTED) else when
    )
    return Article.objects.get(pk=article.pk), first


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("role", ROLES)
def test_restore_by_role_and_state(accounts, login, role, state):
    article, first = saved_twice(accounts, state)
    url = reverse("admin:articles_article_revision", args=[article.pk, first.pk])
    before = snapshot(article)
    response = login(role).post(url, {"correction_note": "恢复原标题。"})
    stored = Article.objects.get(pk=article.pk)
    allowed = role in MAY_EDIT[state]
    status = after_edit(article.status) if allowed else article.status
    assert (stored.status, stored.published_at) == (status, article.published_at)
    if allowed:
        assert response.status_code == 302, response.content.decode()[:1500]
        assert stored.headline == "第一版"
        assert stored.photos.count() == 1 and stored.bylines.count() == 2
        assert Version.objects.get_for_object(stored).count() == before[3] + 1
    else:
        assert response.status_code == 403
        assert snapshot(article) == before


def test_restore_over_a_published_story_is_a_correction(accounts, login):
    article, first = saved_twice(accounts, PUBLISHED)
    url = reverse("admin:articles_article_revision", args=[article.pk, first.pk])
    refused = login("chief").post(url, {})
    assert refused.status_code == 200 and "请向读者说明更正了什么" in refused.content.decode()
    assert Article.objects.get(pk=article.pk).headline == "第二版"
    assert login("chief").post(url, {"correction_note": "恢复原标题。"}).status_code == 302
    assert Correction.objects.get(article=article).note == "恢复原标题。"


def test_restore_refuses_a_version_of_another_object(accounts, login):
    article, _first = saved_twice(accounts, SUBMITTED)
    victim = article_in(PUBLISHED, accounts)
    # A version whose object id equals the victim's, of another kind of row (a byline).
    foreign = Version.objects.filter(content_type__model="byline").first()
    foreign.object_id = str(victim.pk)
    foreign.save()
    for target in (victim, article):
        url = reverse("admin:articles_article_revision", args=[target.pk, foreign.pk])
        assert login("chief").post(url, {"correction_note": "x"}).status_code == 404
    other = Version.objects.get_for_object(article).first()
    url = reverse("admin:articles_article_revision", args=[victim.pk, other.pk])
    assert login("chief").post(url, {"correction_note": "x"}).status_code == 404
    assert Article.objects.get(pk=victim.pk).status == PUBLISHED


def test_restore_and_save_work_on_the_seed_photo_stories(seed, users, client_for):
    chief = client_for("chief")
    for article in Article.objects.filter(photos__isnull=False).distinct():
        photo = article.photos.first()
        data = article_form(
            article,
            body="\n\n".join(article.paragraphs),
            correction_note="图片说明补充。",
            **photo_rows([photo], caption=photo.caption + "（补）"),
        )
        response = chief.post(change_url(article), data)
        assert response.status_code == 302, (article.headline, response.content.decode()[:800])
        version = Version.objects.get_for_object(article).first()
        url = reverse("admin:articles_article_revision", args=[article.pk, version.pk])
        assert chief.get(url).status_code == 200
        assert chief.post(url, {"correction_note": "恢复。"}).status_code == 302


# Side admins and other write URLs -----------------------------------------------------------
def test_page_reorder_goes_through_the_rules(accounts, login):
    page = PageFactory()
    published = article_in(PUBLISHED, accounts, page=page, page_position=1)
    draft = article_in(DRAFT, accounts, page=page, page_position=2)
    url = reverse("admin:articles_page_change", args=[page.pk])
    data = {
        "edition": page.edition_id,
        "label": page.label,
        "name": page.name,
        "order": page.order,
        "articles-TOTAL_FORMS": 2,
        "articles-INITIAL_FORMS": 2,
        "articles-MIN_NUM_FORMS": 0,
        "articles-MAX_NUM_FORMS": 1000,
        "articles-0-id": published.pk,
        "articles-0-page": page.pk,
        "articles-0-page_position": 5,
        "articles-1-id": draft.pk,
        "articles-1-page": page.pk,
        "articles-1-page_position": 6,
    }
    login("editor").post(url, data)
    assert Article.objects.get(pk=published.pk).page_position == 1  # published: chief only
    login("chief").post(url, data)
    assert Article.objects.get(pk=published.pk).page_position == 5
    assert Article.objects.get(pk=draft.pk).page_position == 6
    assert Version.objects.get_for_object(draft).count() == 1


def test_tag_admin_attaches_nothing_to_stories(accounts, login):
    from taggit.models import Tag

    article = article_in(PUBLISHED, accounts)
    tag = Tag.objects.create(name="就业", slug="jiuye")
    renamed = {"name": "就业创业", "slug": "jiuye"}
    assert login("reporter").post(f"/admin/taggit/tag/{tag.pk}/change/", renamed).status_code == 403
    response = login("admin").post(
        f"/admin/taggit/tag/{tag.pk}/change/",
        {
            "name": "就业",
            "slug": "jiuye",
            "taggit_taggeditem_items-TOTAL_FORMS": 1,
            "taggit_taggeditem_items-INITIAL_FORMS": 0,
            "taggit_taggeditem_items-0-object_id": article.pk,
            "taggit_taggeditem_items-0-content_type": 1,
        },
    )
    assert response.status_code == 302
    assert not article.tags.exists()


def test_delete_is_for_administrators_and_recover_brings_back_a_draft(accounts, login):
    article = article_in(PUBLISHED, accounts)
    editorial.save_article(accounts["chief"], article, note="补充。")
    url = reverse("admin:articles_article_delete", args=[article.pk])
    assert login("chief").post(url, {"post": "yes"}).status_code == 403
    assert login("admin").post(url, {"post": "yes"}).status_code == 302
    assert not Article.objects.filter(pk=article.pk).exists()
    version = Version.objects.get_deleted(Article).get()
    recover = reverse("admin:articles_article_recover", args=[version.pk])
    assert login("chief").post(recover).status_code == 403
    assert login("admin").post(recover).status_code == 302
    back = Article.objects.get(pk=article.pk)
    assert back.status == DRAFT and back.published_at is None
    assert back.photos.count() == 1 and back.bylines.count() == 2


@pytest.mark.parametrize("role", ["reporter", "editor", "arteditor", "proofreader"])
def test_import_upload_and_command_only_change_published_stories_by_correction(
    seed, users, client_for, role
):
    from io import BytesIO

    from articles.imports.importer import import_page_bytes
    from articles.imports.store import check_importer
    from tests.articles.imports.test_store import SEED_TEXT

    url = reverse("admin:articles_edition_import")
    response = client_for(role).get(url)
    try:
        check_importer(users[role])
    except Exception:
        assert response.status_code == 403
        return
    assert response.status_code == 200
    article = Article.objects.published().get(headline="株洲青商会十年提供万余就业岗位")
    text = SEED_TEXT.read_text(encoding="utf-8").replace(
        "株洲青商会十年提供万余就业岗位", "株洲青商会十年提供近万就业岗位"
    )
    before = snapshot(article)
    report = import_page_bytes(text.encode(), "2023-12-26", ["A05", "A06"], user=users[role])
    assert snapshot(article) == before
    assert any(s.action == "kept" for s in report.kept)
    upload = BytesIO(text.encode())
    upload.name = "page.txt"
    checked = client_for(role).post(
        url, {"file": upload, "edition": "2023-12-26", "pages": "A05 A06"}
    )
    assert "需要更正说明" in checked.content.decode() or "保持原样" in checked.content.decode()
    assert snapshot(article) == before


def test_chief_import_with_a_note_corrects_a_published_story(seed, users):
    from articles.imports.importer import import_page_bytes
    from tests.articles.imports.test_store import SEED_TEXT

    article = Article.objects.published().get(headline="株洲青商会十年提供万余就业岗位")
    text = SEED_TEXT.read_text(encoding="utf-8").replace(
        "株洲青商会十年提供万余就业岗位", "株洲青商会十年提供近万就业岗位"
    )
    import_page_bytes(text.encode(), "2023-12-26", ["A05", "A06"], user=users["chief"])
    assert Article.objects.get(pk=article.pk).headline == "株洲青商会十年提供万余就业岗位"
    import_page_bytes(
        text.encode(),
        "2023-12-26",
        ["A05", "A06"],
        user=users["chief"],
        correction_note="标题数字有误。",
    )
    corrected = Article.objects.get(pk=article.pk)
    assert corrected.headline == "株洲青商会十年提供近万就业岗位"
    assert corrected.status == PUBLISHED
    assert Correction.objects.get(article=article).note == "标题数字有误。"
    assert Version.objects.get_for_object(corrected).exists()


def test_bulk_actions_check_each_story(accounts, login):
    articles = [article_in(PROOFREAD, accounts) for _ in range(2)]
    data = {"action": "sign_off_selected", "_selected_action": [s.pk for s in articles]}
    login("editor").post("/admin/articles/article/", data)
    assert not Article.objects.published().exists()
    login("chief").post("/admin/articles/article/", data)
    assert Article.objects.published().count() == 2
    assert StatusChange.objects.count() == 2


# Every write path is classified --------------------------------------------------------------
# Admin URL names (without the admin: prefix) and what guards each.
ADMIN_URLS = {
    # Stories: through the editorial core (the tests above).
    "articles_article_add": "core",
    "articles_article_change": "core",
    "articles_article_delete": "core",
    "articles_article_transition": "core",
    "articles_article_revision": "core",
    "articles_article_recover": "core",
    "articles_article_recoverlist": "read",
    "articles_article_history": "read",
    "articles_article_diff": "read",
    "articles_article_credits": "read",  # the credit-line preview (JSON) writes nothing
    "articles_article_leave": "read",  # clears "someone is editing", writes no story
    "articles_article_changelist": "core",  # actions: sign off, withdraw
    # Pages: the story inline moves stories through the core.
    "articles_page_add": "reference",
    "articles_page_change": "core",
    "articles_page_delete": "reference",
    "articles_page_history": "read",
    "articles_page_changelist": "read",
    "articles_edition_add": "reference",
    "articles_edition_change": "reference",
    "articles_edition_delete": "reference",
    "articles_edition_history": "read",
    "articles_edition_changelist": "read",
    "articles_edition_import": "core",
    "articles_edition_import_status": "read",  # a background save's progress and report
    "articles_edition_flatplan": "read",
    # The 数字报: a page's PDF and pictures and its story areas, for layout staff only
    # (workflow.can_place); they hold where a story sits on the page picture, never a
    # story's text or parts, so they write no story.
    **{
        f"articles_{model}_{view}": "layout"
        for model in ("pageprint", "storyarea")
        for view in ("add", "change", "delete", "changelist")
    },
    "articles_pageprint_history": "read",
    "articles_storyarea_history": "read",
    "articles_storyarea_editor": "layout",
    # Reference data: a saved row only re-renders the stories showing it.
    "articles_role_add": "reference",
    "articles_role_change": "reference",
    "articles_role_delete": "reference",
    "articles_role_history": "read",
    "articles_role_changelist": "reference",  # list_editable labels
    "articles_section_add": "reference",
    "articles_section_change": "reference",
    "articles_section_delete": "reference",
    "articles_section_history": "read",
    "articles_section_changelist": "reference",  # list_editable order
    "people_person_add": "reference",
    "people_person_change": "reference",
    "people_person_delete": "reference",
    "people_person_history": "read",
    "people_person_changelist": "read",
    "taggit_tag_add": "reference",
    "taggit_tag_change": "reference",  # no tagged-item inline (test above)
    "taggit_tag_delete": "reference",
    "taggit_tag_history": "read",
    "taggit_tag_changelist": "read",
    # Accounts.
    "auth_user_add": "accounts",
    "auth_user_change": "accounts",
    "auth_user_delete": "accounts",
    "auth_user_history": "read",
    "auth_user_changelist": "read",
    "auth_user_password_change": "accounts",
    "auth_group_add": "accounts",
    "auth_group_change": "accounts",
    "auth_group_delete": "accounts",
    "auth_group_history": "read",
    "auth_group_changelist": "read",
    "axes_accessattempt_add": "accounts",
    "axes_accessattempt_change": "accounts",
    "axes_accessattempt_delete": "accounts",
    "axes_accessattempt_history": "read",
    "axes_accessattempt_changelist": "accounts",
    "axes_accessfailurelog_add": "accounts",
    "axes_accessfailurelog_change": "accounts",
    "axes_accessfailurelog_delete": "accounts",
    "axes_accessfailurelog_history": "read",
    "axes_accessfailurelog_changelist": "accounts",
    "axes_accesslog_add": "accounts",
    "axes_accesslog_change": "accounts",
    "axes_accesslog_delete": "accounts",
    "axes_accesslog_history": "read",
    "axes_accesslog_changelist": "accounts",
    # django-tasks-db's queue of background tasks: read-only in its admin.
    "django_tasks_database_dbtaskresult_change": "read",
    "django_tasks_database_dbtaskresult_changelist": "read",
    "django_tasks_database_dbtaskresult_history": "read",
    "django_tasks_database_dbtaskresult_add": "read",
    "django_tasks_database_dbtaskresult_delete": "read",
}
# Admin URLs that are not a model's: login, index, autocomplete and the like.
SITE_URLS = {
    "index",
    "login",
    "logout",
    "password_change",
    "password_change_done",
    "autocomplete",
    "jsi18n",
    "view_on_site",
    "app_list",
}
# Management commands of the project's own apps, and how each writes.
COMMANDS = {
    "import_page": "core",  # --user; published stories only by correction
    "export_layout": "read",
    "rebuild_search_index": "effects",  # rebuilds the index from the stories as stored
    "load_seed": "fixture",  # installs the demo seed (raw rows), then the core's effects
    "create_demo_users": "accounts",
    "render_articles": "effects",  # stores the derived HTML again, as the core's effects do
    "refresh_stories": "effects",  # the stories a rename left waiting, as the worker does
    "make_epaper": "layout",  # page PDFs, pictures and story areas; no story is written
}


def admin_url_names():
    names = set()
    for model_admin in admin.site._registry.values():
        for pattern in model_admin.urls:
            if getattr(pattern, "name", None):
                names.add(pattern.name)
    return names


def test_every_admin_url_is_classified():
    unknown = admin_url_names() - set(ADMIN_URLS) - SITE_URLS
    assert not unknown, f"classify these write paths in ADMIN_URLS: {sorted(unknown)}"
    models_with_article_parts = {Byline, Photo, AwardRoster}
    for model in models_with_article_parts:
        assert model not in admin.site._registry, f"{model.__name__} has a side admin"


def test_every_admin_action_is_classified(accounts):
    from django.test import RequestFactory

    request = RequestFactory().get("/admin/")
    request.user = accounts["admin"]
    known = {"delete_selected", "sign_off_selected", "withdraw_selected", "export_editions"}
    # The proofreading steps, each through editorial.apply_to_each like sign-off.
    known |= {"finish_editing_selected", "pass_proofreading_selected", "return_to_editor_selected"}
    known |= {f"export_pages_{fmt}" for fmt in ("json", "markdown", "html", "ninjs")}
    for model, model_admin in admin.site._registry.items():
        actions = set(model_admin.get_actions(request))
        if model._meta.app_label in ("articles", "people", "taggit"):
            assert actions <= known, (model.__name__, actions - known)


def test_every_command_is_classified():
    ours = {
        name for name, app in get_commands().items() if app in ("articles", "people", "newsroom")
    }
    assert ours == set(COMMANDS), f"classify: {sorted(ours ^ set(COMMANDS))}"


def test_side_effects_run_once_per_transaction_on_commit(
    accounts, django_capture_on_commit_callbacks, monkeypatch
):
    from django.db import transaction

    from articles.public import fragments

    rendered = []
    original = fragments.render
    monkeypatch.setattr(fragments, "render", lambda pks: rendered.append(set(pks)) or original(pks))
    first, second = article_in(SUBMITTED, accounts), article_in(SUBMITTED, accounts)
    rendered.clear()
    with transaction.atomic():
        for article in (first, second, first):
            article.refresh_from_db()
            article.headline += "改"
            editorial.save_article(accounts["editor"], article)
        assert rendered == []  # nothing before the commit
    assert rendered == [{first.pk, second.pk}]


def test_an_edited_roster_shows_every_name_on_the_public_page(accounts, login, client):
    article = article_in(PUBLISHED, accounts)
    roster = AwardRoster.objects.create(article=article, title="冠军", stated_count=2)
    roster.set_names(["甲", "乙"])
    editorial.save_article(accounts["chief"], Article.objects.get(pk=article.pk), note="补名单。")
    article.refresh_from_db()
    data = article_form(
        article,
        body="\n\n".join(article.paragraphs),
        correction_note="名单有误。",
        **{
            "rosters-TOTAL_FORMS": 1,
            "rosters-INITIAL_FORMS": 1,
            "rosters-0-id": roster.pk,
            "rosters-0-article": article.pk,
            "rosters-0-title": "冠军",
            "rosters-0-stated_count": 3,
            "rosters-0-names": "漆志、马双智、杨放晃",
            "rosters-0-order": 0,
        },
    )
    assert login("chief").post(change_url(article), data).status_code == 302
    html = client.get(article.get_absolute_url()).content.decode()
    assert "冠军（3名）" in html
    assert html.index("漆志") < html.index("马双智") < html.index("杨放晃")


def test_photo_story_saves_twice_and_keeps_its_picture(accounts, login):
    article = article_in(SUBMITTED, accounts)
    photo = PhotoFactory(article=article, caption="第一张")
    for body in ("一改。", "二改。"):
        article.refresh_from_db()
        data = article_form(
            article,
            body=body,
            **photo_rows(list(article.photos.all())),
        )
        assert login("editor").post(change_url(article), data).status_code == 302
    assert Photo.objects.get(pk=photo.pk).image.name == photo.image.name
