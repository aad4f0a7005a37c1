"""Crafted values in any public URL answer 4xx, never 5xx, on SQLite and PostgreSQL.

Every public URL pattern is walked from the resolver; a pattern this file does not
classify fails ``test_every_public_url_pattern_is_classified`` until someone says
how to build a valid address for it and which query parameters its view reads.
Each path part and each query parameter is then replaced, one at a time, by every
crafted value, the rest of the address staying valid.
"""

import re
from urllib.parse import quote

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from articles.models import AwardRoster
from articles.photos import renditions
from articles.public.filters import SearchFilter
from articles.public.sitemaps import RangeSitemap
from tests.factories import PageFactory, PersonFactory, make_article

# The admin and staff tools are not the readers' site; media files are served by Django
# only in development (DEBUG), by the web server in production.
NOT_PUBLIC = ("admin/", "staff/", "^media/")

# Already percent-encoded, as they would arrive on the wire.
CRAFTED = [
    "0",
    "-1",
    "00",
    "0000",
    "13",
    "1.5",
    "1e3",
    "0x10",
    "9223372036854775807",  # the largest bigint
    "9223372036854775808",  # one past it
    "18446744073709551616",
    "9" * 40,
    "9" * 5000,  # past Python's int() digit limit
    "%00",
    "a%00b",
    "%ff",
    "%C0%AF",
    "%0a",
    "%7f",
    "%20",
    "%25",
    "..",
    "x" * 5000,
    quote("技能人才" * 100),
    quote("\u202e\ufeff"),
    quote("'\"<>;--"),
    "2023-02-30",
    "0001-01-01",
    "0000-00-00",
    "9999-12-31",
    "10000-01-01",
    "2023-13-01",
    "-2023-01-01",
    "last",
    "",
]


def search_parameters():
    """The query parameters the search filters read, as their widgets name them."""
    names = ["q", "page"]
    for name, filter_ in SearchFilter.base_filters.items():
        suffixes = getattr(filter_.field.widget, "suffixes", None)
        names += [f"{name}_{suffix}" for suffix in suffixes] if suffixes else [name]
    return names


