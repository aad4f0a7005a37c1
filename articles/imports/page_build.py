"""Items assembled into pages and stories (see ``page_text`` for the rules).

The builder walks the items once; where it must look ahead (a title block and
what follows it) it looks at most ``MAX_HEAD`` + ``MAX_PHOTO_TEXT`` items, so
the walk stays linear however many headings or paragraphs follow each other.
"""

import re

from django.utils.translation import gettext as _

from articles.credit_lines import read_credit_line
from articles.credits import PHOTO_MARK, Credit
from articles.imports import page_credits, page_noise
from articles.imports.page_heads import (
    BRIEF_LABELS,
    CHART_LABELS,
    FIGURES_LABELS,
    LITERARY_LABELS,
    PHOTO_STRIP_LABELS,
    SIDEBAR_LABELS,
    head_article,
    is_plain_column,
)
from articles.imports.page_items import (
    CAPTION_LABEL,
    COMMENT_RUN_LABELS,
    NOTICE_TITLE,
    SIGNERS,
    Item,
    chart_maker,
    column_label,
    is_group_label,
    is_list_item,
    is_listing,
    is_numbered_intertitle,
    is_titleish,
)
from articles.imports.page_items import ROSTER_TITLE as _ROSTER_TITLE
from articles.imports.parsed import (
    Kind,
    ParsedArticle,
    ParsedPage,
    ParsedPhoto,
    ParsedRoster,
    SkippedLine,
)
from articles.print_labels import DISTRICT_PAGE_SECTION, LayoutError
from articles.surnames import surname_of
from articles.typography import to_fullwidth_punctuation as fullwidth

PARAGRAPH, INTERTITLE, VERSE = "paragraph", "intertitle", "verse"
# Data: the role of a bare name under a commentary.
COMMENTARY_ROLE = "评论作者"
MAX_HEAD = 5
MAX_PHOTO_TEXT = 6
MAX_CAPTION_PARAGRAPH = 150
MAX_PICTURES_BETWEEN = 4  # photo items looked past for the story a sidebar belongs to
HEAD_KINDS = ("heading", "multi", "para")

_DATELINE = re.compile(r"^(\d{1,2}月\d{1,2}日)(?:电|讯)?(?:\s*[,，]\s*|\s+)")
_SENTENCE_END = tuple('。！？!?…”’」』)）:：;；"')
# Typographic markers printed before an intertitle.
_MARKS = "■□◆◇●○▲△▶►★☆◎※ \u3000"
_ROSTER_SEPARATORS = re.compile(r"[、，,\s]+")
# Text this long that holds a sentence is no label or stray caption.
MIN_LOST_TEXT = 40
_SENTENCE_MARK = re.compile(r"[。！？]")


def _ends_sentence(text):
    return text.endswith(_SENTENCE_END)


class _Builder:
    def __init__(self, items):
        self.items = items
        self.pages: list[ParsedPage] = []
        self.article: ParsedArticle | None = None
        self.pending_note = ""
        self.pending_credit = None  # a byline above the title (本报评论员)
        self.pending_column = ""  # a column label above that byline
        self.pending_jumps = []  # 上接第1版 above the title of the story it continues
        self.continued = False  # a 上接 line was read: the next title opens a story
        self.brief_column = ""
        # Under 简讯 printed alone, with no titles: "marked" when each brief opens with
        # a marker (●) or 本报讯, "each" when every paragraph is a brief; else "".
        self.untitled_briefs = ""
        self.photo_column = ""  # 图片新闻 over a strip of photo stories
        self.leads = {}  # id(page) → the position of its lead story, once it has one
        self.inherited_briefs = set()  # ids of stories that took the brief column of a run
        self.closed_stories = set()  # ids of stories closed on their credit: text after is another
        self.verse_articles = set()  # ids of poems: their bylines are writers', not commentators'
        self.jumped = set()  # ids of stories that go on on another page (下转第8版)

    @property
    def page(self):
        if not self.pages:
            self.pages.append(ParsedPage(line=1))
        return self.pages[-1]

    def lead_index(self):
        """The position of the page's lead story (its first that is no commentary), or None."""
        return self.leads.get(id(self.page))

    def kind_at(self, index):
        return self.items[index].kind if index < len(self.items) else None

    def skip(self, item, reason=None):
        self.page.skipped.append(SkippedLine(item.line, item.text, reason or item.reason))

    # Pages ----------------------------------------------------------------------

    def open_page(self, name, line):
        if self.pages and not self.pages[-1].articles:
            self.pages[-1].name = self.pages[-1].section = name
        else:
            self.pages.append(ParsedPage(name=name, section=name, line=line))
        self.article = None
        self.brief_column = self.untitled_briefs = ""

    def add_staff(self, item):
        staff = item.payload
        for field_name, name in staff.fields.items():
            self.page.staff.setdefault(field_name, name)
        self.page.staff_credits.extend(Credit("", role, names) for role, names in staff.roles)
        self.skip(item, "staff")

    def running_head(self, item):
        head = item.payload
        if self.pages and self.pages[-1].articles:
            self.pages.append(ParsedPage(line=item.line))
            self.article = None
            self.brief_column = self.untitled_briefs = ""
        page = self.page
        # A head printed over two lines (the date on one, page label and name on the next).
        # A name printed beside the page's label (3　教育) is the page's, over a word of a
        # line with none (今日桑源　2024年6月13日: the paper's name).
        labelled = bool(head.name and head.label and not page.running_head.get("label"))
        for key, value in (("date", head.date), ("name", head.name), ("label", head.label)):
            if not page.running_head.get(key) or (key == "name" and labelled):
                page.running_head[key] = value
        if head.name and (not page.name or labelled):
            page.name = page.section = head.name
        if head.staff:
            for field_name, name in head.staff.fields.items():
                page.staff.setdefault(field_name, name)
            page.staff_credits.extend(Credit("", r, names) for r, names in head.staff.roles)
        self.skip(item, "running_head")

    # Stories --------------------------------------------------------------------

    def open_article(self, article):
        self.untitled_briefs = ""
        credit, self.pending_credit = self.pending_credit, None
        if credit is not None and not article.credits:
            article.credits = list(credit.credits)
            if page_credits.is_commentary(credit.credits) or "评论员" in credit.text[:12]:
                article.kind = Kind.COMMENTARY
        if self.pending_column and not article.column:
            article.column = self.pending_column
        self.pending_column = ""
        article.jumps[:0], self.pending_jumps = self.pending_jumps, []
        self.continued = False
        if self.pending_note:
            article.editor_note = "\n".join(filter(None, [self.pending_note, article.editor_note]))
            self.pending_note = ""
        if not article.column and self.brief_column:
            if article.kind in (Kind.PHOTO, Kind.COMMENTARY):
                self.brief_column = ""  # a picture or a commentary ends the run of briefs
            else:
                article.column = self.brief_column
                self.inherited_briefs.add(id(article))
        if article.kind == Kind.PHOTO and not article.column and self.photo_column:
            article.column = self.photo_column
        self.photo_column = article.column if article.column in PHOTO_STRIP_LABELS else ""
        if article.kind == Kind.COMMENTARY and article.main_article is None:
            article.main_article = self.lead_index()  # 本报评论员: on the page's lead story
        if article.column in SIDEBAR_LABELS and self.page.articles and article.main_article is None:
            # 记者手记, 相关新闻 under a story: a sidebar to it, not to a picture between.
            article.main_article = self.story_above()
        if article.column.endswith(BRIEF_LABELS):
            self.brief_column = article.column
            if article.kind == Kind.NEWS:
                article.kind = Kind.BRIEF
        elif article.column:
            self.brief_column = ""
        self.page.articles.append(article)
        self.article = article
        if article.kind != Kind.COMMENTARY:
            self.leads.setdefault(id(self.page), len(self.page.articles) - 1)

    def story_above(self):
        """The position of the nearest story above that is no photo item (else the last)."""
        last = len(self.page.articles) - 1
        for index in range(last, max(-1, last - MAX_PICTURES_BETWEEN), -1):
            if self.page.articles[index].kind != Kind.PHOTO:
                return index
        return last

    def add_paragraph(self, text, line, row=False, verse=False):
        if verse and self.article is not None:
            self.verse_articles.add(id(self.article))
        text, jumps = page_noise.split_jumps(text)
        if self.article is None:
            # Text above the page's first title: a caption or box the dump set apart.
            self.page.skipped.append(SkippedLine(line, text, "other"))
            if len(text) >= MIN_LOST_TEXT and _SENTENCE_MARK.search(text):
                # Sentences with no title above them may be a story's text: say so.
                self.page.problems.append(
                    _("Line %(line)s is text under no title and was left out: “%(start)s…”")
                    % {"line": line, "start": text[:20]}
                )
            return
        self.article.jumps.extend(jumps)
        if not text:
            return
        body = self.article.body
        if verse and row:
            # A line of a poem: lines printed one under the other are a stanza, kept a line
            # each; a blank line between them starts the next stanza.
            if body and body[-1]["type"] == VERSE and body[-1]["last"] == line - 1:
                body[-1]["parts"].append(text)
                body[-1]["last"] = line
            else:
                body.append({"type": VERSE, "parts": [text], "last": line, "row": True})
            return
        # A paragraph's pieces are joined once, when the page is done (linear however many).
        if (
            body
            and body[-1]["type"] == PARAGRAPH
            and not _ends_sentence(body[-1]["parts"][-1])
            and not (row or body[-1].get("row"))
            and not is_list_item(text)
            and not is_list_item(body[-1]["parts"][-1])
        ):
            body[-1]["parts"].append(text)
        elif row:
            body.append({"type": PARAGRAPH, "parts": [text], "row": True})
        else:
            body.append({"type": PARAGRAPH, "parts": [text]})
        closing = _BRACKET_CLOSED.search(text) if not row else None
        if closing and _CLOSING_SOURCE.match(closing[0][2:-1].strip()):
            # …向现金流较好的公司倾斜。（东垣证券）, （据新华社）: the piece ends on its source.
            self.closed_stories.add(id(self.article))
        if self.article.kind in (Kind.BRIEF, Kind.NEWS) and not self.article.credits:
            credits = _closing_bracket_credits(text)
            if credits:
                # …开通交通功能。（记者 韩 露）: the story is done; among briefs, the
                # paragraphs after it, each closing on its own credit, are briefs of their own.
                bracket = _CLOSING_CREDIT.search(text[-44:])
                body[-1]["parts"][-1] = text[: len(text) - len(bracket[0])].rstrip()
                self.article.credits = list(credits)
                self.closed_stories.add(id(self.article))
                if self.article.kind == Kind.BRIEF:
                    self.untitled_briefs = self.untitled_briefs or "each"

    def add_intertitle(self, lines, line):
        if self.article is None:
            # A heading with no story under it (a box's label, an advert's): listed.
            self.page.skipped.append(SkippedLine(line, " ".join(lines), "other"))
            return
        lines = [text.lstrip(_MARKS) or text for text in lines]  # ■ 覆盖产业园区
        self.article.body.append({"type": INTERTITLE, "text": "\n".join(lines)})

    def add_photo(self, item, caption=None):
        if self.article is None:
            # A picture above the page's first title, with no title of its own: listed.
            self.page.skipped.append(SkippedLine(item.line, item.text, "other"))
            return
        text = item.text if caption is None else caption
        text = _CAPTION_MARK.sub("", text)
        self.article.photos.append(ParsedPhoto(text, item.credits, item.line))


