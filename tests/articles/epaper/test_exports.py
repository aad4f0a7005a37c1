"""export_layout --format pdf gives the page PDF; the edition zip holds page PDFs and images."""

import io
import zipfile

import pytest
from django.core.management import call_command

pytest.importorskip("weasyprint", reason="WeasyPrint makes the page PDFs")
pypdfium2 = pytest.importorskip("pypdfium2", reason="PDFium renders the page images")

from articles.exports.formats import export_edition  # noqa: E402
from articles.models import Edition, PagePrint  # noqa: E402


def test_export_layout_pdf_then_the_edition_zip_holds_it_and_its_images(seed, tmp_path):
    target = tmp_path / "a06.pdf"
    call_command(
        "export_layout", "--edition", "2023-12-26", "--page", "A06", "--format", "pdf",
        "--output", str(target),
    )  # fmt: skip
    document = pypdfium2.PdfDocument(target.read_bytes())
    assert len(document) == 1
    assert "技能" in document[0].get_textpage().get_text_range()
    sheet = PagePrint.objects.get(page__label="A06")
    assert sheet.pdf.open("rb").read() == target.read_bytes()

    # Every format but pdf: the PDF and images already made are in the zip, none is made.
    names = zipfile.ZipFile(
        io.BytesIO(export_edition(Edition.objects.get(), ["json"]).content)
    ).namelist()
    assert "2023-12-26-A06.pdf" in names and "2023-12-26-A05.pdf" not in names
    assert "2023-12-26-A06/images/1440.webp" in names
    assert "2023-12-26-A06/images/160.jpg" in names
    assert not PagePrint.objects.filter(page__label="A05").exists()
