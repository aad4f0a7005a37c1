"""Page text (as converted from PDF, like the seed) parsed into pages and stories.

The text is Markdown-ish: ``## `` headings, hard line breaks (two trailing
spaces) inside multi-line headings and intertitles, blank lines between
paragraphs.  ``parse_page_text`` is pure: it returns plain dataclasses and
raises ``LayoutError`` (line number and text) on input it cannot read.

How the page's pieces are recognised (the rules that reproduce the seed fixture):

* a heading followed by a staff line (``责任编辑:王建设 美术编辑:王玺``) opens a
  new page; the heading is the page's name and section;
* headings and multi-line blocks followed (after any captioned photos) by a
  credit line are a story's head: a leading district label (株洲高新区,
  石峰区响石岭街道) gives the section, two headings or a two-line block are
  kicker and headline, a multi-line block under a heading headline is the
  subheadline (its lines joined);
* a multi-line block followed by a bare name is a commentary (headline on one
  line, its parts joined by a space), credited to 评论作者 and linked to the
  story before it;
* a multi-line block followed by paragraphs and a standalone ``…摄`` credit
  line is a photo story in the page's own section;
* any other heading or multi-line block inside a story is an intertitle;
* ``相关链接`` opens the roster box: ``1. 标题(15名)`` headings followed by
  names separated by 、, attached to the page's lead story;
* a paragraph that does not end a sentence is joined to the next one (the
  page broke it), and half-width punctuation becomes full-width.
"""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from articles.credits import PHOTO_MARK, Credit, is_plausible_name, parse_credits
from articles.models import Article
from articles.print_labels import DISTRICT_PAGE_SECTION, ROSTER_HEADING, LayoutError
from articles.typography import to_fullwidth_punctuation as fullwidth

# The story kinds are the model's: a parsed story's kind is what the store saves.
Kind = Article.Kind
PARAGRAPH, INTERTITLE = "paragraph", "intertitle"
# Data: the section of a page of district news, and what printed words mean.
COMMENTARY_ROLE = "评论作者"
STAFF_FIELDS = {"责任编辑": "chief_editor", "美术编辑": "art_editor", "校对": "proofreader"}

_DISTRICT = re.compile(r"^[\u4e00-\u9fff]{1,12}?(?:区|县|市|街道|镇|乡)$")
_DISTRICT_PARTS = re.compile(r"^([\u4e00-\u9fff]+?(?:区|县|市))([\u4e00-\u9fff]+?(?:街道|镇|乡))$")
_STAFF = re.compile(r"(责任编辑|美术编辑|校对)\s*[:：]\s*([^\s:：]*)")
_LEAD_CREDIT = re.compile(
    r"^(?P<credit>[^\s()（），,。]{0,12}[(（][^()（）]{1,80}[)）])(?P<rest>.*)$", re.S
)
_DATELINE = re.compile(r"^(\d{1,2}月\d{1,2}日)(?:电|讯)?\s*[,，]?\s*")
_ROSTER_TITLE = re.compile(r"^(?P<title>.+?)\s*[(（](?P<count>\d+)\s*名[)）]$")
_SENTENCE_PUNCTUATION = re.compile(r"[，,。！？!?；;“”\"]")
_SENTENCE_END = tuple("。！？!?…”’」』)）:：;；")
_CAPTION_END = tuple("。！？!?”）)")
_ROSTER_SEPARATORS = re.compile(r"[、，,\s]+")


@dataclass
class ParsedPhoto:
    caption: str
    credits: list[Credit]
    line: int = 0


@dataclass
class ParsedRoster:
    title: str
    stated_count: int
    names: list[str]
    line: int = 0

    @property
    def count_matches(self):
        return self.stated_count == len(self.names)


@dataclass
class ParsedArticle:
    headline: str
    kicker: str = ""
    subheadline: str = ""
    dateline: str = ""
    kind: str = Kind.NEWS
    districts: tuple[str, ...] = ()
    credits: list[Credit] = field(default_factory=list)
    body: list[dict] = field(default_factory=list)
    photos: list[ParsedPhoto] = field(default_factory=list)
    rosters: list[ParsedRoster] = field(default_factory=list)
    main_article: int | None = None  # index on the page of the story this one belongs to
    line: int = 0
    column: str = ""  # the column label (栏目) printed above the title
    editor_note: str = ""  # 编者按, kept apart from the reporter's text
    jumps: list[str] = field(default_factory=list)  # 下转第2版, 上接第1版: kept out of the body
    author_note: str = ""  # （作者为…）, kept out of the body

    @property
    def title(self):
        return " ".join(part for part in (self.kicker, self.headline, self.subheadline) if part)


