"""The print export is one sheet of the newsroom's paper: in WeasyPrint (the page PDF,
type fitted) and, at the paper's own scale, in Chromium (what staff print from)."""

import base64

import pytest

from articles.epaper.pdf import PAPER_SIZES, fit_scale
from articles.exports.formats import export_page, find_page
from tests.chromium import ARGS, CHROMIUM, unavailable

pypdfium2 = pytest.importorskip("pypdfium2", reason="PDFium counts the sheets")


class FakeDocument:
    def __init__(self, pages):
        self.pages = [None] * pages


def test_fit_scale_shrinks_type_until_the_copy_fits_one_sheet(monkeypatch):
    monkeypatch.setattr("articles.epaper.pdf._filled", lambda document: len(document.pages) + 0.5)
    tried = []

    def render(scale):  # copy that fills 2.5 sheets at scale 1 and fits at 0.55
        tried.append(round(scale, 3))
        return FakeDocument(1 if scale <= 0.55 else 3)

    scale, document = fit_scale(render)
    assert len(document.pages) == 1 and 0.5 < scale <= 0.55
    assert tried[0] == 1.0 and len(tried) <= 5  # each try is a whole layout


@pytest.mark.parametrize("paper", ["a3", "broadsheet"])
def test_the_seed_a06_prints_on_one_sheet_in_chromium(seed, settings, paper):
    if not CHROMIUM.exists():
        unavailable(f"Chromium is not at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    settings.NEWSROOM_PAPER_SIZE = paper
    html = export_page(find_page("2023-12-26", "A06"), "html").content.decode()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page()
            page.set_content(html)
            printed = page.pdf(prefer_css_page_size=True)
        finally:
            browser.close()
    document = pypdfium2.PdfDocument(printed)
    assert len(document) == 1  # A3 was three sheets, the first blank below its header
    width, height = PAPER_SIZES[paper]
    assert [round(side * 25.4 / 72) for side in document[0].get_size()] == [width, height]


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
