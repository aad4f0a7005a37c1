"""The sitemap index and its files: every published page once, nothing else, in small files.

Files are ranges of primary keys (``articles/public/sitemaps.py``); these tests set the
file size to a few addresses so that a handful of stories spans several files.
"""

import collections
import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from articles.models import Article
from articles.public.sitemaps import RangeSitemap
from tests.factories import PageFactory, PersonFactory, make_article

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
SIZE = 3
SERVER = "http://testserver"


@pytest.fixture
def small_files(monkeypatch):
    monkeypatch.setattr(RangeSitemap, "size", SIZE)


@pytest.fixture
def uncached(settings):
    settings.NEWSROOM_PAGE_CACHE_SECONDS = 0


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content)  # raises on XML that is not well formed


def index_locations(client):
    root = parse(client.get("/sitemap.xml"))
    assert root.tag == f"{{{NS['sm']}}}sitemapindex"
    return [loc.text for loc in root.findall("sm:sitemap/sm:loc", NS)]


def file_locations(client, url):
    root = parse(client.get(url.removeprefix(SERVER)))
    assert root.tag == f"{{{NS['sm']}}}urlset"
    return [loc.text for loc in root.findall("sm:url/sm:loc", NS)]


def whole_sitemap(client):
    """Every file the index lists (the news sitemap aside): file address → page addresses."""
    return {
        url: file_locations(client, url)
        for url in index_locations(client)
        if url != f"{SERVER}/news-sitemap.xml"
    }


def story_files(client):
    return {url: found for url, found in whole_sitemap(client).items() if "-stories-" in url}


def published_archive(count, **overrides):
    return [make_article(**overrides) for _ in range(count)]


