"""manage.py make_epaper: what `make demo` runs for the seed edition."""

import pytest
from django.core.management import CommandError, call_command

pytest.importorskip("weasyprint", reason="WeasyPrint makes the page PDFs")

from articles.models import PageImage, PagePrint, StoryArea


def test_make_epaper_makes_a_page_once(seed, capsys):
    call_command("make_epaper", "--edition", "2023-12-26", "--page", "A05", "--paper", "tabloid")
    out = capsys.readouterr().out
    assert "2023-12-26 A05: pdf made, 8 images, " in out and "not found" not in out
    sheet = PagePrint.objects.get()
    assert round(sheet.width_pt * 25.4 / 72) == 273  # tabloid, as asked
    assert PageImage.objects.count() == 8
    assert set(StoryArea.objects.values_list("article__page__label", flat=True)) == {"A05"}
    call_command("make_epaper", "--edition", "2023-12-26", "--page", "A05", "--paper", "tabloid")
    assert "A05: pdf up to date, 0 images, 0 areas" in capsys.readouterr().out


def test_make_epaper_names_an_unknown_edition(seed):
    with pytest.raises(CommandError, match="2023-12-27"):
        call_command("make_epaper", "--edition", "2023-12-27")
