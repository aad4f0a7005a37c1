"""A reader's 数字报 in Chromium: the seed pages as ``make demo`` leaves them (page PDFs,
images and story areas made by ``make_epaper``), clicked, zoomed and checked by axe.

Skips where Chromium or Playwright is missing, unless NEWSROOM_REQUIRE_SERVICES=1.
Screenshots go to $NEWSROOM_SCREENSHOTS (default /tmp/shots).
"""

import os
from pathlib import Path

import pytest
from django.core.management import call_command

from articles.models import Article, Page, StoryArea
from tests.chromium import unavailable
from tests.journeys.test_html_checks import AXE_JS, AXE_RUN

SHOTS = Path(os.environ.get("NEWSROOM_SCREENSHOTS", "/tmp/shots"))
PAGES = ("/editions/2023-12-26/A05/", "/editions/2023-12-26/A06/")


@pytest.fixture
def epaper_seed(live_seed):
    """The seed edition with what ``make demo`` makes of it: both pages' PDF, images, areas."""
    pytest.importorskip("pypdfium2", reason="page images need pypdfium2")
    call_command("make_epaper", edition="2023-12-26", verbosity=0)


def areas_of(page):
    return page.evaluate(
        "Array.from(document.querySelectorAll('.epaper-areas a')).map(a => a.getAttribute('href'))"
    )


@pytest.mark.django_db(transaction=True)
def test_clicking_each_area_of_the_seed_pages_opens_its_story(browser, live_server, epaper_seed):
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, locale="zh-CN")
    page = context.new_page()
    for path in PAGES:
        printed = Page.objects.get(label=path.strip("/").rsplit("/", 1)[-1])
        stories = {
            f"/stories/{pk}/"
            for pk in Article.objects.on_page(printed).values_list("pk", flat=True)
        }
        page.goto(live_server.url + path, wait_until="load")
        hrefs = areas_of(page)
        assert set(hrefs) == stories, path  # every story of the page has an area
        for index, href in enumerate(hrefs):
            page.goto(live_server.url + path, wait_until="load")
            page.locator(".epaper-areas a").nth(index).click()
            page.wait_for_url(live_server.url + href)
            assert page.locator("h1.headline").is_visible()
    assert (
        StoryArea.objects.filter(page__edition__date="2023-12-26")
        .values("article")
        .distinct()
        .count()
        == 9
    )
    context.close()


@pytest.mark.django_db(transaction=True)
def test_a_reader_reads_a06_goes_back_moves_to_a05_and_downloads_the_pdf(
    browser, live_server, epaper_seed
):
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    page.goto(live_server.url + "/editions/2023-12-26/A06/", wait_until="load")
    # Hovering an area lights its title in the list, and the other way round.
    story = page.locator('.epaper-areas a[href="/stories/6/"]').first
    story.hover()
    assert "is-active" in page.locator('.epaper-titles li[data-article="6"]').get_attribute("class")
    story.click()
    page.wait_for_url("**/stories/6/")
    assert (
        "技能天下"
        in page.locator("h1.headline").inner_text() + page.locator(".kicker").first.inner_text()
    )
    page.go_back()
    page.locator('.epaper-pager a[rel="prev"]').click()
    page.wait_for_url("**/editions/2023-12-26/A05/")
    with page.expect_download() as download:
        page.get_by_role("link", name="下载本版PDF").click()
    pdf = Path(download.value.path()).read_bytes()
    assert pdf.startswith(b"%PDF")
    assert download.value.suggested_filename == "20231226-A05.pdf"
    context.close()


ZOOMED = "document.querySelector('[data-epaper-canvas]').getBoundingClientRect().width"


@pytest.mark.django_db(transaction=True)
def test_on_a_phone_the_page_zooms_pans_and_its_areas_still_open_stories(
    browser, live_server, epaper_seed
):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True)
    page = context.new_page()
    page.goto(live_server.url + "/editions/2023-12-26/A06/", wait_until="load")
    fitted = page.evaluate(ZOOMED)
    page.get_by_role("button", name="放大").click()
    page.get_by_role("button", name="放大").click()
    assert page.evaluate(ZOOMED) == pytest.approx(fitted * 2, rel=0.02)
    # The picture moves inside its box; the page itself never scrolls sideways.
    viewport = page.locator("[data-epaper-viewport]")
    viewport.evaluate("v => v.scrollTo(v.scrollWidth, 0)")
    assert viewport.evaluate("v => v.scrollLeft") > 0
    assert page.evaluate("document.documentElement.scrollWidth - innerWidth") <= 0
    # The list of titles sits under the picture.
    picture = page.locator(".epaper-sheet").bounding_box()
    titles = page.locator(".epaper-titles").bounding_box()
    assert titles["y"] >= picture["y"] + picture["height"]
    page.get_by_role("button", name="整版").click()
    assert page.evaluate(ZOOMED) == pytest.approx(fitted, rel=0.02)
    page.locator('.epaper-areas a[href="/stories/9/"]').first.click()
    page.wait_for_url("**/stories/9/")
    context.close()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("width", [390, 1280])
