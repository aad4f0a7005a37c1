"""Credit lines typed as printed: role words the newsroom has no role for yet become new
roles (shown in the preview, made once on save), as the page import makes them; lines
that cannot be saved are form errors and previews that say why, never a 500."""

import threading
import time

import pytest
from django.db import connection
from django.urls import reverse

from articles import editorial
from articles.admin.printed_credits import apply_credits, plan_credits
from articles.imports.roles import NEW_ROLE_ORDER
from articles.models import Article, Byline, Role
from people.models import Person
from tests.admin_forms import article_form
from tests.factories import ArticleFactory, PersonFactory, image_file, role

pytestmark = pytest.mark.django_db

CREDITS_URL = "admin:articles_article_credits"
ADD_URL = "/admin/articles/article/add/"
# Role words no migration, fixture or earlier test makes (held out of the parser's tables).
HELD_OUT = ["出镜", "文案", "海报设计", "特约撰稿人"]


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def draft_by(user, **fields):
    return ArticleFactory(status=Article.Status.DRAFT, published_at=None, created_by=user, **fields)


def preview(client, line, photo=False):
    response = client.get(reverse(CREDITS_URL), {"line": line, **({"photo": "1"} if photo else {})})
    assert response.status_code == 200
    return response.json()


@pytest.fixture
def roles(db):
    """The newsroom's default roles (a transactional test elsewhere may have flushed them)."""
    return role("记者")


@pytest.mark.parametrize("word", HELD_OUT)
def test_preview_names_the_new_role_in_chinese_and_writes_nothing(roles, client_for, word):
    line = f"株洲日报全媒体记者/何春林 {word}/龙小川"
    data = preview(client_for("reporter"), line)
    assert data["error"] == ""
    assert data["printed"] == line
    assert [r["name"] for r in data["roles"]] == [word]
    assert data["roles"][0]["status"] == f"新署名身份“{word}”，保存时创建，以后可在“署名身份”里改名"
    by_name = {b["name"]: b for b in data["bylines"]}
    assert by_name["龙小川"]["new_role"] is True and by_name["何春林"]["new_role"] is False
    assert not Role.objects.filter(name=word).exists()
    assert not Person.objects.filter(name="龙小川").exists()


@pytest.mark.parametrize("word", HELD_OUT)
def test_reporter_saves_a_line_with_a_new_role_word_and_the_role_is_made_once(
    roles, users, client_for, word
):
    reporter = client_for("reporter")
    line = f"记者/何春林 {word}/龙小川 欧阳青"
    first, second = draft_by(users["reporter"]), draft_by(users["reporter"])
    for draft in (first, second):
        response = reporter.post(change_url(draft), article_form(draft, credit_line=line))
        assert response.status_code == 302, response.content.decode()[:2000]
    made = Role.objects.get(name=word)
    assert (made.print_label, made.order, made.is_photo) == (word, NEW_ROLE_ORDER, False)
    for draft in (first, second):
        draft.refresh_from_db()
        assert draft.byline_text == line
        assert list(draft.bylines.values_list("role__name", flat=True)) == ["记者", word, word]
    assert Person.objects.filter(name="龙小川").count() == 1
    # 特约 marks an outside contributor, as in the import; the others are the paper's staff.
    assert Person.objects.get(name="欧阳青").is_staff is (word != "特约撰稿人")
    # Once made, the word is a role like the others: the preview announces nothing new.
    assert preview(reporter, line)["roles"] == []


def test_a_stored_word_helps_the_parser_read_the_next_line(roles, users, client_for):
    # A stored role word is one the parser knows: read whole, announced as nothing new.
    Role.objects.create(name="海报设计", print_label="海报设计", order=NEW_ROLE_ORDER)
    data = preview(client_for("reporter"), "记者/刘震 海报设计/周雯")
    assert [(b["name"], b["role"]) for b in data["bylines"]] == [
        ("刘震", "记者"),
        ("周雯", "海报设计"),
    ]
    assert data["roles"] == []


GLUED = {
    # A role word the parser knows the end of (设计), glued to what stands before it.
    "记者/刘震 海报设计/周雯": [("刘震", "记者"), ("周雯", "海报设计")],
    "株洲日报全媒体记者/何春林 H5设计/周雯": [("何春林", "全媒体记者"), ("周雯", "H5设计")],
    # Typed apart, the name stays a name; a stored or reporter's role is never glued.
    "记者/刘震 海报 设计/周雯": [("刘震", "记者"), ("海报", "记者"), ("周雯", "设计")],
    "记者/杨如 特约记者/谭红冰": [("杨如", "记者"), ("谭红冰", "特约记者")],
    "株洲日报全媒体记者/杨如 通讯员/谭红冰 周奕江": [
        ("杨如", "全媒体记者"),
        ("谭红冰", "通讯员"),
        ("周奕江", "通讯员"),
    ],
}


