"""The 数字报 page: the printed page as a picture with story areas, its titles, navigation."""

import datetime
import io
import re

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from PIL import Image

from articles.models import Article, Page, PageImage, PagePrint, StoryArea
from people.models import Person
from tests.factories import EditionFactory, PageFactory, make_article, withdraw

WIDTHS = (120, 600, 1200)


def picture(page, widths=WIDTHS):
    """Page images as ``articles.epaper.images`` leaves them: each width in WebP and JPEG."""
    for width in widths:
        for fmt, pil in (("webp", "WEBP"), ("jpeg", "JPEG")):
            buffer = io.BytesIO()
            Image.new("RGB", (width, width * 4 // 3), (240, 236, 228)).save(buffer, pil)
            image = PageImage(page=page, width=width, height=width * 4 // 3, format=fmt)
            image.file.save(f"p.{fmt}", ContentFile(buffer.getvalue()), save=False)
            image.save()


def areas_for(page, articles):
    """One area per story, one under another, as the zone finder would store them."""
    step = 1 / max(len(articles), 1)
    for position, article in enumerate(articles):
        StoryArea.objects.create(
            page=page,
            article=article,
            left=0.05,
            top=round(position * step, 4),
            width=0.9,
            height=round(step * 0.9, 4),
            position=position,
        )


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def drawn(html):
    """``[(story url, (x, y, w, h)), …]`` of the areas the page's SVG draws."""
    return [
        (href, tuple(float(v) for v in box))
        for href, *box in re.findall(
            r'<a href="([^"]+)" tabindex="-1" data-article="\d+"><title>[^<]*</title>'
            r'<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/>',
            html,
        )
    ]


@pytest.fixture
def seed_pictures(seed):
    pages = list(Page.objects.order_by("order", "label"))
    for page in pages:
        picture(page)
        areas_for(page, list(Article.objects.on_page(page)))
    PagePrint.objects.create(page=pages[1], pdf=ContentFile(b"%PDF-1.7\n", name="a06.pdf"))
    return pages


def test_a_page_without_a_picture_lists_its_titles_and_the_pages(client, seed):
    html = get(client, "/editions/2023-12-26/A06/")
    assert "本版版面图尚未生成" in html
    assert "<svg" not in html
    titles = html[html.index('class="epaper-titles"') :]
    assert '<a href="/stories/6/">顶尖技能高手接受城市礼遇</a>' in titles
    assert '<a href="/stories/9/">' in titles
    assert "版面导航" in html and 'href="/editions/2023-12-26/A05/"' in html
    assert "下载本版PDF" not in html  # no PDF yet


def test_the_page_picture_has_an_area_linking_each_story(client, seed_pictures):
    html = get(client, "/editions/2023-12-26/A06/")
    areas = drawn(html)
    assert [href for href, _ in areas] == [f"/stories/{pk}/" for pk in (6, 7, 8, 9)]
    # Percentages of the page, as stored (fractions) times 100.
    assert areas[1][1] == (5.0, 25.0, 90.0, 22.5)
    # Every area is also a real link in the list of titles.
    titles = html[html.index('class="epaper-titles"') :]
    for href, _ in areas:
        assert f'<a href="{href}">' in titles
    # Sizes to choose from in both formats, the widest JPEG as the fallback.
    assert re.search(r'type="image/webp" srcset="[^"]+\.webp 120w, [^"]+ 600w, [^"]+ 1200w"', html)
    assert re.search(r'<img src="[^"]+\.jpg" srcset="[^"]+\.jpg 120w, [^"]+ 600w', html)
    assert 'width="1200" height="1600"' in html
    assert html.count('width="120" height="160" alt=""') == 2  # both pages' thumbnails
    assert "<em>上一版</em> A05" in html
    assert 'href="/editions/2023-12-26/A06/pdf/" download="20231226-A06.pdf"' in html
    assert 'aria-current="date"' in html and 'href="/editions/2023-12-26/"' in html


def test_areas_of_unpublished_or_withdrawn_stories_are_not_drawn(client, seed_pictures):
    a06 = seed_pictures[1]
    withdraw(Article.objects.get(pk=7))
    scheduled = make_article(
        page=a06, page_position=9, published_at=timezone.now() + datetime.timedelta(days=1)
    )
    draft = make_article(page=a06, page_position=10, status=Article.Status.DRAFT)
    areas_for(a06, [scheduled, draft])
    html = get(client, "/editions/2023-12-26/A06/")
    # (Withdrawing a story may find the page's areas again, several to a story.)
    drawn_stories = list(dict.fromkeys(href for href, _ in drawn(html)))
    assert drawn_stories == ["/stories/6/", "/stories/8/", "/stories/9/"]
    for hidden in (7, scheduled.pk, draft.pk):
        assert f"/stories/{hidden}/" not in html


def test_the_page_pdf_is_sent_under_its_date_and_label(client, seed_pictures):
    response = client.get("/editions/2023-12-26/A06/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="20231226-A06.pdf"'
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert client.get("/editions/2023-12-26/A05/pdf/").status_code == 404  # none yet


def test_a_page_of_unpublished_stories_does_not_exist(client, db):
    page = PageFactory()
    article = make_article(page=page, status=Article.Status.DRAFT, published_at=None)
    picture(page)
    areas_for(page, [article])
    PagePrint.objects.create(page=page, pdf=ContentFile(b"%PDF-1.7\n", name="a.pdf"))
    assert client.get(page.get_absolute_url()).status_code == 404
    assert client.get(page.get_absolute_url() + "pdf/").status_code == 404


def test_the_first_and_last_page_have_one_neighbour_each(client, seed_pictures):
    first = get(client, "/editions/2023-12-26/A05/")
    assert 'rel="next"' in first and 'rel="prev"' not in first
    assert "<em>下一版</em> A06" in first
    last = get(client, "/editions/2023-12-26/A06/")
    assert 'rel="prev"' in last and 'rel="next"' not in last


def test_the_page_loads_its_script_as_a_file_and_no_inline_style(client, seed_pictures):
    html = get(client, "/editions/2023-12-26/A06/")
    assert '<script src="/static/js/epaper.js" defer></script>' in html
    assert "<script>" not in html and "style=" not in html


# Query counts ----------------------------------------------------------------------


@pytest.fixture
def uncached(settings):
    settings.NEWSROOM_PAGE_CACHE_SECONDS = 0


def edition_of(count):
    edition = EditionFactory(date=datetime.date(2024, 3, 1))
    pages = [PageFactory(edition=edition, label=f"A0{n}", order=n) for n in range(1, 4)]
    for page in pages:
        articles = [
            make_article(page=page, page_position=position, photos=1) for position in range(count)
        ]
        picture(page)
        areas_for(page, articles)
    PagePrint.objects.create(page=pages[1], pdf=ContentFile(b"%PDF-1.7\n", name="a.pdf"))
    return pages[1]


@pytest.mark.parametrize("count", [3, 30])
def test_the_page_runs_the_same_few_queries_for_3_and_30_stories(client, db, uncached, count):
    page = edition_of(count)
    with CaptureQueriesContext(connection) as context:
        html = get(client, page.get_absolute_url())
    assert len(drawn(html)) == count
    # Prepared: the edition's pages with their staff, PDF and pictures; the page's
    # published stories with their areas; the month's editions.  Then the section menu.
    assert len(context.captured_queries) == 4


def test_the_calendar_shows_an_edition_of_the_month_once_it_is_public(client, db, uncached):
    page = PageFactory(edition=EditionFactory(date=datetime.date(2024, 3, 5)), label="A01")
    make_article(page=page)
    later = PageFactory(edition=EditionFactory(date=datetime.date(2024, 3, 6)), label="A01")
    tomorrow = make_article(page=later, published_at=timezone.now() + datetime.timedelta(days=1))
    html = get(client, page.get_absolute_url())
    assert 'href="/editions/2024-03-05/" aria-label' in html
    assert "/editions/2024-03-06/" not in html  # scheduled: its edition is not public yet
    Article.objects.filter(pk=tomorrow.pk).update(published_at=timezone.now())
    html = get(client, page.get_absolute_url())
    assert 'href="/editions/2024-03-06/" aria-label' in html
    assert 'aria-current="date">5</a>' in html


def test_the_page_shows_each_change_to_what_it_reads_at_once(client, seed_pictures, uncached):
    # The page is rendered once per process for the rows it reads: new rows, new page.
    a06 = seed_pictures[1]
    before = get(client, "/editions/2023-12-26/A06/")
    assert before == get(client, "/editions/2023-12-26/A06/")
    Article.objects.filter(pk=8).update(headline="改过的标题")
    Person.objects.filter(pk=a06.chief_editor_id).update(name="新编辑")
    StoryArea.objects.filter(page=a06, article=6).update(top=0.5)
    html = get(client, "/editions/2023-12-26/A06/")
    assert '<a href="/stories/8/">改过的标题</a>' in html
    assert ">新编辑</a>" in html
    assert dict(drawn(html))["/stories/6/"][1] == 50.0