# What a caption printed under a picture opens with: ▲ (the picture above), 上图：.
_CAPTION_MARK = re.compile(r"^(?:[▲△↑↓▼▽]\s*|" + CAPTION_LABEL + r"\s*)")
_CAPTION_LABEL = re.compile(CAPTION_LABEL)


def _is_marked_caption(build, i):
    """A short ▲ paragraph alone; ▲ paragraphs in a row are a list in the text."""
    text = build.items[i].text
    if len(text) > MAX_CAPTION_PARAGRAPH or not _CAPTION_MARK.match(text):
        return False
    if _CAPTION_LABEL.match(text):
        return True  # 上图：… 下图：… name their pictures, in a row or not
    neighbours = (build.items[j] for j in (i - 1, i + 1) if 0 <= j < len(build.items))
    return not any(n.kind == "para" and _CAPTION_MARK.match(n.text) for n in neighbours)


def _lead_dateline(item):
    """The dateline and the body's first text of a lead credit item."""
    rest, dateline = item.rest, item.dateline
    if not dateline:
        match = _DATELINE.match(rest)
        if match:
            dateline, rest = match[1], rest[match.end() :]
    return dateline, rest


# The walk ------------------------------------------------------------------------


def _is_head_item(build, index):
    item = build.items[index]
    if item.kind == "heading":
        return build.kind_at(index + 1) != "staff"
    if item.kind == "multi":
        return True
    if (
        item.indented
        and index > 0
        and build.items[index - 1].kind == "para"
        and build.items[index - 1].indented
        and not build.items[index - 1].titleish
        and build.kind_at(index + 1) == "para"
        and build.items[index + 1].indented
        and not build.items[index + 1].titleish  # nor a byline (■ 秦望舒) under a title
    ):
        return False  # 　　“数字茶园”里的新农人 set in like the text around it: an intertitle
    return (
        item.titleish
        and not _ROSTER_TITLE.match(item.text)
        and not is_numbered_intertitle(item.text)
    )


def _head_end(build, i):
    """The end of the run of title lines from ``i`` (at most ``MAX_HEAD`` + 1 of them)."""
    return i + min(build.head_run[i], MAX_HEAD + 1)


def _head_runs(build):
    """For each item, how many title lines start there: read once, from the end."""
    runs = [0] * (len(build.items) + 1)
    for index in range(len(build.items) - 1, -1, -1):
        runs[index] = runs[index + 1] + 1 if _is_head_item(build, index) else 0
    return runs


def _try_story(build, i):
    """Open the story whose head starts at ``i``; the index after it, or None if none does."""
    label = _brief_label(build, i)
    if label:
        # 简讯 over paragraphs with no titles: each (● …, 本报讯…) is a brief of its own.
        following = build.items[i + 1]
        marked = following.lead or bool(_BRIEF_MARK.match(following.text))
        build.brief_column, build.article = label, None
        build.untitled_briefs = "marked" if marked else "each"
        return i + 1
    end = _head_end(build, i)
    if end == i or end - i > MAX_HEAD:
        return None  # no title line, or more than a head has: text
    head = build.items[i:end]
    if _column_over_byline(build, head, end):
        # 【乡村振兴看松桥①】 / 融媒体记者 张三 / 标题: the column and the byline of the
        # story whose title follows.
        build.pending_column = column_label(head[0].text) or head[0].text
        build.pending_credit = build.items[end]
        return end + 1
    after = end
    notes = []
    while build.kind_at(after) in ("editor_note", "jump") and after - end < 3:
        if build.items[after].kind == "jump":
            build.pending_jumps.append(build.items[after].text)
            build.continued = True
        else:
            notes.append(build.items[after].text)
            more = _note_paragraphs(build, after + 1)
            notes.extend(build.items[k].text for k in range(after + 1, more))
            after = more - 1
        after += 1
    if (
        notes
        and len(head) == 1
        and (column_label(head[0].text) or head[0].kind == "heading")
        and after < len(build.items)
        and _is_head_item(build, after)
    ):
        # ■乡村振兴·青溪实践 / 编者按：… / 标题: the column and the note of the story below
        # (【奋进新征程·乡村振兴看青岚】 too, a series' name long enough to read as a title).
        build.pending_column = column_label(head[0].text) or head[0].text
        build.pending_note = "\n".join(notes)
        return after
    photos_end = after
    while build.kind_at(photos_end) == "photo" and build.items[photos_end].text:
        photos_end += 1
        if photos_end - after > MAX_PHOTO_TEXT:
            break
    following = build.items[photos_end] if photos_end < len(build.items) else None
    if photos_end > after and _byline_of_next(build, photos_end):
        # A title over captioned pictures, then a byline over the next title: a photo story.
        photos = build.items[after:photos_end]
        return _open_photo_story(build, head, notes, [], photos, photos_end)
    if (
        following is not None
        and following.kind == "photo"
        and photos_end == after
        and build.kind_at(after + 1) == "para"
    ):
        # A photo credit right under the title (文/图 张三) is the story's byline.
        return _open_news(build, head, notes, [], following)
    if (
        following is not None
        and following.kind == "credit"
        and photos_end > after
        and not following.rest
        and following.credits
        and all(c.photo for c in following.credits)
        and (photos_end + 1 >= len(build.items) or _is_head_item(build, photos_end + 1))
    ):
        # A title, a captioned picture and its photo credit, then the next title: a photo story.
        photos = build.items[after:photos_end]
        for photo in photos:
            photo.credits = photo.credits or list(following.credits)
        return _open_photo_story(build, head, notes, [], photos, photos_end + 1)
    if following is not None and following.kind == "credit":
        if (
            following.byline
            and not notes
            and photos_end == after
            and build.kind_at(photos_end + 1) == "para"
        ):
            return _open_commentary(build, head, following, photos_end + 1)
        return _open_news(build, head, notes, build.items[after:photos_end], following)
    # A byline as the head's last line (何春林, ■ 江某) over text: a commentary.
    if len(head) > 1 and head[-1].byline and build.kind_at(end) == "para":
        return _open_commentary(build, head[:-1], head[-1], end)
    if photos_end > after:
        photos = build.items[after:photos_end]
        keep_open = following is not None and following.kind == "para"
        return _open_photo_story(build, head, notes, [], photos, photos_end, keep_open)
    if not notes:
        photo_story = _photo_story_after(build, head, end)
        if photo_story is not None:
            return photo_story
        closed = _closing_credit_after(build, head, end)
        if closed is not None:
            return closed
    opens = (
        build.article is None
        or build.continued
        or build.pending_credit is not None
        or _is_title_block(head)
        or any(item.lead_in for item in head)
        or bool(NOTICE_TITLE.search(head[-1].text))
        or id(build.article) in build.closed_stories  # the story above closed on its credit
        or (id(build.article) in build.jumped and not _box_head(head))
        # A title among briefs: the next brief (a brief has no intertitles).
        or (build.article.kind == Kind.BRIEF and bool(build.brief_column))
        # 赛况 / **NBA常规赛（北京时间3月14日）**: a plain label over a heading, a piece's
        # column and title (an intertitle has no label over it).
        or (
            len(head) == 2
            and head[1].kind == "heading"
            and head[0].kind == "para"
            and len(head[0].text) <= MAX_BRIEF_LABEL
            and re.fullmatch(r"[\u4e00-\u9fff·]+", head[0].text) is not None
        )
        # 今晚看点 / 江川卫视　19:30　《运河人家》…, 新书架 / 冬夜读书 / 《河流的年轮》　沈一舟
        # 著…: a label or a title over a listing, a box of its own.
        or (
            len(head) <= 2
            and all(len(part.text) <= MAX_LISTING_TITLE for part in head)
            and build.kind_at(after) == "para"
            and build.items[after].row
            and is_listing(build.items[after].text)
        )
    )
    run = (
        not opens
        and (_short_item_above(build.article) or _question_after_question(build.article, head))
        and build.kind_at(after) == "para"
    )
    if run:
        # 健康提醒 / 降压药不能说停就停 / one paragraph / 起床要做到“三个半分钟” / …: titled
        # short items under a group's label, not a story and its intertitle.
        build.article.kind = Kind.BRIEF
        build.brief_column = build.article.column
        opens = True
    if opens and build.kind_at(after) == "para":
        # The page's first title with text under it and no credit (or a story
        # continued from another page): a story still.
        return _open_news(build, head, notes, [], None, after)
    return None