def test_the_epaper_page_is_clean_in_screenshots_and_axe(browser, live_server, epaper_seed, width):
    SHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": 900}, bypass_csp=True)
    page = context.new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    problems = []
    for path in PAGES:
        page.goto(live_server.url + path, wait_until="networkidle")
        name = "epaper-" + path.strip("/").rsplit("/", 1)[-1]
        page.screenshot(path=SHOTS / f"{name}-{width}.png", full_page=True)
        if page.evaluate("document.documentElement.scrollWidth - innerWidth") > 0:
            problems.append(f"{path}: scrolls sideways")
        if not AXE_JS.exists():
            unavailable(f"axe-core is not installed at {AXE_JS} (npm install)")
        page.add_script_tag(path=str(AXE_JS))
        problems += [f"{path}: {violation}" for violation in page.evaluate(AXE_RUN)]
    assert not errors, errors
    context.close()
    assert not problems, "\n".join(problems)


# Every line of a headline holds more than one character: the last character of each
# headline is on a line with at least one other.
LONE_CHARACTERS = """() => {
  const lone = [];
  const headlines = document.querySelectorAll(
    '.story-item-headline a, .lead-headline a, h1.headline, .epaper-titles li > a, .story-pager a');
  for (const headline of headlines) {
    const tops = [];
    const walker = document.createTreeWalker(headline, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.length; i++) {
        if (!node.data[i].trim()) continue;
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getClientRects()[0];
        if (rect) tops.push(rect.top);
      }
    }
    if (tops.length < 2) continue;
    const last = tops[tops.length - 1];
    if (tops.filter(top => Math.abs(top - last) < 2).length === 1) lone.push(headline.textContent);
  }
  return lone;
}"""

LISTS = [
    "/",
    "/editions/2023-12-26/",
    "/sections/shifeng/",
    "/sections/jiuye-chuangye/",
    "/sections/quxian/",
    "/people/11/",
    "/editions/2023-12-26/A05/",
    "/editions/2023-12-26/A06/",
    "/stories/6/",
    "/stories/8/",
]


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("width", [360, 390, 1280])
def test_no_headline_leaves_one_character_alone_and_thumbnails_sit_above_text_on_a_phone(
    browser, live_server, live_seed, width
):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    lone = []
    for path in LISTS:
        response = page.goto(live_server.url + path, wait_until="load")
        if response.status != 200:
            continue
        lone += [f"{path}: {text}" for text in page.evaluate(LONE_CHARACTERS)]
        if width <= 390:
            for item in page.locator(".story-item.has-photo").all():
                photo = item.locator(".story-item-photo").bounding_box()
                text = item.locator(".story-item-text").bounding_box()
                assert text["y"] >= photo["y"] + photo["height"] - 1, path
    context.close()
    assert not lone, "\n".join(lone)


def logged_in(browser, live_server, username, width=1280):
    """A browser session of a demo account (the test client's session cookie).  The
    groups are made again first: a transactional test before this one flushed them."""
    import importlib

    from django.apps import apps
    from django.db import connection
    from django.test import Client

    from articles.management.demo import ensure_demo_users

    migration = importlib.import_module("articles.migrations.0003_editorial_groups")
    migration.create_groups(apps, connection.schema_editor())
    user = next(user for user in ensure_demo_users() if user.username == username)
    client = Client()
    client.force_login(user)
    context = browser.new_context(viewport={"width": width, "height": 1000}, locale="zh-CN")
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    return context


@pytest.mark.django_db(transaction=True)
def test_the_art_editor_moves_and_removes_areas_with_the_mouse_and_readers_see_it(
    browser, live_server, epaper_seed
):
    a06 = Page.objects.get(label="A06")
    context = logged_in(browser, live_server, "arteditor")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{live_server.url}/admin/articles/storyarea/page/{a06.pk}/", wait_until="load")
    boxes = page.locator(".area-box")
    assert boxes.count() == StoryArea.objects.filter(page=a06).count()
    # Drag the area under the middle of story 9's first area 40 px right and 30 px down
    # (areas may overlap: the one on top moves).
    before = {area.pk: area for area in StoryArea.objects.filter(page=a06)}
    page.locator(".area-editor").scroll_into_view_if_needed()
    start = page.locator('.area-box[data-article="9"]').first.bounding_box()
    picture = page.locator(".area-editor img").bounding_box()
    x, y = start["x"] + start["width"] / 2, start["y"] + start["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + 20, y + 15, steps=4)
    page.mouse.move(x + 40, y + 30, steps=4)
    page.mouse.up()
    # Remove every area of story 7: it is then listed among the stories without one.
    for remove in page.locator('.area-box[data-article="7"] .area-remove').all()[::-1]:
        remove.click()
    assert page.locator('[data-area-missing] li[data-article="7"]').is_visible()
    page.get_by_role("button", name="保存热区").click()
    page.wait_for_load_state("load")
    assert "已保存" in page.locator(".messagelist").inner_text()
    after = {area.pk: area for area in StoryArea.objects.filter(page=a06)}
    changed = [
        area
        for pk, area in after.items()
        if (area.left, area.top) != (before[pk].left, before[pk].top)
    ]
    assert len(changed) == 1
    moved = changed[0]
    assert moved.source == StoryArea.Source.MANUAL
    assert moved.left == pytest.approx(before[moved.pk].left + 40 / picture["width"], abs=0.005)
    assert moved.top == pytest.approx(before[moved.pk].top + 30 / picture["height"], abs=0.005)
    assert not StoryArea.objects.filter(page=a06, article=7).exists()
    assert page.locator('[data-area-missing] li[data-article="7"]').is_visible()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SHOTS / "area-editor-1280.png", full_page=True)
    # The reader's page shows the change.
    reader = browser.new_context(viewport={"width": 1280, "height": 1000}).new_page()
    reader.goto(live_server.url + "/editions/2023-12-26/A06/", wait_until="load")
    assert "/stories/7/" not in areas_of(reader)
    drawn_x = reader.locator(f'.epaper-areas a[href="/stories/{moved.article_id}/"] rect')
    xs = [float(rect.get_attribute("x")) for rect in drawn_x.all()]
    assert any(x == pytest.approx(moved.left * 100, abs=0.01) for x in xs)
    reader.context.close()
    context.close()
    assert not errors, errors