@dataclass(frozen=True)
class SkippedLine:
    """A line that belongs to no story, and why it was left out.

    ``reason`` is one of ``SKIP_REASONS``.
    """

    line: int
    text: str
    reason: str


SKIP_REASONS = (
    "running_head",
    "masthead",
    "teaser",
    "page_number",
    "page_list",
    "copyright",
    "jump",
    "noise",
    "staff",
    "other",
)


@dataclass
class ParsedPage:
    name: str = ""
    section: str = ""
    staff: dict[str, str] = field(default_factory=dict)
    articles: list[ParsedArticle] = field(default_factory=list)
    line: int = 0
    skipped: list[SkippedLine] = field(default_factory=list)
    # What the page's running head printed: date (datetime.date or None), name, label.
    running_head: dict = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)  # worded for a person, translated
    staff_credits: list[Credit] = field(default_factory=list)  # every staff line, as printed

    @property
    def lead_article(self):
        return next((s for s in self.articles if s.kind != Kind.COMMENTARY), None)


# Blocks and items ---------------------------------------------------------------


@dataclass
class _Item:
    kind: str  # heading, multi, para, credit, photo, staff
    line: int
    text: str = ""
    lines: list[str] = field(default_factory=list)
    credits: list[Credit] = field(default_factory=list)
    rest: str = ""
    staff: dict[str, str] = field(default_factory=dict)

    @property
    def is_bare_name(self):
        return self.kind == "para" and len(self.text) <= 4 and is_plausible_name(self.text)


def _blocks(text):
    """(first line number, lines, hard-broken?) for each block; headings are blocks alone."""
    block, start, hard, previous = [], 0, False, ""
    for number, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip()
        if not stripped or stripped.startswith("#"):
            if block:
                yield start, block, hard
            block, hard = [], False
            if stripped:
                yield number, [stripped], False
            continue
        if not block:
            start = number
        # A Markdown hard line break: two trailing spaces or a backslash.
        if block and (previous.endswith("  ") or previous.endswith("\\")):
            hard = True
        previous = raw
        block.append(stripped.rstrip("\\").strip())
    if block:
        yield start, block, hard


def _credits_or_error(text, line):
    try:
        return parse_credits(text)
    except LayoutError as error:
        raise error.at(line) from None


def _looks_like_credit(text):
    return len(text) <= 60 and not _SENTENCE_PUNCTUATION.search(text)


def _classify(start, lines, hard):
    if lines[0].startswith("#"):
        return _Item("heading", start, text=lines[0].lstrip("#").strip())
    if len(lines) > 1 and hard:
        joined = " ".join(lines)
        if _looks_like_credit(joined):
            credits = _credits_or_error(joined, start)
            if credits and any(c.role for c in credits):
                return _Item("credit", start, text=joined, credits=credits)
        return _Item("multi", start, lines=lines)
    text = "".join(lines)
    if _STAFF.match(text):
        return _Item("staff", start, staff=dict(_STAFF.findall(text)))
    lead = _LEAD_CREDIT.match(text)
    if lead:
        try:
            credits = parse_credits(lead["credit"])
        except LayoutError as error:
            raise error.at(start) from None
        if credits and any(c.role for c in credits):
            return _Item("credit", start, text=text, credits=credits, rest=lead["rest"].strip())
    if text.endswith(PHOTO_MARK):
        return _photo_item(text, start)
    if _looks_like_credit(text) and "/" in text:
        credits = _credits_or_error(text, start)
        if credits and any(c.role for c in credits):
            return _Item("credit", start, text=text, credits=credits)
    elif _looks_like_credit(text) and len(text) <= 40:
        # 本报记者 张三 王五: a credit line without slashes, when every name looks like one.
        try:
            credits = parse_credits(text)
        except LayoutError:
            credits = []
        names = [name for credit in credits for name in credit.names]
        if credits and all(c.role for c in credits) and all(map(is_plausible_name, names)):
            return _Item("credit", start, text=text, credits=credits)
    return _Item("para", start, text=text)


def _photo_item(text, start):
    """A caption ending in its photo credit (``…现场。记者/刘震 摄``), or the credit alone."""
    if _looks_like_credit(text):
        caption, credit = "", text
    else:
        cut = max(text.rfind(mark) for mark in _CAPTION_END) + 1
        caption, credit = text[:cut], text[cut:]
    credits = _credits_or_error(credit, start) if credit.strip() else []
    if not credits:
        return _Item("para", start, text=text)
    credits = [Credit(c.unit, c.role, c.names, True) for c in credits]
    return _Item("photo", start, text=caption.strip(), credits=credits)