MAX_BRIEF_LABEL = 8
MAX_SHORT_ITEM = 120
MAX_DATA_LINES = 3
MAX_LISTING_TITLE = 16


def _short_item_above(article):
    """The story above is one short paragraph with no credit under a group's label."""
    return (
        bool(article.column)
        and is_group_label(article.column)
        and not article.credits
        and not article.photos
        and len(article.body) == 1
        and article.body[0]["type"] == PARAGRAPH
        and len("".join(article.body[0]["parts"])) <= MAX_SHORT_ITEM
    )


def _question_after_question(article, head):
    """体检查出颈动脉斑块，需要吃他汀吗？ / 问… 答… / 血糖控制好了，能不能停药？: a question's
    title under a short piece titled by a question, the next item of a questions column."""
    return (
        len(head) == 1
        and head[0].text.endswith(("？", "?"))
        and article.headline.endswith(("？", "?"))
        and not article.credits
        and not any(block["type"] == INTERTITLE for block in article.body)
        and len(article.body) <= MAX_ANSWER_PARAGRAPHS
    )


MAX_ANSWER_PARAGRAPHS = 6
MAX_NOTE_PARAGRAPHS = 3


def _note_paragraphs(build, index):
    """Where an 编者按's further paragraphs end: plain paragraphs under it that a title
    follows (编者按：… / 本报今起推出系列报道… / 标题) are the note's; ``index`` if none."""
    end = index
    while (
        build.kind_at(end) == "para"
        and not build.items[end].titleish
        and end - index < MAX_NOTE_PARAGRAPHS
    ):
        end += 1
    if end > index and end < len(build.items) and _is_head_item(build, end):
        return end
    return index


def _byline_of_next(build, index):
    """A byline at ``index`` printed above the title under it (融媒体记者 张三 / 标题)."""
    item = build.items[index] if index < len(build.items) else None
    return (
        item is not None
        and item.kind == "credit"
        and not item.lead
        and any(c.role for c in item.credits)
        and not item.text.startswith(("(", "（"))
        and index + 1 < len(build.items)
        and _is_head_item(build, index + 1)
    )


def _column_over_byline(build, head, end):
    """A column label alone, then a byline above the title: the column and byline wait."""
    label = head[0].text if len(head) == 1 and head[0].kind == "para" else ""
    return bool(label and column_label(label)) and _byline_of_next(build, end)


def _brief_label(build, i):
    """The column of a brief label (简讯, 简　讯, 【短讯】) printed over untitled text, else ""."""
    item = build.items[i]
    if item.kind not in ("heading", "para") or len(item.text) > 16:
        return ""
    column = column_label(item.text)
    label = "".join((column or item.text).split())
    if len(label) > MAX_BRIEF_LABEL:
        return ""
    brief = label.endswith(BRIEF_LABELS)
    if not (brief or column):
        return ""  # neither a brief's label nor a column's: read no further
    after = i + 1
    while build.kind_at(after) == "skip" and after - i <= MAX_DATA_LINES:
        after += 1  # 热线 / 临江都市报 2024-11-14 07:05 / 阅读 3.4万 / 市民张先生来电反映…
    following = build.items[after] if after < len(build.items) else None
    marked = (
        following is not None
        and following.kind == "para"
        and bool(_BULLET_ITEM.match(following.text))
        and bool(column)
    )
    if (
        following is not None
        and following.kind == "para"
        and following.titleish
        and _TITLED_BULLET.match(following.text)
        and brief
    ):
        return label  # 财经快讯 / ■本市新增5家… / 本报讯（记者…）…: titled briefs
    # 【兵言兵语】 / a saying / （某连上士　张　勇） / another / （…）: short pieces, each
    # signed in brackets, a run of untitled items.
    signed = (
        not (brief or marked)
        and all(
            build.kind_at(i + k) == kind and not build.items[i + k].titleish
            for k, kind in ((1, "para"), (2, "credit"), (3, "para"))
        )
        and build.items[i + 2].text.startswith(("（", "("))
    )
    # 【体坛速递】 over ● items: any column label over marked paragraphs is a brief run.
    if not (brief or marked or signed):
        return ""
    if following is None or not (
        following.lead or (following.kind == "para" and not following.titleish)
    ):
        return ""
    return label


# A brief's marker (●, ■, ◆) and what opens its first sentence without saying what
# happened (11月22日，近日，): a title is drawn from the words after them.
_BRIEF_MARK = re.compile(r"^(?:[●○■□◆◇▲△★☆·•]|\d{1,2}\.\s)\s*")
_BULLET_ITEM = re.compile(r"^[●○◆◇★☆•]\s*\S")
_TITLED_BULLET = re.compile(r"^[●○◆◇★☆•■□]\s*\S")
_WHEN = re.compile(
    r"^(?:\d{1,2}月\d{1,2}日|\d{1,2}日|近日|日前|近期|昨天|昨日|今天|今年以来|目前)\S{0,4}$"
)
_CLAUSES = re.compile(r"[，,。；;！？!?]")
MAX_DERIVED_TITLE = 30


def _brief_title(text):
    """A title for a brief printed with none: its first clause that says what happened."""
    clauses = [c.strip() for c in _CLAUSES.split(text[:200]) if c.strip()]
    chosen = next((c for c in clauses if not _WHEN.match(c)), clauses[0] if clauses else text)
    return chosen[:MAX_DERIVED_TITLE]


_RUN_IN_TITLE = re.compile(r"^(?P<title>[^\s，。：:]{4,24}) (?P<text>\S[^。]{0,200}[，。].*)$")


def _untitled_brief(build, item):
    """A paragraph under a brief label: opens a brief when marked (●) or a lead (本报讯…),
    or, where the briefs carry no marks, when the paragraph before ended a sentence."""
    mode = build.untitled_briefs
    body = build.article.body if build.article is not None else []
    marked = (
        bool(_BRIEF_MARK.match(item.text))
        or (mode == "each" and bool(body) and _ends_sentence(_tail(body[-1])))
        or (build.article is not None and id(build.article) in build.closed_stories)
        # A paragraph closing on its own credit under a brief credited already.
        or (
            build.article is not None
            and bool(build.article.credits)
            and bool(body)
            and _closing_bracket_credits(item.text) is not None
        )
    )
    text = _BRIEF_MARK.sub("", item.text)
    dateline = ""
    if item.lead:
        dateline, text = _lead_dateline(item)
    run_in = _RUN_IN_TITLE.match(text) if not item.lead else None
    if run_in and is_titleish(run_in["title"]) and not _WHEN.match(run_in["title"]):
        # ●市青少年篮球联赛落幕　11月2日，为期两个月的…: a title run into the brief's text.
        build.open_article(
            ParsedArticle(headline=fullwidth(run_in["title"]), kind=Kind.BRIEF, line=item.line)
        )
        build.untitled_briefs = mode
        build.add_paragraph(run_in["text"], item.line)
        return
    if (
        item.lead
        and not text.strip()
        and item.text.startswith(("(", "（"))
        and build.article is not None
        and body
        and not build.article.credits
    ):
        build.article.credits = list(item.credits)  # （通讯员 欧阳婷） on the brief's last line
        build.closed_stories.add(id(build.article))  # the brief is done: text under it is not
        return
    titled = build.article is not None and build.article.kind == Kind.BRIEF and not body
    if titled and item.lead:
        # ■本市新增5家… / 本报讯（记者 宋之遥）…: the lead of the brief titled above it.
        build.article.credits = list(item.credits)
        build.article.dateline = dateline
    elif build.article is None or marked or item.lead:
        article = ParsedArticle(
            headline=fullwidth(_brief_title(text)),
            kind=Kind.BRIEF,
            line=item.line,
            dateline=dateline,
            credits=list(item.credits) if item.lead else [],
        )
        build.open_article(article)
        build.untitled_briefs = mode
    if text:
        build.add_paragraph(text, item.line)


def _illustration_in_text(build, item, i):
    """A staff line naming only who drew a picture (插图 程橙, 配图：…), between two
    paragraphs of a story or under its end (its text or its author's note): that story's
    picture, not the page's staff."""
    roles = _illustration_roles(item)
    return (
        build.article is not None
        and len(roles) == 1
        and roles[0][0] in ILLUSTRATION_ROLES
        and not item.text.startswith(("本版", "本期", "本刊"))
        and i > 0
        and build.items[i - 1].kind in ("para", "author_note")
        and not build.items[i - 1].titleish
        and (
            build.kind_at(i + 1) in (None, "para", "heading", "multi")
            or build.items[i + 1].titleish
        )
    )


