"""A committed change to what a page prints marks the page; the worker makes it again.

Most tests make page PDFs with a stand-in (a blank sheet, with the real fingerprint of
the page's print export) and count how often it is called: WeasyPrint takes seconds a
page.  The last test makes the seed's A06 for real.
"""

import io
import logging
from datetime import timedelta

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

pypdfium2 = pytest.importorskip("pypdfium2", reason="PDFium renders the page images")

from articles import editorial  # noqa: E402
from articles.epaper import areas as area_finder  # noqa: E402
from articles.epaper import pdf as page_pdf  # noqa: E402
from articles.epaper import tasks  # noqa: E402
from articles.epaper.refresh import refresh_page, upload_pdf  # noqa: E402
from articles.exports.html import embedded_images  # noqa: E402
from articles.models import Article, Edition, Page, PageImage, PagePrint, StoryArea  # noqa: E402
from articles.models.epaper import PrintedStory, StalePage  # noqa: E402

pytestmark = pytest.mark.django_db


def blank_pdf(width=400, height=560):
    document = pypdfium2.PdfDocument.new()
    document.new_page(width, height)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def renders(monkeypatch):
    """Page PDFs made as a blank sheet with the page's real fingerprint; the list of the
    pages made, one entry per PDF made."""
    made = []

    def make_page_pdf(page, paper=None):
        made.append(Page.objects.get(pk=page.pk).label)
        data = page_pdf.export_data(page)
        return blank_pdf(), page_pdf.print_fingerprint(data, paper, embedded_images([data]))

    monkeypatch.setattr(page_pdf, "make_page_pdf", make_page_pdf)
    return made


@pytest.fixture
def queued(settings):
    """Tasks wait in the database, as in production: the marks stay for the test to see."""
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }


@pytest.fixture
def made(seed, renders):
    """The seed's two pages in the 数字报 (made once); returns {label: page}."""
    pages = {page.label: page for page in Page.objects.all()}
    for page in pages.values():
        refresh_page(page)
    renders.clear()
    return pages


def marked():
    return sorted(StalePage.objects.values_list("page__label", flat=True))


def story_on(page, index=0):
    return Article.objects.on_page(page)[index]


def correct(user, article, headline):
    article = Article.objects.get(pk=article.pk)
    article.headline = headline
    return editorial.save_article(user, article, note="标题有误，已更正。")


