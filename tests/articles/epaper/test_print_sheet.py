"""The print export is one sheet of the newsroom's paper, at every size: in WeasyPrint (the
page PDF, type fitted by laying it out) and in Chromium (the HTML export staff print, type
fitted by the estimate).  Copy that does not fit is cut at the sheet's foot, visibly."""

import base64
import logging

import pytest

from articles.epaper.pdf import PAPER_SIZES, export_data, fit_scale, make_page_pdf, overflowed
from articles.exports.formats import export_page, find_page
from articles.exports.sheet import MIN_SCALE, fitted_sheet
from articles.models import Page
from tests.chromium import ARGS, CHROMIUM, unavailable
from tests.factories import PageFactory, make_article

pypdfium2 = pytest.importorskip("pypdfium2", reason="PDFium counts the sheets")

NOTICE = "本版稿件超出一版"
PAPERS = list(PAPER_SIZES)


def text_of(pdf):
    """(number of pages, size of the first in mm, the first page's text without spaces)."""
    document = pypdfium2.PdfDocument(pdf)
    size = [round(side * 25.4 / 72) for side in document[0].get_size()]
    text = document[0].get_textpage().get_text_range()
    return len(document), size, "".join(text.split())


def last_words(page):
    """The end of the page's copy: the last story's last paragraph's last characters."""
    story = Page.objects.get(pk=page.pk).articles.order_by("page_position", "pk").last()
    return "".join(story.body[-1]["text"].split())[-8:]


@pytest.fixture
def crowded(db):
    """A page with far more copy than any sheet holds at the smallest type."""
    page = PageFactory(label="A09")
    paragraph = "株洲市今天召开会议，部署全年工作，强调要抓好落实，推动高质量发展。" * 12
    for position in range(12):
        make_article(
            page=page,
            page_position=position,
            body=[{"type": "paragraph", "text": paragraph} for _ in range(12)],
        )
    return page