# Stories ------------------------------------------------------------------------


def is_district(text):
    return bool(_DISTRICT.match(text))


def district_path(text):
    """石峰区响石岭街道 → (石峰区, 响石岭街道); 芦淞区 → (芦淞区,)."""
    parts = _DISTRICT_PARTS.match(text)
    return (parts[1], parts[2]) if parts else (text,)


def _ends_sentence(text):
    return text.endswith(_SENTENCE_END)


class _Builder:
    def __init__(self):
        self.pages: list[ParsedPage] = []
        self.article: ParsedArticle | None = None
        self.last_para_open = False

    @property
    def page(self):
        if not self.pages:
            self.pages.append(ParsedPage(line=1))
        return self.pages[-1]

    def open_page(self, name, staff, line):
        if self.pages and not self.pages[-1].articles:
            self.pages[-1].name = self.pages[-1].section = name
            self.pages[-1].staff.update(staff)
        else:
            self.pages.append(ParsedPage(name=name, section=name, staff=staff, line=line))
        self.article = None

    def open_article(self, article):
        self.page.articles.append(article)
        self.article = article
        self.last_para_open = False

    def add_paragraph(self, text, line):
        if self.article is None:
            raise LayoutError(
                _("Text before the first story: no headline above it"), line, text[:40]
            )
        body = self.article.body
        if body and body[-1]["type"] == PARAGRAPH and not _ends_sentence(body[-1]["text"]):
            body[-1]["text"] += text
        else:
            body.append({"type": PARAGRAPH, "text": text})

    def add_intertitle(self, lines, line):
        if self.article is None:
            raise LayoutError(_("A heading with no story under it"), line, " ".join(lines))
        self.article.body.append({"type": INTERTITLE, "text": "\n".join(lines)})

    def add_photo(self, item):
        if self.article is None:
            raise LayoutError(_("A photo credit with no story above it"), item.line, item.text)
        self.article.photos.append(ParsedPhoto(item.text, item.credits, item.line))


def _head_article(head, kind, line):
    """Split a story's head (headings and multi-line blocks) into its parts."""
    groups = [
        ([item.text], True) if item.kind == "heading" else (list(item.lines), False)
        for item in head
    ]
    lines = [text for group, _heading in groups for text in group]
    districts = ()
    if len(lines) > 1 and is_district(lines[0]):
        districts = district_path(lines[0])
        first, heading = groups[0]
        groups[0] = (first[1:], heading)
        groups = [g for g in groups if g[0]]
        lines = lines[1:]
    article = ParsedArticle(headline="", kind=kind, districts=districts, line=line)
    if kind in (Kind.COMMENTARY, Kind.PHOTO):
        article.headline = " ".join(lines)
    else:
        headings = [group[0][0] for group in groups if group[1]]
        blocks = [group[0] for group in groups if not group[1]]
        if headings:
            if len(headings) >= 2:
                article.kicker, article.headline = headings[0], headings[1]
            else:
                article.headline = headings[0]
            rest = headings[2:] + [text for block in blocks for text in block]
            article.subheadline = "".join(rest)
        else:
            block = blocks[0]
            if len(block) == 1:
                article.headline = block[0]
            else:
                article.kicker, article.headline = block[0], block[1]
                article.subheadline = "".join(block[2:])
    article.kicker, article.headline, article.subheadline = (
        fullwidth(article.kicker),
        fullwidth(article.headline),
        fullwidth(article.subheadline),
    )
    return article


# A Markdown backslash escape of ASCII punctuation (the Markdown export writes them).
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def _unescaped(item):
    """``item`` with its text's escapes undone, once its kind was read from the escaped text."""
    item.text, item.rest = _ESCAPE.sub(r"\1", item.text), _ESCAPE.sub(r"\1", item.rest)
    item.lines = [_ESCAPE.sub(r"\1", line) for line in item.lines]
    return item


def _items(text):
    return [_unescaped(_classify(start, lines, hard)) for start, lines, hard in _blocks(text)]