def test_a_change_marks_its_page_when_it_commits_and_not_when_it_rolls_back(
    made, users, queued, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    story = story_on(made["A06"])
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        correct(users["chief"], story, "改了又撤回的标题")
        assert marked() == []  # nothing is written before the commit
        raise RuntimeError("rolled back")
    assert marked() == [] and not DBTaskResult.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        correct(users["chief"], story, "更正后的标题")
    assert marked() == ["A06"]
    assert DBTaskResult.objects.count() == 1  # enqueued, not run: nothing made in the request
    assert PagePrint.objects.get(page=made["A06"]).fingerprint  # unchanged until the worker


def test_the_worker_makes_each_marked_page_once_and_only_what_changed(
    made, users, renders, queued, django_capture_on_commit_callbacks
):
    a06 = made["A06"]
    before = PagePrint.objects.get(page=a06).fingerprint
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        for index, headline in enumerate(["一改", "二改", "三改"]):
            correct(users["chief"], story_on(a06, index), headline)
    assert marked() == ["A06"]
    assert tasks.remake_pending() == (1, True)
    assert renders == ["A06"]  # once for three stories; A05 untouched
    assert PagePrint.objects.get(page=a06).fingerprint != before
    assert PageImage.objects.filter(page=a06).count() == 8
    assert marked() == []

    # A change that prints the same (the page saved as it was): marked, nothing made.
    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(pk=a06.pk).save()
    assert marked() == ["A06"]
    assert tasks.remake_pending() == (1, True)
    assert renders == ["A06"] and marked() == []


def test_a_page_renamed_with_no_story_on_it_is_made_again(
    made, renders, queued, django_capture_on_commit_callbacks
):
    empty = Page.objects.create(edition=Edition.objects.get(), label="A07", order=7)
    refresh_page(empty)  # in the 数字报 with no story on it
    assert renders == ["A07"] and not StoryArea.objects.filter(page=empty).exists()
    with django_capture_on_commit_callbacks(execute=True):
        empty.name = "广告"
        empty.save()
    assert marked() == ["A07"]
    assert tasks.remake_pending() == (1, True)
    assert renders == ["A07", "A07"]


def test_a_story_moved_to_another_page_makes_both_pages_again(
    made, users, renders, queued, django_capture_on_commit_callbacks
):
    story = story_on(made["A06"])
    with django_capture_on_commit_callbacks(execute=True):
        editorial.place_article(users["admin"], story, 9, page=made["A05"])
    assert marked() == ["A05", "A06"]
    assert tasks.remake_pending() == (2, True)
    assert sorted(renders) == ["A05", "A06"]
    printed = set(PrintedStory.objects.filter(article_id=story.pk).values_list("page", flat=True))
    assert printed == {made["A05"].pk}


def test_a_deleted_story_makes_its_old_page_again(
    made, users, renders, queued, django_capture_on_commit_callbacks
):
    story = story_on(made["A05"])
    with django_capture_on_commit_callbacks(execute=True):
        editorial.delete_article(users["admin"], story)
    assert marked() == ["A05"]
    assert tasks.remake_pending() == (1, True)
    assert renders == ["A05"]
    assert not PrintedStory.objects.filter(article_id=story.pk).exists()


def test_withdrawing_and_publishing_mark_the_page(
    made, users, queued, django_capture_on_commit_callbacks
):
    story = story_on(made["A06"])
    with django_capture_on_commit_callbacks(execute=True):
        editorial.apply_transition(users["chief"], story, "withdraw", comment="核实有误")
    assert marked() == ["A06"]


def test_an_uploaded_pdf_is_kept_and_its_areas_found_again(
    made, users, renders, queued, monkeypatch, django_capture_on_commit_callbacks
):
    a06 = made["A06"]
    upload_pdf(a06, blank_pdf(300, 420))
    sheet = PagePrint.objects.get(page=a06)
    drawn = story_on(a06, 1)
    StoryArea.objects.create(
        page=a06, article=drawn, left=0.1, top=0.1, width=0.2, height=0.2, source="manual"
    )
    searched = []
    find_areas = area_finder.find_areas
    monkeypatch.setattr(
        area_finder,
        "find_areas",
        lambda pdf, stories: searched.append(stories) or find_areas(pdf, stories),
    )
    with django_capture_on_commit_callbacks(execute=True):
        correct(users["chief"], story_on(a06), "上传版面上的更正")
    assert tasks.remake_pending() == (1, True)
    assert renders == []  # no PDF made over the art editor's
    kept = PagePrint.objects.get(page=a06)
    assert (kept.source, kept.pdf.name, kept.fingerprint) == (
        PagePrint.Source.UPLOADED,
        sheet.pdf.name,
        sheet.fingerprint,
    )
    assert len(searched) == 1 and "上传版面上的更正" in {s.headline for s in searched[0]}
    assert list(StoryArea.objects.filter(page=a06).values_list("article_id", "source")) == [
        (drawn.pk, "manual")
    ]


def test_a_page_that_fails_keeps_its_mark_and_the_others_are_made(
    made, users, renders, queued, monkeypatch, caplog, django_capture_on_commit_callbacks
):
    fake = page_pdf.make_page_pdf

    def fails_on_a05(page, paper=None):
        if page.pk == made["A05"].pk:
            raise RuntimeError("font missing")
        return fake(page, paper)

    monkeypatch.setattr(page_pdf, "make_page_pdf", fails_on_a05)
    with django_capture_on_commit_callbacks(execute=True):
        editorial.place_article(users["admin"], story_on(made["A06"]), 9, page=made["A05"])
    with caplog.at_level(logging.ERROR, logger="articles.epaper.tasks"):
        assert tasks.remake_pending() == (1, True)
    assert renders == ["A06"]
    left = StalePage.objects.get()
    assert left.page_id == made["A05"].pk and left.attempts == 1
    assert "font missing" in left.error and left.claimed_until > timezone.now()
    assert "A05" in caplog.text and "font missing" in caplog.text
    # Set aside, not lost: once its wait is over it is tried again.
    StalePage.objects.update(claimed_until=timezone.now() - timedelta(seconds=1))
    monkeypatch.setattr(page_pdf, "make_page_pdf", fake)
    assert tasks.remake_pending() == (1, True)
    assert marked() == [] and renders == ["A06", "A05"]


def test_a_page_deleted_while_its_mark_waits_is_skipped(
    made, renders, queued, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        editorial.schedule_effects(pages=[made["A05"].pk, made["A06"].pk])
    assert marked() == ["A05", "A06"]
    mark = tasks.claim_next()
    Page.objects.filter(pk=mark.page_id).delete()
    assert tasks.remake_marked(mark) == 0  # the page went, and its mark with it
    assert tasks.remake_pending() == (1, True)
    assert marked() == []


def test_two_workers_never_make_the_same_page(made, renders, queued):
    Page.objects.update(name="改版")  # both pages print something new
    tasks.mark_stale(pages=[made["A05"].pk, made["A06"].pk])
    first = tasks.claim_next()  # the first worker is making this page
    assert tasks.remake_pending() == (1, True)  # the second makes the other one
    label = Page.objects.get(pk=first.page_id).label
    assert marked() == [label]
    assert len(renders) == 1 and renders[0] != label
    # The first worker died: once its claim ran out the page is taken again.
    StalePage.objects.update(claimed_until=timezone.now() - timedelta(seconds=1))
    assert tasks.remake_pending() == (1, True)
    assert marked() == []


def test_a_page_changed_while_it_was_made_is_made_once_more(made, renders, queued, monkeypatch):
    tasks.mark_stale(pages=[made["A06"].pk])
    fake = page_pdf.make_page_pdf
    edited = []

    def edited_meanwhile(page, paper=None):
        if not edited:  # an editor's change commits while the first PDF is made
            edited.append(tasks.mark_stale(pages=[page.pk]))
        return fake(page, paper)

    monkeypatch.setattr(page_pdf, "make_page_pdf", edited_meanwhile)
    Page.objects.filter(pk=made["A06"].pk).update(name="改名")  # the print changes
    assert tasks.remake_pending() == (2, True)
    assert marked() == []


@pytest.mark.parametrize("count", [1, 9])
def test_marking_costs_the_same_queries_however_many_stories(
    made, users, queued, count, django_capture_on_commit_callbacks, django_assert_num_queries
):
    """Two queries per transaction (and the task's row), for one story or all nine on
    both pages."""
    stories = list(Article.objects.filter(page__isnull=False).order_by("pk")[:count])
    with django_assert_num_queries(3):  # two to mark, one to enqueue (no transaction is open)
        tasks.mark_stale([story.pk for story in stories])
    StalePage.objects.all().delete()
    with (
        CaptureQueriesContext(connection) as queries,
        django_capture_on_commit_callbacks(execute=True),
        transaction.atomic(),
    ):
        for story in stories:
            correct(users["chief"], story, f"更正{story.pk}")
    epaper = [q for q in queries if "printedstory" in q["sql"] or "stalepage" in q["sql"]]
    assert len(epaper) == 2
    assert len(marked()) == (1 if count == 1 else 2)


def test_no_page_out_of_the_epaper_is_marked(
    seed, users, queued, django_capture_on_commit_callbacks
):
    """A page with no PDF yet is not made by an edit: ``make_epaper`` or an upload brings it
    in (and the seed's stories, saved with every test that loads it, cost no rendering)."""
    with django_capture_on_commit_callbacks(execute=True):
        correct(users["chief"], story_on(Page.objects.get(label="A06")), "未上数字报的版面")
    assert marked() == []


def test_an_edited_story_is_on_the_page_made_again(seed, users, django_capture_on_commit_callbacks):
    """End to end with WeasyPrint and the immediate backend: the worker's run follows the
    commit; the new headline is on the new PDF, and every story still has its area."""
    pytest.importorskip("weasyprint", reason="WeasyPrint makes the page PDFs")
    a06 = Page.objects.get(label="A06")
    refresh_page(a06)
    before = PagePrint.objects.get(page=a06)
    with django_capture_on_commit_callbacks(execute=True):
        correct(users["chief"], story_on(a06), "技能天下再出发")
    after = PagePrint.objects.get(page=a06)
    assert after.fingerprint != before.fingerprint and after.pdf.name != before.pdf.name
    with after.pdf.open("rb") as handle:
        document = pypdfium2.PdfDocument(handle.read())
    text = "".join(document[0].get_textpage().get_text_range().split())
    assert "技能天下再出发" in text
    assert not a06.epaper_missing_stories().exists()
    assert marked() == []


def test_the_database_worker_makes_the_page_and_a_restarted_one_finds_what_waits(
    made, users, renders, queued, monkeypatch, django_capture_on_commit_callbacks
):
    """``manage.py db_worker`` runs the task; ``refresh_stories`` (run before the worker
    starts) enqueues a run for marks a stopped worker left."""
    from django.core.management import call_command
    from django_tasks_db.management.commands import db_worker
    from django_tasks_db.models import DBTaskResult

    # The worker checks its connection between tasks: here it is the test's transaction.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)

    def run_worker():
        db_worker.Worker(
            queue_names=["default"],
            interval=0,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id="test-worker",
            excluded_queue_names=[],
        ).run()

    with django_capture_on_commit_callbacks(execute=True):
        correct(users["chief"], story_on(made["A06"]), "工人做的版面")
    run_worker()
    assert renders == ["A06"] and marked() == []
    assert list(DBTaskResult.objects.values_list("status", flat=True)) == ["SUCCESSFUL"]

    Page.objects.update(name="改版")
    StalePage.objects.bulk_create([StalePage(page=page) for page in made.values()])
    call_command("refresh_stories", verbosity=0)
    run_worker()
    assert sorted(renders) == ["A05", "A06", "A06"] and marked() == []
