"""What a status change does to the copy around it: it makes every form opened before it
stale, it records when the story entered its status, and proofread copy whose text
changes goes back to the proofreaders."""

import datetime
import importlib

import pytest
from django.apps import apps
from django.contrib.admin.models import LogEntry
from django.utils import timezone
from reversion.models import Version

from articles import editorial
from articles.editorial import workflow
from articles.models import Article, AwardRoster, Byline, Photo, RosterEntry, StatusChange
from people.models import Person
from tests.factories import ArticleFactory, AwardRosterFactory, make_article, role

pytestmark = pytest.mark.django_db

S = Article.Status

# Every step, from a status it starts at, by who takes it, with the reason it needs.
STEPS = [
    ("submit", S.DRAFT, "editor", ""),
    ("send_back", S.SUBMITTED, "editor", "请补充采访"),
    ("finish_editing", S.SUBMITTED, "editor", ""),
    ("pass_proofreading", S.EDITED, "proofreader", ""),
    ("return_to_editor", S.EDITED, "proofreader", "人名有误"),
    ("sign_off", S.PROOFREAD, "chief", ""),
    ("withdraw", S.PUBLISHED, "chief", "当事人投诉"),
    ("republish", S.WITHDRAWN, "chief", "核实无误"),
]


def story(status, **fields):
    published = timezone.now() - datetime.timedelta(hours=1)
    public = status in (S.PUBLISHED, S.WITHDRAWN)
    return ArticleFactory(status=status, published_at=published if public else None, **fields)


def opened(article):
    """The story as an editor's form holds it: loaded now, saved later."""
    return Article.objects.get(pk=article.pk)


# 1. A step makes every form opened before it stale -----------------------------------------
@pytest.mark.parametrize(("name", "status", "who", "reason"), STEPS)
def test_a_form_opened_before_a_step_is_refused_as_a_conflict(users, name, status, who, reason):
    article = story(status)
    form = opened(article)
    editorial.apply_transition(users[who], article, name, comment=reason)
    moved = Article.objects.get(pk=article.pk)
    assert moved.revision == form.revision + 1
    form.headline = "打开得早的表单"
    # The chief and an administrator may change a story in any status: only the revision
    # stands between their stale form and the step just taken.
    with pytest.raises(editorial.EditConflict):
        editorial.save_article(users["admin"], form, note="更正")
    assert Article.objects.get(pk=article.pk).headline == moved.headline


def test_a_step_chosen_on_an_older_revision_is_not_taken(users):
    article = story(S.PROOFREAD)
    seen = opened(article).revision
    changed = opened(article)
    changed.headline = "值班总编看到之后又改了"
    editorial.save_article(users["editor"], changed)
    with pytest.raises(editorial.EditConflict):
        editorial.apply_transition(users["chief"], article, "sign_off", revision=seen)
    assert not StatusChange.objects.filter(article=article, to_status=S.PUBLISHED).exists()


def test_the_instance_that_took_a_step_saves_next_without_a_conflict(users):
    article = story(S.SUBMITTED)
    editorial.apply_transition(users["editor"], article, "finish_editing", revision=1)
    article.headline = "送校之后再改"
    editorial.save_article(users["editor"], article)
    stored = Article.objects.get(pk=article.pk)
    assert (stored.headline, stored.status) == ("送校之后再改", S.EDITED)


# 3. When the story entered its status --------------------------------------------------------
def test_a_step_records_when_the_story_entered_its_status_an_edit_does_not(users):
    article = story(S.SUBMITTED)
    long_ago = timezone.now() - datetime.timedelta(days=3)
    Article.objects.filter(pk=article.pk).update(status_changed_at=long_ago)
    edited = opened(article)
    edited.headline = "改了标题"
    editorial.save_article(users["editor"], edited)
    assert Article.objects.get(pk=article.pk).status_changed_at == long_ago
    editorial.apply_transition(users["editor"], edited, "finish_editing")
    entered = Article.objects.get(pk=article.pk).status_changed_at
    recorded = StatusChange.objects.get(article=article).created_at
    assert abs(entered - recorded) < datetime.timedelta(seconds=1)
    assert entered > long_ago


