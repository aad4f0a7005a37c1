"""Editors' days in Chromium, through the real admin forms (issue 10).

A photo story that could not be saved in the admin (HTTP 500) passed every unit
test: these journeys log in as the newsroom's roles, file, edit, sign off,
correct and withdraw stories with photos and rosters, the seed's own among them,
and fail on any console error or any response of 500 or more.

Skips where Chromium or Playwright is missing, unless NEWSROOM_REQUIRE_SERVICES=1
(CI), where that is a failure.  Screenshots go to $NEWSROOM_SCREENSHOTS
(default /tmp/shots), outside the repository.

The last test starts gunicorn with four workers sharing Redis and checks that a
story withdrawn from another process answers 410 from every one of them.
"""

import contextlib
import importlib
import io
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from articles.management.demo import DEMO_PASSWORD
from tests.chromium import unavailable

SHOTS = Path(os.environ.get("NEWSROOM_SCREENSHOTS", "/tmp/shots"))
ROOT = Path(settings.BASE_DIR)

IMAGES = """async () => {
  const images = Array.from(document.querySelectorAll('.story-photo img'));
  for (const image of images) {
    image.scrollIntoView();
    if (!image.complete) {
      await new Promise(done => { image.onload = image.onerror = done; });
    }
  }
  window.scrollTo(0, 0);
  return images.map(i => i.naturalWidth);
}"""


# Pages loaded from the reporter's log-in to the reader's page (measured; four log-ins are 8).
PAGE_LOADS_TO_PUBLISH = 22


class Desk:
    """Browser sessions of several newsroom accounts, and everything that went wrong in them."""

    def __init__(self, browser, base_url):
        self.browser = browser
        self.base_url = base_url
        self.problems = []
        self.expected_errors = set()  # addresses whose 4xx the browser reports as an error
        self.contexts = []
        self.page_loads = 0  # every page the people at the desk waited for, all sessions

    def url(self, path):
        return self.base_url + path

    def watch(self, page, who):
        def console(message):
            if message.type != "error":
                return
            if message.location.get("url") in self.expected_errors:
                return
            self.problems.append(f"{who}: console error {message.text} at {message.location}")

        page.on("console", console)
        page.on("load", lambda _page: setattr(self, "page_loads", self.page_loads + 1))
        page.on("pageerror", lambda error: self.problems.append(f"{who}: page error {error}"))
        page.on(
            "response",
            lambda response: (
                self.problems.append(f"{who}: HTTP {response.status} for {response.url}")
                if response.status >= 500
                else None
            ),
        )

    def log_in(self, username):
        context = self.browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
        self.contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        self.watch(page, username)
        page.goto(self.url("/admin/login/?next=/admin/"))
        page.fill("#id_username", username)
        page.fill("#id_password", DEMO_PASSWORD)
        with page.expect_navigation():
            page.click("#login-form input[type=submit]")
        assert page.url == self.url("/admin/"), f"{username} could not log in: {page.url}"
        return page

    def close(self):
        # Requests still in flight (pictures a full-page screenshot brought into view, the
        # desk's leave beacon) would hold SQLite's tables while the next test flushes them.
        for context in self.contexts:
            for page in context.pages:
                # A page that never settles is closed all the same.
                with contextlib.suppress(Exception):
                    page.wait_for_load_state("networkidle", timeout=10_000)
            context.close()
        time.sleep(0.2)  # the live server's threads finish writing the last responses


def change_url(article):
    return f"/admin/articles/article/{article.pk}/change/"


def open_form(desk, page, article):
    response = page.goto(desk.url(change_url(article)))
    assert response.status == 200, f"{change_url(article)}: {response.status}"


def submit(page, selector):
    """Click a button that posts a form; fail at once on a server error."""
    with page.expect_navigation() as navigation:
        page.click(selector)
    status = navigation.value.status
    assert status < 500, f"HTTP {status} after {selector} ({page.url}); see the captured log"
    return status


