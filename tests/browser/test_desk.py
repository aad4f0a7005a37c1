"""The story desk in Chromium: live 字数, the warning before unsaved edits are lost, no
sideways scrolling at a desktop's and a laptop's width, and a reporter filing a story
with its credit lines typed as printed, photo included, in one save."""

import contextlib
import importlib
from types import SimpleNamespace

import pytest

from articles import blocks as body_blocks
from articles.models import Article
from tests.factories import image_file

# Without Playwright the browser fixture skips (or fails where CI requires it); so does this.
PlaywrightError = pytest.importorskip("playwright.sync_api").Error
PASSWORD = "newsroom-demo"


@pytest.fixture
def desk(live_server, live_seed, browser):
    """The seed edition, the demo accounts, and a function opening a logged-in page."""
    from django.apps import apps
    from django.db import connection

    from articles.management.demo import ensure_demo_users

    # A transactional test starts from flushed tables: the groups come back first.
    groups = importlib.import_module("articles.migrations.0003_editorial_groups")
    groups.create_groups(apps, SimpleNamespace(connection=connection))
    users = {user.username: user for user in ensure_demo_users()}
    contexts = []

    def open_as(username, width=1280):
        context = browser.new_context(viewport={"width": width, "height": 900})
        contexts.append(context)
        page = context.new_page()
        page.errors = []
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        page.on(
            "console",
            lambda m: (
                page.errors.append(m.text)
                if m.type == "error" and "favicon" not in m.location.get("url", "")
                else None
            ),
        )
        page.goto(f"{live_server.url}/admin/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", PASSWORD)
        with page.expect_navigation():  # the sign-in answered before going on
            page.click("input[type=submit]")
        return page

    yield live_server.url, users, open_as
    for context in contexts:
        for page in context.pages:
            leave(page)
        context.close()


def leave(page):
    """Leave the page while the database is still there: its presence beacon
    (static/admin/presence.js) reaches the server now, not during the flush."""
    page.on("dialog", accept)
    with contextlib.suppress(PlaywrightError):
        page.goto("about:blank", timeout=5000)
    page.wait_for_timeout(500)


def accept(dialog):
    with contextlib.suppress(PlaywrightError):  # a test's own handler answered it
        dialog.accept()


def model_count(text):
    """字数 as the model counts it when the story is saved."""
    return body_blocks.count_characters(*(b["text"] for b in body_blocks.text_to_blocks(text)))


BODY = (
    "株洲日报讯 全市\u3000技能大赛今天开幕。\n本行接上一行。\n\n"
    "## 聚焦“3+3+2”\n现代产业\n\n"
    "𠮷野家的师傅 also came，　共 12 人。\n\n\n##\n\n#话题\n\n"
    "| 稻子低下头的时候\n|田埂就瘦了一圈\n\n| 半行\n不是诗"
)


def test_char_count_follows_the_body_as_it_is_typed(desk):
    url, _, open_as = desk
    page = open_as("reporter")
    page.goto(f"{url}/admin/articles/article/add/")
    assert page.text_content("#desk-char-count") == "0"
    page.fill("#id_body", BODY)
    assert page.text_content("#desk-char-count") == str(model_count(BODY))
    page.click("#id_body")
    page.keyboard.press("Control+End")  # the end of the text, not of the clicked line
    page.keyboard.type("再加五个字")
    assert page.text_content("#desk-char-count") == str(model_count(BODY + "再加五个字"))
    assert page.errors == []


def test_page_total_adds_the_live_count_to_the_other_stories(desk):
    url, _, open_as = desk
    article = Article.objects.get(headline="顶尖技能高手接受城市礼遇")
    others = sum(
        Article.objects.filter(page_id=article.page_id)
        .exclude(pk=article.pk)
        .values_list("char_count", flat=True)
    )
    page = open_as("chief")
    page.goto(f"{url}/admin/articles/article/{article.pk}/change/")
    assert page.text_content("#desk-page-total") == str(others + article.char_count)
    page.fill("#id_body", "十个字十个字十个字十")
    assert page.text_content("#desk-page-total") == str(others + 10)


def test_leaving_with_unsaved_changes_asks_first(desk):
    url, _, open_as = desk
    page = open_as("reporter")
    page.goto(f"{url}/admin/articles/article/add/")
    dialogs = []

    def dismiss(dialog):
        dialogs.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", dismiss)
    page.click("#id_headline")
    page.keyboard.type("没保存的标题")
    page.click(".breadcrumbs a >> nth=0")
    page.wait_for_timeout(300)
    assert dialogs == ["beforeunload"]
    assert page.url.endswith("/admin/articles/article/add/")
    assert page.input_value("#id_headline") == "没保存的标题"
    # Saving is leaving on purpose: no question.
    page.fill("#id_body", "正文。")
    page.click("input[name=_continue]")
    page.wait_for_load_state()
    assert dialogs == ["beforeunload"]
    assert Article.objects.filter(headline="没保存的标题").exists()
    # An untouched form lets the editor go.
    page.click(".breadcrumbs a >> nth=0")
    page.wait_for_load_state()
    assert dialogs == ["beforeunload"] and page.url.rstrip("/").endswith("/admin")


