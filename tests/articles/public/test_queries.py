"""The story page's and front page's prepared reads (articles/queries.py)."""

import datetime
from unittest import mock

import pytest
from django.utils import timezone

from articles.models import Article
from articles.public import fragments, queries
from tests.factories import ArticleFactory, EditionFactory, PageFactory, make_article

pytestmark = pytest.mark.django_db


def test_story_carries_its_stored_rendering_section_and_page():
    page = PageFactory(label="A06", name="就业·创业")
    article = make_article(headline="顶尖技能高手接受城市礼遇", page=page)
    found = queries.article(article.pk)
    assert found.headline == "顶尖技能高手接受城市礼遇"
    assert found.rendered["v"] == fragments.version()
    assert found.section.name == article.section.name
    assert found.section.get_absolute_url() == article.section.get_absolute_url()
    assert found.page.get_absolute_url() == page.get_absolute_url()
    assert found.page.edition.get_absolute_url() == page.edition.get_absolute_url()
    assert found.get_absolute_url() == article.get_absolute_url()
    assert found.title == article.title


@pytest.mark.parametrize(
    "changes",
    [
        {"status": Article.Status.DRAFT},
        {"status": Article.Status.SUBMITTED},
        {"status": Article.Status.WITHDRAWN},
        {"published_at": timezone.now() + datetime.timedelta(hours=1)},
    ],
    ids=["draft", "submitted", "withdrawn", "scheduled"],
)
def test_an_unpublished_story_or_neighbour_is_never_read(changes):
    article = make_article()
    hidden = ArticleFactory(section=article.section, **changes)
    commentary = ArticleFactory(kind=Article.Kind.COMMENTARY, main_article=article, **changes)
    assert queries.article(hidden.pk) is None
    assert queries.article(commentary.pk) is None
    parent, companions, related = queries.neighbours(queries.article(article.pk))
    assert parent is None and companions == ""
    assert hidden.get_absolute_url() not in related


def test_neighbours_are_the_parent_its_commentary_and_related_stories():
    article = make_article(headline="主稿")
    commentary = ArticleFactory(kind=Article.Kind.COMMENTARY, main_article=article, headline="短评")
    other = ArticleFactory(section=article.section, headline="同栏目")
    fragments.render([article.pk])  # candidates are stored with the rendering
    parent, companions, related = queries.neighbours(queries.article(article.pk))
    assert parent is None
    url = commentary.get_absolute_url()
    assert companions == f'<li><span class="label">短评</span> <a href="{url}">短评</a></li>'
    assert f'<a href="{other.get_absolute_url()}">同栏目</a> <time datetime=' in related
    parent, companions, related = queries.neighbours(queries.article(commentary.pk))
    assert parent == f'<a href="{article.get_absolute_url()}">主稿</a>'


def test_a_neighbour_stored_without_a_rendering_is_listed_from_one_made_in_memory():
    article = make_article()
    other = ArticleFactory(section=article.section, headline="旧渲染")
    fragments.render([article.pk])
    Article.objects.filter(pk=other.pk).update(rendered={}, listing={})
    _parent, _companions, related = queries.neighbours(queries.article(article.pk))
    assert "旧渲染" in related
    assert Article.objects.get(pk=other.pk).listing == {}  # reading stores nothing


def test_a_story_stored_without_a_rendering_is_read_with_one_made_in_memory():
    article = make_article()
    Article.objects.filter(pk=article.pk).update(rendered={})
    assert queries.article(article.pk).rendered["v"] == fragments.version()
    assert Article.objects.get(pk=article.pk).rendered == {}


def test_front_page_cards_stored_by_another_release_are_made_again_in_memory():
    article = make_article(headline="新版本")
    Article.objects.filter(pk=article.pk).update(listing={"v": "before-the-deploy", "card": "旧"})
    assert "新版本" in queries.front_page().lead.card
    assert Article.objects.get(pk=article.pk).listing["v"] == "before-the-deploy"


def test_front_page_is_the_latest_edition_with_stories_in_print_order():
    old = EditionFactory(date=datetime.date(2023, 12, 25))
    new = EditionFactory(date=datetime.date(2023, 12, 26))
    make_article(page=PageFactory(edition=old, label="A01"))
    a06 = PageFactory(edition=new, label="A06", order=6)
    a05 = PageFactory(edition=new, label="A05", order=5)
    second = make_article(page=a05, page_position=2)
    first = make_article(page=a05, page_position=1)
    third = make_article(page=a06, page_position=1)
    make_article(page=PageFactory(edition=new, label="A07"), status=Article.Status.DRAFT)
    front = queries.front_page()
    edition, lead, pages, latest = front.edition, front.lead, front.pages, front.latest
    assert edition.date == new.date
    assert lead.pk == first.pk  # no photos: the first story in print order
    assert [page.label for page in pages] == ["A05", "A06"]
    assert pages[0].url == a05.get_absolute_url()
    cards = pages[0].cards
    assert first.headline not in cards  # the lead is not repeated
    assert second.headline in cards and third.headline in pages[1].cards
    assert latest == ""


def test_front_page_without_editions_lists_the_latest_stories():
    article, other = make_article(), make_article()
    front = queries.front_page()
    edition, lead, pages, latest = front.edition, front.lead, front.pages, front.latest
    assert edition is None and pages == []
    assert lead.pk in (article.pk, other.pk)
    assert (other if lead.pk == article.pk else article).headline in latest


def test_front_page_commentary_is_the_latest_published_one_wherever_printed():
    older_edition = EditionFactory(date=datetime.date(2023, 12, 25))
    new = EditionFactory(date=datetime.date(2023, 12, 26))
    make_article(page=PageFactory(edition=new, label="A01"))
    earlier = timezone.now() - datetime.timedelta(days=1)
    ArticleFactory(kind=Article.Kind.COMMENTARY, headline="旧短评", published_at=earlier)
    latest = ArticleFactory(
        kind=Article.Kind.COMMENTARY,
        headline="新短评",
        page=PageFactory(edition=older_edition, label="A02"),
    )
    ArticleFactory(kind=Article.Kind.COMMENTARY, status=Article.Status.DRAFT, headline="草稿")
    front = queries.front_page()
    assert front.edition.date == new.date
    assert front.commentary.pk == latest.pk and front.commentary.headline == "新短评"
    assert front.commentary.summary
    assert all("新短评" not in page.cards for page in front.pages)  # not in this edition


def test_front_page_without_commentary_has_none():
    make_article(page=PageFactory(label="A01"))
    assert queries.front_page().commentary is None


def test_a_scheduled_story_appears_by_itself_at_its_time():
    """The prepared queries, compiled before its time came, show it from then on."""
    edition = EditionFactory(date=datetime.date(2023, 12, 26))
    article = make_article(page=PageFactory(edition=edition, label="A01"))
    soon = timezone.now() + datetime.timedelta(minutes=5)
    scheduled = make_article(
        page=PageFactory(edition=EditionFactory(date=datetime.date(2023, 12, 27)), label="A01"),
        section=article.section,
        headline="定时发布",
        published_at=soon,
    )
    fragments.render([article.pk])
    assert queries.article(scheduled.pk) is None
    assert queries.front_page().edition.date == edition.date
    assert "定时发布" not in queries.neighbours(queries.article(article.pk))[2]
    later = soon + datetime.timedelta(seconds=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        assert queries.article(scheduled.pk).headline == "定时发布"
        assert queries.front_page().edition.date == datetime.date(2023, 12, 27)
        assert "定时发布" in queries.neighbours(queries.article(article.pk))[2]
