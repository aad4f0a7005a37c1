"""The art editor's story-area editor: the page picture with its areas, saved as JSON."""

import json
import re

import pytest
from django.urls import reverse

from articles.models import Article, Page, StoryArea
from tests.articles.public.test_epaper import areas_for, drawn, picture


@pytest.fixture
def a06(seed):
    page = Page.objects.get(label="A06")
    picture(page)
    areas_for(page, list(Article.objects.on_page(page))[:3])  # 9 has no area
    return page


def editor_url(page):
    return reverse("admin:articles_storyarea_editor", args=[page.pk])


def shown(html):
    found = re.search(r'<script id="area-data" type="application/json">(.*?)</script>', html)
    return json.loads(found.group(1))


def posted(client, page, areas):
    return client.post(editor_url(page), {"areas": json.dumps(areas)})


def as_rows(page):
    return [
        {
            "id": a.pk,
            "article": a.article_id,
            "left": a.left,
            "top": a.top,
            "width": a.width,
            "height": a.height,
        }
        for a in StoryArea.objects.filter(page=page).order_by("position")
    ]


def test_the_editor_shows_the_picture_areas_and_stories_without_one(client_for, a06):
    response = client_for("arteditor").get(editor_url(a06))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<script src="/static/admin/areas.js" defer></script>' in html
    assert re.search(r'<img src="/media/[^"]+\.jpg" width="600" height="800"', html)
    data = shown(html)
    assert [area["article"] for area in data["areas"]] == [6, 7, 8]
    assert data["stories"]["9"] == "株洲青商会十年提供万余就业岗位"
    missing = html[html.index("尚无热区的稿件") :]
    assert re.search(r'<li data-article="9"><a [^>]+>株洲青商会十年提供万余就业岗位', missing)
    assert '<li data-article="6" hidden>' in missing
    assert "保存热区" in html


def test_moving_one_area_makes_it_manual_and_keeps_the_others(client_for, a06, client):
    before = drawn(client.get("/editions/2023-12-26/A06/").content.decode())
    rows = as_rows(a06)
    rows[0].update(left=0.5, width=0.4)
    del rows[1]  # removed
    rows.append({"article": 9, "left": 0.1, "top": 0.8, "width": 0.3, "height": 0.15})
    response = posted(client_for("arteditor"), a06, rows)
    assert response.status_code == 302
    areas = {a.article_id: a for a in StoryArea.objects.filter(page=a06)}
    assert set(areas) == {6, 8, 9}
    assert (areas[6].left, areas[6].width, areas[6].source) == (0.5, 0.4, "manual")
    assert areas[8].source == "auto"  # untouched
    assert areas[9].source == "manual"
    # The reader sees the change at once (the cached page was made stale).
    after = drawn(client.get("/editions/2023-12-26/A06/").content.decode())
    assert after != before
    assert ("/stories/6/", (50.0, 0.0, 40.0, 30.0)) in after
    assert [href for href, _ in after] == ["/stories/6/", "/stories/8/", "/stories/9/"]


def test_an_area_is_kept_inside_the_page(client_for, a06):
    rows = [{"article": 6, "left": 0.9, "top": -0.2, "width": 0.5, "height": 3}]
    assert posted(client_for("arteditor"), a06, rows).status_code == 302
    area = StoryArea.objects.get(page=a06)
    assert (area.left, area.top, area.width, area.height) == (0.5, 0.0, 0.5, 1.0)


def test_an_area_of_a_story_on_another_page_is_refused(client_for, a06):
    rows = [{"article": 1, "left": 0.1, "top": 0.1, "width": 0.2, "height": 0.2}]  # A05
    response = posted(client_for("arteditor"), a06, rows)
    assert response.status_code == 200
    assert "有热区属于不在本版的稿件。" in response.content.decode()
    assert StoryArea.objects.filter(page=a06).count() == 3


def test_who_may_not_place_stories_may_look_but_not_save(client_for, a06):
    reporter = client_for("reporter")
    html = reporter.get(editor_url(a06)).content.decode()
    assert "保存热区" not in html and "is-editable" not in html
    assert posted(reporter, a06, []).status_code == 403
    assert StoryArea.objects.filter(page=a06).count() == 3


def test_the_flatplan_shows_each_pages_picture_linking_to_its_areas(client_for, a06):
    edition = a06.edition
    html = (
        client_for("editor")
        .get(reverse("admin:articles_edition_flatplan", args=[edition.pk]))
        .content.decode()
    )
    card = html[html.index('id="page-A06"') :]
    # The narrowest JPEG, linking to the page's area editor; A05 has no picture yet.
    assert re.search(
        rf'<a href="{editor_url(a06)}"><img src="/media/[^"]+\.jpg" width="120" height="160"', card
    )
    a05 = Page.objects.get(label="A05")
    assert f'<a href="{editor_url(a05)}">热区</a>' in html