def _chart_under_rows(build, item, i):
    """A maker's line (制图：X) right under the rows of a figures box in a story."""
    article = build.article
    return (
        article is not None
        and i > 0
        and build.items[i - 1].kind == "para"
        and build.items[i - 1].row
        and bool(article.body)
        and bool(article.body[-1].get("row"))
        and chart_maker(item) is not None
    )


def _illustration_roles(item):
    if item.kind == "staff":
        return tuple(item.payload.roles) if item.payload is not None else ()
    return tuple((c.role, c.names) for c in item.credits if not item.lead)


ILLUSTRATION_ROLES = ("插图", "配图", "题图", "绘图", "插画")


def _box_head(head):
    """数说, 相关链接, 图表 over their text: a box of the story above, whatever closed it."""
    label = head[0].text.strip("【】[]■□◆●▶ ")
    return label in (*FIGURES_LABELS, *SIDEBAR_LABELS, *CHART_LABELS)


def _untitled_after_titled(build, item):
    article = build.article
    if article is None or article.kind != Kind.BRIEF or not build.brief_column:
        return False
    if not any(block.get("type") == PARAGRAPH for block in article.body):
        return False  # the titled brief's own lead
    if item.lead:
        return True
    return (
        item.kind == "para"
        and not item.titleish
        # ●…, or any paragraph under a brief that ended on its credit (（记者 卫东）), or
        # one closing on a credit of its own under a brief its lead credited already.
        and (
            bool(_BRIEF_MARK.match(item.text))
            or id(article) in build.closed_stories
            or (bool(article.credits) and _closing_bracket_credits(item.text) is not None)
        )
        and not _CAPTION_MARK.match(item.text)
    )


def _is_title_block(head):
    """Two or three headings in a row (引题, 主题, 副题), or a column label over a title line.

    Such a block is a title even with no credit under it, never an intertitle.
    """
    headings = [item for item in head if item.kind == "heading"]
    return (
        2 <= len(headings) <= 3
        or (len(head) >= 2 and bool(column_label(head[0].text) or is_plain_column(head[0].text)))
        or _short_label_over_title(head)
    )


MAX_PLAIN_LABEL = 6


def _short_label_over_title(head):
    """普法小贴士 / 守好“钱袋子” 这五条要记牢, 以案说法 / 孩子在托管班…: a short plain label
    over a longer title line, both on lines of their own: a piece's head, not an intertitle
    (an intertitle is one line, and numbered ones are never labels)."""
    if len(head) != 2 or any(item.kind != "para" or not item.titleish for item in head):
        return False
    label, title = head[0].text, head[1].text
    return (
        2 <= len(label) <= MAX_PLAIN_LABEL
        and re.fullmatch(r"[\u4e00-\u9fff]+", label) is not None
        and len(title) >= len(label) + 4
        and not is_numbered_intertitle(label)
        and not is_numbered_intertitle(title)
    )


def _photo_story_after(build, head, end):
    """Title, caption paragraphs and a standalone credit (with or without 摄): a photo story."""
    body_end = end
    while (
        build.kind_at(body_end) == "para"
        and not build.items[body_end].titleish  # the next title: no caption of this one
        and body_end - end <= MAX_PHOTO_TEXT
    ):
        body_end += 1
    if body_end == end or build.kind_at(body_end) not in ("photo", "credit"):
        return None
    credit = build.items[body_end]
    paragraphs = build.items[end:body_end]
    if credit.kind == "photo" and credit.text:
        return None
    if credit.kind == "credit":
        # Without 摄, only a short caption under a title makes one (else: text and its credit).
        short = sum(len(p.text) for p in paragraphs) <= 2 * MAX_CAPTION_PARAGRAPH
        if credit.lead or not credit.credits or len(paragraphs) > 2 or not short:
            return None
        if not any(_PICTURE_TAKER.search(c.role) for c in credit.credits):
            # 江 帆, 市民 东方晓雯 under text: a name that signs a piece, no picture's credit.
            return None
        if page_credits.is_tip(credit.credits):
            return None
        if credit.text.startswith(("(", "（")):
            return None  # a story's closing credit: （记者 李四）
    credits = [Credit(c.unit, c.role, c.names, True) for c in credit.credits]
    labelled = _labelled_captions(paragraphs)
    if labelled == len(paragraphs) or (
        labelled < MIN_NUMBERED_PICTURES
        and credit.kind == "photo"
        and _caption_per_picture(paragraphs)
    ):
        # 图①：… 图②：… over one credit: a caption for each picture.
        photos = [Item("photo", p.line, text=p.text, credits=credits) for p in paragraphs]
        return _open_photo_story(build, head, [], [], photos, body_end + 1)
    if labelled >= MIN_NUMBERED_PICTURES:
        # 3月中旬，…坚守岗位。 / 图①：… / 图②：… / 图③：… / 陈刚 摄: the text over the
        # labelled captions is the story's, each caption a picture's.
        split = len(paragraphs) - labelled
        photos = [Item("photo", p.line, text=p.text, credits=credits) for p in paragraphs[split:]]
        return _open_photo_story(build, head, [], paragraphs[:split], photos, body_end + 1)
    numbered = _numbered_pictures({"type": PARAGRAPH, "parts": [paragraphs[-1].text]})
    if len(numbered) >= MIN_NUMBERED_PICTURES:
        # 连日来，…。①…；②…；③…。 over one credit: a group, a picture for each number.
        # The captions are the pictures'; the text before them stays the story's.
        photos = [Item("photo", credit.line, text=text, credits=credits) for text in numbered]
        last = paragraphs[-1]
        lead = last.text[: last.text.index("①")].strip()
        paragraphs = paragraphs[:-1] + ([Item("para", last.line, text=lead)] if lead else [])
        return _open_photo_story(build, head, [], paragraphs, photos, body_end + 1)
    photo = Item("photo", credit.line, text="", credits=credits)
    return _open_photo_story(build, head, [], paragraphs, [photo], body_end + 1)


def _labelled_captions(paragraphs):
    """How many paragraphs at the end of ``paragraphs`` are captions naming their picture
    (图①：…, ②…)."""
    count = 0
    for paragraph in reversed(paragraphs):
        if not (_CAPTION_LABEL.match(paragraph.text) or paragraph.text.startswith(_CIRCLED)):
            break
        count += 1
    return count


def _opens_title_block(build, index):
    """A label or two title lines in a row at ``index``: the head of another story."""
    item = build.items[index]
    if not item.titleish:
        return False
    if column_label(item.text) or is_group_label(item.text):
        return True
    following = build.items[index + 1] if index + 1 < len(build.items) else None
    return following is not None and following.kind == "para" and following.titleish


MIN_PHOTO_GROUP = 3  # or two, each opening on its own date (6月10日，… / 6月11日，…)
_DATED_CAPTION = re.compile(r"^\d{1,2}月\d{1,2}日")
MAX_GROUP_CAPTION = 80


def _caption_per_picture(paragraphs):
    """Three or more short one-sentence captions over one 摄 credit: a group of pictures,
    a caption each (4月18日，茶农抢采春茶。/ 4月19日，…), not one picture's long caption."""
    dated = len(paragraphs) >= 2 and all(_DATED_CAPTION.match(p.text) for p in paragraphs)
    return (len(paragraphs) >= MIN_PHOTO_GROUP or dated) and all(
        len(p.text) <= MAX_GROUP_CAPTION
        and p.text.endswith(("。", "！", "？", "”"))
        and sum(p.text.count(mark) for mark in "。！？") == 1
        for p in paragraphs
    )


MAX_CLOSED_STORY = 12
# Who may have taken a picture credited without 摄: the newsroom's people.
_PICTURE_TAKER = re.compile(r"记者|通讯员|实习生|摄|图|编辑")
# Pages and columns of essays, poems and reviews (副刊, 诗苑, 读书): a signed piece there
# is no commentary.
_OPINION = re.compile(r"评|(?<![理论])论(?!坛)|观察|手记|观点|杂谈")  # 理论 pages are essays
_LITERARY = re.compile(
    r"副刊|文艺|文苑|诗|散文|随笔|心香|读书|书评|笔会|美文|乡土|记忆|往事|人间|故事|游记"
)
# An essay signed at its foot (文/令狐远山, 图文/张三): a credit in the slash form.
_SIGNED = re.compile(r"^(?:文|图文|文图|文/图|图/文|撰文)\s*[/／:：]")


_ROLE_KIND = re.compile(r"(?:记者|通讯员|实习生|编辑|作者)$")
# A comment printed under the piece it is on (a teacher's on a pupil's essay).
COMMENT_BOX_LABELS = ("点评", "老师点评", "教师点评", "名师点评", "评语", "专家点评")
# An expert's box under a story (专家解答, 法官说法, 律师提醒).
_EXPERT_BOX = re.compile(
    r"^(?:专家|法官|检察官|律师|医生|医师|民警|警官)(?:解答|说法|提醒|建议|释疑|支招|点评|答疑)$"
)
_BRACKET_CLOSED = re.compile(r"[。！？…”][(（][^()（）]{1,40}[)）]$")