def save(page, button="_continue"):
    """Press a save button; return the success messages, failing with what the form said."""
    status = submit(page, f"input[name={button}]")
    errors = page.locator(".errornote, .errorlist").all_inner_texts()
    assert not errors, f"the form was refused ({status}): {errors}"
    messages = page.locator(".messagelist .success").all_inner_texts()
    assert messages, f"no success message after saving ({status}, {page.url})"
    return messages


def save_refused(page, button="_save"):
    """Press a save button that must be refused; return what the form says."""
    submit(page, f"input[name={button}]")
    errors = page.locator(".errornote, .errorlist").all_inner_texts()
    assert errors, f"the form was saved but should have been refused ({page.url})"
    return "\n".join(errors)


def transition(page, name, label, comment=""):
    """Press a workflow button (in the panel above the form, saving it first where the user
    may edit); return the message it gives."""
    button = f"#workflow button[value={name}]"
    assert label in page.locator(button).inner_text()
    if comment:
        page.fill("#workflow textarea", comment)
    submit(page, button)
    success = page.locator(".messagelist .success").all_inner_texts()
    errors = page.locator(".messagelist .error").all_inner_texts()
    assert success and not errors, f"{label}: {errors or 'no message'}"
    return success[0]


def public(desk, page, article):
    """The story's public page as a reader sees it: status, captions, corrections."""
    response = page.goto(desk.url(f"/stories/{article.pk}/"))
    if response.status != 200:
        return response.status, [], [], []
    widths = page.evaluate(IMAGES)
    captions = page.locator(".story-photo figcaption").all_inner_texts()
    corrections = page.locator(".corrections .correction").all_inner_texts()
    return response.status, widths, captions, corrections


def screenshots(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=SHOTS / f"journey-{name}-{width}.png", full_page=True)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        if overflow > 0 and not name.startswith("admin"):
            pytest.fail(f"{name} scrolls sideways by {overflow}px at {width}px")
    page.set_viewport_size({"width": 1280, "height": 900})


def small_jpeg(path):
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (640, 427), (180, 90, 40)).save(buffer, "JPEG", quality=80)
    path.write_bytes(buffer.getvalue())
    return path


def pick_person(page, row, name):
    """Choose ``name`` in the byline row's select2 autocomplete, as an editor types it."""
    page.click(f"#{row} .select2-selection")
    page.fill(".select2-container--open .select2-search__field", name)
    option = page.locator(".select2-results__option", has_text=name)
    option.first.click()
    assert name in page.locator(f"#{row} .select2-selection__rendered").inner_text()


def pick_page(page, search, label):
    """Choose a page in the story form's page search box (30 years of pages are no list)."""
    page.click("#id_page + .select2 .select2-selection")
    page.fill(".select2-container--open .select2-search__field", search)
    option = page.locator(".select2-results__option", has_text=label).first
    option.click()
    assert label in page.locator("#id_page + .select2 .select2-selection__rendered").inner_text()


@pytest.fixture
def desk(browser, live_server, live_seed):
    """The seed edition and one account per role, in a database the live server sees.

    A transactional test starts from tables flushed by the one before it: the
    groups the data migration made are put back before the accounts join them.
    """
    from django.contrib.auth.models import Group, Permission

    from articles.management.demo import ensure_demo_users

    migration = importlib.import_module("articles.migrations.0003_editorial_groups")
    for name, perms in migration.GROUPS.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.set(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
            for app_label, codename in (perm.split(".") for perm in set(perms))
        )
    ensure_demo_users()
    desk = Desk(browser, live_server.url)
    yield desk
    desk.close()