@pytest.mark.django_db(transaction=True)
def test_the_art_editor_uploads_a_layout_system_pdf_corrects_an_area_and_readers_see_both(
    browser, live_server, epaper_seed, tmp_path
):
    """Issue 15's art editor, end to end in Chromium: the A06 PDF another layout system
    made replaces the generated one through the admin form, one area found on it is
    moved with the mouse, and a reader gets the uploaded PDF and the moved area."""
    from articles.models import PagePrint
    from tests.articles.epaper.test_admin_upload import layout_system_pdf

    a06 = Page.objects.get(label="A06")
    upload = tmp_path / "A06.pdf"
    upload.write_bytes(layout_system_pdf(a06))
    context = logged_in(browser, live_server, "arteditor")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    # From the list of page PDFs to A06's row, where the generated PDF is replaced.
    page.goto(f"{live_server.url}/admin/articles/pageprint/", wait_until="load")
    page.locator("#result_list a", has_text="A06").first.click()
    page.wait_for_load_state("load")
    page.locator('input[type="file"][name="upload"]').set_input_files(upload)
    page.locator('#content form [type="submit"][name="_continue"]').click()
    page.wait_for_load_state("load")
    assert "messagelist" in page.content(), page.content()[:2000]
    sheet = PagePrint.objects.get(page=a06)
    assert sheet.source == PagePrint.Source.UPLOADED
    found = {area.pk: area for area in StoryArea.objects.filter(page=a06)}
    assert {area.article_id for area in found.values()} == set(
        Article.objects.on_page(a06).values_list("pk", flat=True)
    )
    # The areas found on the uploaded page, corrected by hand: story 6's moves down.
    page.goto(f"{live_server.url}/admin/articles/storyarea/page/{a06.pk}/", wait_until="load")
    page.locator(".area-editor").scroll_into_view_if_needed()
    box = page.locator('.area-box[data-article="6"]').first.bounding_box()
    picture = page.locator(".area-editor img").bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x, y + 10, steps=3)
    page.mouse.move(x, y + 25, steps=3)
    page.mouse.up()
    page.get_by_role("button", name="保存热区").click()
    page.wait_for_load_state("load")
    assert "已保存" in page.locator(".messagelist").inner_text()
    moved = [
        area
        for area in StoryArea.objects.filter(page=a06)
        if area.pk in found and area.top != found[area.pk].top
    ]
    assert [area.article_id for area in moved] == [6]
    assert moved[0].source == StoryArea.Source.MANUAL
    assert moved[0].top == pytest.approx(found[moved[0].pk].top + 25 / picture["height"], abs=0.005)
    context.close()
    # The reader: the moved area is drawn where the art editor put it and still opens
    # the story, and the PDF to download is the one the layout system made.
    reader = browser.new_context(viewport={"width": 1280, "height": 1000}, accept_downloads=True)
    view = reader.new_page()
    view.goto(live_server.url + "/editions/2023-12-26/A06/", wait_until="load")
    tops = [
        float(rect.get_attribute("y"))
        for rect in view.locator('.epaper-areas a[href="/stories/6/"] rect').all()
    ]
    assert any(top == pytest.approx(moved[0].top * 100, abs=0.01) for top in tops), tops
    with view.expect_download() as download:
        view.get_by_role("link", name="下载本版PDF").click()
    assert Path(download.value.path()).read_bytes() == upload.read_bytes()
    view.locator('.epaper-areas a[href="/stories/6/"]').first.click()
    view.wait_for_url("**/stories/6/")
    reader.close()
    assert not errors, errors