def _closing_credit_after(build, head, end):
    """A title, a few paragraphs and a closing （记者 张三）: a story of its own.

    Only under a story that has its credits already: a title under a story with
    none is an intertitle, and the closing credit is that story's.  A teacher's comment
    under an essay (【点评】 / … / （指导老师：王丽华）) is the essay's.
    """
    if build.article is None or not (build.article.credits or _closed(build.article)):
        return None
    if len(head) == 1 and (
        head[0].text.strip("【】[]■□ ") in COMMENT_BOX_LABELS
        or _EXPERT_BOX.match(head[0].text.strip("【】[]■□◆●▶ "))
    ):
        # 专家解答 / 问：… 答：… / （市疾控中心…副主任医师　蒋文波）: the expert's box in the
        # story above, not a story of the expert's.
        return None
    body_end, closed = end, False
    while (
        build.kind_at(body_end) == "para"
        and body_end - end <= MAX_CLOSED_STORY
        and not (body_end > end and _brief_label(build, body_end))
        and not (body_end > end and _opens_title_block(build, body_end))
        # …两队分获冠军。（据新华社） / 澜江马拉松号码布本周四起领取: a title under text
        # closed by its source in brackets opens the next piece.
        and not (
            body_end > end
            and build.items[body_end].titleish
            and _BRACKET_CLOSED.search(build.items[body_end - 1].text) is not None
        )
    ):
        body_end += 1
        if _closing_bracket_credits(build.items[body_end - 1].text):
            closed = True
            break
    credit = build.items[body_end] if body_end < len(build.items) else None
    if closed:
        # …记者将持续关注。（记者 张三）: the credit closes the story's last paragraph.
        article = head_article(head, Kind.NEWS, head[0].line)
        last = build.items[body_end - 1]
        bracket = _CLOSING_CREDIT.search(last.text[-44:])
        article.credits = _closing_bracket_credits(last.text)
        build.open_article(article)
        for para in build.items[end : body_end - 1]:
            build.add_paragraph(para.text, para.line, row=para.row, verse=para.verse)
        text = last.text[: len(last.text) - len(bracket[0])].rstrip()
        if text:
            build.add_paragraph(text, last.line)
        build.closed_stories.add(id(article))  # done: a paragraph under it is no part of it
        return body_end
    # 石塘镇党委书记　方志远 under the text: an official signing it, with the post, no role.
    official = credit is not None and page_credits.official_byline(credit.text) is not None
    if (
        body_end == end
        or credit is None
        or credit.kind != "credit"
        or not (credit.text.startswith(("(", "（")) or _SIGNED.match(credit.text) or official)
        or not (
            official or any(c.role for c in credit.credits) or _closing_bracket_credits(credit.text)
        )
    ):
        return None
    article = head_article(head, Kind.NEWS, head[0].line)
    article.credits = list(credit.credits)
    build.open_article(article)
    for para in build.items[end:body_end]:
        build.add_paragraph(para.text, para.line, row=para.row, verse=para.verse)
    # …完璧归赵。 / （通讯员 慕容静）: the story ends on its credit; text under it is another.
    build.closed_stories.add(id(build.article))
    return body_end + 1


def _open_photo_story(build, head, notes, paragraphs, photos, end, keep_open=False):
    article = head_article(head, Kind.PHOTO, head[0].line)
    article.editor_note = "\n".join(notes)
    build.open_article(article)
    for para in paragraphs:
        build.add_paragraph(para.text, para.line)
    for photo in photos:
        build.add_photo(photo)
    if not keep_open:
        build.article = None
    return end


def _open_news(build, head, notes, photos, credit, end=None):
    article = head_article(head, Kind.NEWS, head[0].line)
    article.editor_note = "\n".join(notes)
    if credit is not None:
        article.credits = list(credit.credits)
        if page_credits.is_commentary(credit.credits) or "评论员" in credit.text[:12]:
            article.kind = Kind.COMMENTARY
        elif (
            not credit.lead
            and article.credits
            and not any(c.role or c.photo or c.unit for c in article.credits)
            and _is_opinion(build, article)
        ):
            # ◎ 令狐思远　欧阳婧 over an essay on a 理论·评论 page: its commentators.
            article.kind = Kind.COMMENTARY
            article.credits = [Credit(c.unit, COMMENTARY_ROLE, c.names) for c in article.credits]
    build.open_article(article)
    for photo in photos:
        build.add_photo(photo)
    if credit is None:
        return end
    after = build.position[id(credit)] + 1
    while (
        not credit.lead
        and build.kind_at(after) == "credit"
        and not build.items[after].lead
        and any(c.role for c in build.items[after].credits)
        and build.kind_at(after + 1) in ("para", "credit")
        and not (build.kind_at(after + 1) == "para" and build.items[after + 1].titleish)
    ):
        # 本报记者 上官婉清 / 见习记者 贺知远: a byline printed over two lines.
        article.credits += list(build.items[after].credits)
        after += 1
    if not credit.lead and build.kind_at(after) == "credit":
        following = build.items[after]
        if following.lead and following.rest:
            # A byline line, then 本报讯 4月1日… (or 本报讯 记者X报道：) opening the
            # text: the wrapper is no text, and names the byline did not are credits.
            named = {name for c in article.credits for name in c.names}
            article.credits += [c for c in following.credits if not set(c.names) <= named]
            credit, after = following, after + 1
    if credit.lead:
        article.dateline, rest = _lead_dateline(credit)
        if rest:
            build.add_paragraph(rest, credit.line)
    return after


def _open_commentary(build, head, byline, end):
    """A title over a bare name (何春林, ■ 江某) and text: a commentary, except on a
    literary page or under a literary column, where it is an essay signed by its author."""
    article = head_article(head, Kind.COMMENTARY, head[0].line)
    if _is_literary(build, article):
        article.kind = Kind.NEWS
        article.credits = [Credit("", "", (byline.byline,))]
        build.open_article(article)
        return end
    if byline.kind == "credit" and any(c.unit for c in byline.credits):
        # 桐川县委书记　吴振华: an official signs it with the post, as the post's holder.
        article.credits = list(byline.credits)
    else:
        article.credits = [Credit("", COMMENTARY_ROLE, (byline.byline,))]
    lead = build.lead_index()
    build.open_article(article)
    article.main_article = lead
    return end


def _is_literary(build, article):
    """Under a literary column, or on a literary page (副刊, 诗苑, 读书) outside a column of
    opinion (快评 on a 评论·副刊 page): a signed piece there is an essay, not a commentary."""
    page = build.page.name or ""
    return bool(
        (_LITERARY.search(article.column) and not _OPINION.search(article.column))
        or (_LITERARY.search(page) and not _OPINION.search(article.column + page))
    )


def _is_opinion(build, article):
    """On a page or under a column of opinion (评, 论, 观察, 手记), and not a literary one:
    whoever signs a piece there is its commentator."""
    page = build.page.name or ""
    return bool(_OPINION.search(article.column + page)) and not _is_literary(build, article)


def _rosters(build, i):
    """Roster titles and their names, from ``i``: the page lead's; the index after them."""
    items = build.items
    article = build.page.lead_article
    while i < len(items) and items[i].kind in ("heading", "para"):
        match = _ROSTER_TITLE.match(items[i].text)
        if not match:
            break
        if article is None:
            raise LayoutError(_("A roster with no story on its page"), items[i].line, items[i].text)
        names, step = [], 1
        if i + 1 < len(items) and items[i + 1].kind == "para":
            following = items[i + 1].text
            if not _ROSTER_TITLE.match(following):
                names, step = [n for n in _ROSTER_SEPARATORS.split(following) if n], 2
        article.rosters.append(
            ParsedRoster(fullwidth(match["title"]), int(match["count"]), names, items[i].line)
        )
        i += step
    return i


def _link_box(build, item, i):
    """相关链接: rosters when roster titles follow, else prose for the story above."""
    following = build.items[i] if i < len(build.items) else None
    if following is not None and _ROSTER_TITLE.match(following.text or ""):
        end = _rosters(build, i)
        build.article = None
        return end
    article = build.article or build.page.lead_article
    if article is None:
        build.skip(item, "other")
        return i
    build.article = article
    build.add_intertitle([item.text.strip("【】〔〕[]■□◆●▶ ：:")], item.line)
    if following is not None and following.titleish and build.kind_at(i + 1) == "para":
        build.add_intertitle([following.text], following.line)  # the box's own title
        return i + 1
    return i