@pytest.mark.django_db(transaction=True)
def test_a_photo_story_from_filing_to_correction_and_withdrawal(desk, tmp_path):
    from articles.models import Article, Page
    from people.models import Person

    reporter_name = "柳岸青"
    Person.objects.create(name=reporter_name, unit="株洲日报", is_staff=True)
    a06 = Page.objects.get(edition__date="2023-12-26", label="A06")
    photo = small_jpeg(tmp_path / "workshop.jpg")

    # 1. The reporter files a story with a photo and a byline, then submits it.
    reporter = desk.log_in("reporter")
    reporter.goto(desk.url("/admin/articles/article/add/"))
    reporter.fill("#id_headline", "技工学校开放日迎来千名市民")
    reporter.fill("#id_body", "本报讯 昨日，市技工学校举行开放日活动。\n\n市民参观了实训车间。")
    reporter.click("#bylines-group .add-row a")
    reporter.fill("#id_bylines-0-unit", "株洲日报")
    reporter.select_option("#id_bylines-0-role", label="全媒体记者")
    pick_person(reporter, "bylines-0", reporter_name)
    reporter.click("#photos-group .add-row a")
    reporter.set_input_files("#id_photos-0-image", str(photo))
    reporter.fill("#id_photos-0-caption", "市民在实训车间参观。")
    reporter.fill("#id_photos-0-alt_text", "市民围观数控机床")
    save(reporter)
    article = Article.objects.select_related("created_by").get(
        headline="技工学校开放日迎来千名市民"
    )
    assert reporter.url == desk.url(change_url(article))
    assert article.status == "draft" and article.created_by.username == "reporter"
    assert article.photos.count() == 1
    assert article.byline_text == f"株洲日报全媒体记者/{reporter_name}"
    assert transition(reporter, "submit", "提交编辑") == "已完成：提交编辑。稿件现为“已提交”。"
    article.refresh_from_db()
    assert article.status == "submitted"

    # 2. The editor edits the text and the caption, places it on A06, and saves twice.
    editor = desk.log_in("editor")
    open_form(desk, editor, article)
    editor.fill(
        "#id_body",
        "本报讯 昨日，市技工学校举行开放日活动，千余名市民到场。\n\n市民参观了实训车间。",
    )
    editor.fill("#id_photos-0-caption", "市民在数控实训车间参观。")
    pick_page(editor, "A06", "2023-12-26 A06")
    save(editor)
    save(editor)  # the stored photo must not be taken for a new upload
    article.refresh_from_db()
    assert article.page_id == a06.pk
    assert article.photos.get().caption == "市民在数控实训车间参观。"
    assert "千余名市民" in article.body[0]["text"]

    # 3. The editor passes it to the proofreaders, and the proofreader passes it on.
    assert transition(editor, "finish_editing", "编辑完毕，送校对") == (
        "已完成：编辑完毕，送校对。稿件现为“已编辑（待校对）”。"
    )
    proofreader = desk.log_in("proofreader")
    open_form(desk, proofreader, article)
    assert transition(proofreader, "pass_proofreading", "校对完毕，待签发") == (
        "已完成：校对完毕，待签发。稿件现为“已校对（待签发）”。"
    )

    # 4. The chief previews it on a phone through the signed link, and signs it off;
    # readers see it with its photo, under the edition's date.
    chief = desk.log_in("chief")
    chief.goto(desk.url(f"/preview/stories/{article.pk}/"))
    phone_link = chief.locator("#preview-phone-link").input_value()
    phone = desk.browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN")
    desk.contexts.append(phone)
    phone = phone.new_page()
    desk.watch(phone, "phone")
    assert phone.goto(phone_link).status == 200
    assert phone.locator("h1").first.inner_text() == "技工学校开放日迎来千名市民"
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    open_form(desk, chief, article)
    assert transition(chief, "sign_off", "签发") == "已完成：签发。稿件现为“已发布”。"
    article.refresh_from_db()
    assert article.status == "published"
    assert timezone.localtime(article.published_at).date() == a06.edition.date
    reader = desk.browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    desk.contexts.append(reader)
    reader = reader.new_page()
    desk.watch(reader, "reader")
    status, widths, captions, _corrections = public(desk, reader, article)
    assert status == 200
    assert reader.locator("h1").first.inner_text() == "技工学校开放日迎来千名市民"
    assert widths and all(widths), "the story's photo did not load"
    assert captions and captions[0].startswith("市民在数控实训车间参观。")
    # The journey from filing to the reader, in page loads (log-ins included): a flow
    # that makes anyone wait for one more page fails here.
    assert desk.page_loads == PAGE_LOADS_TO_PUBLISH

    # 5. The editor may only look; the chief corrects the caption with a 更正 note.
    open_form(desk, editor, article)
    assert editor.locator("input[name=_save]").count() == 0
    assert editor.locator("#id_headline").count() == 0
    assert editor.locator(".field-headline .readonly").inner_text() == "技工学校开放日迎来千名市民"
    open_form(desk, chief, article)
    chief.fill("#id_photos-0-caption", "市民在数控实训车间参观机床。")
    refused = save_refused(chief)
    assert "更正" in refused or "说明" in refused, refused
    assert chief.locator("#id_correction_note").count() == 1
    chief.fill("#id_correction_note", "图片说明有误，已更正。")
    save(chief, "_save")
    assert chief.url == desk.url("/admin/articles/article/")
    open_form(desk, chief, article)
    screenshots(chief, "admin-corrected-story")
    status, widths, captions, corrections = public(desk, reader, article)
    assert status == 200 and widths and all(widths)
    assert captions[0].startswith("市民在数控实训车间参观机床。")
    assert any("图片说明有误，已更正。" in note for note in corrections)
    screenshots(reader, "corrected-story")

    # 6. The chief withdraws it with a reason; its address answers 410.
    open_form(desk, chief, article)
    message = transition(chief, "withdraw", "撤稿", comment="核实有误")
    assert message == "已完成：撤稿。稿件现为“已撤回”。"
    article.refresh_from_db()
    assert article.status == "withdrawn" and article.withdrawn_reason == "核实有误"
    desk.expected_errors.add(desk.url(f"/stories/{article.pk}/"))
    response = reader.goto(desk.url(f"/stories/{article.pk}/"))
    assert response.status == 410
    assert "技工学校开放日" not in reader.content()

    assert not desk.problems, "\n".join(desk.problems)


