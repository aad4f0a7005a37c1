"""Story areas (热区) found from a page PDF's text positions, stories matched by their text.

Nothing here depends on who made the PDF: our print export, or the layout system the
art editor uploads from.  The steps:

1. ``lines``: the PDF's characters (PDFium, ``read_pdf``) grouped into runs of one text line in
   one column: characters on the same baseline with no gap wider than most of a
   character between them.
2. ``assign``: each run is matched to the story whose text holds its character pairs
   (bigrams), pairs that only one story of the page has weighing most; a run too short
   to tell (a line's last character or two) goes with the run just above it.
3. ``rectangles``: each story's runs are joined into column blocks (next lines of one
   column), and the blocks into larger rectangles as long as a rectangle holds no run
   of another story; photos right below or above a rectangle join it.

Areas are fractions (0..1) of the page's width and height, from its top left corner.
"""

import ctypes
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field

PUNCTUATION = set("，。、；：？！“”‘’（）《》〈〉【】—…·,.;:?!\"'()[]-")
# A story is found when its runs on the page hold this share of its text, or this many
# characters (a story continued on another page, 转版, has only its start here).
MIN_SHARE, MIN_CHARS = 0.3, 40
# A rectangle grows by this much (points) beyond its text, so the area is easy to hit.
PADDING = 2.0


def normalize(text):
    """Text compared by its characters only: NFKC, no white space, no punctuation."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in text if not ch.isspace() and ch not in PUNCTUATION)


def bigrams(text):
    return {text[i : i + 2] for i in range(len(text) - 1)} if len(text) > 1 else {text} - {""}


@dataclass
class Run:
    """A run of characters on one line of one column."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    story: int | None = None

    @property
    def key(self):
        return normalize(self.text)


@dataclass
class Box:
    x0: float
    top: float
    x1: float
    bottom: float
    runs: list = field(default_factory=list)

    @classmethod
    def around(cls, runs):
        return cls(
            min(r.x0 for r in runs),
            min(r.top for r in runs),
            max(r.x1 for r in runs),
            max(r.bottom for r in runs),
            list(runs),
        )

    def union(self, other):
        return Box.around(self.runs + other.runs)

    def area(self):
        return (self.x1 - self.x0) * (self.bottom - self.top)

    def overlaps(self, x0, top, x1, bottom, margin=0.5):
        return (
            x0 < self.x1 - margin
            and x1 > self.x0 + margin
            and top < self.bottom - margin
            and bottom > self.top + margin
        )


@dataclass
class StoryText:
    """What of a story can be printed: its id, title and all its text."""

    id: int
    headline: str
    text: str


def story_texts(page):
    """The stories of ``page`` as ``StoryText``, in page order, from the print export's data."""
    from articles.epaper.pdf import export_data

    texts = []
    for story in export_data(page)["stories"]:
        parts = [story["kicker"], story["headline"], story["subheadline"], story["byline"]]
        parts += [story["dateline"]] + [block["text"] for block in story["body"]]
        parts += [
            f"{photo.get('caption', '')}{photo.get('credit', '')}" for photo in story["photos"]
        ]
        for roster in story["rosters"]:
            parts += [roster["title"], "、".join(roster["names"])]
        texts.append(StoryText(story["id"], story["headline"], "\n".join(p for p in parts if p)))
    return texts


