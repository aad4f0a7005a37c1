"""No unpublished story shows anywhere a reader can go.

Every public URL pattern is listed here; a new pattern without an entry fails
``test_every_public_url_pattern_is_checked`` until someone says what to request.
"""

import datetime
import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from articles.models import Article, Section
from articles.photos import renditions
from articles.photos.renditions import rendition_url
from articles.public import preview
from articles.public.sitemaps import RangeSitemap
from tests.factories import (
    EditionFactory,
    PageFactory,
    PersonFactory,
    SectionFactory,
    make_article,
)

# Patterns that are not the readers' site.
NOT_PUBLIC = {"admin", "staff"}

HIDDEN = {
    "draft": {"status": Article.Status.DRAFT},
    "submitted": {"status": Article.Status.SUBMITTED},
    "scheduled": {
        "status": Article.Status.PUBLISHED,
        "published_at_delta": datetime.timedelta(days=2),
    },
    "withdrawn": {"status": Article.Status.WITHDRAWN},
}


def public_patterns(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            namespace = entry.namespace or ""
            if namespace in NOT_PUBLIC or str(entry.pattern).startswith(("admin/", "staff/")):
                continue
            yield from public_patterns(entry, f"{prefix}{namespace}:" if namespace else prefix)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{prefix}{entry.name}"


@pytest.fixture
def newsroom(db):
    """One published story and one of each hidden kind, sharing section, page, person and tag.

    Each hidden story also has things of its own (a reporter, a tag, a photo) and sits,
    with the others, on a page of an edition no reader may see yet.
    """
    parent = SectionFactory(slug="quxian", name="区县新闻")
    district = SectionFactory(
        slug="shifeng", name="石峰区", parent=parent, kind=Section.Kind.DISTRICT
    )
    edition = EditionFactory(date=datetime.date(2024, 5, 20))
    page = PageFactory(edition=edition, label="A05", section=parent)
    future_page = PageFactory(
        edition=EditionFactory(date=datetime.date(2024, 6, 3)), label="A01", section=parent
    )
    shared_reporter = PersonFactory(name="共同记者")
    public = make_article(
        headline="公开的新闻标题",
        section=district,
        page=page,
        photos=1,
        published_at=timezone.now() - datetime.timedelta(days=1),
    )
    public.bylines.create(person=shared_reporter, role=public.bylines.first().role, order=5)
    public.tags.add("共同标签")
    hidden = {}
    for number, (name, options) in enumerate(HIDDEN.items()):
        marker = f"隐藏{name}标题"
        delta = options.get("published_at_delta")
        article = make_article(
            headline=marker,
            subheadline=f"隐藏{name}副题",
            body=[{"type": "paragraph", "text": f"隐藏{name}正文秘密内容。"}],
            status=options["status"],
            published_at=(timezone.now() + delta) if delta else timezone.now(),
            section=district,
            page=page if number % 2 else future_page,
            page_position=number + 1,
            photos=1,
            main_article=public,
        )
        article.bylines.create(person=shared_reporter, role=public.bylines.first().role, order=5)
        article.bylines.update(person=shared_reporter)  # only the shared reporter is credited …
        own = PersonFactory(name=f"隐藏{name}记者")
        article.bylines.create(person=own, role=public.bylines.first().role, order=6)  # … and one
        article.tags.add("共同标签", f"隐藏{name}标签")
        hidden[name] = article
    return {
        "public": public,
        "hidden": hidden,
        "parent": parent,
        "district": district,
        "page": page,
        "future_page": future_page,
        "shared_reporter": shared_reporter,
    }


def forbidden_strings(article):
    return [
        article.headline,
        article.subheadline,
        article.paragraphs[0],
        f"/stories/{article.pk}/",
    ] + [f"/photos/{photo.pk}/" for photo in article.photos.all()]


def image_urls(article):
    return [
        rendition_url(photo, rendition)
        for photo in article.photos.all()
        for fmt in renditions.FORMATS
        for rendition in renditions.renditions(photo, fmt)
    ]


def urls_to_check(newsroom):
    """pattern name → [(url, expected status)]."""
    public, hidden = newsroom["public"], newsroom["hidden"].values()
    page, future_page = newsroom["page"], newsroom["future_page"]
    own_reporters = [s.bylines.get(order=6).person for s in hidden]
    hidden_tags = [f"隐藏{name}标签" for name in newsroom["hidden"]]
    markers = [s.headline for s in hidden] + ["秘密内容", "隐藏"]
    return {
        "articles:home": [("/", 200)],
        "articles:edition_archive": [("/editions/", 200)],
        "articles:edition_month": [("/editions/2024/5/", 200), ("/editions/2024/6/", 404)],
        "articles:edition": [("/editions/2024-05-20/", 200), ("/editions/2024-06-03/", 404)],
        "articles:page": [(page.get_absolute_url(), 200), (future_page.get_absolute_url(), 404)],
        # The page PDF (数字报): none made for these pages; served only for a published page
        # (tests/articles/public/test_epaper.py).
        "articles:page_pdf": [
            (f"{page.get_absolute_url()}pdf/", 404),
            (f"{future_page.get_absolute_url()}pdf/", 404),
        ],
        "articles:section": [
            (newsroom["parent"].get_absolute_url(), 200),
            (newsroom["district"].get_absolute_url(), 200),
        ],
        "articles:section_feed": [
            ("/sections/quxian/rss/", 200),
            ("/sections/shifeng/rss/", 200),
        ],
        # A withdrawn story's address says it was withdrawn (410), showing nothing of it.
        "articles:detail": [(public.get_absolute_url(), 200)]
        + [
            (s.get_absolute_url(), 410 if s.status == Article.Status.WITHDRAWN else 404)
            for s in hidden
        ],
        # Credited only on stories readers may not see: no page of their own.
        "articles:person": [(newsroom["shared_reporter"].get_absolute_url(), 200)]
        + [(person.get_absolute_url(), 404) for person in own_reporters],
        "articles:tag": [("/tags/共同标签/", 200)] + [(f"/tags/{t}/", 404) for t in hidden_tags],
        "articles:feed": [("/rss/", 200)],
        "articles:rendition": [(url, 200) for url in image_urls(public)]
        + [(url, 404) for s in hidden for url in image_urls(s)],
        "articles:search": [(f"/search/?q={marker}", 200) for marker in markers]
        + [("/search/?q=公开", 200)],
        # Previews are for staff and signed links only: a stranger gets 404 for every story.
        "articles:preview_story": [(preview.story_url(s), 404) for s in [public, *hidden]],
        "articles:preview_page": [
            (preview.page_url(page), 404),
            (preview.page_url(future_page), 404),
        ],
        "articles:preview_photo": [
            (url.replace("/photos/", "/preview/photos/", 1), 404)
            for s in [public, *hidden]
            for url in image_urls(s)
        ],
        "sitemap": [("/sitemap.xml", 200)],
        # The file of each kind that holds the shared things (and the hidden stories' range).
        "sitemap_file": [
            (f"/sitemap-{kind}-{pk // RangeSitemap.size}.xml", 200)
            for kind, pk in [
                ("stories", public.pk),
                ("editions", page.edition_id),
                ("pages", page.pk),
                ("sections", newsroom["district"].pk),
                ("people", newsroom["shared_reporter"].pk),
                ("tags", public.tags.get().pk),
            ]
        ]
        + [(f"/sitemap-stories-{s.pk // RangeSitemap.size}.xml", 200) for s in hidden],
        "news_sitemap": [("/news-sitemap.xml", 200)],
        "robots_txt": [("/robots.txt", 200)],
    }


def test_every_public_url_pattern_is_checked(newsroom):
    unchecked = set(public_patterns()) - set(urls_to_check(newsroom))
    assert not unchecked, f"add these public URLs to the leak test: {sorted(unchecked)}"


@pytest.mark.parametrize("cached", [False, True], ids=["uncached", "cached"])
def test_unpublished_stories_appear_on_no_public_url(client, newsroom, settings, cached):
    settings.NEWSROOM_PAGE_CACHE_SECONDS = 600 if cached else 0
    public, hidden = newsroom["public"], newsroom["hidden"]
    forbidden = [text for article in hidden.values() for text in forbidden_strings(article)]
    forbidden += [f"隐藏{name}标签" for name in hidden]
    forbidden += [s.bylines.get(order=6).person.get_absolute_url() for s in hidden.values()]
    checked = set(public_patterns())
    seen_public = False
    for name, requests in urls_to_check(newsroom).items():
        if name not in checked:
            continue  # e.g. search, before it exists
        for url, status in requests:
            for _ in range(2 if cached else 1):  # the second answer comes from the cache
                response = client.get(url)
                assert response.status_code == status, url
            if response.get("Content-Type", "").startswith("image/"):
                continue
            body = b"".join(response) if response.streaming else response.content
            text = body.decode()
            if "?q=" in url:
                text = text.replace(url.split("?q=", 1)[1], "")  # the search box echoes the query
            person_page = re.fullmatch(r"/people/\d+/", url)
            for needle in forbidden:
                if person_page and needle.startswith("/people/"):
                    continue
                assert needle not in text, f"{needle} leaks on {url}"
            seen_public = seen_public or public.headline in text
    assert seen_public  # the test would notice a story at all


def test_scheduled_story_appears_by_itself_when_its_time_comes(client, db, settings):
    """Even with the front page cached, a scheduled story shows once its time has passed."""
    import time

    settings.NEWSROOM_PAGE_CACHE_SECONDS = 600
    make_article(headline="已经发布的新闻")
    soon = make_article(
        headline="定时发布的新闻", published_at=timezone.now() + datetime.timedelta(seconds=2)
    )
    html = client.get("/").content.decode()
    assert "已经发布的新闻" in html and soon.headline not in html
    assert client.get(soon.get_absolute_url()).status_code == 404
    time.sleep(3)
    assert soon.headline in client.get("/").content.decode()
    assert client.get(soon.get_absolute_url()).status_code == 200
