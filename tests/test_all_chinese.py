"""Everything a person reads is Chinese: every admin page each newsroom role can open
(lists, add and change forms, histories, the story's own pages), and the readers' site
with its 404 and preview pages.  An English word outside names and data fails.

Names and data allowed: the demo accounts' user names, the sections' slugs (shown as
data in their list), format names (``tests.chinese.NAMES``).
"""

import datetime

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from articles import editorial
from articles.models import Article, Edition, Page, Section
from articles.public import preview
from tests.admin_forms import article_form
from tests.chinese import english_words

ROLES = ["reporter", "editor", "arteditor", "proofreader", "chief", "admin"]


def data_words():
    """Words in Latin letters that are the newsroom's data, not its interface: sections'
    slugs, and what the login log stores for a request without a browser's headers."""
    slugs = set(Section.objects.values_list("slug", flat=True))
    return slugs | {part for slug in slugs for part in slug.split("-")} | {"unknown"}


def admin_pages(user):
    """Every list, add, change and history page of every model ``user`` may see."""
    request = RequestFactory().get("/admin/")
    request.user = user
    urls = ["/admin/", "/admin/password_change/"]
    for model, model_admin in admin.site._registry.items():
        info = model._meta.app_label, model._meta.model_name
        if not model_admin.has_view_or_change_permission(request):
            continue
        urls.append(reverse("admin:{}_{}_changelist".format(*info)))
        if model_admin.has_add_permission(request):
            urls.append(reverse("admin:{}_{}_add".format(*info)))
        for obj in model_admin.get_queryset(request)[:2]:
            urls.append(reverse("admin:{}_{}_change".format(*info), args=[obj.pk]))
            urls.append(reverse("admin:{}_{}_history".format(*info), args=[obj.pk]))
    return urls


def story_pages(article, version_id):
    pages = [
        reverse("admin:articles_article_history", args=[article.pk]),
        reverse("admin:articles_article_diff", args=[article.pk, version_id]),
        "/admin/articles/article/?desk=waiting",
        "/admin/articles/article/?desk=mine",
        "/admin/articles/article/?q=何春林",
        "/admin/articles/article/?status=submitted",
    ]
    for name, args in [
        ("admin:articles_article_recoverlist", []),
        ("admin:articles_edition_flatplan", [Edition.objects.first().pk]),
        ("admin:articles_edition_import", []),
    ]:
        try:
            pages.append(reverse(name, args=args))
        except NoReverseMatch:
            continue
    return pages


@pytest.fixture
def newsroom(seed, users):
    """The seed edition, and one story that went through the desk and was edited on the way
    (its history then holds status changes and changed fields)."""
    page = Page.objects.order_by("label").first()
    article = Article.objects.filter(page=page).order_by("pk").first()
    story = editorial.save_article(
        users["reporter"], Article(headline="走过编辑流程的稿件", kicker="引题")
    )
    editorial.apply_transition(users["reporter"], story, "submit")
    story.refresh_from_db()
    story.subheadline = "副题改过"
    story.dateline = "12月23日"
    story.page, story.page_position = page, 9
    editorial.save_article(users["editor"], story)
    return {"article": article, "story": story}


def history_change(client, story):
    """Change fields through the admin form, so the history names them as the admin does."""
    data = article_form(story, subheadline="副题再改", body="正文改过。")
    response = client.post(reverse("admin:articles_article_change", args=[story.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_every_admin_page_is_chinese_for_each_role(newsroom, users, client_for, role):
    from reversion.models import Version

    client = client_for(role)
    story = newsroom["story"]
    history_change(client_for("editor"), Article.objects.get(pk=story.pk))
    version = Version.objects.get_for_object(story).first()
    allowed = data_words()
    found = {}
    for url in admin_pages(users[role]) + story_pages(story, version.pk):
        response = client.get(url)
        assert response.status_code in (200, 302, 403, 404), (url, response.status_code)
        if response.status_code != 200 or "html" not in response["Content-Type"]:
            continue
        words = english_words(response.content.decode(), allowed)
        if words:
            found[url] = sorted({word for word, _text in words})
    assert found == {}, "\n".join(f"{url}: {words}" for url, words in found.items())


@pytest.mark.django_db
def test_history_entries_name_fields_and_steps_in_chinese(newsroom, client_for):
    story = newsroom["story"]
    history_change(client_for("editor"), Article.objects.get(pk=story.pk))
    html = (
        client_for("editor")
        .get(reverse("admin:articles_article_history", args=[story.pk]))
        .content.decode()
    )
    assert "副题" in html and "提交编辑" in html
    assert english_words(html, data_words()) == []


@pytest.mark.django_db
def test_every_readers_page_is_chinese(newsroom, client, client_for):
    article = newsroom["article"]
    edition = Edition.objects.first()
    page = Page.objects.filter(edition=edition).order_by("label").first()
    person = article.bylines.first().person
    section = Section.objects.filter(parent=None).first()
    tag = article.tags.first()
    urls = [
        "/",
        "/editions/",
        edition.get_absolute_url(),
        page.get_absolute_url(),
        section.get_absolute_url(),
        article.get_absolute_url(),
        person.get_absolute_url(),
        "/search/?q=技能人才",
        "/search/?q=",
        "/no-such-page/",
        f"/editions/{edition.date + datetime.timedelta(days=400)}/",
    ]
    if tag is not None:
        urls.append(f"/tags/{tag.slug}/")
    allowed = data_words()
    found = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 404), (url, response.status_code)
        words = english_words(response.content.decode(), allowed)
        if words:
            found[url] = sorted(set(words))
    # Previews: staff, and a phone through the signed link.
    story = newsroom["story"]
    for url, reader in [
        (preview.story_url(story), client_for("chief")),
        (preview.page_url(page), client_for("chief")),
        (preview.signed_story_url(story), client),
    ]:
        response = reader.get(url)
        assert response.status_code == 200, url
        words = english_words(response.content.decode(), allowed)
        if words:
            found[url] = sorted(set(words))
    assert found == {}
    assert timezone.now()  # the walk ran in the newsroom's time zone
