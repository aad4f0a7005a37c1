"""The readers' pages on the seed edition, and their query counts."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article, Edition, Section
from articles.public import fragments
from tests.factories import (
    AwardRosterFactory,
    EditionFactory,
    PageFactory,
    SectionFactory,
    make_article,
    withdraw,
)


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


# Seed edition, end to end ------------------------------------------------------


def test_front_page_shows_the_edition_pages_lead_and_commentary(client, seed):
    html = get(client, "/")
    assert "2023年12月26日" in html
    assert "A05 区县新闻" in html and "A06 就业·创业" in html
    # The lead is the first story in print order that has a photo.
    assert 'class="lead-headline"><a href="/stories/4/">城乡支部共建 热情捐书助学' in html
    assert "制造业当家 需要高技能人才支撑" in html  # latest commentary
    assert "拓展政企“朋友圈” 提升营商环境软实力" in html


def test_archive_shows_a_calendar_linking_the_edition_date(client, seed):
    html = get(client, "/editions/")
    assert "2023年12月" in html
    assert '<a href="/editions/2023-12-26/" aria-label="2023年12月26日">26</a>' in html
    assert 'aria-label="2023年12月26日">26</a>' in get(client, "/editions/2023/12/")
    assert client.get("/editions/2023/11/").status_code == 404


def test_edition_lists_pages_with_stories_in_page_order(client, seed):
    html = get(client, "/editions/2023-12-26/")
    a05 = [
        "拓展政企“朋友圈”",
        "当好个私企业“娘家人”",
        "老旧小区边坡安全隐患消除",
        "城乡支部共建",
        "“阳光增收”",
    ]
    positions = [html.index(headline) for headline in a05]
    assert positions == sorted(positions)
    assert html.index("A05") < html.index("A06")


def test_page_view_lists_its_stories_and_staff(client, seed):
    html = get(client, "/editions/2023-12-26/A06/")
    assert "顶尖技能高手接受城市礼遇" in html
    assert "他们的梦想被技能大师点亮" in html
    assert "当好个私企业" not in html  # an A05 story
    assert "王建设" in html and "王玺" in html
    assert 'href="/editions/2023-12-26/A05/"' in html
    assert client.get("/editions/2023-12-26/B01/").status_code == 404


def test_district_page_includes_its_sub_districts(client, seed):
    html = get(client, "/sections/shifeng/")
    assert "老旧小区边坡安全隐患消除" in html  # filed under 响石岭街道
    assert "/sections/xiangshiling/" in html


def test_story_page_has_headlines_linked_byline_and_body(client, seed):
    html = get(client, "/stories/2/")
    assert '<p class="kicker">搭建创业发展平台</p>' in html
    assert '<h1 class="headline">当好个私企业“娘家人”</h1>' in html
    assert 'class="dateline">12月23日</span>，芦淞区个体私营企业协会' in html
    person = Article.objects.get(pk=2).bylines.get().person
    assert f'株洲日报全媒体记者/<a href="/people/{person.pk}/" rel="author">杨凌霄</a>' in html


NOTES = {
    "column": "民生关注",
    "editor_note": "加装电梯关系千家万户。\n本报今起推出系列报道。",
    "author_note": "作者系中共南岭市委党校教授",
}


def test_story_page_prints_the_column_label_editors_note_and_authors_note(client, db):
    article = make_article(body=[{"type": "paragraph", "text": "正文第一段。"}], **NOTES)
    html = get(client, article.get_absolute_url())
    column = html.index('<p class="column-label">民生关注</p>')
    note = html.index('<aside class="editor-note"')
    assert column < html.index('<h1 class="headline">') < note < html.index("<p>正文第一段。</p>")
    box = html[note : html.index("</aside>", note)]
    assert "编者按" in box
    assert "<p>加装电梯关系千家万户。</p>" in box and "<p>本报今起推出系列报道。</p>" in box
    assert html.index("<p>正文第一段。</p>") < html.index(
        '<p class="author-note">（作者系中共南岭市委党校教授）</p>'
    )
    assert 'style="' not in html


def test_story_page_without_notes_prints_no_empty_boxes(client, db):
    html = get(client, make_article().get_absolute_url())
    assert "column-label" not in html and "editor-note" not in html and "author-note" not in html


def test_story_page_byline_keeps_the_papers_convention(client, seed):
    html = get(client, "/stories/6/")
    article = Article.objects.get(pk=6)
    import re

    byline = re.search(r'<p class="byline">(.*?)</p>', html).group(1)
    assert re.sub(r"<[^>]+>", "", byline) == article.byline_text
    assert byline.count('rel="author"') == len(article.text_bylines)


def test_story_page_has_intertitles_photos_credits_roster_and_commentary(client, seed):
    html = get(client, "/stories/6/")
    assert '<figcaption>第十届“技能天下”颁奖现场。 <span class="credit">' in html
    assert "摄</span>" in html
    assert 'type="image/webp"' in html and 'loading="lazy"' in html
    assert 'width="1200" height="800"' in html
    assert "相关链接" in html and "冠军（15名）" in html
    assert 'href="/stories/7/"' in html  # the linked commentary
    assert "/tags/" in html
    commentary = get(client, "/stories/7/")
    assert 'href="/stories/6/"' in commentary  # and back to its parent


def test_story_page_links_its_neighbours_in_page_order_and_its_page(client, seed):
    html = get(client, "/stories/8/")  # A06: 6, 7, 8, 9 in page order
    pager = html[html.index('class="story-pager"') :]
    assert '上一篇：<a href="/stories/7/">' in pager
    assert '下一篇：<a href="/stories/9/">' in pager
    assert '<a href="/editions/2023-12-26/A06/">返回版面</a>' in pager
    assert '<a class="printed-on" href="/editions/2023-12-26/A06/">刊于A06版' in html
    first = get(client, "/stories/6/")
    assert "上一篇：<span>无</span>" in first


def test_story_page_skips_a_withdrawn_neighbour(client, seed):
    withdraw(Article.objects.get(pk=7))
    html = get(client, "/stories/8/")
    assert '上一篇：<a href="/stories/6/">' in html


def test_story_page_has_one_lead_photo_and_the_others_in_its_text(client, seed):
    html = get(client, "/stories/6/")
    head, body = html.split('<div class="story-body">', 1)
    assert head.count('<figure class="story-photo">') == 1
    assert "第十届“技能天下”颁奖现场。" in head
    assert body.count('<figure class="story-photo">') == 2
    # Each photo in the text follows a paragraph, with text after it too.
    for caption in ("技能人才翻阅《株洲技能人才名录》。", "“技能天下”比赛现场。"):
        assert body.index("</p>") < body.index(caption) < body.rindex("</p>")


def test_a_photo_caption_does_not_repeat_the_byline_under_the_headline(client, seed):
    html = get(client, "/stories/4/")  # a photo story credited by its photographers
    byline = html[html.index('<p class="byline">') :]
    byline = byline[: byline.index("</p>")]
    assert "摄" in byline
    caption = html[html.index("<figure") : html.index("</figure>")]
    assert 'class="credit"' not in caption
    # A photo credited to someone the byline names as its writer keeps its credit.
    story = get(client, "/stories/8/")
    assert 'class="credit"' in story[story.index("<figure") : story.index("</figure>")]


def test_story_intertitles_keep_their_line_break(client, seed):
    html = get(client, "/stories/1/")
    assert '<h2 class="intertitle">有趣好玩交朋友<br>促政企沟通“双向奔赴”</h2>' in html


def test_person_page_lists_stories_with_role(client, seed):
    article = Article.objects.get(pk=1)
    person = article.bylines.first().person
    html = get(client, person.get_absolute_url())
    assert person.name in html
    assert article.headline in html
    assert "全媒体记者" in html


def test_tag_page(client, seed):
    html = get(client, "/tags/高新朋友圈/")
    assert "拓展政企“朋友圈”" in html
    assert "当好个私企业" not in html


def test_story_url_is_stable_when_the_headline_changes(client, seed):
    article = Article.objects.get(pk=9)
    url = article.get_absolute_url()
    article.headline = "改过的标题"
    article.save()
    assert "改过的标题" in get(client, url)


def test_drafts_are_not_found(client, db):
    article = make_article(status=Article.Status.DRAFT)
    assert client.get(article.get_absolute_url()).status_code == 404


def test_pages_set_language_and_load_no_inline_script(client, seed):
    for url in ("/", "/stories/6/", "/editions/2023-12-26/A06/"):
        html = get(client, url)
        assert '<html lang="zh-Hans">' in html
        assert "<script>" not in html and "style=" not in html


# Query counts ----------------------------------------------------------------


def queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries)


@pytest.fixture
def uncached(settings):
    settings.NEWSROOM_PAGE_CACHE_SECONDS = 0


def make_edition_of(count, with_photos=True):
    parent = SectionFactory(slug="parent")
    district = SectionFactory(slug="district", parent=parent, kind=Section.Kind.DISTRICT)
    page = PageFactory(edition=EditionFactory(date=datetime.date(2024, 3, 1)), section=parent)
    articles = []
    for position in range(count):
        articles.append(
            make_article(
                bylines=1,
                photos=1 if with_photos else 0,
                section=district,
                page=page,
                page_position=position,
                published_at=timezone.now() - datetime.timedelta(minutes=position + 1),
            )
        )
    make_article(kind=Article.Kind.COMMENTARY, section=parent, main_article=articles[0])
    articles[0].tags.add("标签")
    return page, articles


LIST_URLS = [
    "/",
    "/editions/",
    "/editions/2024/3/",
    "/editions/2024-03-01/",
    "/editions/2024-03-01/{label}/",
    "/sections/parent/",
    "/sections/district/",
    "/people/{person}/",
    "/tags/标签/",
    "/rss/",
    "/sections/parent/rss/",
    "/sitemap.xml",
    "/news-sitemap.xml",
]


@pytest.mark.parametrize("url", LIST_URLS)
def test_list_pages_run_the_same_queries_for_3_and_30_stories(client, db, uncached, url):
    def count(n):
        Article.objects.all().delete()
        Edition.objects.all().delete()
        Section.objects.exclude(parent=None).delete()
        Section.objects.all().delete()
        page, articles = make_edition_of(n)
        person = articles[0].bylines.first().person
        # The same reporter on every story, so the person page lists them all.
        for article in articles[1:]:
            article.bylines.create(person=person, role=articles[0].bylines.first().role, order=9)
        return queries(client, url.format(label=page.label, person=person.pk))

    assert count(3) == count(30)


@pytest.mark.parametrize(("bylines", "photos"), [(1, 1), (10, 10)])
def test_story_page_queries_do_not_grow_with_bylines_and_photos(
    client, db, uncached, bylines, photos
):
    page = PageFactory()
    article = make_article(bylines=bylines, photos=photos, page=page, **NOTES)
    article.tags.add("一", "二")
    roster = AwardRosterFactory(article=article, stated_count=2)
    roster.set_names(["甲", "乙"])
    make_article(kind=Article.Kind.COMMENTARY, main_article=article, section=article.section)
    make_article(section=article.section)
    for position in range(bylines):  # more stories on its page: 上一篇/下一篇 read one query
        make_article(page=page, page_position=position + 1)
    # The story; its commentary and related stories; its page's stories in print order
    # (上一篇/下一篇); the section menu (then cached).
    assert queries(client, article.get_absolute_url()) == 4


def test_front_page_is_one_query_and_the_section_menu(client, db, uncached):
    make_edition_of(3)
    # The latest edition's stories with the latest commentary; the menu (then cached).
    assert queries(client, "/") == 2
    assert queries(client, "/") == 1


# No writes while reading ---------------------------------------------------------------

READ_URLS = [*LIST_URLS, "/stories/{article}/", "/search/?q=株洲"]


def store_as_before_a_deploy(article):
    """``story``'s stored rendering as another release made it."""
    article.refresh_from_db()
    Article.objects.filter(pk=article.pk).update(
        rendered={**article.rendered, "v": "before-the-deploy"},
        listing={**article.listing, "v": "before-the-deploy"},
    )