def _step(build, i):
    """Handle the item at ``i``; the index of the next one to read."""
    item = build.items[i]
    kind = item.kind
    if kind == "heading" and build.kind_at(i + 1) == "staff":
        build.open_page(item.text, item.line)
        return i + 1
    if kind in ("staff", "credit") and _illustration_in_text(build, item, i):
        # …蒸槐花饭。 / 插图 程　橙 / 树下常年…: the picture printed in the essay, credited.
        ((role, names),) = _illustration_roles(item)
        build.add_photo(Item("photo", item.line, text="", credits=[Credit("", role, names, True)]))
    elif kind == "staff" and _chart_under_rows(build, item, i):
        # …/ 2023年　97.4 / 制图：欧阳晓岚: the box's rows are a chart, credited to its maker.
        build.add_photo(Item("photo", item.line, text="", credits=chart_maker(item)))
    elif kind == "staff":
        build.add_staff(item)
    elif kind == "running_head" and _date_only(item) and build.article is not None:
        build.add_paragraph(item.text, item.line)  # a date line inside a story (a letter's)
    elif kind == "running_head":
        build.running_head(item)
        following = build.items[i + 1] if i + 1 < len(build.items) else None
        named = _page_name_under_head(build, following) if following is not None else None
        if named is not None:
            # The page's name (and label) on the line under a head that printed none
            # (2026年… A05 / 经济, 岚江日报 2026年… / 07　经济).
            label, name, titled = named
            head = build.page.running_head
            head["name"] = name
            if label and not head.get("label"):
                head["label"] = label
            if not build.page.name:
                build.page.name = build.page.section = name
            build.skip(following, "running_head")
            if titled:
                build.skip(build.items[i + 2], "running_head")  # 江　风: the 副刊's own title
            return i + 2 + titled
    elif kind == "skip" and _points_on(build, item, i):
        build.article.jumps.append(item.text)  # …末班车22:30。 / （详见A03版）: more on A03
    elif kind == "skip":
        build.skip(item)
        head = build.page.running_head
        number = _PAGE_NUMBER.search(item.text) if item.reason == "page_number" else None
        if number and head and not head.get("label"):
            head["label"] = number[0]  # a head with no number: the page's stray 7 is its label
    elif kind == "jump":
        if (
            page_noise.is_continuation(item.text)
            and build.kind_at(i + 1) in HEAD_KINDS
            and (build.article is None or _is_head_item(build, i + 1))
        ):
            # 上接第1版 above a title: the story it continues starts here.
            build.pending_jumps.append(item.text)
            build.continued = True
        elif build.article is not None:
            build.article.jumps.append(item.text)
            if not page_noise.is_continuation(item.text):
                # （下转第8版）: the story goes on elsewhere; a title under it opens the next
                # (a box under it, 数说 or 相关链接, is still the story's).
                build.jumped.add(id(build.article))
        else:
            build.skip(item, "jump")
    elif kind == "link":
        return _link_box(build, item, i + 1)
    elif kind == "editor_note":
        if build.kind_at(i + 1) in HEAD_KINDS:
            # A note above a title belongs to the story under it.
            build.pending_note = item.text
            following = _try_story(build, i + 1)
            if following is not None:
                return following
            build.pending_note = ""
        if build.article is not None:
            notes = [build.article.editor_note, item.text]
            build.article.editor_note = "\n".join(filter(None, notes))
        else:
            build.pending_note = item.text
    elif kind == "author_note":
        if build.article is not None:
            build.article.author_note = item.text.strip("（）()")
            named = _named_in_note(build.article.author_note)
            if named is not None and not build.article.credits:
                # （作者系泠州衡正律师事务所律师　万晓鸥）: the note names who wrote it.
                build.article.credits = [named]
        else:
            build.skip(item, "other")
    elif build.untitled_briefs and (item.lead or (kind == "para" and not item.titleish)):
        _untitled_brief(build, item)
    elif _untitled_after_titled(build, item):
        # 要闻简报 / title / 本报讯… / ●北塘县日前启动…: a marked paragraph or a lead under a
        # titled brief's text is a brief printed with no title.
        build.untitled_briefs = "marked"
        _untitled_brief(build, item)
    elif build.untitled_briefs and kind == "para" and _TITLED_BULLET.match(item.text):
        # ●县图书馆增设自助借阅点 over its text, among untitled ● briefs: a titled brief.
        mode = build.untitled_briefs
        build.open_article(
            ParsedArticle(
                headline=fullwidth(_BRIEF_MARK.sub("", item.text)),
                kind=Kind.BRIEF,
                line=item.line,
            )
        )
        build.untitled_briefs = mode
    elif kind == "para" and build.article is not None and _is_marked_caption(build, i):
        # ▲志愿者在路口劝导… under a story's text: the caption of its picture.
        credits = [c for c in build.article.credits if c.photo]
        build.add_photo(Item("photo", item.line, text=item.text, credits=credits))
    elif kind == "para" and item.titleish and _signs_story_above(build, item, i):
        # …值得被更多人走进影院看见。 / □ 林知秋 / next title: the piece above is signed.
        article = build.article
        opinion = article.kind == Kind.COMMENTARY or _is_opinion(build, article)
        article.credits = [Credit("", COMMENTARY_ROLE if opinion else "", (item.byline,))]
        if opinion:
            article.kind = Kind.COMMENTARY
    elif kind in HEAD_KINDS and (kind != "para" or item.titleish):
        following = _try_story(build, i)
        if following is not None:
            return following
        if kind == "para":
            previous = build.article.body[-1] if build.article and build.article.body else None
            opens = previous is None or bool(previous.get("row")) or _ends_sentence(_tail(previous))
            if build.article is not None and opens and build.kind_at(i + 1) == "para":
                build.add_intertitle([item.text], item.line)
            else:
                build.add_paragraph(item.text, item.line)
        else:
            build.add_intertitle([item.text] if kind == "heading" else item.lines, item.line)
    elif kind == "photo":
        _photo(build, item, i)
    elif kind == "credit":
        _inner_credit(build, item, i)
    else:
        build.add_paragraph(item.text, item.line, row=item.row, verse=item.verse)
    return i + 1


# 作者系泠州衡正律师事务所律师　万晓鸥: where the writer works, what they are, their name.
_NOTE_NAME = re.compile(
    r"^(?:本文)?作者(?:系|为|是)\s*(?P<unit>[^\s，。]{0,30}?)"
    r"(?P<role>律师|教授|副教授|研究员|副研究员|主任医师|副主任医师|医师|讲师|法官|检察官|工程师)"
    r"[\s\u3000]+(?P<name>[\u4e00-\u9fff](?:[\s\u3000]?[\u4e00-\u9fff]){1,3})$"
)


def _named_in_note(note):
    match = _NOTE_NAME.match(note.strip())
    if match is None:
        return None
    name = "".join(match["name"].split())
    if not page_credits.byline_name(name):
        return None
    return Credit(match["unit"], match["role"], (name,))


def _adds_roles(credits, more):
    """Whether the credits ``more`` name only roles ``credits`` lack (指导老师 under an essay
    credited to its pupil; not 记者 under a story its 全媒体记者 wrote)."""
    kinds = tuple({found[0] for c in credits if (found := _ROLE_KIND.search(c.role))})
    return bool(more) and all(
        c.role
        and c.names
        and not c.role.endswith(kinds)
        and not any(c.role.endswith(other.role) for other in credits)
        for c in more
    )


def _signs_story_above(build, item, i):
    """A marked name (□ 林知秋, ■ 江某) under the last paragraph of a story with no credit,
    with a title or the page's end under it: the story's signature, not a title line."""
    article = build.article
    if article is None or article.credits or not article.body or not item.byline:
        return False
    if not item.text.startswith(tuple(page_credits.MARKERS)):
        return False
    last = article.body[-1]
    if last["type"] != PARAGRAPH or not _ends_sentence(_tail(last)):
        return False
    return (
        i + 1 >= len(build.items)
        or _is_head_item(build, i + 1)
        or build.kind_at(i + 1)
        in (
            "staff",
            "skip",
        )
    )


def _points_on(build, item, i):
    """A bracketed pointer to another page (（详见A03版）) right under a story's text: the
    story goes on there, as after a jump line; elsewhere it is a teaser."""
    return (
        item.reason == "teaser"
        and build.article is not None
        and item.text.startswith(("(", "（"))
        and item.text.endswith((")", "）"))
        and i > 0
        and build.items[i - 1].kind in ("para", "credit")
        and bool(build.article.body)
    )


def _date_only(item):
    head = item.payload
    return head is not None and not head.name and not head.label and head.staff is None


_PAGE_NUMBER = re.compile(r"[A-Z]{0,2}\d{1,3}")
_PAGE_NAME = re.compile(r"^[\u4e00-\u9fff]{2,6}(?:[·・][\u4e00-\u9fff]{2,6})?$")  # 经济, 理论·评论


_LABEL_AND_NAME = re.compile(
    r"^(?:第\s*)?(?P<label>[A-Z]{0,2}\d{1,3})\s*版?\s+(?P<name>[\u4e00-\u9fff]{2,6})$"
)


def _page_name_under_head(build, item):
    """(label, name) of the line under a running head that names its page, else None.

    A name alone (经济) only over a staff line or more noise; a label and a name
    (07　经济) wherever it stands.
    """
    if (
        item.kind not in ("para", "heading")
        or build.page.articles
        or build.page.running_head.get("name")
    ):
        return None
    both = _LABEL_AND_NAME.match(item.text)
    if both and not build.page.running_head.get("label"):
        return both["label"], both["name"], 0
    index = build.position[id(item)]
    name = _SPACED_NAME.sub("", item.text) if len(item.text) <= MAX_SPACED_NAME else item.text
    if not _PAGE_NAME.match(name):
        return None
    if build.kind_at(index + 1) in ("staff", "skip", "running_head"):
        return "", name, 0  # 副 刊: a page's name letter-spaced is its name
    if "·" in name or "・" in name:
        return "", name, 0  # 三农·产业 over the first title: two names joined, a page's
    # 文艺副刊 / 江　风 / 责任编辑：…: a supplement's page name, then its own title.
    # (a title of two characters, letter-spaced, may read as a bare name: 江　风)
    kinds = ("para", "heading", "credit")
    title = build.items[index + 1] if build.kind_at(index + 1) in kinds else None
    if (
        title is not None
        and _PAGE_NAME.match("".join(title.text.split()))
        and build.kind_at(index + 2) in ("staff", "skip", "running_head")
    ):
        return "", name, 1
    return None


# 副 刊, 要　闻: the space between the letters of a short page name.
_SPACED_NAME = re.compile(r"(?<=[\u4e00-\u9fff])[\s\u3000]+(?=[\u4e00-\u9fff])")
MAX_SPACED_NAME = 7


