import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from articles.models import Article, AwardRoster, Section
from tests.factories import (
    ArticleFactory,
    AwardRosterFactory,
    BylineFactory,
    PageFactory,
    PersonFactory,
    PhotoFactory,
    SectionFactory,
    image_file,
    make_article,
    publish,
    role,
    withdraw,
)

pytestmark = pytest.mark.django_db
NOW = timezone.now()


@pytest.mark.parametrize(
    ("status", "published_at", "visible"),
    [
        (Article.Status.PUBLISHED, NOW - datetime.timedelta(minutes=1), True),
        (Article.Status.PUBLISHED, NOW + datetime.timedelta(hours=1), False),
        (Article.Status.PUBLISHED, None, False),
        (Article.Status.DRAFT, NOW - datetime.timedelta(minutes=1), False),
        (Article.Status.SUBMITTED, NOW - datetime.timedelta(minutes=1), False),
        (Article.Status.WITHDRAWN, NOW - datetime.timedelta(minutes=1), False),
    ],
)
def test_published_is_the_one_definition_of_visible(status, published_at, visible):
    article = ArticleFactory(status=status, published_at=published_at)
    assert (article in Article.objects.published()) is visible
    assert article.is_public is visible


def test_character_count_is_derived_from_the_body():
    article = ArticleFactory(body=[{"type": "paragraph", "text": "常走常亲，是中国人一贯的观点。"}])
    assert article.char_count == 15
    article.body.append({"type": "intertitle", "text": "小标题"})
    article.save()
    assert Article.objects.get(pk=article.pk).char_count == 18


def test_canonical_url_does_not_change_when_the_headline_does():
    article = ArticleFactory(headline="旧标题")
    url = article.get_absolute_url()
    article.headline = "新标题"
    article.save()
    assert article.get_absolute_url() == url == f"/stories/{article.pk}/"


def test_byline_follows_the_papers_convention():
    article = ArticleFactory()
    BylineFactory(article=article, person=PersonFactory(name="何春林"), order=0)
    for position, name in enumerate(["王付银", "王忠祥"], start=1):
        BylineFactory(
            article=article,
            person=PersonFactory(name=name, unit=""),
            role=role("通讯员"),
            unit="",
            order=position,
        )
    assert article.byline_text == "株洲日报全媒体记者/何春林 通讯员/王付银 王忠祥"


def test_photo_credit_and_photo_story_byline():
    article = ArticleFactory(kind=Article.Kind.PHOTO)
    photo = PhotoFactory(article=article)
    BylineFactory(
        article=article, photo=photo, person=PersonFactory(name="刘震"), role=role("记者"), unit=""
    )
    assert photo.credit_text == "记者/刘震 摄"
    assert article.byline_text == "记者/刘震 摄"


def test_commentary_author_prints_the_name_alone():
    article = ArticleFactory(kind=Article.Kind.COMMENTARY)
    BylineFactory(
        article=article, person=PersonFactory(name="何春林"), role=role("评论作者"), unit=""
    )
    assert article.byline_text == "何春林"


def test_editors_can_add_roles_without_code():
    from articles.models import Role

    Role.objects.create(name="特约评论员", print_label="特约评论员")
    article = ArticleFactory()
    BylineFactory(
        article=article, person=PersonFactory(name="张三"), role=role("特约评论员"), unit=""
    )
    assert article.byline_text == "特约评论员/张三"


def test_photo_credit_must_be_a_photo_of_the_same_story():
    photo = PhotoFactory()
    byline = BylineFactory.build(article=ArticleFactory(), person=PersonFactory(), photo=photo)
    with pytest.raises(ValidationError):
        byline.full_clean()


def test_roster_with_the_wrong_number_of_names_is_refused_with_both_numbers():
    roster = AwardRosterFactory(stated_count=15)
    with pytest.raises(ValidationError) as error:
        roster.set_names(["漆志", "马双智"])
    message = " ".join(error.value.messages)
    assert "15" in message and "2" in message
    assert roster.entries.count() == 0


def test_roster_set_names_keeps_order():
    roster = AwardRosterFactory(stated_count=3)
    roster.set_names(["文献", "周峰", "欧阳王彬"])
    assert [e.name for e in roster.entries.all()] == ["文献", "周峰", "欧阳王彬"]
    assert str(roster) == "冠军（3名）"


def test_refused_roster_keeps_the_names_already_stored():
    roster = AwardRosterFactory(stated_count=2)
    roster.set_names(["文献", "周峰"])
    with pytest.raises(ValidationError):
        roster.set_names(["文献"])
    assert AwardRoster.objects.get(pk=roster.pk).entries.count() == 2


def test_district_includes_its_sub_districts():
    shifeng = SectionFactory(name="石峰区", kind=Section.Kind.DISTRICT)
    street = SectionFactory(name="响石岭街道", kind=Section.Kind.DISTRICT, parent=shifeng)
    other = SectionFactory(name="芦淞区", kind=Section.Kind.DISTRICT)
    inside = [ArticleFactory(section=shifeng), ArticleFactory(section=street)]
    ArticleFactory(section=other)
    assert set(Article.objects.in_section(shifeng)) == set(inside)


def test_section_cannot_be_its_own_ancestor():
    parent = SectionFactory()
    child = SectionFactory(parent=parent)
    parent.parent = child
    with pytest.raises(ValidationError):
        parent.full_clean()


def test_published_and_withdrawn_querysets():
    drafts = [ArticleFactory(status=Article.Status.DRAFT, published_at=None) for _ in range(2)]
    for article in drafts:
        publish(article)
    assert Article.objects.published().count() == 2
    withdraw(drafts[0])
    assert list(Article.objects.withdrawn()) == [drafts[0]]
    assert Article.objects.published().count() == 1
    assert Article.objects.count() == 2


def test_on_page_orders_by_position():
    first = make_article(page_position=2)
    page = first.page = PageFactory()
    first.save()
    second = ArticleFactory(page=page, page_position=1)
    assert list(Article.objects.on_page(page)) == [second, first]


def test_unreadable_image_is_refused():
    from django.core.files.uploadedfile import SimpleUploadedFile

    photo = PhotoFactory.build(
        article=ArticleFactory(), image=SimpleUploadedFile("x.jpg", b"not an image")
    )
    with pytest.raises(ValidationError):
        photo.full_clean()


def test_oversized_image_is_refused(settings):
    settings.NEWSROOM_MAX_IMAGE_PIXELS = 100
    photo = PhotoFactory.build(article=ArticleFactory(), image=image_file(size=(20, 20)))
    with pytest.raises(ValidationError) as error:
        photo.full_clean()
    assert "400" in " ".join(error.value.messages)