def chromium_pdf(html):
    if not CHROMIUM.exists():
        unavailable(f"Chromium is not at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page()
            page.set_content(html)
            return page.pdf(prefer_css_page_size=True)
        finally:
            browser.close()


# The estimate ------------------------------------------------------------------------


def test_more_copy_gets_smaller_type_and_too_much_overflows(seed, crowded):
    data = {"stories": []}
    a06 = export_data(Page.objects.get(label="A06"))
    for paper in PAPERS:
        sheet = fitted_sheet(a06, paper)
        assert not sheet.overflow
        assert fitted_sheet(data, paper).scale > sheet.scale  # an empty page: largest type
        half = {**a06, "stories": a06["stories"][:2]}
        assert fitted_sheet(half, paper).scale > sheet.scale
        too_much = fitted_sheet(export_data(crowded), paper)
        assert too_much.overflow and too_much.scale == MIN_SCALE
    # A smaller sheet holds less: the same copy is set smaller.
    assert fitted_sheet(a06, "tabloid").scale < fitted_sheet(a06, "broadsheet").scale


def test_fit_scale_shrinks_type_until_the_copy_fits_one_sheet():
    tried = []

    class Document:
        def __init__(self, pages):
            self.pages = [None] * pages

    def render(scale):  # copy that fits at 0.82 and below
        tried.append(round(scale, 3))
        return Document(1 if scale <= 0.82 else 2)

    scale, document, fits = fit_scale(render, 1.0)
    assert fits and len(document.pages) == 1 and 0.75 < scale <= 0.82
    assert tried == [1.0, 0.93, 0.865, 0.804]  # each try is a whole layout
    tried.clear()
    scale, document, fits = fit_scale(lambda scale: Document(2), 1.0)
    assert not fits and scale == MIN_SCALE  # the last try is the smallest type


# WeasyPrint: the page PDF -------------------------------------------------------------


@pytest.mark.parametrize("paper", PAPERS)
def test_the_page_pdf_is_one_sheet_of_every_paper_with_all_its_copy(seed, paper):
    pytest.importorskip("weasyprint", reason="WeasyPrint makes the page PDFs")
    a06 = Page.objects.get(label="A06")
    pdf, _fingerprint = make_page_pdf(a06, paper)
    pages, size, text = text_of(pdf)
    assert pages == 1
    assert size == list(PAPER_SIZES[paper])
    assert last_words(a06) in text  # nothing cut
    assert NOTICE not in text and not overflowed(pdf)


def test_a_page_pdf_of_too_much_copy_is_one_sheet_that_says_so(crowded, settings):
    pytest.importorskip("weasyprint", reason="WeasyPrint makes the page PDFs")
    settings.NEWSROOM_PAPER_SIZE = "tabloid"
    pdf, _fingerprint = make_page_pdf(crowded)
    pages, size, text = text_of(pdf)
    assert pages == 1 and size == list(PAPER_SIZES["tabloid"])
    assert NOTICE in text
    assert overflowed(pdf)


def test_weasyprint_is_given_only_css_it_knows(seed, caplog):
    pytest.importorskip("weasyprint", reason="WeasyPrint makes the page PDFs")
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        make_page_pdf(Page.objects.get(label="A06"), "a3")
    ignored = [r.getMessage() for r in caplog.records if r.name.startswith("weasyprint")]
    assert ignored == []  # it said "Ignored `aspect-ratio: 3 / 2`" for a missing picture


# Chromium: the HTML export staff print --------------------------------------------------


@pytest.mark.parametrize("paper", PAPERS)
def test_the_print_export_prints_on_one_sheet_in_chromium(seed, settings, paper):
    settings.NEWSROOM_PAPER_SIZE = paper
    a06 = find_page("2023-12-26", "A06")
    pages, size, text = text_of(chromium_pdf(export_page(a06, "html").content.decode()))
    assert pages == 1  # tabloid was two sheets; A3 once three, the first blank below its header
    assert size == list(PAPER_SIZES[paper])
    assert last_words(a06) in text
    assert NOTICE not in text


def test_the_print_export_of_too_much_copy_prints_one_sheet_that_says_so(crowded, settings):
    settings.NEWSROOM_PAPER_SIZE = "tabloid"
    html = export_page(crowded, "html").content.decode()
    pages, _size, text = text_of(chromium_pdf(html))
    assert pages == 1
    assert NOTICE in text


def test_the_pdf_maker_fetches_only_embedded_pictures(tmp_path):
    pytest.importorskip("weasyprint", reason="WeasyPrint makes the page PDFs")
    from PIL import Image

    from articles.epaper.pdf import _document

    picture = tmp_path / "local.png"
    Image.new("RGB", (40, 30), "red").save(picture)
    inline = "data:image/png;base64," + base64.b64encode(picture.read_bytes()).decode()
    document = _document(
        f'<img src="{inline}"><img src="{picture.as_uri()}"><img src="http://127.0.0.1:9/x.png">'
    )
    pictures = [
        box
        for box in document.pages[0]._page_box.descendants()
        if type(box).__name__ == "InlineReplacedBox"
    ]
    assert len(pictures) == 1  # the data URI; neither the server's file nor the network


# The admin: the art editor sees which page PDFs cut copy -------------------------------


def test_the_art_editor_sees_which_page_pdfs_cut_copy(client_for, db):
    pytest.importorskip("weasyprint", reason="WeasyPrint makes the page PDFs")
    import io

    from django.core.files.base import ContentFile
    from django.urls import reverse

    from articles.epaper.pdf import OVERFLOW, _document
    from articles.models import PagePrint

    def pdf(keywords):
        buffer = io.BytesIO()
        _document(f'<meta name="keywords" content="{keywords}"><p>版</p>').write_pdf(buffer)
        return ContentFile(buffer.getvalue(), name="p.pdf")

    # The flag is read from the PDF when save_pdf stores it (tested below); rows made here
    # carry what it would have read.
    cut = PagePrint.objects.create(page=PageFactory(label="A01"), pdf=pdf(OVERFLOW), cuts_copy=True)
    whole = PagePrint.objects.create(page=PageFactory(label="A02"), pdf=pdf("other"))
    uploaded = PagePrint.objects.create(
        page=PageFactory(label="A03"), pdf=pdf(OVERFLOW), source=PagePrint.Source.UPLOADED
    )
    client = client_for("arteditor")
    listing = client.get(reverse("admin:articles_pageprint_changelist")).content.decode()
    assert "排入一版" in listing
    assert listing.count("icon-no.svg") == 1 and listing.count("icon-yes.svg") == 1
    assert listing.count("icon-unknown.svg") == 1  # an upload: the layout system's own sheet
    for sheet, notice in ((cut, True), (whole, False), (uploaded, False)):
        url = reverse("admin:articles_pageprint_change", args=[sheet.pk])
        html = client.get(url).content.decode()
        assert ("本版稿件超出一版，版面PDF未印出末尾部分" in html) is notice


def test_a_page_whose_pdf_cuts_copy_is_flagged_once_and_named_on_the_flatplan(
    crowded, settings, client_for, django_assert_max_num_queries
):
    """The overflow is read from the PDF once, when it is stored, and kept on its row: the
    page PDF list and the flatplan show it without opening any file."""
    pytest.importorskip("weasyprint", reason="WeasyPrint makes the page PDFs")
    from django.urls import reverse

    from articles.epaper.refresh import refresh_page
    from articles.models import PagePrint

    settings.NEWSROOM_PAPER_SIZE = "tabloid"
    refresh_page(crowded)
    sheet = PagePrint.objects.get(page=crowded)
    assert sheet.cuts_copy and overflowed(sheet.pdf.open("rb").read())
    client = client_for("arteditor")
    flatplan = client.get(reverse("admin:articles_edition_flatplan", args=[crowded.edition_id]))
    assert "本版稿件超出一版，版面PDF未印出末尾部分" in flatplan.content.decode()
    listing = client.get(reverse("admin:articles_pageprint_changelist"))
    assert 'alt="False"' in listing.content.decode()  # 排入一版: no
    # An upload from the layout system is its own page: never flagged, whatever it says.
    sheet.source = PagePrint.Source.UPLOADED
    sheet.save()
    from articles.epaper.refresh import save_pdf

    save_pdf(crowded, sheet.pdf.open("rb").read(), PagePrint.Source.UPLOADED, "x" * 64)
    assert not PagePrint.objects.get(page=crowded).cuts_copy
    assert (
        "本版稿件超出一版"
        not in client.get(
            reverse("admin:articles_edition_flatplan", args=[crowded.edition_id])
        ).content.decode()
    )
