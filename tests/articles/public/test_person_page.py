"""A person has a public page (and a sitemap entry) only for credits on published stories."""

import datetime

import pytest
from django.utils import timezone

from articles.models import Article, AwardRoster
from tests.articles.public.test_sitemaps import whole_sitemap
from tests.factories import PageFactory, PersonFactory, make_article

STATES = {
    "published": {"status": Article.Status.PUBLISHED},
    "draft": {"status": Article.Status.DRAFT},
    "submitted": {"status": Article.Status.SUBMITTED},
    "scheduled": {
        "status": Article.Status.PUBLISHED,
        "published_at": timezone.now() + datetime.timedelta(days=2),
    },
    "withdrawn": {"status": Article.Status.WITHDRAWN},
}


def credit_by_byline(person, state):
    article = make_article(**STATES[state])
    article.bylines.update(person=person)
    return article, "全媒体记者"


def credit_in_roster(person, state):
    article = make_article(**STATES[state])
    roster = AwardRoster.objects.create(article=article, title="冠军", stated_count=1)
    roster.set_names([person.name], {person.name: person})
    return article, "冠军（1名）"


def page_staff(field, label):
    def credit(person, state):
        article = make_article(page=PageFactory(**{field: person}), **STATES[state])
        return article, label

    return credit


CREDITS = {
    "byline": credit_by_byline,
    "roster": credit_in_roster,
    "chief_editor": page_staff("chief_editor", "责任编辑"),
    "art_editor": page_staff("art_editor", "美术编辑"),
    "proofreader": page_staff("proofreader", "校对"),
}


def in_sitemap(client, person):
    url = f"http://testserver{person.get_absolute_url()}"
    return any(url in found for found in whole_sitemap(client).values())


@pytest.mark.parametrize("credit", CREDITS)
def test_a_credit_on_a_published_story_makes_a_public_page(client, db, credit):
    person = PersonFactory(name="公开的人")
    article, role = CREDITS[credit](person, "published")
    response = client.get(person.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert article.headline in html
    assert f'<span class="label">{role}</span>' in html
    assert in_sitemap(client, person)


@pytest.mark.parametrize("state", ["draft", "submitted", "scheduled", "withdrawn"])
@pytest.mark.parametrize("credit", CREDITS)
def test_a_credit_only_on_unpublished_stories_makes_no_page(client, db, credit, state):
    person = PersonFactory(name="未公开的人")
    CREDITS[credit](person, state)
    make_article()  # something is published, just not by this person
    assert client.get(person.get_absolute_url()).status_code == 404
    assert not in_sitemap(client, person)


def test_a_person_credited_nowhere_has_no_page(client, db):
    person = PersonFactory()
    make_article()
    assert client.get(person.get_absolute_url()).status_code == 404


def test_the_page_lists_only_the_published_stories(client, db):
    person = PersonFactory()
    public, _ = credit_by_byline(person, "published")
    hidden, _ = credit_by_byline(person, "draft")
    html = client.get(person.get_absolute_url()).content.decode()
    assert public.headline in html
    assert hidden.headline not in html


@pytest.fixture(params=["sorted", "walked"])
def how_listed(request, monkeypatch):
    """Both ways a list of linked stories is found: few links sorted, many walked."""
    if request.param == "walked":
        monkeypatch.setattr("articles.models.articles.DENSE_LINKS", 1)
    return request.param


def test_a_prolific_persons_page_lists_every_credit_newest_first_either_way(client, db, how_listed):
    person = PersonFactory()
    now = timezone.now()
    shown = []
    for age, (credit, state) in enumerate(
        [
            ("byline", "published"),
            ("roster", "published"),
            ("chief_editor", "published"),
            ("byline", "draft"),
            ("art_editor", "scheduled"),
            ("proofreader", "published"),
        ]
    ):
        article, _label = CREDITS[credit](person, state)
        if state == "published":
            Article.objects.filter(pk=article.pk).update(
                published_at=now - datetime.timedelta(hours=age + 1)
            )
            shown.append(article.headline)
        other = make_article(headline=f"无关稿件{age}")  # credits someone else
        assert other.headline
    html = client.get(person.get_absolute_url()).content.decode()
    positions = [html.find(headline) for headline in shown]
    assert -1 not in positions and positions == sorted(positions), (how_listed, positions)
    assert "无关稿件" not in html


def test_a_popular_tags_page_lists_its_published_stories_either_way(client, db, how_listed):
    tagged = [make_article(headline=f"标签稿件{n}") for n in range(3)]
    for article in tagged:
        article.tags.add("防汛抗旱")
    draft = make_article(headline="未发标签稿件", status=Article.Status.DRAFT)
    draft.tags.add("防汛抗旱")
    make_article(headline="无标签稿件")
    html = client.get("/tags/防汛抗旱/").content.decode()
    assert all(article.headline in html for article in tagged)
    assert "未发标签稿件" not in html and "无标签稿件" not in html