def _photo(build, item, i):
    """A photo in a story; a bare credit under a short paragraph takes it as its caption."""
    body = build.article.body if build.article is not None else []
    numbered = _numbered_pictures(body[-1]) if not item.text and body else []
    if len(numbered) >= MIN_NUMBERED_PICTURES and build.items[i - 1].kind == "para":
        # 连日来，…。①桃源乡…；②城东街道…；③龙潭镇…。 / 融媒记者 叶 舟 摄: a group of
        # pictures captioned in one paragraph, one credit for all; the text before the
        # captions stays the story's.
        text = body[-1]["parts"][-1]
        lead = text[: text.index("①")].strip()
        if lead:
            body[-1]["parts"][-1] = lead
        else:
            body[-1]["parts"].pop()
            if not body[-1]["parts"]:
                body.pop()
        for caption in numbered:
            build.add_photo(item, caption=caption)
        return
    if (
        not item.text
        and body
        and body[-1]["type"] == PARAGRAPH
        and len(body[-1]["parts"]) == 1
        and len(body[-1]["parts"][0]) <= MAX_CAPTION_PARAGRAPH
        and build.items[i - 1].kind == "para"
        and build.items[i - 1].text == body[-1]["parts"][0]
    ):
        captions = [body.pop()["parts"][0]]
        # ①…, ②…: numbered captions over one credit are a picture each, in order.
        while (
            captions[0].startswith(_CIRCLED)
            and _is_caption_block(body[-1] if body else None)
            and body[-1]["parts"][0].startswith(_CIRCLED)
        ):
            captions.insert(0, body.pop()["parts"][0])
        for caption in captions:
            build.add_photo(item, caption=caption)
        return
    note = "".join(item.lines).strip() if not item.text and not item.credits else ""
    if build.article is not None and _SUPPLIED_BY.match(note):
        # …雨天出行注意交通安全。 / （县气象台提供）: where the text comes from, no picture.
        build.article.author_note = note.strip("（）()")
        return
    photos = build.article.photos if build.article is not None else []
    if (
        not item.text
        and item.credits
        and photos
        and not photos[-1].credits
        and photos[-1].line == build.items[i - 1].line
    ):
        # ▲滨江邮政快递分拨中心… / (right-aligned) 实习生 林 夕 摄: the caption's credit.
        photos[-1].credits = list(item.credits)
        return
    build.add_photo(item)


_CIRCLED = tuple("①②③④⑤⑥⑦⑧⑨⑩")
MIN_NUMBERED_PICTURES = 2
_NUMBERED_PART = re.compile(r"[①②③④⑤⑥⑦⑧⑨⑩][^①②③④⑤⑥⑦⑧⑨⑩]+")
# （县气象台提供）: a source in brackets naming no one.
_SUPPLIED_BY = re.compile(r"^[(（][\u4e00-\u9fff]{2,20}提供[)）]$")


def _numbered_pictures(block):
    """The captions ①…；②…；③… that a paragraph lists in order (from ① on), else []."""
    if block["type"] != PARAGRAPH or "①" not in block["parts"][-1]:
        return []
    text = block["parts"][-1]
    parts = _NUMBERED_PART.findall(text[text.index("①") :])
    if [part[0] for part in parts] != list(_CIRCLED[: len(parts)]):
        return []
    return [part.rstrip("；;，, ") for part in parts]


def _is_caption_block(block):
    return (
        block is not None
        and block["type"] == PARAGRAPH
        and len(block["parts"]) == 1
        and len(block["parts"][0]) <= MAX_CAPTION_PARAGRAPH
    )


def _inner_credit(build, item, i):
    if build.article is not None and page_credits.is_tip(item.credits):
        build.article.credits.extend(item.credits)  # 线索提供 closes the story it helped
        return
    if (
        build.article is not None
        and build.article.dateline
        and not build.article.credits
        and not build.article.body
        and not item.lead
        and any(c.names and not c.photo for c in item.credits)
    ):
        # 新华社北京5月15日电　题：… / 新华社记者 许　晨: the byline under a wire's dateline.
        build.article.credits = list(item.credits)
        return
    if (
        not item.lead
        and build.kind_at(i + 1) in HEAD_KINDS
        and (build.article is None or not item.text.startswith(("(", "（")))
        and not item.text.endswith(PHOTO_MARK)
        and not _closes_uncredited(build, item, i)
    ):
        build.pending_credit = item  # 本报评论员, 文/图 张三 above the title it credits
        return
    if build.article is None and item.lead:
        # A lead under no title: listed, and named in the page's problems when it holds
        # text; the rest of the page is still read.
        build.add_paragraph(item.text, item.line)
        return
    if build.article is None:
        # A credit line under a closed photo story or box, a byline above no title, or a
        # line above every title that names nobody (a masthead's 青萝新闻): listed.
        build.skip(item, "other")
        return
    if (
        build.article.credits
        and item.text.startswith(("(", "（"))
        and build.kind_at(i - 1) == "para"
        and _adds_roles(build.article.credits, item.credits)
    ):
        # …结尾点题。 / （指导老师：王丽华）: another role closing a story credited above.
        build.article.credits.extend(item.credits)
        return
    if (
        not build.article.credits
        and (item.text.startswith(("(", "（")) or _closes_uncredited(build, item, i))
        and any(c.role for c in item.credits)
    ):
        build.article.credits = list(item.credits)  # a closing （记者 张三） of a story with none
        if item.text.startswith(("(", "（")) and build.article.kind == Kind.BRIEF:
            # …完璧归赵。 / （通讯员 慕容静 记者 卫　东）: the brief is done; a paragraph
            # under it is the next brief, printed with no title.
            build.closed_stories.add(id(build.article))
            build.untitled_briefs = build.untitled_briefs or "each"
        return
    if (
        not build.article.credits
        and item.byline
        and build.article.body
        and not (build.kind_at(i + 1) == "para" and not build.items[i + 1].titleish)
    ):
        # …成为这座城市的日常。 / 皇甫俊: a bare name under the last paragraph signs it;
        # under a column of opinion (短评, 编辑手记) it is a commentary's.
        article = build.article
        opinion = article.kind == Kind.COMMENTARY or _is_opinion(build, article)
        article.credits = [Credit("", COMMENTARY_ROLE if opinion else "", (item.byline,))]
        if opinion and article.kind != Kind.COMMENTARY:
            article.kind = Kind.COMMENTARY
            lead = build.lead_index()
            if article.main_article is None and lead is not None:
                article.main_article = None if build.page.articles[lead] is article else lead
        return
    previous = build.article.body[-1] if build.article.body else None
    if (
        not item.text
        or item.lead
        or not item.credits
        or not all(c.photo for c in item.credits)
        or previous is None
        or previous["type"] != PARAGRAPH
    ):
        # Inside a story a credit-like line is text (记者 手记, a closing （记者 张三）).
        build.add_paragraph(item.text or item.rest, item.line)
        return
    build.add_photo(item)


def _closes_uncredited(build, item, i):
    """A credit line under a story with no credit that is the story's own, not a byline
    above the next title: a letter's signature (市民 东方晓雯), or any credit where the next
    title has its own (…示范村。 / 全媒体记者 申屠晓晨 / 县政务服务中心… / 本报讯（…）)."""
    if build.article is None or build.article.credits or not item.credits:
        return False
    if all(c.role in SIGNERS for c in item.credits):
        return True
    if not (item.byline or any(c.role for c in item.credits)):
        return False
    after = i + 1 + min(build.head_run[i + 1], MAX_HEAD + 1)
    following = build.items[after] if after < len(build.items) else None
    return following is not None and (
        (following.lead and bool(following.credits)) or following.kind == "credit"
    )


_CLOSING_CREDIT = re.compile(r"[(（]([^()（）]{2,40})[)）]$")


MAX_BARE_CREDIT = 8
# An organisation closing a brief as its source (青禾县农业农村局, 南溪县水务局).
_REPORTED = re.compile(r"^(?:据|来源\s*[:：]|摘自|转自|转载自)")
_END_WORDS = re.compile(r"^(?:完|全文完|待续|未完待续|续完|下转.*|上接.*)$")
# What closes a piece in brackets under its last sentence and names no one: its source.
_CLOSING_SOURCE = re.compile(r"^(?:据|来源[:：]?)?[\u4e00-\u9fff·《》]{2,16}$")
_SOURCE = re.compile(
    r"^[\u4e00-\u9fff]{2,20}(?:局|委|办|厅|部|院|中心|协会|公司|站|所|队|处|会|社|集团)$"
)


def _closing_bracket_credits(text):
    """The credits with a role of a bracket closing ``text`` (…。（记者 张三）), else None."""
    match = _CLOSING_CREDIT.search(text[-44:])
    credits = _bracket_credits(match[1]) if match else None
    if credits and any(c.role for c in credits):
        return credits
    if credits and all(c.unit and c.names for c in credits):
        return credits  # …协同处置能力。（国网宁陂县供电公司　何丽萍）: a unit's writer
    # …两破全国纪录。（慕容思琪）, （钟 岩）: a bare name closing a short story is its writer's.
    if credits and len(credits) == 1 and len(credits[0].names) == 1 and not credits[0].photo:
        return credits if page_credits.byline_name(credits[0].names[0]) else None
    return None


def _bracket_credits(inner):
    """The credits a closing bracket's text reads as (（记者　张三）, （方　寸）, （国网…公司
    何丽萍）), else None."""
    credits = page_credits.credit_line(inner)
    return credits if credits is not None else _padded_name(inner) or _unit_and_names(inner)


# 方　寸, 石　墨: a name of two characters padded to the width of three.
_PADDED_NAME = re.compile(r"^([\u4e00-\u9fff])[\s\u3000]+([\u4e00-\u9fff])$")


