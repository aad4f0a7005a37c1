"""Small factories for test data (factory_boy); the seed fixture is for end-to-end tests."""

import datetime
import io

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from articles.models import (
    Article,
    AwardRoster,
    Byline,
    Edition,
    Page,
    Photo,
    Role,
    Section,
)
from people.models import Person


def image_file(name="photo.jpg", size=(64, 48), fmt="JPEG"):
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 180, 160)).save(buffer, fmt)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=f"image/{fmt.lower()}")


def role(name):
    return Role.objects.get(name=name)


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"记者{n}")
    unit = "株洲日报"
    is_staff = True


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section

    name = factory.Sequence(lambda n: f"栏目{n}")
    slug = factory.Sequence(lambda n: f"section-{n}")


class EditionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Edition

    date = factory.Sequence(lambda n: datetime.date(2024, 1, 1) + datetime.timedelta(days=n))


class PageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Page

    edition = factory.SubFactory(EditionFactory)
    label = factory.Sequence(lambda n: f"A{n:02d}")
    name = "要闻"


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article
        skip_postgeneration_save = True

    headline = factory.Sequence(lambda n: f"测试新闻标题{n}")
    body = factory.LazyFunction(
        lambda: [
            {"type": "paragraph", "text": "株洲市今天召开会议，部署全年工作。"},
            {"type": "intertitle", "text": "小标题"},
            {"type": "paragraph", "text": "会议强调，要抓好落实。"},
        ]
    )
    section = factory.SubFactory(SectionFactory)
    status = Article.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=1))


class BylineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Byline

    article = factory.SubFactory(ArticleFactory)
    person = factory.SubFactory(PersonFactory)
    role = factory.LazyFunction(lambda: role("全媒体记者"))
    unit = "株洲日报"


class PhotoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Photo

    article = factory.SubFactory(ArticleFactory)
    image = factory.LazyFunction(image_file)
    caption = "颁奖现场。"


class AwardRosterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AwardRoster

    article = factory.SubFactory(ArticleFactory)
    title = "冠军"
    stated_count = 2


def make_story(bylines=1, photos=0, **overrides):
    """A published story with ``bylines`` text credits and ``photos`` credited photos."""
    article = ArticleFactory(**overrides)
    for position in range(bylines):
        BylineFactory(article=article, order=position)
    for position in range(photos):
        photo = PhotoFactory(article=article, order=position)
        BylineFactory(
            article=article, photo=photo, role=role("记者"), unit="", order=100 + position
        )
    return article