def test_the_index_lists_every_story_file_up_to_the_last_published_pk(client, db, small_files):
    stories = published_archive(7)
    last = max(story.pk for story in stories)
    make_article(status=Article.Status.DRAFT)  # a later draft makes no file of its own
    listed = [url for url in index_locations(client) if "-stories-" in url]
    expected = [f"{SERVER}/sitemap-stories-{n}.xml" for n in range(last // SIZE + 1)]
    assert listed == expected
    assert f"{SERVER}/news-sitemap.xml" in index_locations(client)


def test_every_published_story_is_in_exactly_one_file_and_no_other_story_anywhere(
    client, db, small_files
):
    page = PageFactory()
    published = published_archive(8, page=page)
    hidden = [
        make_article(status=Article.Status.DRAFT, page=page),
        make_article(status=Article.Status.SUBMITTED, page=page),
        make_article(published_at=timezone.now() + datetime.timedelta(days=1), page=page),
        make_article(status=Article.Status.WITHDRAWN, page=page),
    ]
    published += published_archive(4)  # after the hidden ones, in later files
    hidden[0].tags.add("草稿的标签")
    hidden_person = PersonFactory(name="只在草稿上的人")
    hidden[0].bylines.create(person=hidden_person, role=published[0].bylines.first().role)

    files = whole_sitemap(client)
    counts = collections.Counter(
        url for name, found in files.items() if "-stories-" in name for url in found
    )
    assert counts == collections.Counter(SERVER + s.get_absolute_url() for s in published)
    everything = "\n".join(url for found in files.values() for url in found)
    for story in hidden:
        assert f"/stories/{story.pk}/" not in everything
    assert hidden_person.get_absolute_url() not in everything
    assert "/tags/" not in everything  # the only tag is on a draft
    assert page.get_absolute_url() in everything  # pages, editions, sections: listed too
    assert page.edition.get_absolute_url() in everything


def test_no_file_holds_more_than_its_size(client, db, small_files):
    for number in range(10):
        make_article(page=PageFactory()).tags.add(f"标签{number}")
    files = whole_sitemap(client)
    kinds = {url.removeprefix(f"{SERVER}/sitemap-").split("-")[0] for url in files}
    assert kinds == {"stories", "editions", "pages", "sections", "people", "tags"}
    assert all(len(found) <= SIZE for found in files.values())
    assert sum(len(found) for url, found in files.items() if "-stories-" in url) == 10


def test_a_range_with_no_published_story_is_an_empty_file_not_a_404(client, db, small_files):
    stories = published_archive(3 * SIZE)
    first = stories[0].pk // SIZE + 1  # a range wholly inside the archive
    for story in stories:
        if story.pk // SIZE == first:
            story.status = Article.Status.WITHDRAWN
            story.save(update_fields=["status"])
    url = f"{SERVER}/sitemap-stories-{first}.xml"
    assert url in index_locations(client)
    assert file_locations(client, url) == []


@pytest.mark.parametrize(
    "path",
    [
        "/sitemap-stories-{past}.xml",
        "/sitemap-stories-9223372036854775807.xml",
        "/sitemap-stories-99999999999999999999999999.xml",
        "/sitemap-drafts-0.xml",
    ],
)
def test_a_file_past_the_last_or_of_no_kind_is_not_found(client, db, small_files, path):
    last = max(story.pk for story in published_archive(4))
    assert client.get(path.format(past=last // SIZE + 1)).status_code == 404


def test_no_story_file_without_a_published_story(client, db):
    make_article(status=Article.Status.DRAFT)
    assert not [url for url in index_locations(client) if "-stories-" in url]
    assert client.get("/sitemap-stories-0.xml").status_code == 404


def test_a_story_file_gives_its_last_change(client, db):
    story = make_article()
    root = parse(client.get(f"/sitemap-stories-{story.pk // RangeSitemap.size}.xml"))
    (url,) = root.findall("sm:url", NS)
    lastmod = datetime.datetime.fromisoformat(url.find("sm:lastmod", NS).text)
    assert lastmod == story.updated_at.replace(microsecond=lastmod.microsecond)


def queries(django_assert_max_num_queries, client, url):
    """How many queries ``url`` runs; none of them skips rows (OFFSET) or counts them."""
    with django_assert_max_num_queries(100) as captured:
        assert client.get(url).status_code == 200
    for query in captured.captured_queries:
        assert "OFFSET" not in query["sql"] and "COUNT(" not in query["sql"], query["sql"]
    return len(captured)


def test_a_story_file_is_two_queries_whatever_its_number_and_the_archive_size(
    client, db, uncached, small_files, django_assert_max_num_queries
):
    # The last visible pk (which files exist) and the file's range: no OFFSET, no COUNT.
    published_archive(SIZE * 2)
    small = [queries(django_assert_max_num_queries, client, url) for url in story_files(client)]
    published_archive(SIZE * 10)
    large = [queries(django_assert_max_num_queries, client, url) for url in story_files(client)]
    assert set(small) == set(large) == {2}


def test_the_index_is_one_query_per_kind_whatever_the_archive_size(
    client, db, uncached, small_files, django_assert_max_num_queries
):
    published_archive(SIZE, page=PageFactory())
    small = queries(django_assert_max_num_queries, client, "/sitemap.xml")
    published_archive(SIZE * 10, page=PageFactory())
    assert queries(django_assert_max_num_queries, client, "/sitemap.xml") == small == 6


def test_every_file_is_well_formed_xml_with_escaped_addresses(client, db, small_files):
    story = make_article(page=PageFactory(label="A&B"))
    story.tags.add("<技能&人才>")
    files = whole_sitemap(client)
    everything = [url for found in files.values() for url in found]
    assert f"{SERVER}{story.page.get_absolute_url()}" in everything
    assert any("/tags/" in url for url in everything)
    assert parse(client.get("/news-sitemap.xml")).tag.endswith("urlset")


def test_robots_txt_names_the_index_and_the_news_sitemap(client, db):
    lines = client.get("/robots.txt").content.decode().splitlines()
    assert f"Sitemap: {SERVER}/sitemap.xml" in lines
    assert f"Sitemap: {SERVER}/news-sitemap.xml" in lines