@pytest.mark.parametrize("line, expected", GLUED.items(), ids=GLUED.keys())
def test_a_new_role_word_typed_whole_is_read_whole(roles, client_for, line, expected):
    data = preview(client_for("reporter"), line)
    assert data["error"] == ""
    assert [(b["name"], b["role"]) for b in data["bylines"]] == expected


def test_a_renamed_role_is_found_by_the_word_it_prints(roles, users, client_for):
    Role.objects.create(name="出镜记者（视频）", print_label="出镜", order=5)
    draft = draft_by(users["reporter"])
    reporter = client_for("reporter")
    assert preview(reporter, "出镜/王五")["roles"] == []
    assert (
        reporter.post(change_url(draft), article_form(draft, credit_line="出镜/王五")).status_code
        == 302
    )
    assert not Role.objects.filter(name="出镜").exists()
    assert draft.bylines.get().role.name == "出镜记者（视频）"


def test_a_photo_credit_with_a_new_role_word_is_saved_with_the_new_photo(roles, users, client_for):
    data = article_form(
        Article(revision=1),
        headline="新图片稿",
        credit_line="文案/陈思",
        **{
            "photos-TOTAL_FORMS": 1,
            "photos-0-caption": "夜色中的湘江。",
            "photos-0-alt_text": "湘江",
            "photos-0-order": 0,
            "photos-0-credit": "航拍/李想",
            "photos-0-image": image_file(),
        },
    )
    data = {key: value for key, value in data.items() if value is not None}
    response = client_for("reporter").post(ADD_URL, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    article = Article.objects.get(headline="新图片稿")
    assert article.byline_text == "文案/陈思"
    assert article.photos.get().credit_text == "航拍/李想 摄"
    assert set(Role.objects.filter(name__in=["文案", "航拍"]).values_list("name", flat=True)) == {
        "文案",
        "航拍",
    }


def test_the_same_new_word_in_the_story_and_a_photo_makes_one_role(roles, users):
    draft = draft_by(users["reporter"])
    photo_plan = plan_credits("出镜/李想", photo=True)
    text_plan = plan_credits("出镜/李想 记者/王五")
    photo = draft.photos.create(caption="现场。", alt_text="现场")
    with editorial.article_change(users["reporter"], draft):
        draft.save()
        apply_credits(draft, text_plan)
        apply_credits(draft, photo_plan, photo=photo)
    assert Role.objects.filter(name="出镜").count() == 1
    assert Person.objects.filter(name="李想").count() == 1
    assert draft.bylines.count() == 3


# A save that fails creates nothing ----------------------------------------------------------
def test_a_refused_save_makes_no_role(seed, client_for):
    published = Article.objects.get(headline="顶尖技能高手接受城市礼遇")
    data = article_form(published, credit_line="出镜/冒名")
    response = client_for("reporter").post(change_url(published), data, follow=True)
    assert response.status_code in (200, 403)
    assert not Role.objects.filter(name="出镜").exists()
    assert not Person.objects.filter(name="冒名").exists()


def test_a_stale_save_makes_no_role(roles, users, client_for):
    draft = draft_by(users["reporter"])
    stale = article_form(draft, credit_line="出镜/王五")
    reporter = client_for("reporter")
    assert reporter.post(change_url(draft), article_form(draft, body="新版本。")).status_code == 302
    response = reporter.post(change_url(draft), stale)
    assert response.status_code == 409  # the conflict page, with what changed
    assert not Role.objects.filter(name="出镜").exists()
    assert not draft.bylines.exists()


# Attacks --------------------------------------------------------------------------------------
LONG_ROLE = "出" * 200
ATTACKS = {
    "60,000 spaces": (" " * 60_000, None),
    "500 names": ("记者/" + " ".join(f"张{n:03d}" for n in range(500)), "一行署名最多200个字"),
    "a role word of 200 characters": (f"{LONG_ROLE}/张三", "一行署名最多200个字"),
    "a role word of 40 characters": ("出" * 40 + "/张三", "超过30个字"),
    "a unit of 150 characters": ("一" * 150 + "记者/张三", "超过100个字"),
    "html": ("<b>出镜</b>/张三", "不是署名身份"),
    "a script": ("出镜/<script>alert(1)</script>", "没有人名"),
}


@pytest.mark.parametrize("line, message", ATTACKS.values(), ids=ATTACKS.keys())
def test_crafted_lines_are_refused_with_a_reason_and_make_nothing(
    roles, users, client_for, line, message
):
    reporter = client_for("reporter")
    data = preview(reporter, line)
    if message:
        assert message in data["error"] and data["bylines"] == []
    draft = draft_by(users["reporter"])
    kept = Byline.objects.create(article=draft, person=PersonFactory(name="原作者"), role=roles)
    response = reporter.post(change_url(draft), article_form(draft, credit_line=line))
    assert response.status_code in (200, 302)
    if message:
        assert response.status_code == 200
        content = response.content.decode()
        assert message in content
        assert "<b>出镜" not in content and "<script>alert" not in content
    # Refused, or (blank) leaving the rows as they are: the story keeps its credit.
    assert list(draft.bylines.all()) == [kept]
    assert not Role.objects.filter(name__contains="出出").exists()
    assert not Role.objects.filter(name__contains="<").exists()
    assert not Person.objects.filter(name__contains="<").exists()


def test_an_emptied_line_leaves_the_rows_to_say_who_is_credited(roles, users, client_for):
    draft = draft_by(users["reporter"])
    kept = Byline.objects.create(article=draft, person=PersonFactory(name="原作者"), role=roles)
    for line in ("", "   ", "\u200b"):
        data = article_form(draft, credit_line=line, revision=draft.revision)
        assert client_for("reporter").post(change_url(draft), data).status_code == 302
        draft.refresh_from_db()
        assert list(draft.bylines.all()) == [kept]


def test_characters_a_reader_cannot_see_are_dropped_from_the_line(roles, users, client_for):
    # A right-to-left override would print the unit and the name reversed on the page.
    line = "\u202e记者/张\u200b三 出镜/\ufeff李四"
    data = preview(client_for("reporter"), line)
    assert data["printed"] == "记者/张三 出镜/李四" and data["error"] == ""
    draft = draft_by(users["reporter"])
    response = client_for("reporter").post(change_url(draft), article_form(draft, credit_line=line))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.byline_text == "记者/张三 出镜/李四"
    assert Person.objects.filter(name="张三").exists()


def test_the_preview_is_for_who_may_file_or_change_stories(db, client, django_user_model):
    url = reverse(CREDITS_URL)
    assert client.get(url, {"line": "出镜/王五"}).status_code == 302  # not signed in
    bystander = django_user_model.objects.create_user("bystander", is_staff=True)
    client.force_login(bystander)
    assert client.get(url, {"line": "出镜/王五"}).status_code == 404
    assert not Role.objects.filter(name="出镜").exists()


def test_the_preview_takes_no_story_and_reads_no_other_storys_credits(roles, users, client_for):
    # The endpoint reads the typed line alone: a story's id in the query changes nothing.
    other = draft_by(users["editor"])
    Byline.objects.create(article=other, person=PersonFactory(name="别人"), role=roles)
    data = preview(client_for("reporter"), "记者/王五")
    asked = client_for("reporter").get(reverse(CREDITS_URL), {"line": "记者/王五", "id": other.pk})
    assert asked.json() == data and "别人" not in asked.content.decode()


# Two saves at once ---------------------------------------------------------------------------
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite runs one writer at a time anyway"
)
@pytest.mark.django_db(transaction=True)
def test_two_saves_naming_one_new_role_at_once_make_it_once(users):
    role("记者")
    reporter = users["reporter"]
    stories = [draft_by(reporter), draft_by(reporter)]
    # Both forms were checked (planned) before either saved: both plan a new role.
    plans = [plan_credits("出镜/王五"), plan_credits("出镜/王五")]
    assert all(plan.new_roles for plan in plans)
    ready = threading.Barrier(2)
    errors = []

    def save(article, plan, hold, delay):
        try:
            with editorial.article_change(reporter, article):
                article.save()
                ready.wait(timeout=10)
                time.sleep(delay)
                apply_credits(article, plan)
                # The first keeps its new rows uncommitted while the second tries to insert.
                time.sleep(hold)
        except Exception as error:  # any failure is reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=save, args=(stories[0], plans[0], 0.6, 0)),
        threading.Thread(target=save, args=(stories[1], plans[1], 0, 0.2)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    assert Role.objects.filter(name="出镜").count() == 1
    assert Person.objects.filter(name="王五").count() == 1
    made = Role.objects.get(name="出镜")
    for story in stories:
        assert list(story.bylines.values_list("role_id", "person__name")) == [(made.pk, "王五")]