def _unit_and_names(text):
    """（国网宁陂县供电公司　何丽萍）: a unit and the people of it who wrote, no role; else
    None."""
    credits = read_credit_line(text.strip())
    if credits and all(c.unit and c.names and not c.role for c in credits):
        return list(credits)
    return None


def _padded_name(text):
    """A bare two-character name printed letter-spaced in a closing bracket, whatever word
    its characters also make (（方　寸）, （石　墨）): the writer's; else None."""
    match = _PADDED_NAME.match(text.strip())
    if match is None or surname_of(match[1]) != match[1]:
        return None
    return [Credit("", "", (match[1] + match[2],))]


def _closed(article):
    """Whether a story's text so far ends in its closing credit: a title under it opens one."""
    paragraphs = [block for block in article.body if block["type"] == PARAGRAPH]
    return bool(paragraphs) and _closing_bracket_credits(_tail(paragraphs[-1])) is not None


def _closing_credit(article):
    """A brief's credit closing its last paragraph (…测量血压。（记者 刘畅）) credits it."""
    paragraphs = [block for block in article.body if block["type"] == PARAGRAPH]
    if article.credits or not paragraphs or article.kind not in (Kind.NEWS, Kind.BRIEF):
        return
    last = paragraphs[-1]
    match = _CLOSING_CREDIT.search(last["text"][-44:])
    credits = _bracket_credits(match[1]) if match else None
    # A brief may close on a bare name (…指导服务。（卢　山）): its writer.
    bare = article.kind == Kind.BRIEF and len(match[1]) <= MAX_BARE_CREDIT if match else False
    source = match[1].strip() if match and not credits else ""
    if source and _REPORTED.match(source):
        # …亩均增收1500元以上。（据《青州日报》报道）: where the story comes from, no one's.
        article.author_note = source  # printed in its brackets under the text, as here
        last["text"] = last["text"][: len(last["text"]) - len(match[0])].rstrip()
    elif (article.kind == Kind.BRIEF and _SOURCE.match(source)) or (
        _CLOSING_SOURCE.match(source) and not _END_WORDS.match(source)
    ):
        # …配套建设灌排渠道86公里。（青禾县农业农村局）, …细分龙头。（东垣证券）: the
        # piece's source, naming nobody.
        article.author_note = source
        last["text"] = last["text"][: len(last["text"]) - len(match[0])].rstrip()
    elif credits and (
        any(c.role for c in credits)
        or (bare and all(c.names for c in credits))
        or all(c.unit and c.names for c in credits)
    ):
        article.credits = credits
        last["text"] = last["text"][: len(last["text"]) - len(match[0])].rstrip()
        if not last["text"]:
            article.body.remove(last)


def build_pages(items):
    """The pages and stories ``items`` make, with their text full-width; raises ``LayoutError``."""
    build = _Builder(items)
    build.position = {id(item): index for index, item in enumerate(items)}
    build.head_run = _head_runs(build)
    i = 0
    while i < len(items):
        i = _step(build, i)
    _end_brief_runs(build)
    for page in build.pages:
        for article in page.articles:
            _literature(article, id(article) in build.verse_articles)
    return _finish(build.pages)


MAX_BRIEF_PARAGRAPHS = 2
MAX_LABELLED_BRIEF = 3


def _end_brief_runs(build):
    """A story of many paragraphs under a run of briefs ends the run: it and the stories
    after it that took the brief column are news (a 简讯 box is one short item each)."""
    for page in build.pages:
        ended = False
        for article in page.articles:
            paragraphs = sum(1 for block in article.body if block["type"] == PARAGRAPH)
            if id(article) not in build.inherited_briefs:
                # 企业动态 over a story of many paragraphs: the label's own story is news.
                ended = article.kind == Kind.BRIEF and paragraphs > MAX_LABELLED_BRIEF
                if ended:
                    article.kind = Kind.NEWS
                continue
            ended = ended or paragraphs > MAX_BRIEF_PARAGRAPHS
            if ended:
                article.column, article.kind = "", Kind.NEWS


def _tail(block):
    """The end of a body block's text as built so far."""
    return block["parts"][-1] if "parts" in block else block["text"]


def _finish(pages):
    for page in pages:
        for article in page.articles:
            for block in article.body:
                if block["type"] == VERSE:
                    block["text"] = "\n".join(block.pop("parts"))
                    block.pop("last")
                    block.pop("row")
                elif "parts" in block:
                    block["text"] = "".join(block.pop("parts"))
                    block.pop("row", None)
    kept, waiting = [], []  # skipped lines of empty pages go to the page before, or after
    for page in pages:
        if not page.articles:
            (kept[-1].skipped if kept else waiting).extend(page.skipped)
            continue
        page.skipped[:0], waiting = waiting, []
        kept.append(page)
    for page in kept:
        for article in page.articles:
            _closing_credit(article)
            _unmarked_caption(article)
            _text_over_numbered_pictures(article)
            _cartoon(article)
            _comment_run(article)
        if not page.section and any(article.districts for article in page.articles):
            page.name = page.section = DISTRICT_PAGE_SECTION
        for article in page.articles:
            for block in article.body:
                if block["type"] == INTERTITLE:
                    block["text"] = "\n".join(fullwidth(t) for t in block["text"].split("\n"))
                else:
                    block["text"] = fullwidth(block["text"])
            for photo in article.photos:
                photo.caption = fullwidth(photo.caption)
            article.editor_note = fullwidth(article.editor_note)
            article.author_note = fullwidth(article.author_note)
    return kept


CARTOON_LABELS = ("漫画", "画中话", "新闻漫画", "漫画天地", "时事漫画", "漫画说")
# Columns of painting and calligraphy (翰墨丹青, 书画天地) and who made a work (作者：…).
ART_WORDS = ("书画", "翰墨", "丹青", "书法", "国画", "画苑", "墨韵", "美术")
ART_ROLES = ("作者", "书", "画", "绘", "作")
MAX_CARTOON_TEXT = 2


def _cartoon(article):
    """漫画 / a title / 作者：杭　雨 / what the drawing says: a cartoon, a picture credited
    to who drew it, however its credit line was printed (no 摄 marks a drawing)."""
    paragraphs = [block for block in article.body if block["type"] == PARAGRAPH]
    drawn = article.column in CARTOON_LABELS or any(w in article.column for w in ART_WORDS)
    # 秋山问道图 / 作者：方砚池 / what the painting shows: a work of art, under any column.
    drawn = drawn or (
        article.headline.endswith("图") and all(c.role in ART_ROLES for c in article.credits)
    )
    if (
        not drawn
        or article.photos
        or not article.credits
        or len(paragraphs) > MAX_CARTOON_TEXT
        or len(paragraphs) != len(article.body)
    ):
        return
    article.kind = Kind.PHOTO
    credits = [Credit(c.unit, c.role, c.names, True) for c in article.credits]
    article.photos.append(ParsedPhoto("", credits, article.line))
    article.credits = []


def _literature(article, verse):
    """A poem (``verse``: its text lines of verse) or a piece under a column of literature
    (小小说, 散文): signed by its writer, no commentator."""
    if not verse and not article.column.endswith(LITERARY_LABELS):
        return
    article.credits = [
        Credit(c.unit, "" if c.role == COMMENTARY_ROLE else c.role, c.names, c.photo)
        for c in article.credits
    ]
    if article.kind == Kind.COMMENTARY:
        article.kind = Kind.NEWS


def _comment_run(article):
    """微评 / …。（叶知秋） / …。（方　寸）: each item a short commentary, signed by its writer."""
    if article.kind != Kind.BRIEF or not article.column.endswith(COMMENT_RUN_LABELS):
        return
    article.kind = Kind.COMMENTARY
    article.credits = [
        Credit(c.unit, c.role or COMMENTARY_ROLE, c.names, c.photo) for c in article.credits
    ]


def _text_over_numbered_pictures(article):
    """A photo group's captions numbered ①②③ under a paragraph with no number: the
    paragraph is the story's text, said of all the pictures, not a picture of its own."""
    if article.kind != Kind.PHOTO or len(article.photos) < MIN_NUMBERED_PICTURES + 1:
        return
    first, *rest = article.photos
    if _PICTURE_NUMBER.match(first.caption) or not all(
        _PICTURE_NUMBER.match(photo.caption) for photo in rest
    ):
        return
    article.photos = rest
    article.body.insert(0, {"type": PARAGRAPH, "text": first.caption})


MIN_NUMBERED_PICTURES = 2
_PICTURE_NUMBER = re.compile(r"^(?:[①-⑳]|图\s*[①-⑳1-9])")


def _unmarked_caption(article):
    """A story whose byline credits a picture (文/X 图/Y) and that has none: the short
    sentence in its text saying who does what where (上官婉清在比赛中突破上篮。, 图为…) is
    the picture's caption, printed with no mark."""
    pictured = [c for c in article.credits if c.photo]
    if article.kind != Kind.NEWS or article.photos or not pictured:
        return
    paragraphs = [b for b in article.body if b["type"] == PARAGRAPH]
    for block in paragraphs[1:]:
        if _CAPTION_SENTENCE.match(block["text"]):
            article.body.remove(block)
            text = block["text"].removeprefix("图为")
            article.photos.append(ParsedPhoto(text, pictured, article.line))
            return


# One sentence of 8 to 45 characters, no quotation or colon, saying where someone is at it.
_CAPTION_SENTENCE = re.compile(r"^(?:图为[^。！？“”：:]{6,43}|(?=.*在)[^。！？“”：:]{7,44})。$")


__all__ = ["build_pages"]
