"""A story's stored rendering follows every edit of the story and its parts."""

import datetime

from articles import rendering
from articles.models import Article
from tests.factories import AwardRosterFactory, PageFactory, PhotoFactory, make_story


def stored(story):
    return Article.objects.get(pk=story.pk).rendered


def test_saving_a_story_stores_its_rendering(db):
    story = make_story(headline="存好的标题")
    fragments = stored(story)
    assert fragments["v"] == rendering.VERSION
    assert '<h1 class="headline">存好的标题</h1>' in fragments["head"]
    assert "株洲市今天召开会议" in fragments["html"]
    assert "存好的标题" in fragments["card"] and "存好的标题" in fragments["lead"]


def test_parts_saved_after_the_story_are_in_its_rendering(db):
    story = make_story(bylines=1)
    PhotoFactory(article=story, caption="新加的图片说明。")
    roster = AwardRosterFactory(article=story, title="冠军", stated_count=1)
    roster.set_names(["漆志"])
    story.tags.add("新标签")
    fragments = stored(story)
    assert "新加的图片说明。" in fragments["html"]
    assert "冠军（1名）" in fragments["html"] and "漆志" in fragments["html"]
    assert "新标签" in fragments["html"] and fragments["ld"]["keywords"] == ["新标签"]


def test_renaming_a_person_renders_their_stories_again(db):
    story = make_story(bylines=1)
    person = story.bylines.get().person
    person.name = "改名记者"
    person.save()
    assert "改名记者" in stored(story)["head"]


def test_renaming_the_page_or_edition_renders_its_stories_again(db):
    page = PageFactory(label="A05", name="区县新闻")
    story = make_story(page=page)
    page.name = "区县视窗"
    page.save()
    assert "A05 区县视窗" in stored(story)["page_top"]
    page.edition.date = datetime.date(2023, 12, 27)
    page.edition.save()
    assert 'href="/editions/2023-12-27/"' in stored(story)["page_top"]


def test_publishing_in_bulk_renders_the_stories_with_their_publish_time(db):
    story = make_story(status=Article.Status.SUBMITTED, published_at=None)
    assert "<time" not in stored(story)["card"]
    Article.objects.filter(pk=story.pk).publish()
    fragments = stored(story)
    assert "<time datetime=" in fragments["card"]
    assert "<time datetime=" in fragments["related_item"]


def test_lists_read_a_small_copy_of_the_list_fragments(db):
    story = make_story(headline="列表用的")
    listing = Article.objects.get(pk=story.pk).listing
    assert set(listing) == set(rendering.LISTING_KEYS)
    assert listing["card"] == stored(story)["card"]
    assert "html" not in listing  # the story page's body stays out of lists


def test_other_stories_list_it_by_its_stored_links(db):
    story = make_story(kind=Article.Kind.COMMENTARY, kicker="短评", headline="制造业当家")
    fragments = stored(story)
    url = story.get_absolute_url()
    assert fragments["link"] == f'<a href="{url}">短评 制造业当家</a>'
    assert fragments["companion_item"].startswith('<li><span class="label">短评</span> <a ')
    assert fragments["related_item"].startswith(f'<li><a href="{url}">')


def test_deleting_a_byline_renders_the_story_again(db):
    story = make_story(bylines=2)
    gone = story.bylines.last()
    gone.delete()
    assert gone.person.name not in stored(story)["head"]


def test_rows_saved_without_signals_are_rendered_on_first_view(client, db):
    story = make_story(headline="没有渲染过")
    Article.objects.filter(pk=story.pk).update(rendered={}, listing={})
    assert "没有渲染过" in client.get("/").content.decode()
    assert stored(story)["v"] == rendering.VERSION
    assert Article.objects.get(pk=story.pk).listing["v"] == rendering.VERSION
    Article.objects.filter(pk=story.pk).update(rendered={}, listing={})
    assert "没有渲染过" in client.get(story.get_absolute_url()).content.decode()


def test_seed_stories_render_like_the_paper(client, seed):
    html = client.get("/stories/6/").content.decode()
    assert "株洲日报全媒体记者/" in html and "通讯员/" in html
    assert "冠军（15名）" in html
