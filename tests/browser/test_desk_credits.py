"""The story desk in Chromium, on a story an editor may edit (the seed's are published,
so read-only for them): its byline rows, photo credits included, fit at a desktop's and
a laptop's width, and a credit line with a role word the newsroom has no role for yet
says so in Chinese before the save that makes the role."""

import pytest

from articles.models import Article, Byline, Role
from people.models import Person
from tests.browser.test_desk import OVERFLOW, desk  # noqa: F401 (a fixture)
from tests.factories import ArticleFactory, PhotoFactory, role

NEW_ROLE_NOTE = "新署名身份“出镜”，保存时创建，以后可在“署名身份”里改名"


def submitted_photo_story(reporter):
    """A photo story filed and submitted, credited as an edited one is: three text
    bylines and two credits on its photo."""
    story = ArticleFactory(
        kind=Article.Kind.PHOTO,
        status=Article.Status.SUBMITTED,
        published_at=None,
        created_by=reporter,
        headline="湘江晨光",
    )
    photo = PhotoFactory(article=story, caption="清晨的湘江风光带，市民在江边晨练。")
    credits = [
        ("何春林", "全媒体记者", "株洲日报", None),
        ("王付银", "通讯员", "", None),
        ("龙小川", "通讯员", "", None),
        ("刘震", "记者", "", photo),
        ("周雯", "记者", "", photo),
    ]
    for order, (name, word, unit, on_photo) in enumerate(credits, start=1):
        Byline.objects.create(
            article=story,
            person=Person.objects.get_or_create(name=name)[0],
            role=role(word),
            unit=unit,
            photo=on_photo,
            order=order,
        )
    return story


@pytest.mark.parametrize("width", [1280, 1024])
def test_editor_retypes_the_credit_line_of_a_photo_story_with_a_new_role(desk, width):  # noqa: F811
    url, users, open_as = desk
    story = submitted_photo_story(users["reporter"])
    page = open_as("editor", width)
    page.goto(f"{url}/admin/articles/article/{story.pk}/change/")
    assert page.locator("#bylines-group tr.has_original").count() == 5
    measured = page.evaluate(OVERFLOW)
    assert measured["scroll"] <= measured["client"] and measured["wide"] == [], measured
    line = "株洲日报全媒体记者/何春林 出镜/刘洋"
    page.fill("#id_credit_line", line)
    note = page.locator(".field-credit_line .desk-new-role")
    note.wait_for()
    assert note.text_content() == NEW_ROLE_NOTE
    assert "刘洋：新人员，保存时创建" in page.locator(".field-credit_line .desk-new").text_content()
    assert not Role.objects.filter(name="出镜").exists()  # the preview writes nothing
    page.click("input[name=_continue]")
    page.wait_for_load_state()
    story.refresh_from_db()
    assert story.byline_text == line
    assert Role.objects.filter(name="出镜").count() == 1
    assert story.photos.get().credit_text == "记者/刘震 周雯 摄"  # photo credits untouched
    assert page.errors == []