def read_pdf(pdf):
    """(width, height, chars, images) of the PDF's first page, read with PDFium.

    chars: dicts of ``text``, ``x0``, ``x1``, ``top``, ``bottom`` (points from the top
    left) and ``size``; images: (x0, top, x1, bottom) of its pictures.  PDFium rather
    than pdfminer (pdfplumber): it reads the CID-keyed CFF fonts that layout systems and
    fpdf2 embed for Chinese, where pdfminer finds no characters at all, and it is fast.
    """
    import pypdfium2
    import pypdfium2.raw as pdfium_c

    source = pdf if isinstance(pdf, bytes) else pdf.read()
    document = pypdfium2.PdfDocument(source)
    try:
        page = document[0]
        width, height = page.get_size()
        text = page.get_textpage()
        chars = []
        origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
        for index in range(text.count_chars()):
            char = text.get_text_range(index, 1)
            if not char or char.isspace():
                continue
            # Across: the glyph's own box (the loose box spans the font's bounding box,
            # which for CJK fonts reaches into the next column).  Down: from the baseline,
            # so that every character of a line has the same top and bottom.
            left, bottom, right, top = text.get_charbox(index, loose=False)
            size = pdfium_c.FPDFText_GetFontSize(text, index) or (top - bottom)
            pdfium_c.FPDFText_GetCharOrigin(text, index, origin_x, origin_y)
            baseline = origin_y.value
            chars.append(
                {
                    "text": char,
                    "x0": left,
                    "x1": max(right, left + size * 0.3),
                    "top": height - baseline - size * 0.88,
                    "bottom": height - baseline + size * 0.12,
                    "size": size,
                }
            )
        images = []
        for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=3):
            left, bottom, right, top = obj.get_bounds()
            images.append((left, height - top, right, height - bottom))
        return float(width), float(height), chars, images
    finally:
        document.close()


def lines(chars):
    """The characters grouped into runs (``Run``), top to bottom, left to right."""
    rows = []
    for char in sorted(chars, key=lambda c: (round(c["bottom"], 1), c["x0"])):
        size = char["size"] or (char["bottom"] - char["top"])
        row = rows[-1] if rows else None
        if row and abs(row[-1]["bottom"] - char["bottom"]) <= size * 0.3:
            row.append(char)
        else:
            rows.append([char])
    runs = []
    for row in rows:
        row.sort(key=lambda c: c["x0"])
        current = [row[0]]
        for char in row[1:]:
            size = min(char["size"], current[-1]["size"])
            other_type = max(char["size"], current[-1]["size"]) > size * 1.25
            if other_type or char["x0"] - current[-1]["x1"] > size * 0.8:
                runs.append(_run(current))
                current = []
            current.append(char)
        runs.append(_run(current))
    return runs


def _run(chars):
    return Run(
        "".join(c["text"] for c in chars),
        min(c["x0"] for c in chars),
        min(c["top"] for c in chars),
        max(c["x1"] for c in chars),
        max(c["bottom"] for c in chars),
        max(c["size"] for c in chars),
    )


def assign(runs, stories):
    """Set each run's ``story`` to the id of the story whose text it is (or leave None)."""
    texts = {story.id: normalize(story.text) for story in stories}
    grams = {story_id: bigrams(text) for story_id, text in texts.items()}
    spread = Counter(gram for story_grams in grams.values() for gram in story_grams)
    undecided = {}
    for run in runs:
        key = run.key
        if len(key) < 3:
            undecided[id(run)] = set(grams)
            continue
        own = bigrams(key)
        scores = {}
        for story_id, story_grams in grams.items():
            found = own & story_grams
            if len(found) >= 0.6 * len(own) and _holds_half(texts[story_id], key):
                scores[story_id] = sum(1 / spread[gram] for gram in found)
        if scores:
            ranked = sorted(scores.values(), reverse=True)
            if len(ranked) == 1 or ranked[0] > ranked[1]:
                run.story = max(scores, key=scores.get)
            else:
                undecided[id(run)] = {i for i, score in scores.items() if score == ranked[0]}
    # A short run (the end of a paragraph), or one that two stories both hold word for
    # word, belongs to the story of the line right above it, if that is one it may be.
    for run in sorted(runs, key=lambda r: r.top):
        if run.story is None and id(run) in undecided:
            above = _line_above(run, runs)
            if above is not None and above.story in undecided[id(run)]:
                run.story = above.story


def _holds_half(text, key):
    """Whether ``text`` has half of ``key`` word for word (not only its pairs, which
    a page header's 株洲日报 and date share with every byline)."""
    window = (len(key) + 1) // 2
    return any(key[i : i + window] in text for i in range(len(key) - window + 1))


def _line_above(run, runs):
    candidates = [
        other
        for other in runs
        if other.story is not None
        and other.bottom <= run.top + run.size * 0.3
        and run.top - other.bottom < run.size * 1.5
        and abs(other.x0 - run.x0) < run.size * 3
    ]
    return max(candidates, key=lambda other: other.bottom, default=None)