@pytest.mark.django_db(transaction=True)
def test_the_chief_corrects_the_captions_of_every_seed_photo_story(desk):
    from articles.models import Article

    articles = list(Article.objects.filter(photos__isnull=False).distinct().order_by("pk"))
    assert len(articles) == 3  # 城乡支部共建 (A05), 顶尖技能高手 and 技能大师 (A06)
    chief = desk.log_in("chief")
    reader = chief.context.new_page()
    desk.watch(reader, "reader")
    for article in articles:
        first = article.photos.first()
        caption = f"{first.caption}（更正后的说明{article.pk}）"
        open_form(desk, chief, article)
        chief.fill("#id_photos-0-caption", caption)
        chief.fill("#id_correction_note", f"第{article.pk}号稿件图片说明补充。")
        save(chief, "_save")
        assert chief.url == desk.url("/admin/articles/article/")
        first.refresh_from_db()
        assert first.caption == caption
        status, widths, captions, corrections = public(desk, reader, article)
        assert status == 200
        assert len(widths) == article.photos.count() and all(widths), widths
        assert captions[0].startswith(caption)
        assert f"第{article.pk}号稿件图片说明补充。" in corrections[-1]
    assert not desk.problems, "\n".join(desk.problems)


@pytest.mark.django_db(transaction=True)
def test_a_roster_edited_in_the_admin_shows_every_name_in_order(desk):
    from articles.models import AwardRoster

    roster = AwardRoster.objects.select_related("article").get(title__contains="职业技能大赛冠军")
    article = roster.article
    assert roster.stated_count == 15
    names = [entry.name for entry in roster.entries.all()]
    # One champion added in front, one name corrected at the end: 16 names in all.
    changed = ["龙小溪", *names[:-1], names[-1] + "华"]
    chief = desk.log_in("chief")
    open_form(desk, chief, article)
    index = list(article.rosters.all()).index(roster)
    prefix = f"#id_rosters-{index}"
    assert chief.locator(f"{prefix}-names").input_value().split("、") == names
    chief.fill(f"{prefix}-names", "、".join(changed))
    chief.fill("#id_correction_note", "“技能天下”冠军名单有遗漏，已补充。")
    refused = save_refused(chief)  # 16 names, still stated as 15
    assert "15" in refused and "16" in refused, refused
    chief.fill(f"{prefix}-stated_count", "16")
    save(chief, "_save")
    assert [entry.name for entry in roster.entries.all()] == changed

    reader = chief.context.new_page()
    desk.watch(reader, "reader")
    response = reader.goto(desk.url(f"/stories/{article.pk}/"))
    assert response.status == 200
    box = reader.locator(".roster").first
    assert box.locator("h3").inner_text().endswith("职业技能大赛冠军（16名）")
    assert box.locator(".roster-names span").all_inner_texts() == changed
    corrections = reader.locator(".corrections .correction").all_inner_texts()
    assert any("冠军名单有遗漏" in note for note in corrections)
    screenshots(reader, "roster-story")
    assert not desk.problems, "\n".join(desk.problems)


