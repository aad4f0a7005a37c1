"""The desk's workflow against what happened since a page was opened: a form opened before a
status change is refused, edited proofread copy goes back to the proofreaders, 待我处理
lists the longest waiting first, and the proofreading steps work in bulk.  Crafted posts
end in a refusal, never a 500."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from articles import editorial
from articles.models import Article, StatusChange
from tests.admin_forms import article_form, photo_rows
from tests.factories import ArticleFactory, make_article

pytestmark = pytest.mark.django_db

S = Article.Status
LIST_URL = reverse("admin:articles_article_changelist")
PROOFREADING_ACTIONS = {
    "finish_editing_selected",
    "pass_proofreading_selected",
    "return_to_editor_selected",
}


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def transition_url(article):
    return reverse("admin:articles_article_transition", args=[article.pk])


def story(status, **fields):
    return ArticleFactory(status=status, published_at=None, **fields)


def status_of(article):
    return Article.objects.get(pk=article.pk).status


def said(response):
    return " ".join(str(m) for m in get_messages(response.wsgi_request))


# 1. A form opened before a status change ----------------------------------------------------
def test_a_form_opened_before_someone_moved_the_story_is_refused(users, client_for):
    article = story(S.SUBMITTED)
    opened = article_form(article, body="编辑打开时改的正文。")
    editorial.apply_transition(users["chief"], article, "send_back", comment="请补充采访")
    response = client_for("editor").post(change_url(article), opened)
    assert response.status_code == 409
    page = response.content.decode()
    assert "newsroom-diff" in page
    # The page says what happened: the step, who took it, and why.
    assert "状态变更" in page and "已提交 → 草稿" in page and "请补充采访" in page
    stored = Article.objects.get(pk=article.pk)
    assert stored.status == S.DRAFT and stored.body == article.body


def test_save_and_move_takes_the_step_on_the_revision_it_just_saved(users, client_for):
    article = story(S.SUBMITTED)
    data = article_form(article, body="编辑改好的。", **{"transition-name": "finish_editing"})
    response = client_for("editor").post(change_url(article), data)
    assert response.status_code == 302
    stored = Article.objects.get(pk=article.pk)
    assert (stored.status, stored.body) == (
        S.EDITED,
        [{"type": "paragraph", "text": "编辑改好的。"}],
    )
    assert stored.revision == article.revision + 2  # the save, then the step


def test_a_step_chosen_on_a_read_only_page_that_has_since_changed_is_not_taken(users, client_for):
    article = story(S.PROOFREAD)
    seen = article.revision
    editorial.apply_transition(users["chief"], article, "send_back", comment="重写导语")
    editorial.apply_transition(users["editor"], article, "submit")
    editorial.apply_transition(users["editor"], article, "finish_editing")
    editorial.apply_transition(users["proofreader"], article, "pass_proofreading")
    # Proofread again, as the chief saw it, but not the copy the chief read.
    response = client_for("chief").post(
        transition_url(article), {"name": "sign_off", "revision": seen}
    )
    assert response.status_code == 302
    assert status_of(article) == S.PROOFREAD
    # Who changed it since, by the names the desk knows them by.
    assert "打开稿件后" in said(response) and "校对" in said(response)
    fresh = Article.objects.get(pk=article.pk).revision
    client_for("chief").post(transition_url(article), {"name": "sign_off", "revision": fresh})
    assert status_of(article) == S.PUBLISHED


@pytest.mark.parametrize("revision", ["abc", "-1", "99999999999999999999", ""])
def test_a_crafted_revision_is_refused_not_a_500(client_for, revision):
    article = story(S.PROOFREAD)
    response = client_for("chief").post(
        transition_url(article), {"name": "sign_off", "revision": revision}
    )
    assert response.status_code == 302
    assert status_of(article) == S.PROOFREAD


def test_the_read_only_workflow_form_sends_the_revision_it_shows(django_user_model, client):
    from django.contrib.auth.models import Permission

    # Someone who may withdraw stories but not change them sees the step on its own form.
    night_desk = django_user_model.objects.create_user("night_desk", is_staff=True)
    night_desk.user_permissions.set(
        Permission.objects.filter(codename__in=["view_article", "withdraw_article"])
    )
    article = ArticleFactory(status=S.PUBLISHED)
    client.force_login(night_desk)
    page = client.get(change_url(article)).content.decode()
    form = page[page.index(f'action="{transition_url(article)}"') :]
    assert f'name="revision" value="{article.revision}"' in form[: form.index("</form>")]


# 2. Edited proofread copy goes back to the proofreaders --------------------------------------
def test_an_editor_changing_proofread_text_is_told_it_went_back(users, client_for):
    article = story(S.PROOFREAD)
    response = client_for("editor").post(
        change_url(article), article_form(article, body="校对之后又改了。"), follow=True
    )
    assert response.status_code == 200
    assert status_of(article) == S.EDITED
    assert "退回校对" in said(response)
    step = StatusChange.objects.get(article=article)
    assert (step.from_status, step.to_status, step.user) == (S.PROOFREAD, S.EDITED, users["editor"])
    history = client_for("editor").get(reverse("admin:articles_article_history", args=[article.pk]))
    assert "退回校对" in history.content.decode()


def test_a_new_caption_on_proofread_copy_sends_it_back(client_for):
    article = make_article(photos=1, status=S.PROOFREAD, published_at=None)
    body = "\n\n".join(
        ("## " if b["type"] == "intertitle" else "") + b["text"] for b in article.body
    )
    data = article_form(article, body=body, **photo_rows(list(article.photos.all())))
    unchanged = client_for("editor").post(change_url(article), data)
    assert unchanged.status_code == 302 and status_of(article) == S.PROOFREAD
    article.refresh_from_db()
    photos = list(article.photos.all())
    data = article_form(article, body=body, **photo_rows(photos, caption="改过的图片说明。"))
    assert client_for("editor").post(change_url(article), data).status_code == 302
    assert status_of(article) == S.EDITED


def test_the_proofreader_fixes_proofread_copy_and_passes_it_again_in_one_click(users, client_for):
    article = story(S.PROOFREAD)
    data = article_form(article, body="改正错字。", **{"transition-name": "pass_proofreading"})
    response = client_for("proofreader").post(change_url(article), data)
    assert response.status_code == 302
    assert status_of(article) == S.PROOFREAD
    steps = list(StatusChange.objects.filter(article=article).order_by("pk"))
    assert [(s.from_status, s.to_status) for s in steps] == [
        (S.PROOFREAD, S.EDITED),
        (S.EDITED, S.PROOFREAD),
    ]


def test_the_chief_cannot_sign_off_text_changed_after_proofreading_in_the_same_click(client_for):
    article = story(S.PROOFREAD)
    data = article_form(article, body="签发前改的。", **{"transition-name": "sign_off"})
    response = client_for("chief").post(change_url(article), data, follow=True)
    assert response.status_code == 200
    stored = Article.objects.get(pk=article.pk)
    assert stored.status == S.EDITED and stored.published_at is None
    assert stored.body == [{"type": "paragraph", "text": "签发前改的。"}]
    assert "退回校对" in said(response)


def test_without_proofreading_the_chief_edits_and_signs_off_in_one_click(settings, client_for):
    settings.NEWSROOM_PROOFREADING = False
    article = story(S.PROOFREAD)
    data = article_form(article, body="签发前改的。", **{"transition-name": "sign_off"})
    assert client_for("chief").post(change_url(article), data).status_code == 302
    assert status_of(article) == S.PUBLISHED


# 3. 待我处理: the longest waiting first ----------------------------------------------------------
def test_waiting_for_me_is_sorted_by_the_time_in_the_status_not_the_last_edit(users, client_for):
    waited_long = story(S.SUBMITTED, headline="等了三天的稿")
    just_came = story(S.SUBMITTED, headline="刚到的稿")
    now = timezone.now()
    Article.objects.filter(pk=waited_long.pk).update(
        status_changed_at=now - datetime.timedelta(days=3)
    )
    Article.objects.filter(pk=just_came.pk).update(
        status_changed_at=now - datetime.timedelta(hours=1)
    )
    # The story that waited longest was edited last: it still waits longest.
    waited_long.refresh_from_db()
    waited_long.headline = "等了三天的稿（改）"
    editorial.save_article(users["editor"], waited_long)
    page = client_for("editor").get(LIST_URL, {"desk": "waiting"}).content.decode()
    assert page.index("等了三天的稿（改）") < page.index("刚到的稿")


def test_waiting_for_me_follows_the_workflow_for_each_desk(client_for):
    submitted, edited, proofread = story(S.SUBMITTED), story(S.EDITED), story(S.PROOFREAD)

    def waiting(role):
        page = client_for(role).get(LIST_URL, {"desk": "waiting"}).content.decode()
        return {a.headline for a in (submitted, edited, proofread) if a.headline in page}

    assert waiting("editor") == {submitted.headline}
    assert waiting("proofreader") == {edited.headline}
    assert waiting("chief") == {proofread.headline}


# 4. The proofreading steps in bulk ------------------------------------------------------------
def offered_actions(client):
    response = client.get(LIST_URL)
    form = response.context["action_form"]  # None where no action is offered at all
    return {name for name, _label in form.fields["action"].choices} if form else set()


def test_each_desk_is_offered_only_the_bulk_steps_it_may_take(client_for):
    assert offered_actions(client_for("reporter")) & PROOFREADING_ACTIONS == set()
    assert offered_actions(client_for("arteditor")) & PROOFREADING_ACTIONS == set()
    assert offered_actions(client_for("editor")) & PROOFREADING_ACTIONS == {
        "finish_editing_selected"
    }
    proofreader = offered_actions(client_for("proofreader"))
    assert proofreader & PROOFREADING_ACTIONS == {
        "pass_proofreading_selected",
        "return_to_editor_selected",
    }
    assert "sign_off_selected" not in proofreader


def test_without_proofreading_no_desk_is_offered_its_steps(settings, client_for):
    settings.NEWSROOM_PROOFREADING = False
    for role in ("editor", "proofreader", "chief", "admin"):
        assert offered_actions(client_for(role)) & PROOFREADING_ACTIONS == set()


def test_bulk_pass_moves_what_may_move_and_reports_the_rest(client_for):
    ready = [story(S.EDITED) for _ in range(2)]
    elsewhere = story(S.SUBMITTED, headline="还在编辑手里的稿")
    ids = [a.pk for a in [*ready, elsewhere]]
    response = client_for("proofreader").post(
        LIST_URL, {"action": "pass_proofreading_selected", "_selected_action": ids}, follow=True
    )
    assert response.status_code == 200
    assert [status_of(a) for a in ready] == [S.PROOFREAD, S.PROOFREAD]
    assert status_of(elsewhere) == S.SUBMITTED
    messages = said(response)
    assert "还在编辑手里的稿" in messages and "2 篇稿件校对完毕" in messages


def test_bulk_send_to_proofreading_by_the_editor(users, client_for):
    stories = [story(S.SUBMITTED) for _ in range(2)]
    ids = [a.pk for a in stories]
    client_for("editor").post(
        LIST_URL, {"action": "finish_editing_selected", "_selected_action": ids}
    )
    assert [status_of(a) for a in stories] == [S.EDITED, S.EDITED]
    assert StatusChange.objects.filter(user=users["editor"], to_status=S.EDITED).count() == 2


def test_bulk_return_to_the_editor_asks_for_a_reason_first(users, client_for):
    stories = [story(S.EDITED) for _ in range(2)]
    data = {"action": "return_to_editor_selected", "_selected_action": [a.pk for a in stories]}
    proofreader = client_for("proofreader")
    asked = proofreader.post(LIST_URL, data)
    assert asked.status_code == 200 and "需要重新处理的地方" in asked.content.decode()
    empty = proofreader.post(LIST_URL, {**data, "confirm": "1", "reason": "  "})
    assert "请说明理由" in empty.content.decode()
    assert [status_of(a) for a in stories] == [S.EDITED, S.EDITED]
    proofreader.post(LIST_URL, {**data, "confirm": "1", "reason": "人名前后不一"})
    assert [status_of(a) for a in stories] == [S.SUBMITTED, S.SUBMITTED]
    comments = StatusChange.objects.filter(user=users["proofreader"]).values_list(
        "comment", flat=True
    )
    assert set(comments) == {"人名前后不一"}


# Attacks -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "name", ["withdraw", "sign_off", "pass_proofreading", "return_to_editor", "send_back", "x"]
)
def test_a_reporter_posting_a_crafted_step_on_a_published_story_moves_nothing(client_for, name):
    article = ArticleFactory(status=S.PUBLISHED)
    data = {"name": name, "comment": "冒名撤稿", "revision": article.revision}
    response = client_for("reporter").post(transition_url(article), data)
    assert response.status_code in (302, 404)
    assert status_of(article) == S.PUBLISHED
    assert not StatusChange.objects.filter(article=article).exists()


@pytest.mark.parametrize("action", sorted(PROOFREADING_ACTIONS))
def test_a_crafted_bulk_step_by_a_desk_that_may_not_take_it_moves_nothing(client_for, action):
    stories = [story(S.SUBMITTED), story(S.EDITED)]
    data = {
        "action": action,
        "_selected_action": [a.pk for a in stories],
        "confirm": "1",
        "reason": "冒名",
    }
    response = client_for("reporter").post(LIST_URL, data)
    assert response.status_code in (200, 302)
    assert [status_of(a) for a in stories] == [S.SUBMITTED, S.EDITED]


def test_a_crafted_proofreading_step_when_the_paper_does_not_proofread(settings, client_for):
    settings.NEWSROOM_PROOFREADING = False
    article = story(S.EDITED)
    data = {"action": "pass_proofreading_selected", "_selected_action": [article.pk]}
    assert client_for("proofreader").post(LIST_URL, data).status_code in (200, 302)
    response = client_for("proofreader").post(
        transition_url(article), {"name": "pass_proofreading"}
    )
    assert response.status_code == 302
    assert status_of(article) == S.EDITED


def test_another_storys_id_or_revision(users, client_for):
    article = story(S.EDITED)
    missing = reverse("admin:articles_article_transition", args=[article.pk + 1000])
    assert client_for("proofreader").post(missing, {"name": "pass_proofreading"}).status_code == 404
    for selected in ([article.pk + 1000], ["x", article.pk], ["1e3"]):
        data = {"action": "pass_proofreading_selected", "_selected_action": selected}
        assert client_for("proofreader").post(LIST_URL, data).status_code in (200, 302)
    assert status_of(article) == S.EDITED
    # A revision read on another story's page is checked against this story's own.
    other = story(S.EDITED)
    for headline in ("一", "二", "三"):
        other.headline = headline
        editorial.save_article(users["editor"], other)
    data = {"name": "pass_proofreading", "revision": other.revision}
    assert client_for("proofreader").post(transition_url(article), data).status_code == 302
    assert status_of(article) == S.EDITED
