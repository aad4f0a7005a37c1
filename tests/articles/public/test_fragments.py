"""A story's stored rendering follows every edit of the story and its parts."""

import datetime
import shutil

from django.core.management import call_command

from articles import editorial
from articles.models import Article
from articles.public import fragments
from tests.factories import (
    AwardRosterFactory,
    PageFactory,
    PhotoFactory,
    make_article,
    publish,
    staff_user,
)


def stored(article):
    return Article.objects.get(pk=article.pk).rendered


def test_saving_a_story_stores_its_rendering(db):
    article = make_article(headline="存好的标题")
    saved = stored(article)
    assert saved["v"] == fragments.version()
    assert '<h1 class="headline">存好的标题</h1>' in saved["head"]
    assert "株洲市今天召开会议" in saved["html"]
    assert "存好的标题" in saved["card"] and "存好的标题" in saved["lead"]


def test_parts_saved_after_the_story_are_in_its_rendering(db):
    article = make_article(bylines=1)
    PhotoFactory(article=article, caption="新加的图片说明。")
    roster = AwardRosterFactory(article=article, title="冠军", stated_count=1)
    roster.set_names(["漆志"])
    article.tags.add("新标签")
    saved = stored(article)
    assert "新加的图片说明。" in saved["html"]
    assert "冠军（1名）" in saved["html"] and "漆志" in saved["html"]
    assert "新标签" in saved["html"] and saved["ld"]["keywords"] == ["新标签"]


def test_renaming_a_person_renders_their_stories_again(db):
    article = make_article(bylines=1)
    person = article.bylines.get().person
    person.name = "改名记者"
    person.save()
    assert "改名记者" in stored(article)["head"]


def test_renaming_the_page_or_edition_renders_its_stories_again(db):
    page = PageFactory(label="A05", name="区县新闻")
    article = make_article(page=page)
    page.name = "区县视窗"
    page.save()
    assert "A05 区县视窗" in stored(article)["page_top"]
    page.edition.date = datetime.date(2023, 12, 27)
    page.edition.save()
    assert 'href="/editions/2023-12-27/"' in stored(article)["page_top"]


def test_publishing_in_bulk_renders_the_stories_with_their_publish_time(db):
    article = make_article(status=Article.Status.SUBMITTED, published_at=None)
    assert "<time" not in stored(article)["card"]
    publish(article)
    saved = stored(article)
    assert "<time datetime=" in saved["card"]
    assert "<time datetime=" in saved["related_item"]


def test_lists_read_a_small_copy_of_the_list_fragments(db):
    article = make_article(headline="列表用的")
    listing = Article.objects.get(pk=article.pk).listing
    assert set(listing) == set(fragments.LISTING_KEYS)
    assert listing["card"] == stored(article)["card"]
    assert "html" not in listing  # the story page's body stays out of lists


def test_other_stories_list_it_by_its_stored_links(db):
    article = make_article(kind=Article.Kind.COMMENTARY, kicker="短评", headline="制造业当家")
    saved = stored(article)
    url = article.get_absolute_url()
    assert saved["link"] == f'<a href="{url}">短评 制造业当家</a>'
    assert saved["companion_item"].startswith('<li><span class="label">短评</span> <a ')
    assert saved["related_item"].startswith(f'<li><a href="{url}">')


def test_deleting_a_byline_renders_the_story_again(db):
    article = make_article(bylines=2)
    gone = article.bylines.last()
    with editorial.article_change(staff_user("chief"), article, note="署名有误。"):
        gone.delete()
    assert gone.person.name not in stored(article)["head"]


def test_rows_saved_without_the_core_are_shown_rendered_and_stored_by_render_articles(client, db):
    article = make_article(headline="没有渲染过")
    Article.objects.filter(pk=article.pk).update(rendered={}, listing={})
    assert "没有渲染过" in client.get("/").content.decode()
    assert "没有渲染过" in client.get(article.get_absolute_url()).content.decode()
    assert stored(article) == {}  # a reader's request writes nothing
    call_command("render_articles", verbosity=0)
    assert stored(article)["v"] == fragments.version()
    assert Article.objects.get(pk=article.pk).listing["v"] == fragments.version()


def test_seed_stories_render_like_the_paper(client, seed):
    html = client.get("/stories/6/").content.decode()
    assert "株洲日报全媒体记者/" in html and "通讯员/" in html
    assert "冠军（15名）" in html


def _version_with_templates(settings, directory):
    """The version computed afresh with ``directory`` in front of the project's templates."""
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [directory, *settings.TEMPLATES[0]["DIRS"]]}
    ]
    return fragments.version.__wrapped__()


def _copy_fragments(settings, directory):
    folder = directory / fragments.FRAGMENTS
    shutil.copytree(settings.BASE_DIR / "templates" / fragments.FRAGMENTS, folder)
    return folder


def test_the_version_changes_when_a_fragment_template_changes(settings, tmp_path):
    # Each version computed afresh: the process's own was computed from the files as they
    # were when it started, which may since have been edited.
    installed = fragments.version.__wrapped__()
    folder = _copy_fragments(settings, tmp_path)
    copied = _version_with_templates(settings, tmp_path)
    assert copied == installed  # the same sources, wherever they are
    card = folder / "card.html"
    card.write_text(card.read_text() + "<!-- changed -->")
    assert _version_with_templates(settings, tmp_path) != copied


def test_the_version_follows_what_the_fragments_include_and_load(settings, tmp_path):
    folder = _copy_fragments(settings, tmp_path)
    card = folder / "card.html"
    card.write_text('{% include "articles/_card_extra.html" %}' + card.read_text())
    extra = tmp_path / "articles" / "_card_extra.html"
    extra.write_text("<i>一</i>")
    first = _version_with_templates(settings, tmp_path)
    extra.write_text("<i>二</i>")
    assert _version_with_templates(settings, tmp_path) != first
    modules = {name for name in fragments.sources() if name.startswith("module:")}
    assert {
        "module:articles.public.fragments",
        "module:articles.public.structured_data",
        "module:articles.models",  # headlines, credit lines, paragraphs
        "module:articles.blocks",
        "module:articles.credits",
        "module:articles.photos.renditions",
        "module:articles.templatetags.newsroom",  # {% load newsroom %}
    } <= modules


def test_a_story_stored_by_another_version_is_shown_as_this_one_renders_it(client, db):
    article = make_article(headline="新版本")
    old = {"v": "before-the-deploy", "head": "<h1>旧版本</h1>", "html": "", "card": "旧版本"}
    Article.objects.filter(pk=article.pk).update(
        rendered={**stored(article), **old}, listing={**old, "lead": "", "has_photo": ""}
    )
    for view in (article.get_absolute_url(), "/", article.section.get_absolute_url()):
        html = client.get(view).content.decode()
        assert "新版本" in html and "旧版本" not in html, view
        assert stored(article)["v"] == "before-the-deploy"  # made in memory, not saved


def test_render_articles_stores_again_only_what_another_version_made(db):
    article, current = make_article(headline="新版本"), make_article()
    Article.objects.filter(pk=article.pk).update(
        rendered={**stored(article), "v": "before-the-deploy", "head": "旧版本"},
        listing={"v": "before-the-deploy"},
    )
    assert fragments.stale() == [article.pk]
    call_command("render_articles", verbosity=0)
    assert fragments.stale() == []
    assert stored(article)["v"] == fragments.version() and "新版本" in stored(article)["head"]
    assert Article.objects.get(pk=article.pk).listing["v"] == fragments.version()
    assert stored(current)["v"] == fragments.version()