def test_a_story_filed_through_the_core_starts_its_wait_when_filed(users):
    article = Article(headline="新稿", status=S.PUBLISHED)
    article.status_changed_at = timezone.now() - datetime.timedelta(days=30)
    editorial.save_article(users["reporter"], article)
    stored = Article.objects.get(pk=article.pk)
    assert stored.status == S.DRAFT
    assert timezone.now() - stored.status_changed_at < datetime.timedelta(minutes=1)


def test_nobody_sets_the_time_of_a_status_outside_the_workflow(users):
    article = story(S.SUBMITTED)
    crafted = opened(article)
    crafted.status_changed_at = timezone.now() - datetime.timedelta(days=365)
    with pytest.raises(editorial.Refused):
        editorial.save_article(users["editor"], crafted)


def test_the_migration_fills_the_time_from_the_status_history(users):
    migration = importlib.import_module("articles.migrations.0010_status_changed_at")
    moved, never = story(S.DRAFT), story(S.DRAFT)
    editorial.apply_transition(users["editor"], moved, "submit")
    editorial.apply_transition(users["editor"], moved, "finish_editing")
    last = StatusChange.objects.filter(article=moved).first().created_at
    Article.objects.update(status_changed_at=timezone.now() + datetime.timedelta(days=9))
    migration.fill_from_history(apps, None)
    assert Article.objects.get(pk=moved.pk).status_changed_at == last
    assert Article.objects.get(pk=never.pk).status_changed_at == never.created_at


# 2. Edited proofread copy goes back to the proofreaders ---------------------------------------
def proofread_story():
    article = make_article(bylines=1, photos=1, status=S.PROOFREAD, published_at=None)
    roster = AwardRosterFactory(article=article, stated_count=1)
    RosterEntry.objects.create(roster=roster, name="张三", order=0)
    return Article.objects.get(pk=article.pk)


def change_headline(article):
    article.headline = "改过的主题"


def change_kicker(article):
    article.kicker = "新加的引题"


def change_body(article):
    article.body = [{"type": "paragraph", "text": "改过的正文。"}]


def change_dateline(article):
    article.dateline = "12月24日"


def change_kind(article):
    article.kind = Article.Kind.PHOTO


def change_column(article):
    article.column = "民生关注"


def change_editor_note(article):
    article.editor_note = "本报今起推出系列报道。"


def change_author_note(article):
    article.author_note = "作者系中共南岭市委党校教授"


def change_credit(article):
    Byline.objects.filter(article=article, photo=None).update(
        person=Person.objects.create(name="李新")
    )


def add_credit(article):
    Byline.objects.create(
        article=article, person=Person.objects.create(name="王五"), role=role("通讯员")
    )


def change_caption(article):
    Photo.objects.filter(article=article).update(caption="改过的图片说明。")


def change_alt_text(article):
    Photo.objects.filter(article=article).update(alt_text="颁奖现场的全景")


def change_roster_name(article):
    RosterEntry.objects.filter(roster__article=article).update(name="李四")


def change_roster_title(article):
    AwardRoster.objects.filter(article=article).update(title="亚军")


READER_CHANGES = [
    change_headline,
    change_kicker,
    change_body,
    change_dateline,
    change_kind,
    change_column,
    change_editor_note,
    change_author_note,
    change_credit,
    add_credit,
    change_caption,
    change_alt_text,
    change_roster_name,
    change_roster_title,
]


def edit(user, article, change):
    """One change through the core, as the admin's form makes it: the story, then its parts."""
    with editorial.article_change(user, article) as written:
        change(article)
        article.save()
    return written


@pytest.mark.parametrize("change", READER_CHANGES, ids=lambda f: f.__name__)
def test_a_change_readers_would_read_sends_proofread_copy_back(users, change):
    article = proofread_story()
    before = article.revision
    written = edit(users["editor"], article, change)
    assert written.back_to_proofreading
    stored = Article.objects.get(pk=article.pk)
    assert stored.status == S.EDITED
    # The caller's instance is the story as stored: the next step applies to it.
    assert (article.status, article.revision) == (S.EDITED, stored.revision)
    assert stored.revision == before + 2  # the edit, then the step back
    step = StatusChange.objects.get(article=article)
    assert (step.user, step.from_status, step.to_status) == (users["editor"], S.PROOFREAD, S.EDITED)
    assert "校对" in step.comment
    assert LogEntry.objects.filter(
        object_id=str(article.pk), change_message=str(workflow.BACK_TO_PROOFREADING)
    ).exists()
    # The version saved with the edit holds the story as it now is (back with the proofreaders).
    assert Version.objects.get_for_object(stored).first().field_dict["status"] == S.EDITED
    assert workflow.waiting_for(users["proofreader"]) == {stored.status}