def parse_page_text(text, *, edition_date=None, page_names=None):
    """Parse page text into a list of ``ParsedPage``, in the order printed.

    Raises ``LayoutError`` for empty text, text of headings only, unreadable
    credit lines and text that has no story.
    """
    if not text or not text.strip():
        raise LayoutError(_("The file is empty."))
    items = _items(text.replace("\r\n", "\n").replace("\r", "\n"))
    if all(item.kind == "heading" for item in items):
        raise LayoutError(_("The file holds only headings, no story text."), items[0].line)
    build = _Builder()
    i, count = 0, len(items)

    def kind_at(index):
        return items[index].kind if index < count else None

    while i < count:
        item = items[i]
        if item.kind == "heading" and kind_at(i + 1) == "staff":
            build.open_page(item.text, _staff(items[i + 1].staff), item.line)
            i += 2
            continue
        if item.kind == "staff":
            build.page.staff.update(_staff(item.staff))
            i += 1
            continue
        if item.kind == "heading" and item.text == ROSTER_HEADING:
            i = _rosters(items, i + 1, build)
            continue
        if item.kind in ("heading", "multi"):
            end = i
            while kind_at(end) in ("heading", "multi") and items[end].text != ROSTER_HEADING:
                if kind_at(end) == "heading" and kind_at(end + 1) == "staff":
                    break
                end += 1
            head = items[i:end]
            after = end
            while kind_at(after) == "photo" and items[after].text:
                after += 1
            if head and kind_at(after) == "credit":
                article = _head_article(head, Kind.NEWS, item.line)
                article.credits = items[after].credits
                build.open_article(article)
                for photo in items[end:after]:
                    build.add_photo(photo)
                rest = items[after].rest
                match = _DATELINE.match(rest)
                if match:
                    article.dateline = match[1]
                    rest = rest[match.end() :]
                if rest:
                    build.add_paragraph(rest, items[after].line)
                i = after + 1
                continue
            if head and end < count and items[end].is_bare_name and kind_at(end + 1) == "para":
                article = _head_article(head, Kind.COMMENTARY, item.line)
                article.credits = [Credit("", COMMENTARY_ROLE, (items[end].text,))]
                previous = build.page.lead_article if build.page.articles else None
                build.open_article(article)
                if previous is not None:
                    article.main_article = build.page.articles.index(previous)
                i = end + 1
                continue
            body_end = end
            while kind_at(body_end) == "para":
                body_end += 1
            if (
                head
                and item.kind == "multi"
                and body_end > end
                and kind_at(body_end) == "photo"
                and not items[body_end].text
            ):
                article = _head_article(head, Kind.PHOTO, item.line)
                build.open_article(article)
                for para in items[end:body_end]:
                    build.add_paragraph(para.text, para.line)
                while kind_at(body_end) == "photo" and not items[body_end].text:
                    build.add_photo(items[body_end])
                    body_end += 1
                build.article = None
                i = body_end
                continue
            lines = [item.text] if item.kind == "heading" else item.lines
            build.add_intertitle(lines, item.line)
            i += 1
            continue
        if item.kind == "photo":
            build.add_photo(item)
        elif item.kind == "credit":
            if build.article is None:
                raise LayoutError(_("A credit line with no headline above it"), item.line, "")
            # Inside a story a credit-like line is text (记者 手记, a closing （记者 张三）).
            build.add_paragraph(item.text or item.rest, item.line)
        else:
            build.add_paragraph(item.text, item.line)
        i += 1
    pages = [page for page in build.pages if page.articles]
    if not pages:
        raise LayoutError(_("No story found: a story needs a headline and a credit line."))
    for page in pages:
        if not page.section and any(article.districts for article in page.articles):
            page.name = page.section = DISTRICT_PAGE_SECTION
        for article in page.articles:
            for block in article.body:
                block["text"] = fullwidth(block["text"])
                if block["type"] == INTERTITLE:
                    block["text"] = "\n".join(fullwidth(t) for t in block["text"].split("\n"))
            for photo in article.photos:
                photo.caption = fullwidth(photo.caption)
    return pages


def _staff(found):
    return {STAFF_FIELDS[word]: name for word, name in found.items() if name}


def _rosters(items, i, build):
    article = build.page.lead_article
    while i < len(items) and items[i].kind == "heading":
        match = _ROSTER_TITLE.match(items[i].text)
        if not match:
            break
        if article is None:
            raise LayoutError(_("A roster with no story on its page"), items[i].line, items[i].text)
        names = []
        if i + 1 < len(items) and items[i + 1].kind == "para":
            names = [n for n in _ROSTER_SEPARATORS.split(items[i + 1].text) if n]
            step = 2
        else:
            step = 1
        article.rosters.append(
            ParsedRoster(fullwidth(match["title"]), int(match["count"]), names, items[i].line)
        )
        i += step
    build.article = None
    return i