def public_patterns(resolver=None, prefix=""):
    """``(key, route)`` of every readers' URL pattern; key is its name, or its route."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if route.startswith(NOT_PUBLIC):
            continue
        if isinstance(entry, URLResolver):
            namespace = f"{entry.namespace}:" if entry.namespace else ""
            for key, sub_route in public_patterns(entry, route):
                yield (key if ":" in key or not namespace else namespace + key), sub_route
        elif isinstance(entry, URLPattern):
            yield entry.name or route, route


@pytest.fixture
def site(db):
    """A published story with a photo, a tag, a roster and a staffed page."""
    staff = PersonFactory()
    page = PageFactory(label="A05", chief_editor=staff)
    article = make_article(photos=1, page=page)
    article.tags.add("技能")
    roster = AwardRoster.objects.create(article=article, title="冠军", stated_count=1)
    roster.set_names(["张三"], {"张三": PersonFactory(name="张三")})
    photo = article.photos.get()
    return {
        "date": page.edition.date.isoformat(),
        "year": str(page.edition.date.year),
        "month": str(page.edition.date.month),
        "label": page.label,
        "slug": article.section.slug,
        "story": str(article.pk),
        "person": str(article.bylines.first().person_id),
        "tag": quote("技能"),
        "photo": str(photo.pk),
        "token": renditions.token(photo),
        "width": str(renditions.widths(photo)[0]),
        "fmt": "jpg",
        "sitemap_kind": "stories",
        "sitemap_number": str(article.pk // RangeSitemap.size),
    }


# key → (path parts from the site fixture, query parameters the view reads)
LIST = ["q", "page"]  # every page's search box reads q
CLASSIFIED = {
    "articles:home": ({}, ["q"]),
    "articles:edition_archive": ({}, ["q"]),
    "articles:edition_month": ({"year": "year", "month": "month"}, ["q"]),
    "articles:edition": ({"date": "date"}, ["q"]),
    "articles:page": ({"date": "date", "label": "label"}, ["q"]),
    "articles:page_pdf": ({"date": "date", "label": "label"}, []),
    "articles:section": ({"slug": "slug"}, LIST),
    "articles:section_feed": ({"slug": "slug"}, ["q"]),
    "articles:detail": ({"pk": "story"}, ["q"]),
    "articles:person": ({"pk": "person"}, LIST),
    "articles:tag": ({"slug": "tag"}, LIST),
    "articles:search": ({}, search_parameters()),
    "articles:feed": ({}, ["q"]),
    "articles:rendition": ({"pk": "photo", "token": "token", "width": "width", "fmt": "fmt"}, []),
    # Previews read a signed token: crafted ones, like none, answer 404.
    "articles:preview_story": ({"pk": "story"}, ["q", "token"]),
    "articles:preview_page": ({"date": "date", "label": "label"}, ["q", "token"]),
    "articles:preview_photo": (
        {"pk": "photo", "token": "token", "width": "width", "fmt": "fmt"},
        ["token"],
    ),
    "sitemap": ({}, ["q", "p"]),
    "sitemap_file": ({"kind": "sitemap_kind", "number": "sitemap_number"}, ["q"]),
    "news_sitemap": ({}, ["q"]),
    "robots_txt": ({}, ["q"]),
    "favicon.ico": ({}, []),
}
# Valid values for the other parameters while one is crafted (search runs with words).
BASE_QUERY = {"articles:search": {"q": "技能"}}

PART = re.compile(r"<(?:[^>:]+:)?([^>]+)>")


def addresses(key, route, site):
    """Every address to request for one pattern: each part and parameter crafted in turn."""
    parts, params = CLASSIFIED[key]
    assert set(PART.findall(route)) == set(parts), f"{key}: path parts changed"

    def build(crafted_part=None, value=None):
        def fill(match):
            name = match.group(1)
            return value if name == crafted_part else site[parts[name]]

        return "/" + PART.sub(fill, route)

    found = [build()]
    for name in parts:
        found += [build(name, value) for value in CRAFTED]
    base = BASE_QUERY.get(key, {})
    valid = build()
    for param in params:
        for value in CRAFTED:
            query = {**{k: quote(v) for k, v in base.items()}, param: value}
            found.append(valid + "?" + "&".join(f"{k}={v}" for k, v in query.items()))
    if len(params) > 1:  # everything crafted at once
        found += [valid + "?" + "&".join(f"{p}={value}" for p in params) for value in CRAFTED]
    return found


def classified_patterns():
    return sorted(public_patterns())


def test_every_public_url_pattern_is_classified():
    unclassified = {key for key, _ in public_patterns()} - set(CLASSIFIED)
    assert not unclassified, f"classify these public URLs in the fuzz test: {sorted(unclassified)}"


@pytest.mark.parametrize(("key", "route"), classified_patterns(), ids=lambda v: v or "root")
def test_crafted_values_never_answer_5xx(site, key, route):
    client = Client(raise_request_exception=False)
    failures = []
    for url in addresses(key, route, site):
        response = client.get(url)
        if response.status_code >= 500:
            failures.append(f"{response.status_code} {url[:120]}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize(
    "url",
    [
        "/stories/9223372036854775808/",
        "/stories/0/",
        "/people/9223372036854775808/",
        "/photos/9223372036854775808/abc-100.jpg",
        "/tags/a%00b/",
        "/sections/a%00b/",
        "/editions/2023-12-26/A%0005/",
        "/editions/2023-02-30/",
        "/editions/2023/13/",
    ],
)
def test_impossible_path_values_are_not_found(client, db, url):
    assert client.get(url).status_code == 404


def test_a_search_from_an_impossible_date_says_why(client, site):
    response = client.get("/search/", {"q": "技能", "date_after": "0001-01-01"})
    assert response.status_code == 200
    assert "1900-01-01" in response.content.decode()


@pytest.mark.parametrize("date", ["2023-02-30", "20231226", "tomorrow"])
def test_a_search_from_a_malformed_date_says_why(client, site, date):
    response = client.get("/search/", {"q": "技能", "date_before": date})
    assert response.status_code == 200
    assert response.context["filterset"].form.errors


def test_a_nul_byte_in_the_search_words_is_ignored(client, site):
    response = client.get("/search/?q=%E6%8A%80%00%E8%83%BD")
    assert response.status_code == 200
    assert response.context["query"] == "技 能"