def change_section(article):
    from tests.factories import SectionFactory

    article.section = SectionFactory()


def change_tags(article):
    article.tags.add("两会")


def change_page_position(article):
    article.page_position = 3


def change_body_line_breaks(article):
    # The same words: a paragraph the page broke into lines reads as one.
    article.body = [
        {**block, "text": block["text"][:4] + "\n" + block["text"][4:]}
        if block["type"] == "paragraph"
        else block
        for block in article.body
    ]


def save_unchanged(article):
    """Nothing changed: a save of the same copy is no reason to proofread again."""


@pytest.mark.parametrize(
    "change",
    [change_section, change_tags, change_page_position, change_body_line_breaks, save_unchanged],
    ids=lambda f: f.__name__,
)
def test_where_the_story_goes_is_not_proofread_again(users, change):
    article = proofread_story()
    written = edit(users["chief"], article, change)
    assert not written.back_to_proofreading
    assert Article.objects.get(pk=article.pk).status == S.PROOFREAD
    assert not StatusChange.objects.filter(article=article).exists()


def test_edited_copy_stays_with_the_proofreaders(users):
    article = story(S.EDITED)
    written = edit(users["editor"], article, change_headline)
    assert not written.back_to_proofreading
    assert Article.objects.get(pk=article.pk).status == S.EDITED


def test_without_proofreading_edited_copy_waits_for_the_chief_as_it_was(users, settings):
    settings.NEWSROOM_PROOFREADING = False
    article = proofread_story()
    written = edit(users["editor"], article, change_body)
    assert not written.back_to_proofreading
    assert Article.objects.get(pk=article.pk).status == S.PROOFREAD
    editorial.apply_transition(users["chief"], article, "sign_off")
    assert Article.objects.get(pk=article.pk).status == S.PUBLISHED


def test_restoring_an_older_text_over_proofread_copy_sends_it_back(users):
    article = story(S.SUBMITTED, headline="第一版")
    editorial.save_article(users["editor"], article)
    first = Version.objects.get_for_object(article).first()
    article.headline = "第二版"
    editorial.save_article(users["editor"], article)
    editorial.apply_transition(users["editor"], article, "finish_editing")
    editorial.apply_transition(users["proofreader"], article, "pass_proofreading")
    restored = editorial.restore_version(users["editor"], article, first.pk)
    stored = Article.objects.get(pk=article.pk)
    assert (stored.headline, stored.status) == ("第一版", S.EDITED)
    assert restored.status == S.EDITED


def test_a_refused_edit_of_proofread_copy_moves_nothing(users):
    article = proofread_story()
    with pytest.raises(editorial.Refused):
        edit(users["reporter"], article, change_headline)
    assert Article.objects.get(pk=article.pk).status == S.PROOFREAD
    assert not StatusChange.objects.filter(article=article).exists()


def test_bulk_steps_report_each_story_that_may_not_move(users):
    ready, elsewhere = story(S.EDITED), story(S.SUBMITTED)
    gone = story(S.EDITED)
    stale = Article.objects.get(pk=gone.pk)
    gone.delete()
    done, refused = editorial.apply_to_each(
        users["proofreader"], [ready, elsewhere, stale], "pass_proofreading"
    )
    assert done == [ready]
    assert [article for article, _message in refused] == [elsewhere, stale]
    assert all(message for _article, message in refused)
    assert Article.objects.get(pk=elsewhere.pk).status == S.SUBMITTED


def test_restoring_a_version_brings_back_its_column_label_and_notes(users):
    article = story(
        S.SUBMITTED, column="民生关注", editor_note="编者的话。", author_note="来源：江东日报"
    )
    editorial.save_article(users["editor"], article)
    first = Version.objects.get_for_object(article).first()
    article.column, article.editor_note, article.author_note = "教育观察", "", "作者系教师"
    editorial.save_article(users["editor"], article)
    editorial.restore_version(users["editor"], article, first.pk)
    stored = Article.objects.get(pk=article.pk)
    assert (stored.column, stored.editor_note, stored.author_note) == (
        "民生关注",
        "编者的话。",
        "来源：江东日报",
    )