def dry_run_import(desk, user, name, edition, pages):
    """Upload a keyed page text at the admin's import form as ``user`` does and ask for
    the dry run; the report's text."""
    user.goto(desk.url("/admin/articles/edition/import/"))
    user.set_input_files("#id_file", str(ROOT / "tests" / "articles" / "imports" / "keyed" / name))
    user.fill("#id_edition", edition)
    user.fill("#id_pages", pages)
    submit(user, "input[name=preview]")
    return user.locator("#content").inner_text()


def open_preview(desk, user, story):
    """The story's preview in a new tab of ``user``'s browser, watched for errors."""
    preview = user.context.new_page()
    desk.watch(preview, "chief (preview)")
    assert preview.goto(desk.url(f"/preview/stories/{story.pk}/")).status == 200
    return preview


def test_another_papers_page_imported_in_the_admin_reads_as_its_stories(desk):
    """Issue 13: a county paper's front page (held out, keyed) uploaded as the chief does:
    the dry run lists its stories with their parts, the save files them, and the preview
    shows the column label and the 编者按 apart from the reporter's text."""
    from articles.models import Article

    chief = desk.log_in("chief")
    report = dry_run_import(desk, chief, "r5g_county_front.txt", "2024-04-18", "1")
    for part in ("全县二季度重点项目集中开工活动举行", "让“一片叶”富一方人", "乡村振兴·青溪实践"):
        assert part in report, part
    assert Article.objects.filter(headline__contains="茶农当").count() == 0  # a dry run
    screenshots(chief, "import-report")
    submit(chief, "input[name=confirm]")

    story = Article.objects.get(headline="茶山“变”景区 茶农当“股东”")
    assert story.column == "乡村振兴·青溪实践"
    assert story.editor_note.startswith("全面推进乡村振兴")
    assert [c.person.name for c in story.bylines.order_by("order")] == ["上官晓岚", "黄蕾"]
    comment = Article.objects.get(headline="让“一片叶”富一方人")
    assert comment.kind == Article.Kind.COMMENTARY
    assert [b.role.name for b in comment.bylines.all()] == ["评论作者"]

    preview = open_preview(desk, chief, story)
    assert preview.locator(".column-label").inner_text() == "乡村振兴·青溪实践"
    assert preview.locator(".editor-note p").first.inner_text().startswith("全面推进乡村振兴")
    assert "全面推进乡村振兴" not in preview.locator(".story-body > p").first.inner_text()
    screenshots(preview, "imported-story")
    assert not desk.problems, "\n".join(desk.problems)


def test_a_rural_page_with_a_price_box_and_a_photo_pair_reads_as_printed(desk):
    """Issue 13: a city daily's rural page (held out, keyed): its price box keeps a line a
    row, and its two pictures over one credit are a photo group credited once."""
    from articles.models import Article

    chief = desk.log_in("chief")
    report = dry_run_import(desk, chief, "r11c_city_rural.txt", "2025-06-12", "7")
    assert "本周市农产品批发市场部分品种价格" in report
    submit(chief, "input[name=confirm]")

    box = Article.objects.get(headline="本周市农产品批发市场部分品种价格")
    group = Article.objects.get(headline="抢收抢种正当时")
    assert group.kind == Article.Kind.PHOTO and group.photos.count() == 2
    preview = open_preview(desk, chief, box)
    rows = preview.locator(".story-body > p").all_inner_texts()
    assert "大白菜　1.60元/公斤" in rows and "草鱼　17.00元/公斤" in rows
    assert preview.goto(desk.url(f"/preview/stories/{group.pk}/")).status == 200
    assert preview.locator("figure").count() == 2
    assert "方毅 方毅" not in preview.locator("main").inner_text()
    screenshots(preview, "imported-photo-group")
    assert not desk.problems, "\n".join(desk.problems)


