"""The proofreaders' step: edited copy goes to 校对, proofread copy is what the chief signs
off; a paper without proofreaders switches the step off."""

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse
from reversion.models import Version

from articles import editorial
from articles.editorial import workflow
from articles.models import Article, StatusChange
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

S = Article.Status


def transition_url(article):
    return reverse("admin:articles_article_transition", args=[article.pk])


def offered(user, status):
    article = ArticleFactory(status=status, published_at=None)
    return [t.name for t in workflow.available_transitions(user, article)]


def test_each_step_is_taken_by_its_desk_in_the_admin_and_recorded(users, client_for):
    article = ArticleFactory(status=S.DRAFT, published_at=None, created_by=users["reporter"])
    steps = [
        ("reporter", "submit", "提交编辑", S.SUBMITTED),
        ("editor", "finish_editing", "编辑完毕，送校对", S.EDITED),
        ("proofreader", "pass_proofreading", "校对完毕，待签发", S.PROOFREAD),
        ("chief", "sign_off", "签发", S.PUBLISHED),
    ]
    for role, name, label, status in steps:
        response = client_for(role).post(transition_url(article), {"name": name}, follow=True)
        article.refresh_from_db()
        assert article.status == status, [str(m) for m in response.context["messages"]]
        # The status history, the audit entry and the version name the step in Chinese.
        change = StatusChange.objects.filter(article=article).first()
        assert (change.user, change.to_status) == (users[role], status)
        entry = LogEntry.objects.filter(object_id=str(article.pk)).first()
        assert entry.get_change_message() == label
        assert Version.objects.get_for_object(article).first().revision.comment == label
    history = client_for("editor").get(reverse("admin:articles_article_history", args=[article.pk]))
    html = history.content.decode()
    assert "送校对" in html and "校对完毕" in html


def test_the_proofreader_returns_copy_to_the_editor_with_a_reason(users):
    article = ArticleFactory(status=S.EDITED, published_at=None)
    with pytest.raises(workflow.TransitionNotAllowed):
        editorial.apply_transition(users["proofreader"], article, "return_to_editor")
    editorial.apply_transition(
        users["proofreader"], article, "return_to_editor", comment="第三段人名与前文不一致"
    )
    change = StatusChange.objects.get(article=article)
    assert (change.from_status, change.to_status, change.comment) == (
        S.EDITED,
        S.SUBMITTED,
        "第三段人名与前文不一致",
    )


def test_each_desk_is_offered_only_its_own_next_step(users):
    assert offered(users["editor"], S.SUBMITTED) == ["send_back", "finish_editing"]
    assert offered(users["proofreader"], S.SUBMITTED) == []
    assert offered(users["proofreader"], S.EDITED) == ["pass_proofreading", "return_to_editor"]
    assert offered(users["chief"], S.EDITED) == ["send_back"]
    assert offered(users["chief"], S.PROOFREAD) == ["send_back", "sign_off"]
    assert offered(users["reporter"], S.PROOFREAD) == []
    assert offered(users["arteditor"], S.EDITED) == []


def test_proofreaders_and_editors_edit_copy_on_the_desk_reporters_do_not(users):
    for status in (S.SUBMITTED, S.EDITED, S.PROOFREAD):
        article = ArticleFactory(status=status, created_by=users["reporter"])
        assert workflow.can_edit(users["proofreader"], article)
        assert workflow.can_edit(users["editor"], article)
        assert not workflow.can_edit(users["reporter"], article)


def test_what_waits_for_each_desk(users):
    assert workflow.waiting_for(users["editor"]) == {S.SUBMITTED}
    assert workflow.waiting_for(users["proofreader"]) == {S.EDITED}
    assert workflow.waiting_for(users["chief"]) == {S.PROOFREAD}
    assert workflow.waiting_for(users["admin"]) == {S.PROOFREAD}
    assert workflow.waiting_for(users["reporter"]) == set()
    assert workflow.waiting_for(users["arteditor"]) == set()


@pytest.fixture
def no_proofreading(settings):
    settings.NEWSROOM_PROOFREADING = False


@pytest.mark.usefixtures("no_proofreading")
def test_a_paper_without_proofreaders_signs_off_edited_copy(users, client_for):
    assert offered(users["editor"], S.SUBMITTED) == ["send_back"]
    assert offered(users["chief"], S.SUBMITTED) == ["send_back", "sign_off"]
    assert offered(users["proofreader"], S.EDITED) == []
    article = ArticleFactory(status=S.SUBMITTED, published_at=None)
    with pytest.raises(workflow.TransitionNotAllowed) as refusal:
        editorial.apply_transition(users["editor"], article, "finish_editing")
    assert "校对" in str(refusal.value)
    client_for("chief").post(transition_url(article), {"name": "sign_off"})
    article.refresh_from_db()
    assert article.status == S.PUBLISHED
    assert workflow.waiting_for(users["chief"]) == {S.SUBMITTED, S.EDITED, S.PROOFREAD}
    assert workflow.waiting_for(users["editor"]) == {S.SUBMITTED}


@pytest.mark.usefixtures("no_proofreading")
def test_copy_with_the_proofreaders_when_the_step_is_switched_off_is_not_stuck(users):
    for status in (S.EDITED, S.PROOFREAD):
        article = ArticleFactory(status=status, published_at=None)
        editorial.apply_transition(users["chief"], article, "sign_off")
        assert Article.objects.get(pk=article.pk).status == S.PUBLISHED


def test_the_demo_proofreader_account_may_take_its_step(users):
    proofreader = users["proofreader"]
    assert [g.name for g in proofreader.groups.all()] == ["校对"]
    assert proofreader.has_perm(workflow.PROOFREAD_COPY)
    assert not proofreader.has_perm(workflow.SIGN_OFF)
