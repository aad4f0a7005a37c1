"""The print export's sheet: the paper, its columns, and the type scale that fits the copy.

Request-free and browser-free.  A printed page is one sheet of the newsroom's paper
(``NEWSROOM_PAPER_SIZE``): the print export lays its stories out in a box of the
sheet's size that never runs on to a second sheet (templates/layout/page_print.html),
so what is not set on it is cut.  ``fitted_sheet`` picks the type scale at which the
copy fills that box, from a model of how the stories set (CJK text is one em a
character; lines, headlines, pictures and captions as the print CSS sizes them), so
that the HTML export prints on one sheet from Chromium as it stands.  The page PDF
checks the fit by laying the page out in WeasyPrint (``articles.epaper.pdf``); copy
that does not fit even at the smallest type is said to overflow, and the sheet says
so in print.
"""

import math
from dataclasses import asdict, dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

# Sheet sizes in millimetres (width, height), portrait.  对开 (broadsheet) and 四开
# (tabloid) as Chinese dailies print them; A3 for newsrooms that proof on office printers.
PAPER_SIZES = {
    "broadsheet": (393, 546),
    "tabloid": (273, 393),
    "a3": (297, 420),
}
# Type scale bounds (1 = 10.5pt body type) and the step between tries.
MIN_SCALE, MAX_SCALE, STEP = 0.5, 1.5, 0.97

# The print CSS's measures, in millimetres (templates/layout/page_print.html).
MARGIN = 12  # @page margin
HEADER = 16  # the page header's box, fixed: its type is not scaled
GAP = 6  # between columns
COLUMN = 60  # about this wide, as papers set them
BODY_PT = 10.5
PT = 25.4 / 72
LINE = 1.6  # line height of the text, in ems
# Copy that fills more than this share of the columns' height is taken not to fit: a
# column break before a picture or after a headline leaves some room empty.
FILL = 0.9
# A picture is at most this share of a column's height (the print CSS's max-height).
PHOTO_SHARE = 0.33


def paper_size(name=None):
    """``(name, (width, height))`` of the paper ``name``, the newsroom's by default."""
    name = (name or settings.NEWSROOM_PAPER_SIZE).lower()
    try:
        return name, PAPER_SIZES[name]
    except KeyError:
        raise ImproperlyConfigured(
            f"NEWSROOM_PAPER_SIZE is {name!r}; it must be one of {', '.join(PAPER_SIZES)}."
        ) from None


def columns(width_mm):
    """Text columns of a sheet ``width_mm`` wide: about 60 mm each."""
    return max(2, round((width_mm - 2 * MARGIN) / COLUMN))


@dataclass(frozen=True)
class Sheet:
    """What page_print.html lays a page out on (millimetres)."""

    name: str
    width: int
    height: int
    columns: int
    scale: float
    # Whether the copy is known not to fit (the PDF maker laid it out), and whether that
    # was measured at all: Chromium finds it out by itself (a container query), which
    # WeasyPrint, measuring instead, does not know.
    overflow: bool = False
    measured: bool = False

    @property
    def column_width(self):
        return (self.width - 2 * MARGIN - (self.columns - 1) * GAP) / self.columns

    @property
    def body_height(self):
        """The height of the stories' box under the page header."""
        return self.height - 2 * MARGIN - HEADER

    @property
    def photo_height(self):
        return round(self.body_height * PHOTO_SHARE, 1)

    def context(self):
        """The template's ``sheet``."""
        return {
            **asdict(self),
            "scale": f"{self.scale:.3f}",
            "body_height": f"{self.body_height:.1f}",
            "margin": MARGIN,
            "inner_width": self.width - 2 * MARGIN,
            "frame_height": self.height - 2 * MARGIN,
            "header_height": HEADER,
            "photo_height": self.photo_height,
            "gap": GAP,
        }


def _lines(text, per_line):
    return max(1, math.ceil(len(text) / per_line)) if text else 0


def copy_height(data, sheet):
    """The height (mm) of ``data``'s stories set in one column of ``sheet``, end to end."""
    em = BODY_PT * PT * sheet.scale
    width = sheet.column_width

    def block(text, size=1.0, line=LINE, indent=0, after=0.0):
        per_line = max(1, int(width / (em * size)))
        return _lines(" " * indent + text, per_line) * em * size * line + after

    total = 0.0
    for number, story in enumerate(data["stories"]):
        if number:
            total += 0.8 * em + 0.3  # the rule and its padding
        total += block(story.get("column") or "", 0.86, after=1)
        total += block(story.get("kicker") or "", 1.05, after=1)
        total += block(story["headline"], 1.62, 1.3, after=1.6)
        total += block(story.get("subheadline") or "", 1.05, after=1)
        total += block(story.get("byline") or "", 0.9, after=2)
        for paragraph in story.get("editor_note") or ():
            total += block(paragraph, 0.95, indent=2, after=0.3 * em)
        dateline = story.get("dateline") or ""
        for place, item in enumerate(story.get("body", [])):
            text = item["text"]
            if item.get("type") == "intertitle":
                total += block(text, 1.05, after=3.2)
            elif item.get("type") == "verse":
                for verse_line in text.split("\n"):  # a line of verse is a line of its own
                    total += block(verse_line, indent=2)
                total += 0.3 * em
            else:
                text = f"{dateline} {text}" if dateline and not place else text
                total += block(text, indent=2, after=0.3 * em)
        total += block(story.get("author_note") or "", 0.95, indent=2)
        for photo in story.get("photos", []):
            ratio = (photo.get("height") or 2) / (photo.get("width") or 3)
            total += min(width * ratio, sheet.photo_height) + 3.2
            total += block((photo.get("caption") or "") + (photo.get("credit") or ""), 0.86)
        total += 1.1 * em
    rosters = [roster for story in data["stories"] for roster in story.get("rosters", [])]
    if rosters:
        total += block("相关链接", 1.14, 1.3) + 7
        for roster in rosters:
            total += block(roster.get("title") or "", 0.95, after=2)
            total += block("、".join(roster.get("names", [])))
    return total


def fits(data, sheet):
    """Whether ``data``'s copy fills no more than ``FILL`` of ``sheet``'s columns."""
    return copy_height(data, sheet) <= sheet.columns * sheet.body_height * FILL


def scales(start=MAX_SCALE):
    """The scales tried, largest first: ``start``, then 3% smaller down to ``MIN_SCALE``."""
    scale = start
    while scale > MIN_SCALE:
        yield scale
        scale *= STEP
    yield MIN_SCALE


def fitted_sheet(data, paper=None):
    """The ``Sheet`` of ``paper`` with the largest type at which ``data``'s copy fits;
    at ``MIN_SCALE`` with ``overflow`` set if it fits at none."""
    name, (width, height) = paper_size(paper)
    for scale in scales():
        sheet = Sheet(name, width, height, columns(width), scale)
        if fits(data, sheet):
            return sheet
    return Sheet(name, width, height, columns(width), MIN_SCALE, overflow=True)
