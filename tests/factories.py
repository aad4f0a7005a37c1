"""Small factories for test data (factory_boy); the seed fixture is for end-to-end tests."""

import datetime
import importlib
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


class ArticleWriterFactory(factory.django.DjangoModelFactory):
    """Test data is written straight to the tables; like every writer, it then asks the
    editorial core for the side effects (renderings, search index, caches)."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        from articles import editorial

        obj = super()._create(model_class, *args, **kwargs)
        article = obj.pk if isinstance(obj, Article) else obj.article_id
        photos = [obj.pk] if isinstance(obj, Photo) else []
        editorial.schedule_effects([article], photos=photos)
        return obj


def role(name):
    """A default role (the data migration's); put back if a transactional test before
    this one flushed the tables."""
    found = Role.objects.filter(name=name).first()
    if found is None:
        from django.apps import apps

        importlib.import_module("articles.migrations.0002_default_roles").create_roles(apps, None)
        found = Role.objects.get(name=name)
    return found


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


class ArticleFactory(ArticleWriterFactory):
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


class BylineFactory(ArticleWriterFactory):
    class Meta:
        model = Byline

    article = factory.SubFactory(ArticleFactory)
    person = factory.SubFactory(PersonFactory)
    role = factory.LazyFunction(lambda: role("全媒体记者"))
    unit = "株洲日报"


class PhotoFactory(ArticleWriterFactory):
    class Meta:
        model = Photo

    article = factory.SubFactory(ArticleFactory)
    image = factory.LazyFunction(image_file)
    caption = "颁奖现场。"


class AwardRosterFactory(ArticleWriterFactory):
    class Meta:
        model = AwardRoster

    article = factory.SubFactory(ArticleFactory)
    title = "冠军"
    stated_count = 2


def make_article(bylines=1, photos=0, **overrides):
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


def staff_user(username="editor"):
    """A demo account of the newsroom role ``username`` (editor, chief, reporter…)."""
    from django.contrib.auth import get_user_model

    from articles.management.demo import ensure_demo_users

    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        ensure_demo_users()
        user = get_user_model().objects.get(username=username)
    return user


def publish(article, when=None):
    """Put ``story`` through the workflow to published: submitted by an editor, edited and
    proofread (when the paper proofreads), signed off."""
    from articles import editorial
    from articles.editorial import workflow

    if article.status == Article.Status.DRAFT:
        editorial.apply_transition(staff_user("editor"), article, "submit")
    if workflow.proofreading():
        if article.status == Article.Status.SUBMITTED:
            editorial.apply_transition(staff_user("editor"), article, "finish_editing")
        if article.status == Article.Status.EDITED:
            editorial.apply_transition(staff_user("proofreader"), article, "pass_proofreading")
    editorial.apply_transition(staff_user("chief"), article, "sign_off", when=when)
    return article


def withdraw(article, reason="核实有误"):
    from articles import editorial

    editorial.apply_transition(staff_user("chief"), article, "withdraw", comment=reason)
    return article