def test_a_layout_systems_tagged_export_imported_in_the_admin_reads_as_its_pieces(desk):
    """Issue 13: a party daily's 理论·评论 page exported with its styles (@主题=, @正文=…,
    held out, keyed) uploaded as the chief does: the dry run lists its pieces with no tag
    left in them, and the saved essay keeps its intertitles apart from its text."""
    from articles.models import Article

    chief = desk.log_in("chief")
    report = dry_run_import(desk, chief, "r14a_party_theory.txt", "2024-12-03", "7")
    assert "以县域经济高质量发展夯实共同富裕根基" in report
    assert "早市“一刀切”关停不可取" in report
    assert "@主题" not in report and "@正文" not in report
    screenshots(chief, "import-tagged-report")
    submit(chief, "input[name=confirm]")

    essay = Article.objects.get(headline="以县域经济高质量发展夯实共同富裕根基")
    assert essay.column == "理论视点"
    comment = Article.objects.get(headline="早市“一刀切”关停不可取")
    assert comment.kind == Article.Kind.COMMENTARY
    assert [c.person.name for c in comment.bylines.all()] == ["欧阳春晓"]
    preview = open_preview(desk, chief, essay)
    body = preview.locator("main").inner_text()
    assert "县域是城乡融合发展的关键纽带" in body and "@" not in body
    assert preview.locator(".story-body h2.intertitle").count() == 3
    screenshots(preview, "imported-tagged-essay")
    assert not desk.problems, "\n".join(desk.problems)


def test_a_literary_page_imported_in_the_admin_keeps_its_poems_lines_and_poets(desk):
    """Issue 13: a city daily's 文化·副刊 page copied from its e-paper (held out, keyed:
    essays, a 小小说, a 组诗, a painting) uploaded as the chief does: the dry run lists
    each piece, the poem group is saved with its poet credited as a writer, and its
    preview prints every stanza as verse, a line of it a line, no two run together."""
    from articles.models import Article

    chief = desk.log_in("chief")
    report = dry_run_import(desk, chief, "r17c_wenyi.txt", "2024-10-18", "7")
    assert "秋日书简（组诗）" in report and "秋山问道图" in report
    screenshots(chief, "import-literary-report")
    submit(chief, "input[name=confirm]")

    poems = Article.objects.get(headline="秋日书简（组诗）")
    (byline,) = poems.bylines.all()
    assert byline.person.name == "苏晚晴" and "评论" not in str(byline.role)
    assert poems.kind != Article.Kind.COMMENTARY
    painting = Article.objects.get(headline="秋山问道图")
    assert painting.kind == Article.Kind.PHOTO
    preview = open_preview(desk, chief, poems)
    stanzas = preview.locator(".story-body p.verse").all_inner_texts()
    # A stanza a block, a line of verse a line (innerText gives each <br> as a newline).
    assert any(text.startswith("稻子低下头的时候\n田埂就瘦了一圈\n") for text in stanzas)
    assert not any("稻子低下头的时候田埂" in text for text in stanzas)
    # Set as verse: no first-line indent of prose, lines started at one margin.
    assert preview.locator(".story-body p.verse").first.evaluate(
        "el => getComputedStyle(el).textIndent"
    ) in ("0px", "0")
    screenshots(preview, "imported-poems")
    assert not desk.problems, "\n".join(desk.problems)