@pytest.mark.parametrize("stored", ["another version", "never"])
@pytest.mark.parametrize("url", READ_URLS)
def test_reading_a_page_of_stale_renderings_writes_nothing(client, db, uncached, url, stored):
    """Renderings made by another release, or never (rows loaded raw), are made again in
    memory for the request; storing them is the deploy's ``render_articles``."""
    page, articles = make_edition_of(3)
    for article in Article.objects.all():
        if stored == "never":
            Article.objects.filter(pk=article.pk).update(rendered={}, listing={})
        else:
            store_as_before_a_deploy(article)
    person = articles[0].bylines.select_related("person").first().person
    address = url.format(label=page.label, person=person.pk, article=articles[0].pk)
    with CaptureQueriesContext(connection) as context:
        response = client.get(address)
    assert response.status_code == 200, address
    written = [
        query["sql"]
        for query in context.captured_queries
        if query["sql"].lstrip().split(None, 1)[0].upper() in ("INSERT", "UPDATE", "DELETE")
    ]
    assert written == []
    assert not Article.objects.filter(listing__v=fragments.version()).exists()


def test_a_stanza_prints_a_line_a_line_and_reads_as_one_run_in_summaries(client, seed):
    article = Article.objects.get(pk=1)
    article.body = [{"type": "verse", "text": "稻子低下头的时候\n田埂就瘦了一圈"}, *article.body]
    article.save()
    fragments.render([article.pk])  # what the editorial core schedules on a saved change
    html = get(client, "/stories/1/")
    assert '<p class="verse">稻子低下头的时候<br>田埂就瘦了一圈</p>' in html
    assert article.paragraphs[0] == "稻子低下头的时候\u3000田埂就瘦了一圈"
