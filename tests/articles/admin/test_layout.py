"""The layout desk in the admin and the staff download URL."""

import io
import json
import zipfile

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import translation

from articles.models import Article, Edition, Page
from tests.articles.imports.test_store import SEED_TEXT, row_counts

pytestmark = pytest.mark.django_db
IMPORT_URL = "admin:articles_edition_import"


def upload(name="seed.txt", data=None):
    return SimpleUploadedFile(name, SEED_TEXT.read_bytes() if data is None else data)


def test_upload_shows_the_dry_run_report_then_saves(editor_client):
    url = reverse(IMPORT_URL)
    assert editor_client.get(url).status_code == 200
    before = row_counts()
    response = editor_client.post(
        url, {"file": upload(), "edition": "2023-12-26", "pages": "A05 A06", "preview": "1"}
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "顶尖技能高手接受城市礼遇" in content and "刘震" in content
    assert row_counts() == before
    token = response.context["form"].initial["upload"]
    response = editor_client.post(
        url, {"upload": token, "edition": "2023-12-26", "pages": "A05 A06", "confirm": "1"}
    )
    edition = Edition.objects.get(date="2023-12-26")
    assert response.status_code == 302
    assert response.url == reverse("admin:articles_edition_flatplan", args=[edition.pk])
    assert Article.objects.count() == 9


@pytest.mark.parametrize(
    ("data", "pages"),
    [
        (b"", "A05 A06"),
        (b"\x00\x01\x02binary\x00", "A05 A06"),
        (None, "A05"),
        (SEED_TEXT.read_text(encoding="utf-8").replace("(15名)", "(16名)").encode(), "A05 A06"),
    ],
)
def test_bad_uploads_show_a_message_and_change_nothing(editor_client, data, pages):
    before = row_counts()
    token = None
    response = editor_client.post(
        reverse(IMPORT_URL),
        {"file": upload(data=data), "edition": "2023-12-26", "pages": pages},
    )
    assert response.status_code == 200
    if response.context["error"] is None and not response.context["form"].errors:
        # The roster mismatch passes the dry run with a warning; saving it is refused.
        assert response.context["report"].problems
        token = response.context["form"].initial["upload"]
        response = editor_client.post(
            reverse(IMPORT_URL),
            {"upload": token, "edition": "2023-12-26", "pages": pages, "confirm": "1"},
        )
        assert response.status_code == 200
    assert response.context["error"] or response.context["form"].errors
    assert row_counts() == before


def test_malformed_label_is_a_form_error(editor_client):
    response = editor_client.post(
        reverse(IMPORT_URL), {"file": upload(), "edition": "2023-12-26", "pages": "A05 第六版"}
    )
    assert response.status_code == 200 and "pages" in response.context["form"].errors


def test_flatplan_shows_every_page_as_a_card(seed, editor_client):
    edition = Edition.objects.get()
    response = editor_client.get(reverse("admin:articles_edition_flatplan", args=[edition.pk]))
    assert response.status_code == 200
    cards = response.context["cards"]
    assert [card["page"].label for card in cards] == ["A05", "A06"]
    a06 = cards[1]
    assert a06["stories"][0].headline == "顶尖技能高手接受城市礼遇"
    assert a06["photo_total"] == 4
    assert a06["char_total"] == sum(a.char_count for a in Article.objects.filter(page__label="A06"))
    content = response.content.decode()
    assert "王建设" in content and "王玺" in content
    assert reverse("staff:export_page", args=["2023-12-26", "A06", "ninjs"]) in content
    # The admin's CSP allows no inline styles: the flatplan's come from admin/layout.css.
    assert "admin/layout.css" in content and 'style="' not in content
    assert "Content-Security-Policy" in response.headers


def test_flatplan_query_count_does_not_grow_with_stories(seed, editor_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import ArticleFactory

    edition = Edition.objects.get()
    url = reverse("admin:articles_edition_flatplan", args=[edition.pk])
    with CaptureQueriesContext(connection) as few:
        editor_client.get(url)
    page = Page.objects.get(label="A06")
    for position in range(20):
        ArticleFactory(page=page, page_position=10 + position)
    with CaptureQueriesContext(connection) as many:
        editor_client.get(url)
    assert len(many) == len(few)


def test_page_export_action_downloads_one_page(seed, editor_client):
    page = Page.objects.get(label="A06")
    response = editor_client.post(
        reverse("admin:articles_page_changelist"),
        {"action": "export_pages_json", "_selected_action": [page.pk]},
    )
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="2023-12-26-A06.json"'
    assert json.loads(response.content)["page"]["label"] == "A06"


def test_page_export_action_zips_a_whole_edition(seed, editor_client):
    response = editor_client.post(
        reverse("admin:articles_page_changelist"),
        {
            "action": "export_pages_markdown",
            "_selected_action": list(Page.objects.values_list("pk", flat=True)),
        },
    )
    names = zipfile.ZipFile(io.BytesIO(response.content)).namelist()
    assert names == ["2023-12-26-A05.md", "2023-12-26-A06.md"]


def test_export_action_labels_follow_the_editors_language(seed, editor_client):
    response = editor_client.get(reverse("admin:articles_page_changelist"))
    assert "导出所选版面：印刷版 HTML" in response.content.decode()
    # Built when shown, not frozen in whatever language was active when the admin was imported.
    actions = admin.site.get_model_admin(Page).actions
    [action] = [action for action in actions if action.__name__ == "export_pages_html"]
    with translation.override("en"):
        assert str(action.short_description) == "Export selected pages: Print HTML"


def test_edition_export_action(seed, editor_client):
    response = editor_client.post(
        reverse("admin:articles_edition_changelist"),
        {"action": "export_editions", "_selected_action": [Edition.objects.get().pk]},
    )
    assert response["Content-Type"] == "application/zip"
    assert len(zipfile.ZipFile(io.BytesIO(response.content)).namelist()) == 2 * 3 + 9


@pytest.mark.parametrize(
    ("changelist", "action", "model"),
    [
        ("admin:articles_page_changelist", "export_pages_html", Page),
        ("admin:articles_edition_changelist", "export_editions", Edition),
    ],
)
def test_admin_export_downloads_are_never_cached(seed, editor_client, changelist, action, model):
    # Staff exports carry unpublished stories: no cache may keep them, as for the staff URLs.
    response = editor_client.post(
        reverse(changelist),
        {"action": action, "_selected_action": [model.objects.order_by("pk").first().pk]},
    )
    assert response["Content-Disposition"].startswith("attachment;")
    directives = {directive.strip() for directive in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= directives


def test_staff_download_for_staff_only(seed, editor_client):
    url = reverse("staff:export_page", args=["2023-12-26", "A06", "html"])
    client = Client()
    response = client.get(url)
    assert response.status_code == 302 and "login" in response.url
    reader = get_user_model().objects.create_user("reader", password="x")
    client.force_login(reader)
    assert client.get(url).status_code == 302
    response = editor_client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "顶尖技能高手接受城市礼遇" in response.content.decode()
    assert response["Cache-Control"] == "private, no-store"


@pytest.mark.parametrize(
    "args",
    [["2023-12-26", "A09", "json"], ["2023-12-26", "A06", "pdf"], ["2023-12-27", "A06", "json"]],
)
def test_staff_download_of_a_missing_page_is_404(seed, editor_client, args):
    assert editor_client.get(reverse("staff:export_page", args=args)).status_code == 404


def test_staff_edition_zip(seed, editor_client):
    response = editor_client.get(reverse("staff:export_edition", args=["2023-12-26"]))
    assert response.status_code == 200
    assert "2023-12-26-A06.html" in zipfile.ZipFile(io.BytesIO(response.content)).namelist()


def test_the_dry_run_keeps_the_file_on_the_server_not_in_the_form(editor_client, client_for):
    """The confirming save carries a short signed name, whatever the file's size."""
    url = reverse(IMPORT_URL)
    response = editor_client.post(
        url, {"file": upload(), "edition": "2023-12-26", "pages": "A05 A06", "preview": "1"}
    )
    token = response.context["form"].initial["upload"]
    assert len(token) < 200
    # Another user cannot confirm this user's upload.
    stranger = client_for("chief").post(
        url, {"upload": token, "edition": "2023-12-26", "pages": "A05 A06", "confirm": "1"}
    )
    assert stranger.status_code == 200 and not Article.objects.exists()
    saved = editor_client.post(
        url, {"upload": token, "edition": "2023-12-26", "pages": "A05 A06", "confirm": "1"}
    )
    assert saved.status_code == 302 and Article.objects.count() == 9
    # Used once: the kept file is gone.
    again = editor_client.post(
        url, {"upload": token, "edition": "2023-12-26", "pages": "A05 A06", "confirm": "1"}
    )
    assert again.status_code == 200 and again.context["form"].errors


def test_an_import_that_runs_out_of_time_says_so_and_saves_nothing(editor_client, settings):
    settings.NEWSROOM_IMPORT_SECONDS = -1
    before = row_counts()
    response = editor_client.post(
        reverse(IMPORT_URL),
        {"file": upload(), "edition": "2023-12-26", "pages": "A05 A06", "preview": "1"},
    )
    assert response.status_code == 200
    assert "import_page" in response.context["error"]
    assert row_counts() == before


def test_reporters_and_proofreaders_cannot_import(client_for):
    for role in ("reporter", "proofreader", "arteditor"):
        assert client_for(role).get(reverse(IMPORT_URL)).status_code == 403


def dry_run(client, data=None, pages="A05 A06", edition="2023-12-26"):
    return client.post(
        reverse(IMPORT_URL),
        {"file": upload(data=data), "edition": edition, "pages": pages, "preview": "1"},
    )


def test_the_dry_run_report_is_a_table_of_each_storys_parts(editor_client):
    response = dry_run(editor_client)
    report = response.context["report"]
    html = response.content.decode()
    assert html.count('<table class="report-stories">') == 2
    assert report.count("create") == 9 and "共9篇：新建9篇" in html
    for part in (
        '<span class="tag">引题</span>第十届“技能天下”职业技能大赛落幕',
        '<span class="tag">主题</span>顶尖技能高手接受城市礼遇',
        '<span class="tag">电头日期</span>12月23日',
        '<span class="tag">通讯员</span>王付银、王忠祥',
        '<span class="tag">记者</span>刘震',
        "（标明15名，列出15名）",
        "责任编辑：王建设",
        "新建人员",
    ):
        assert part in html, part


def test_the_report_lists_lines_that_belong_to_no_story(editor):
    from django.template.loader import render_to_string

    from articles.imports.store import import_pages
    from tests.articles.imports.test_report import skipped_page

    report = import_pages(skipped_page(), "2023-12-26", ["A05", "A06"], dry_run=True, user=editor)
    html = render_to_string("admin/articles/_layout_report.html", {"report": report})
    assert '<table class="report-skipped">' in html
    assert '<td data-label="原因">页眉</td>' in html and "星期二" in html
    assert "报眉日期与期次日期不符" in html
    assert '<span class="tag">栏目</span>营商环境' in html


def test_a_10000_story_file_is_checked_in_the_request_within_the_limits(editor_client, settings):
    """2-3 MB: Django's request-size limits do not apply to the file, and the dry run
    only reads, so it answers well before a worker's time limit."""
    from bench import layout_corpus

    stories = 10000
    data = layout_corpus.story_file(stories).encode()
    labels = layout_corpus.labels(layout_corpus.page_count(stories))
    assert len(data) > settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    assert len(data) > settings.FILE_UPLOAD_MAX_MEMORY_SIZE
    before = row_counts()
    response = dry_run(editor_client, data=data, pages=" ".join(labels))
    assert response.status_code == 200 and response.context["error"] is None
    report = response.context["report"]
    assert report.article_count == stories and report.to_write == stories
    html = response.content.decode()
    assert "另有9700篇稿件的详情未列出" in html and "在后台进行" in html
    assert row_counts() == before
    assert len(response.context["form"].initial["upload"]) < 200


def test_a_large_save_runs_in_the_background_and_its_page_shows_progress_then_the_report(
    editor_client, monkeypatch
):
    from articles.admin import layout

    monkeypatch.setattr(layout, "INLINE_STORIES", 5)
    token = dry_run(editor_client).context["form"].initial["upload"]
    response = editor_client.post(
        reverse(IMPORT_URL),
        {"upload": token, "edition": "2023-12-26", "pages": "A05 A06", "confirm": "1"},
    )
    # The test settings run tasks at once: the save is done when the status page opens.
    assert response.status_code == 302 and "/import/status/" in response.url
    assert Article.objects.count() == 9
    page = editor_client.get(response.url)
    html = page.content.decode()
    assert page.context["state"] == "done" and 'http-equiv="refresh"' not in html
    assert "已导入 9 篇" in html or "9" in page.context["saved"]
    edition = Edition.objects.get(date="2023-12-26")
    assert reverse("admin:articles_edition_flatplan", args=[edition.pk]) in html
    assert '<table class="report-stories">' in html
    # The file is gone; the outcome stays for its page.
    assert not list(layout.uploads_dir().glob("*.txt"))


@pytest.mark.parametrize(
    ("state", "words", "refreshes"),
    [
        ({"state": "waiting", "done": 0, "total": 0}, "正在等待后台任务", True),
        ({"state": "running", "done": 4000, "total": 10000}, "已处理4000篇，共10000篇", True),
        ({"state": "rendering", "done": 10000, "total": 10000}, "正在生成页面", True),
        ({"state": "failed", "error": "第 3 行：主题超过200字"}, "第 3 行：主题超过200字", False),
    ],
)
def test_the_status_page_follows_a_background_save(editor_client, editor, state, words, refreshes):
    from articles.admin import layout
    from articles.imports import uploads

    name = uploads.keep(b"page text")
    uploads.write_status(name, edition="2023-12-26", labels=["A05"], **state)
    response = editor_client.get(
        reverse("admin:articles_edition_import_status", args=[layout.sign_upload(name, editor)])
    )
    html = response.content.decode()
    assert words in html
    assert ('http-equiv="refresh"' in html) == refreshes


def test_a_stopped_background_save_says_so(editor_client, editor, monkeypatch):
    from articles.admin import layout
    from articles.imports import uploads

    name = uploads.keep(b"page text")
    uploads.write_status(name, state="running", done=10, total=100, edition="2023-12-26")
    monkeypatch.setattr(layout, "STALLED_SECONDS", -1)
    url = reverse("admin:articles_edition_import_status", args=[layout.sign_upload(name, editor)])
    html = editor_client.get(url).content.decode()
    assert "后台保存中途停止" in html and 'http-equiv="refresh"' not in html


def test_a_background_save_that_fails_saves_nothing_and_says_why(editor_client, editor):
    from articles.imports import jobs, uploads

    name = uploads.keep(SEED_TEXT.read_bytes())
    before = row_counts()
    jobs.queue(name, edition="2023-12-26", labels=["A05"], user=editor, options={})
    status = uploads.read_status(name)
    assert status["state"] == "failed" and "2" in status["error"] and "1" in status["error"]
    assert row_counts() == before


def test_another_user_cannot_follow_a_save(editor_client, editor, client_for):
    from articles.admin import layout
    from articles.imports import uploads

    name = uploads.keep(b"page text")
    uploads.write_status(name, state="waiting", done=0, total=0, edition="2023-12-26")
    url = reverse("admin:articles_edition_import_status", args=[layout.sign_upload(name, editor)])
    assert client_for("chief").get(url).status_code == 404
    assert client_for("reporter").get(url).status_code == 403