# Every worker --------------------------------------------------------------------------


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def http_status(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return None


def redis_client(url):
    import redis

    client = redis.Redis.from_url(url, socket_connect_timeout=1)
    try:
        client.ping()
    except redis.RedisError:
        return None
    return client


@pytest.fixture
def production_site(tmp_path):
    """gunicorn with four workers, DEBUG off, sharing Redis, on a database of its own.

    Yields the site's address and a function that runs ``manage.py`` against the
    same database and cache from another process.
    """
    gunicorn = Path(sys.executable).parent / "gunicorn"
    if not gunicorn.exists() and not shutil.which("gunicorn"):
        unavailable("gunicorn is not installed (pip install -e '.[dev]')")
    redis_url = f"redis://127.0.0.1:6379/{os.environ.get('NEWSROOM_TEST_REDIS_DB', '13')}"
    cache = redis_client(redis_url)
    if cache is None:
        unavailable("Redis is not running on 127.0.0.1:6379")
    prefix = f"journeys-{uuid.uuid4().hex[:12]}"
    port = free_port()
    env = {
        **{key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")},
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_SECURE_COOKIES": "0",
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'site.sqlite3'}",
        "REDIS_URL": redis_url,
        "NEWSROOM_CACHE_PREFIX": prefix,
        "NEWSROOM_VAR_DIR": str(tmp_path / "var"),
        "DJANGO_MEDIA_ROOT": str(tmp_path / "media"),
        "DJANGO_STATIC_ROOT": str(tmp_path / "static"),
    }

    def manage(*args):
        result = subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
        )
        assert result.returncode == 0, f"manage.py {' '.join(args)}:\n{result.stderr}"
        return result.stdout

    manage("migrate", "--noinput")
    manage("load_seed")
    manage("create_demo_users")
    log = tmp_path / "gunicorn.log"
    with log.open("w") as errors:
        server = subprocess.Popen(
            [gunicorn, "newsroom.wsgi", "-w", "4", "-b", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=errors,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while http_status(base + "/") != 200:
            assert server.poll() is None, f"gunicorn stopped:\n{log.read_text()}"
            assert time.monotonic() < deadline, f"gunicorn did not answer:\n{log.read_text()}"
            time.sleep(0.2)
        yield base, manage
    finally:
        server.terminate()
        try:
            server.wait(15)
        except subprocess.TimeoutExpired:
            server.kill()
        keys = list(cache.scan_iter(f"{prefix}:*"))
        if keys:
            cache.delete(*keys)


WITHDRAW = """
from django.contrib.auth import get_user_model
from articles import editorial
from articles.models import Article
chief = get_user_model().objects.get(username="chief")
editorial.apply_transition(chief, Article.objects.get(pk={pk}), "withdraw", comment="核实有误")
"""


def test_a_story_withdrawn_from_another_process_answers_410_from_every_worker(production_site):
    base, manage = production_site
    article = base + "/stories/6/"
    before = [http_status(article) for _ in range(40)]  # every worker caches the page
    assert before == [200] * 40

    manage("shell", "-c", WITHDRAW.format(pk=6))

    after = [http_status(article) for _ in range(40)]
    assert after == [410] * 40, f"{after.count(200)} of 40 requests still served the story"


@pytest.mark.django_db(transaction=True)
def test_finding_a_story_in_the_archive_list(desk):
    """An editor narrows the story list by search, edition, page and year, as a desk does
    on an archive too long to page through."""
    editor = desk.log_in("editor")
    editor.goto(desk.url("/admin/articles/article/"))
    editor.fill("#searchbar", "剧本杀")
    with editor.expect_navigation():
        editor.press("#searchbar", "Enter")
    rows = editor.locator("#result_list tbody tr").all_inner_texts()
    assert len(rows) == 1 and "拓展政企“朋友圈” 提升营商环境软实力" in rows[0]
    assert "输入标题或正文中的词语" in editor.locator("#changelist-search").inner_text()
    screenshots(editor, "archive-search")

    editor.goto(desk.url("/admin/articles/article/"))
    with editor.expect_navigation():
        editor.locator("#changelist-filter a", has_text="2023-12-26").click()
    with editor.expect_navigation():
        editor.locator("#changelist-filter a", has_text="A06").first.click()
    assert "edition=2023-12-26" in editor.url and "page_label=A06" in editor.url
    on_page = editor.locator("#result_list tbody tr").all_inner_texts()
    assert on_page and all("A06" in row for row in on_page)
    with editor.expect_navigation():
        editor.locator("#changelist-filter a[href*='year=2023']").click()
    assert "year=2023" in editor.url
    screenshots(editor, "archive-filters")
    assert not desk.problems, desk.problems