def _blocks(story_runs, size):
    """A story's runs joined into column blocks: next lines that start at the same x."""
    blocks = []
    for run in sorted(story_runs, key=lambda r: (r.top, r.x0)):
        for block in blocks:
            last = block[-1]
            line = max(run.size, last.size)
            same_column = abs(run.x0 - last.x0) < line * 2.5 or (
                run.x0 < last.x1 and run.x1 > last.x0 and abs(run.x0 - block[0].x0) < line * 2.5
            )
            if same_column and -line * 0.3 < run.top - last.bottom < line * 2.2:
                block.append(run)
                break
        else:
            blocks.append([run])
    return [Box.around(block) for block in blocks]


def rectangles(runs, images=(), min_chars=4):
    """{story id: [Box]}: each story's runs joined into as few rectangles as hold no other
    story's run; a block of fewer than ``min_chars`` characters alone is dropped."""
    by_story = defaultdict(list)
    for run in runs:
        if run.story is not None:
            by_story[run.story].append(run)
    result = {}
    for story_id, story_runs in by_story.items():
        # Text of other stories stops a rectangle; text of none (a line that could not
        # be told apart, a page header) does not.
        others = [r for r in runs if r.story not in (None, story_id)]
        boxes = _blocks(story_runs, None)

        def clear(box, others=others):
            return not any(box.overlaps(r.x0, r.top, r.x1, r.bottom) for r in others)

        merged = True
        while merged and len(boxes) > 1:
            merged = False
            best = None
            for i in range(len(boxes)):
                for j in range(i + 1, len(boxes)):
                    union = boxes[i].union(boxes[j])
                    growth = union.area() - boxes[i].area() - boxes[j].area()
                    if (best is None or growth < best[0]) and clear(union):
                        best = (growth, i, j, union)
            if best:
                _growth, i, j, union = best
                boxes = [b for k, b in enumerate(boxes) if k not in (i, j)] + [union]
                merged = True
        boxes = [b for b in boxes if sum(len(r.key) for r in b.runs) >= min_chars] or boxes
        result[story_id] = [_with_photos(box, images, clear) for box in boxes]
    return result


def _with_photos(box, images, clear):
    """``box`` grown to a photo just above or below it in its column (a photo story's
    picture, a lead photo), if it then still holds no other story's text."""
    line = max(r.size for r in box.runs)
    for x0, top, x1, bottom in images:
        width = x1 - x0
        shared = min(x1, box.x1) - max(x0, box.x0)
        near = -line < top - box.bottom < line * 2 or -line < box.top - bottom < line * 2
        if width > 0 and shared > 0.6 * width and near:
            grown = Box(
                min(box.x0, x0),
                min(box.top, top),
                max(box.x1, x1),
                max(box.bottom, bottom),
                box.runs,
            )
            if clear(grown):
                box = grown
    return box


@dataclass
class Area:
    story: int
    left: float
    top: float
    width: float
    height: float


def find_areas(pdf, stories):
    """(areas, missing): ``Area`` rectangles of each of ``stories`` (``StoryText``) found
    in ``pdf`` (bytes or a file), as fractions of the page; ids of stories not found."""
    width, height, chars, images = read_pdf(pdf)
    runs = lines(chars)
    assign(runs, stories)
    # A story is on the page when enough of its text is: a byline or a phrase that
    # another page's story shares is not the story.
    held = Counter()
    for run in runs:
        if run.story is not None:
            held[run.story] += len(run.key)
    for story in stories:
        if held[story.id] < min(MIN_SHARE * len(normalize(story.text)), MIN_CHARS):
            for run in runs:
                if run.story == story.id:
                    run.story = None
    found = rectangles(runs, images)
    areas = []
    for story in stories:
        for box in sorted(found.get(story.id, []), key=lambda b: (b.x0, b.top)):
            x0, top = max(0.0, box.x0 - PADDING), max(0.0, box.top - PADDING)
            x1, bottom = min(width, box.x1 + PADDING), min(height, box.bottom + PADDING)
            areas.append(
                Area(story.id, x0 / width, top / height, (x1 - x0) / width, (bottom - top) / height)
            )
    missing = [story.id for story in stories if story.id not in found]
    return areas, missing
