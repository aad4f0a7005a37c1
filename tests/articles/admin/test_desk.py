"""The story desk: the form in the order of the work, credit lines typed as printed, one
click to save and move a story on, the list each role works from.  Attacks on it end in
a refusal or a form error, never a 500."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles import blocks as body_blocks
from articles.models import Article, Byline, StatusChange
from people.models import Person
from tests.admin_forms import article_form
from tests.articles.admin.test_photos import current_values
from tests.factories import (
    ArticleFactory,
    BylineFactory,
    PageFactory,
    PersonFactory,
    image_file,
    make_article,
    publish,
    role,
)

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/articles/article/add/"
LIST_URL = "/admin/articles/article/"


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def seed_story(headline="顶尖技能高手接受城市礼遇"):
    return Article.objects.get(headline=headline)


def draft_by(user, **fields):
    return ArticleFactory(status=Article.Status.DRAFT, published_at=None, created_by=user, **fields)


def new_story(**overrides):
    """The add form as a reporter posts it: no rows in any inline."""
    data = article_form(Article(revision=1), body="株洲日报讯 第一段。")
    data.update({"headline": "新稿件", "credit_line": "", **overrides})
    return {key: value for key, value in data.items() if value is not None}


# The form in the order of the work ---------------------------------------------------------
def test_change_form_follows_the_order_of_the_work(seed, client_for):
    content = client_for("chief").get(change_url(seed_story())).content.decode()
    marks = [
        'name="column"',
        'name="kicker"',
        'name="headline"',
        'name="credit_line"',
        'id="bylines-group"',
        'name="dateline"',
        'name="editor_note"',
        'name="body"',
        'name="author_note"',
        'id="photos-group"',
        'name="section"',
        'name="page"',
        'name="tags"',
        'name="main_article"',
    ]
    positions = [content.index(mark) for mark in marks]
    assert positions == sorted(positions)
    # Publishing details sit in the panel above the form, not as read-only rows.
    assert content.index('id="desk-panel"') < content.index('name="kicker"')
    assert "field-signed_off_by" not in content and "field-created_at" not in content


def test_correction_note_only_where_a_change_is_a_correction(seed, users, client_for):
    assert 'name="correction_note"' not in client_for("reporter").get(ADD_URL).content.decode()
    draft = draft_by(users["reporter"])
    content = client_for("reporter").get(change_url(draft)).content.decode()
    assert 'name="correction_note"' not in content
    assert 'id="corrections-group"' not in content
    published = client_for("chief").get(change_url(seed_story())).content.decode()
    assert 'name="correction_note"' in published


def test_read_only_published_story_shows_text_not_json(seed, client_for):
    response = client_for("editor").get(change_url(seed_story()))
    content = response.content.decode()
    assert response.status_code == 200
    assert '[{"type"' not in content and "&quot;type&quot;" not in content
    assert "聚焦“3+3+2”现代产业体系办赛" in content
    assert "None" not in re.sub(r"<script.*?</script>", "", content, flags=re.S)
    assert 'name="credit_line"' not in content


def test_column_label_and_notes_are_saved_from_the_form_as_one_recorded_change(users, client_for):
    from reversion.models import Version

    draft = draft_by(users["reporter"])
    notes = {"column": "民生关注", "editor_note": "第一段按语。\n第二段按语。"}
    data = article_form(draft, author_note="作者系中共南岭市委党校教授", **notes)
    assert client_for("reporter").post(change_url(draft), data).status_code == 302
    draft.refresh_from_db()
    assert (draft.column, draft.editor_note, draft.author_note) == (
        "民生关注",
        "第一段按语。\n第二段按语。",
        "作者系中共南岭市委党校教授",
    )
    assert Version.objects.get_for_object(draft).first().field_dict["column"] == "民生关注"


def test_read_only_story_shows_its_column_label_and_notes_as_text(seed, client_for):
    story = seed_story()
    Article.objects.filter(pk=story.pk).update(column="民生关注", author_note="来源：江东日报")
    content = client_for("editor").get(change_url(story)).content.decode()
    assert "民生关注" in content and "来源：江东日报" in content
    assert 'name="column"' not in content and 'name="author_note"' not in content


# Credit lines typed as printed --------------------------------------------------------------
def test_credit_preview_says_who_is_matched_and_who_is_new(seed, client_for):
    url = reverse("admin:articles_article_credits")
    line = "株洲日报全媒体记者/何春林 通讯员/龙小川"
    data = client_for("reporter").get(url, {"line": line}).json()
    assert data["error"] == ""
    by_name = {b["name"]: b for b in data["bylines"]}
    assert by_name["何春林"]["new"] is False
    assert by_name["龙小川"]["new"] is True
    assert data["printed"] == line
    assert by_name["何春林"]["printed"] == "株洲日报全媒体记者/何春林"
    # A role word no role has yet is a new role, announced (test_printed_credits.py).
    new_role = client_for("reporter").get(url, {"line": "首席记者/何春林"}).json()
    assert new_role["error"] == "" and [r["name"] for r in new_role["roles"]] == ["首席记者"]
    # A part the parser passes over is said, never dropped in silence.
    dropped = client_for("reporter").get(url, {"line": "通讯员/王付银 新通讯员"}).json()
    assert "通讯员/王付银" in dropped["error"]


def test_credit_preview_is_for_staff_only(client):
    response = client.get(reverse("admin:articles_article_credits"), {"line": "记者/刘震 摄"})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_reporter_files_story_and_photo_credits_in_one_save_and_submits(seed, users, client_for):
    known = Person.objects.filter(name="何春林").count()
    data = new_story(
        credit_line="株洲日报全媒体记者/何春林 通讯员/王付银 龙小川",
        **{
            "photos-TOTAL_FORMS": 1,
            "photos-0-caption": "颁奖现场。",
            "photos-0-alt_text": "颁奖",
            "photos-0-order": 0,
            "photos-0-credit": "记者/刘震 摄",
            "photos-0-image": image_file(),
            "transition-name": "submit",
        },
    )
    response = client_for("reporter").post(ADD_URL, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    article = Article.objects.get(headline="新稿件")
    assert article.status == Article.Status.SUBMITTED
    assert article.created_by_id == users["reporter"].pk
    assert StatusChange.objects.filter(article=article).count() == 1
    assert article.byline_text == "株洲日报全媒体记者/何春林 通讯员/王付银 龙小川"
    assert Person.objects.filter(name="何春林").count() == known  # matched, not duplicated
    assert Person.objects.get(name="龙小川").is_staff is False
    photo = article.photos.get()
    assert photo.credit_text == "记者/刘震 摄"
    assert response["Location"] == change_url(article)


def test_unchanged_credit_line_leaves_the_structured_rows_alone(seed, client_for):
    article = seed_story()
    client = client_for("chief")
    data = current_values(client, change_url(article))
    before = list(article.bylines.values_list("person__name", "order"))
    data["correction_note"] = ""
    response = client.post(change_url(article), data)
    assert response.status_code == 302
    assert list(article.bylines.values_list("person__name", "order")) == before


def test_credit_line_not_understood_is_a_form_error(users, client_for):
    draft = draft_by(users["reporter"])
    data = article_form(draft, credit_line="通讯员/王付银 新通讯员")
    response = client_for("reporter").post(change_url(draft), data)
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert not draft.bylines.exists()


def test_changed_credit_line_replaces_text_bylines_only(users, client_for):
    draft = draft_by(users["reporter"])
    BylineFactory(article=draft, person=PersonFactory(name="旧记者"))
    data = article_form(draft, credit_line="记者/李新")
    assert client_for("reporter").post(change_url(draft), data).status_code == 302
    assert [b.person.name for b in draft.bylines.all()] == ["李新"]


# One click: save, then move ------------------------------------------------------------------
def test_workflow_button_saves_the_edit_first(users, client_for):
    draft = draft_by(users["reporter"])
    data = article_form(draft, body="改过的第一段。", **{"transition-name": "submit"})
    response = client_for("reporter").post(change_url(draft), data)
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == Article.Status.SUBMITTED
    assert draft.body == [{"type": "paragraph", "text": "改过的第一段。"}]


def test_invalid_form_is_not_moved_on(users, client_for):
    draft = draft_by(users["reporter"])
    data = article_form(draft, headline="", **{"transition-name": "submit"})
    response = client_for("reporter").post(change_url(draft), data)
    assert response.status_code == 200
    draft.refresh_from_db()
    assert draft.status == Article.Status.DRAFT


@pytest.mark.parametrize("name", ["sign_off", "withdraw", "no_such_step"])
def test_a_step_the_reporter_may_not_take_is_refused_after_saving(users, client_for, name):
    draft = draft_by(users["reporter"])
    data = article_form(draft, body="保存了。", **{"transition-name": name})
    response = client_for("reporter").post(change_url(draft), data, follow=True)
    assert response.status_code == 200
    draft.refresh_from_db()
    assert draft.status == Article.Status.DRAFT
    assert draft.body == [{"type": "paragraph", "text": "保存了。"}]
    assert not StatusChange.objects.filter(article=draft).exists()


def test_only_the_steps_this_user_may_take_are_offered(seed, users, client_for):
    draft = draft_by(users["reporter"])
    reporter = client_for("reporter").get(change_url(draft)).content.decode()
    assert 'value="submit"' in reporter and 'value="sign_off"' not in reporter
    add = client_for("reporter").get(ADD_URL).content.decode()
    assert 'name="transition-name" value="submit"' in add
    reporter_list = client_for("reporter").get(LIST_URL).content.decode()
    assert "sign_off_selected" not in reporter_list and "withdraw_selected" not in reporter_list
    chief_list = client_for("chief").get(LIST_URL).content.decode()
    assert "sign_off_selected" in chief_list


def test_reporter_cannot_sign_off_by_a_crafted_bulk_action(users, client_for):
    story = draft_by(users["reporter"])
    publish_data = {"action": "sign_off_selected", "_selected_action": [story.pk]}
    response = client_for("reporter").post(LIST_URL, publish_data)
    assert response.status_code in (200, 302)
    story.refresh_from_db()
    assert story.status == Article.Status.DRAFT


# Attacks: refused, never a 500 ---------------------------------------------------------------
def test_reporter_posting_to_a_published_story_is_refused(seed, client_for):
    article = seed_story()
    data = article_form(article, credit_line="记者/冒名", **{"transition-name": "withdraw"})
    response = client_for("reporter").post(change_url(article), data)
    assert response.status_code == 403
    assert article.byline_text == "株洲日报全媒体记者/何春林 通讯员/王付银 王忠祥"


def test_another_storys_byline_in_a_crafted_post_stays_theirs(users, client_for):
    draft = draft_by(users["reporter"])
    other = make_article(bylines=1)
    theirs = other.bylines.get()
    data = article_form(
        draft,
        **{
            "bylines-TOTAL_FORMS": 1,
            "bylines-INITIAL_FORMS": 1,
            "bylines-0-id": theirs.pk,
            "bylines-0-article": draft.pk,
            "bylines-0-person": PersonFactory().pk,
            "bylines-0-role": role("记者").pk,
            "bylines-0-order": 0,
        },
    )
    before = list(other.bylines.values_list("pk", "person_id", "role_id"))
    response = client_for("reporter").post(change_url(draft), data)
    assert response.status_code in (200, 302)
    assert Byline.objects.get(pk=theirs.pk).article_id == other.pk
    assert list(other.bylines.values_list("pk", "person_id", "role_id")) == before


def test_stale_version_shows_the_conflict(users, client_for):
    draft = draft_by(users["reporter"])
    stale = article_form(draft, body="我的版本。", credit_line="记者/李新")
    client_for("editor").post(change_url(draft), article_form(draft, body="编辑的版本。"))
    response = client_for("reporter").post(change_url(draft), stale)
    assert response.status_code in (200, 409)
    assert "newsroom-diff" in response.content.decode()
    draft.refresh_from_db()
    assert draft.body == [{"type": "paragraph", "text": "编辑的版本。"}]
    assert not draft.bylines.exists()


# Live 字数 (the server's part) ---------------------------------------------------------------
def test_char_count_and_page_total_are_rendered_for_the_script(users, client_for):
    page = PageFactory()
    ArticleFactory(page=page)  # the same body, on the same page
    draft = draft_by(users["reporter"], page=page)
    content = client_for("reporter").get(change_url(draft)).content.decode()
    count = body_blocks.count_characters(*(b["text"] for b in draft.body))
    assert f'<output id="desk-char-count" for="id_body">{count}</output>' in content
    assert f'data-others="{count}">{2 * count}</output>' in content
    assert "admin/desk.js" in content


# The story list for each role ----------------------------------------------------------------
def test_list_finds_a_story_by_a_name_in_its_bylines(seed, client_for):
    content = client_for("editor").get(LIST_URL, {"q": "何春林"}).content.decode()
    assert "顶尖技能高手接受城市礼遇" in content
    assert "“阳光增收”" not in content  # credits 李逸峰 and 罗文娟


def test_list_shows_author_chars_page_and_status(seed, client_for):
    content = client_for("reporter").get(LIST_URL).content.decode()
    for column in ("column-authors", "column-char_count", "column-page_display"):
        assert column in content
    assert "何春林、王付银、王忠祥" in re.sub(r"<[^>]+>", "", content)


def test_waiting_for_me_lists_what_this_role_acts_on_oldest_first(users, client_for):
    older = draft_by(users["reporter"], headline="较早提交")
    newer = draft_by(users["reporter"], headline="较晚提交")
    from articles import editorial

    editorial.apply_transition(users["reporter"], older, "submit")
    editorial.apply_transition(users["reporter"], newer, "submit")
    mine = draft_by(users["reporter"], headline="记者自己的草稿")
    others = draft_by(users["editor"], headline="编辑的草稿")
    done = publish(ArticleFactory(status=Article.Status.DRAFT, headline="已经签发"))
    editor = client_for("editor").get(LIST_URL, {"desk": "waiting"}).content.decode()
    assert editor.index("较早提交") < editor.index("较晚提交")
    assert "编辑的草稿" in editor and "记者自己的草稿" not in editor
    assert done.headline not in editor
    reporter = client_for("reporter").get(LIST_URL, {"desk": "waiting"}).content.decode()
    assert mine.headline in reporter and "较早提交" not in reporter
    assert others.headline not in reporter
    own = client_for("reporter").get(LIST_URL, {"desk": "mine"}).content.decode()
    assert "较早提交" in own and others.headline not in own


@pytest.mark.parametrize("username", ["reporter", "editor", "chief"])
def test_list_query_count_is_pinned_per_role(users, client_for, username):
    client = client_for(username)

    def count(query):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(LIST_URL, query).status_code == 200
        return len(queries)

    def add(n):
        for _ in range(n):
            story = make_article(bylines=2, photos=1, created_by=users[username])
            story.status, story.published_at = Article.Status.SUBMITTED, None
            story.save()

    add(3)
    few = [count({}), count({"desk": "waiting"}), count({"desk": "mine"})]
    add(27)
    assert [count({}), count({"desk": "waiting"}), count({"desk": "mine"})] == few


def test_a_new_story_with_a_step_the_reporter_may_not_take_is_filed_as_a_draft(users, client_for):
    data = new_story(**{"transition-name": "sign_off"})
    response = client_for("reporter").post(ADD_URL, data, follow=True)
    assert response.status_code == 200
    article = Article.objects.get(headline="新稿件")
    assert article.status == Article.Status.DRAFT
    assert not StatusChange.objects.filter(article=article).exists()
    assert "messagelist" in response.content.decode()


@pytest.mark.parametrize("line", ["/" * 5000, "摄", "、、、", "株洲日报（", "<script>x</script>"])
def test_credit_preview_answers_any_line_with_json(client_for, line):
    response = client_for("reporter").get(reverse("admin:articles_article_credits"), {"line": line})
    assert response.status_code == 200
    assert set(response.json()) >= {"error", "bylines"}


def test_reporter_cannot_change_another_reporters_draft(users, client_for, django_user_model):
    other = django_user_model.objects.create_user("reporter2")
    other.groups.set(users["reporter"].groups.all())
    draft = draft_by(other)
    data = article_form(draft, credit_line="记者/冒名", **{"transition-name": "submit"})
    response = client_for("reporter").post(change_url(draft), data)
    assert response.status_code in (403, 302)
    draft.refresh_from_db()
    assert draft.status == Article.Status.DRAFT and not draft.bylines.exists()


def test_stories_not_yet_signed_off_come_first_in_the_list(seed, users, client_for):
    draft_by(users["reporter"], headline="尚未签发的稿件")
    content = client_for("editor").get(LIST_URL).content.decode()
    assert content.index("尚未签发的稿件") < content.index("顶尖技能高手接受城市礼遇")
