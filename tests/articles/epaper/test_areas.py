"""Story areas found on page PDFs that our print export did not make (fpdf2, Noto Sans CJK),
in several column layouts: each story's areas hold its title and most of its text, and no
other story's title."""

import random
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from articles.epaper.areas import StoryText, find_areas

fpdf = pytest.importorskip("fpdf", reason="fpdf2 (a dev dependency) makes the test PDFs")

FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
pytestmark = pytest.mark.skipif(not FONT.exists(), reason="fonts-noto-cjk is not installed")

# Common characters of news copy; stories are drawn from them, so they share many pairs.
HANZI = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也"
    "能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实"
    "加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样"
    "与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情"
    "者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级"
    "少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处府研质信"
)


@dataclass
class Line:
    text: str
    box: tuple  # x0, top, x1, bottom in points


@dataclass
class Story:
    id: int
    headline: str
    body: str
    lines: list = field(default_factory=list)
    headline_boxes: list = field(default_factory=list)


def make_story(rng, story_id, length):
    headline = "".join(rng.choice(HANZI) for _ in range(rng.randint(8, 14)))
    body = "本报记者报道" + "".join(rng.choice(HANZI) for _ in range(length))
    return Story(story_id, headline, body)


class Page:
    def __init__(self, width, height):
        self.pdf = fpdf.FPDF(unit="pt", format=(width, height))
        self.pdf.set_auto_page_break(False)
        self.pdf.add_page()
        self.pdf.add_font("noto", fname=str(FONT), collection_font_number=2)

    def write(self, text, x, top, size):
        self.pdf.set_font("noto", size=size)
        self.pdf.text(x, top + size * 0.88, text)
        return Line(text, (x, top, x + size * len(text), top + size))

    def place(self, story, x, top, width, height, columns=1, gap=12, size=10, title=20):
        """The story in a region of ``columns`` columns, its headline across all of them."""
        per_line = int(width // title)
        for start in range(0, len(story.headline), per_line):
            line = self.write(story.headline[start : start + per_line], x, top, title)
            story.headline_boxes.append(line.box)
            top += title * 1.3
        column = (width - gap * (columns - 1)) / columns
        chars = int(column // size)
        text, y, col = story.body, top, 0
        bottom = self.region_bottom
        while text and col < columns:
            if y + size > bottom:
                col, y = col + 1, top
                continue
            story.lines.append(self.write(text[:chars], x + col * (column + gap), y, size))
            text, y = text[chars:], y + size * 1.5
        return story

    def output(self):
        return bytes(self.pdf.output())


def inside(box, area, page_size, slack=1.0):
    width, height = page_size
    left, top = area.left * width, area.top * height
    right, bottom = left + area.width * width, top + area.height * height
    x0, y0, x1, y1 = box
    return x0 >= left - slack and x1 <= right + slack and y0 >= top - slack and y1 <= bottom + slack


def center_inside(box, area, page_size):
    x, y = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return inside((x, y, x, y), area, page_size, slack=0)


def check(pdf_bytes, stories, page_size):
    texts = [StoryText(s.id, s.headline, s.headline + "\n" + s.body) for s in stories]
    areas, missing = find_areas(pdf_bytes, texts)
    assert missing == []
    for story in stories:
        own = [area for area in areas if area.story == story.id]
        assert own, story.id
        for box in story.headline_boxes:
            assert any(inside(box, area, page_size) for area in own), (story.id, "headline")
        held = sum(
            len(line.text)
            for line in story.lines
            if any(inside(line.box, area, page_size) for area in own)
        )
        placed = sum(len(line.text) for line in story.lines)
        assert held >= 0.9 * placed, (story.id, held, placed)
        for other in stories:
            if other is story:
                continue
            for box in other.headline_boxes:
                assert not any(center_inside(box, area, page_size) for area in own), (
                    story.id,
                    "holds the title of",
                    other.id,
                )
    return areas


def layout(page, stories, regions):
    for story, (x, top, width, height, columns) in zip(stories, regions, strict=True):
        page.region_bottom = top + height
        page.place(story, x, top, width, height, columns)


@pytest.mark.parametrize(
    ("size", "regions"),
    [
        # A3, three single-column stories side by side and two below.
        (
            (842, 1191),
            [
                (40, 60, 240, 600, 1),
                (300, 60, 240, 600, 1),
                (560, 60, 240, 600, 1),
                (40, 700, 500, 450, 2),
                (560, 700, 240, 450, 1),
            ],
        ),
        # Broadsheet, a lead story over four columns, two of two columns, a narrow one.
        (
            (1114, 1548),
            [
                (40, 50, 780, 620, 4),
                (40, 700, 380, 800, 2),
                (440, 700, 380, 800, 2),
                (840, 50, 230, 1450, 1),
            ],
        ),
        # Tabloid, two columns of stacked stories, the top one across the page.
        (
            (774, 1114),
            [
                (40, 40, 690, 330, 3),
                (40, 400, 330, 330, 1),
                (40, 760, 330, 330, 1),
                (400, 400, 330, 690, 2),
            ],
        ),
    ],
    ids=["a3-five-stories", "broadsheet-lead-over-four", "tabloid-stacked"],
)
def test_areas_on_pdfs_another_producer_made(size, regions):
    rng = random.Random(len(regions) * 1000 + size[0])
    stories = [make_story(rng, 100 + i, rng.randint(400, 1400)) for i in range(len(regions))]
    page = Page(*size)
    layout(page, stories, regions)
    check(page.output(), stories, size)


def test_a_story_not_on_the_page_is_listed_missing():
    rng = random.Random(7)
    stories = [make_story(rng, i, 500) for i in (1, 2)]
    absent = make_story(rng, 3, 500)
    page = Page(842, 1191)
    layout(page, stories, [(40, 60, 360, 1000, 1), (420, 60, 360, 1000, 1)])
    texts = [StoryText(s.id, s.headline, s.headline + s.body) for s in [*stories, absent]]
    areas, missing = find_areas(page.output(), texts)
    assert missing == [3]
    assert {area.story for area in areas} == {1, 2}
