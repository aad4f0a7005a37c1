"""Feeds, sitemaps, robots.txt and structured data, read by the software that reads them."""

import datetime
import json
import re

import extruct
import feedparser
import pytest
from django.utils import timezone

from tests.articles.public.test_sitemaps import whole_sitemap
from tests.factories import make_article


def test_site_feed_parses_with_chinese_titles_intact(client, seed):
    response = client.get("/rss/")
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.title == "株洲日报"
    titles = [entry.title for entry in feed.entries]
    assert "第十届“技能天下”职业技能大赛落幕 顶尖技能高手接受城市礼遇" in titles
    assert len(titles) == 9
    entry = next(e for e in feed.entries if "顶尖技能高手" in e.title)
    assert entry.link.endswith("/stories/6/")
    assert "株洲日报全媒体记者/何春林" in entry.author


def test_section_feed_includes_sub_districts(client, seed):
    feed = feedparser.parse(client.get("/sections/shifeng/rss/").content)
    assert not feed.bozo
    titles = [entry.title for entry in feed.entries]
    assert any("老旧小区边坡安全隐患消除" in title for title in titles)  # 响石岭街道
    assert not any("技能" in title for title in titles)


def test_sitemap_lists_stories_pages_and_people(client, seed):
    xml = "\n".join(url for found in whole_sitemap(client).values() for url in found)
    for path in ["/stories/6/", "/editions/2023-12-26/", "/editions/2023-12-26/A06/", "/people/"]:
        assert path in xml


def test_news_sitemap_has_only_the_last_two_days(client, db):
    fresh = make_article(headline="今天的新闻")
    old = make_article(
        headline="上周的新闻", published_at=timezone.now() - datetime.timedelta(days=7)
    )
    xml = client.get("/news-sitemap.xml").content.decode()
    assert "xmlns:news=" in xml
    assert fresh.get_absolute_url() in xml and "<news:name>株洲日报</news:name>" in xml
    assert old.get_absolute_url() not in xml


def test_robots_txt_points_at_both_sitemaps(client, db):
    text = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Sitemap: http://testserver/news-sitemap.xml" in text
    assert "Disallow: /admin/" in text


@pytest.fixture
def article_html(client, seed):
    return client.get("/stories/6/").content.decode()


def test_story_page_json_ld_is_a_news_article_with_print_location(article_html):
    data = extruct.extract(article_html, base_url="http://testserver/", syntaxes=["json-ld"])
    (article,) = data["json-ld"]
    assert article["@type"] == "NewsArticle"
    assert article["headline"] == "顶尖技能高手接受城市礼遇"
    assert [a["name"] for a in article["author"]] == ["何春林", "王付银", "王忠祥"]
    assert article["datePublished"].startswith("2023-12-26T06:00:00")
    assert article["dateModified"]
    assert len(article["image"]) == 3 and article["image"][0].endswith(".jpg")
    assert (article["printEdition"], article["printPage"], article["printSection"]) == (
        "2023-12-26",
        "A06",
        "就业·创业",
    )


def test_story_page_has_title_description_canonical_and_open_graph(article_html):
    data = extruct.extract(article_html, base_url="http://testserver/", syntaxes=["opengraph"])
    og = dict(data["opengraph"][0]["properties"])
    assert og["og:type"] == "article"
    assert og["og:title"] == "第十届“技能天下”职业技能大赛落幕 顶尖技能高手接受城市礼遇"
    assert og["og:url"] == "http://testserver/stories/6/"
    assert og["og:image"].startswith("http://testserver/photos/")
    assert "<title>顶尖技能高手接受城市礼遇 · 株洲日报</title>" in article_html
    assert '<link rel="canonical" href="http://testserver/stories/6/">' in article_html
    description = re.search(r'<meta name="description" content="([^"]*)">', article_html).group(1)
    assert description.startswith("近日，株洲市第十届“技能天下”职业技能大赛颁奖活动")


def test_json_ld_cannot_close_its_script_element(client, db):
    article = make_article(headline="</script><script>alert(1)</script>")
    html = client.get(article.get_absolute_url()).content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert json.loads(block)["headline"] == article.headline


MARKUP_HEADLINE = "<b>重要</b>通知 <script>alert(1)</script> *星号* #话题 [链接]"


def test_feed_titles_and_categories_are_plain_text(client, db):
    article = make_article(headline=MARKUP_HEADLINE)
    article.tags.add("<b>加粗</b>标签", "<script>x</script>脚本", "#话题*")
    xml = client.get("/rss/").content.decode()
    # Feed readers show a title as HTML: no tag may reach them, escaped or not.
    assert "<b>" not in xml and "&lt;b&gt;" not in xml
    assert "<script>" not in xml and "&lt;script" not in xml
    entry = feedparser.parse(xml).entries[0]
    assert entry.title == "重要通知 alert(1) *星号* #话题 [链接]"
    assert sorted(tag.term for tag in entry.tags) == ["#话题*", "x脚本", "加粗标签"]