def test_a_page_chosen_in_the_search_box_is_an_unsaved_change_too(desk):
    url, users, open_as = desk
    draft = Article.objects.create(headline="待排版的稿件", created_by=users["editor"])
    page = open_as("editor")
    page.goto(f"{url}/admin/articles/article/{draft.pk}/change/")
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.dismiss()))
    page.click("#id_page + .select2 .select2-selection")
    page.fill(".select2-container--open .select2-search__field", "A06")
    page.locator(".select2-results__option", has_text="A06").first.click()
    page.click(".breadcrumbs a >> nth=0")
    page.wait_for_timeout(300)
    assert dialogs and set(dialogs) == {"beforeunload"}
    assert page.url.endswith(f"/{draft.pk}/change/")
    # Saved on purpose, the choice is kept and nothing is left waiting.
    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist .success")
    draft.refresh_from_db()
    assert draft.page_id is not None


OVERFLOW = """() => {
  // The page does not scroll sideways, and nothing inside it is cut off or scrolls
  // sideways in a box of its own (the byline table once hid its 图片 and 删除 columns).
  const root = document.documentElement;
  const main = document.querySelector('#content-main').getBoundingClientRect();
  const fields = 'input, textarea, select, .select2-selection__rendered';
  const wide = Array.from(document.querySelectorAll('#content-main *'))
    .filter(e => !e.matches(fields) && !e.closest('.visually-hidden') && e.getClientRects().length)
    .filter(e => e.getBoundingClientRect().right > main.right + 1
      || (e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible'))
    .map(e => e.id || e.className || e.tagName);
  return {scroll: root.scrollWidth, client: root.clientWidth, wide: wide};
}"""


@pytest.mark.parametrize("width", [1280, 1024])
@pytest.mark.parametrize("username", ["reporter", "editor"])
def test_the_form_fits_without_sideways_scrolling(desk, username, width):
    url, _, open_as = desk
    photo_story = Article.objects.get(kind=Article.Kind.PHOTO)
    page = open_as(username, width)
    for path in (
        f"/admin/articles/article/{photo_story.pk}/change/",
        "/admin/articles/article/add/",
        "/admin/articles/article/",
    ):
        page.goto(url + path)
        measured = page.evaluate(OVERFLOW)
        assert measured["scroll"] <= measured["client"], (path, measured)
        assert measured["wide"] == [], (path, measured)
    assert page.errors == []


FILED_BODY = "株洲日报讯 技能人才走进社区。\n\n## 现场\n\n居民排起长队。"


def test_reporter_files_a_story_with_printed_credits_and_a_photo_in_one_save(desk, tmp_path):
    """The reporter's part of the newsroom's journey: one form, one save, submitted."""
    url, users, open_as = desk
    picture = tmp_path / "photo.jpg"
    picture.write_bytes(image_file().read())
    page = open_as("reporter")
    loads = []
    page.on("load", lambda: loads.append(page.url))
    page.goto(f"{url}/admin/articles/article/add/")
    page.fill("#id_headline", "技能人才进社区")
    page.fill("#id_credit_line", "株洲日报全媒体记者/何春林 通讯员/王付银 龙小川")
    preview = page.locator(".field-credit_line .desk-credit-preview li")
    preview.nth(2).wait_for()
    assert preview.count() == 3
    assert "已有人员" in preview.nth(0).text_content()
    assert "新人员" in preview.nth(2).text_content()
    page.fill("#id_body", FILED_BODY)
    page.click("#photos-group .add-row a")
    page.set_input_files("input[name=photos-0-image]", str(picture))
    page.fill("[name=photos-0-caption]", "技能人才为居民服务。")
    page.fill("input[name=photos-0-credit]", "记者/刘震 摄")
    page.locator("input[name=photos-0-credit] ~ .desk-credit-preview li").wait_for()
    page.click("button.desk-move[value=submit]")
    page.wait_for_selector(".messagelist .success")
    article = Article.objects.get(headline="技能人才进社区")
    assert article.status == Article.Status.SUBMITTED
    assert article.created_by_id == users["reporter"].pk
    assert article.byline_text == "株洲日报全媒体记者/何春林 通讯员/王付银 龙小川"
    assert article.photos.get().credit_text == "记者/刘震 摄"
    assert article.char_count == model_count(
        "株洲日报讯 技能人才走进社区。\n\n## 现场\n\n居民排起长队。"
    )
    # The add form and the story after its one save: a slower flow fails here.
    assert len(loads) == 2, loads
    assert page.errors == []
