"""Page text cut into items: headings, title blocks, paragraphs, credits, captions, noise.

A block is a run of lines between blank lines (a ``## `` heading is a block
alone); a block whose lines end in Markdown hard breaks (two spaces or a
backslash) is a multi-line title or intertitle.  Plain text from other layout
systems runs a title, a lead paragraph and a staff line together with bare
newlines, so a block is cut again at a line that stands alone (running head,
staff line, jump line, page number…), at an indented line (a new paragraph),
at a lead (本报讯…, 新华社…电) and at a credit line, the short title lines just
above a lead becoming items of their own.  Each item is then classified once.
"""

import functools
import re
from dataclasses import dataclass, field

from articles.credit_lines import reads_as_name
from articles.credits import PHOTO_MARK, Credit
from articles.imports import page_credits, page_noise, tagged_text
from articles.imports.columns import split_columns
from articles.print_labels import ROSTER_HEADING

LINK_LABELS = (
    ROSTER_HEADING,
    "新闻链接",
    "背景链接",
    "延伸阅读",
    "知识链接",
    "链接",
    "人物名片",
    "人物简介",
    "人物档案",
)
BRIEF_LABELS = (
    "简讯",
    "短讯",
    "快讯",
    "简明新闻",
    "新闻速递",
    "速览",
    "资讯",
    "书讯",
    "短波",
    "速递",
    "快递",
    "简报",
    "一句话新闻",
    "传真",  # 一线传真, 基层传真
    "热线",  # 民生热线: readers' calls, each an untitled item (市民张先生来电反映，…)
    "发布",  # 权威发布: short notices of the authorities, each titled
    *("微评", "快评", "锐评", "微言"),  # a run of untitled comments, each signed (叶知秋)
    "扫描",  # 新闻扫描
    "集萃",
    "动态",  # 产业动态, 工作动态: short items; a long story under it ends the run
    *("遗失声明", "遗失启事", "注销公告", "分类信息"),  # a notices page's one-line notices
)
# Brief columns whose items are comments (each a commentary, its bare name its writer's).
COMMENT_RUN_LABELS = ("微评", "快评", "锐评", "微言")
# Column labels a paper prints above a title with no mark of their own.
PHOTO_STRIP_LABELS = (
    "图片新闻",
    "新闻图片",
    "图说新闻",
    "图片报道",
    "图说",
    "看图说话",
    "视觉新闻",
    "画中话",
    "新闻漫画",
    "漫画",
    "漫画天地",
)
SIDEBAR_LABELS = (
    "记者手记",
    "采访手记",
    "编辑手记",
    "记者札记",
    "采访札记",
    "相关新闻",
    "相关阅读",
)
# What a plain column label ends with: its kind of text (短评, 国际观察, 健康提示, 工作动态).
GROUP_LABEL_ENDINGS = (
    "短评",
    "快评",
    "时评",
    "点评",
    "观察",
    "调研",  # 一线调研, 蹲点调研
    "手记",
    "论坛",
    "视点",
    "观点",
    "漫谈",
    "动态",
    "速递",
    "提示",
    "前沿",
    "园地",
    "看台",
    "来信",
    "对话",
    "专访",
    "访谈",
    "影评",
    "书评",
    "剧评",
    "随笔",
    "提醒",
    "声音",
    "回复",
    "调查",
    "面对面",
    "解读",
    "问答",
    "信息",  # 便民信息, 招聘信息
)
# A label over a group of items (简讯, 一句话新闻, 图片新闻), alone on its line.
_GROUP_LABEL = re.compile(
    rf"^[【〔\[■□◆●▶\s]*[\u4e00-\u9fff·]{{0,6}}"
    rf"(?:{'|'.join(BRIEF_LABELS + PHOTO_STRIP_LABELS)})[】〕\]\s:：]*$"
)
_LINK = re.compile(rf"^[【〔\[■□◆●▶\s]*(?:{'|'.join(LINK_LABELS)})[】〕\]\s:：]*$")
_PICTURE = re.compile(r"^!\[[^\]]{0,200}\]\([^)]{0,500}\)$|^[\[【](?:图片|图|照片|image)[\]】]$")
_SENTENCE_PUNCTUATION = re.compile(r"[，,。；;]")
ROSTER_TITLE = re.compile(r"^(?P<title>.{1,200}?)\s*[(（](?P<count>\d{1,40})\s*名[)）]$")
_CLOSED_SENTENCE = tuple("。:：;；…")
# Where a caption's photo credit may sit: 摄, 图/ or /图, (新华社发).
_PHOTO_TAIL = re.compile(
    rf"{PHOTO_MARK}|图\s*[/／:：]|[/／]\s*图|发\s*[)）]?$|供图|资料图片|资料照片"
    r"|(?:漫画|插画|绘画)\s*[/／:：]"  # 漫画/欧阳可: a cartoon's artist
)
_WRITER_TOO = re.compile(r"文\s*[/／]\s*图|图\s*[/／]\s*文|文\s*[/／]|[/／]\s*文")
# A Markdown list item (- 涟州队 3∶1 北岭队): a line of a box or table, never a title.
_LIST_ITEM = re.compile(r"^(?:[-*+•]|\d{1,2}\.)\s")
_BOLD_LINE = re.compile(r"^\*\*[^*]{1,200}\*\*$")
_ITALIC_LINE = re.compile(r"^\*[^*\s][^*]{0,300}\*$")
_QUOTE = re.compile(r"^>\s?")
# 问：…？, 记者：…？, 主持人：… is a line of an interview, never a title.
_QUESTION_OR_ANSWER = re.compile(r"^(?:[问答QA]|(?:本报)?记者|主持人)\s*[:：]")
# Bold inside a line (**编者按** 绿水青山…, **沅川日报** 2026年…): the marks are no text.
_BOLD_SPAN = re.compile(r"\*\*([^*]{1,200})\*\*")
_INDENT = ("\u3000", "  ", "\t")
# A paragraph's indent: one to four spaces or two full-width ones, not a centred line's.
_PARAGRAPH_INDENT = re.compile(r"^(?:\u3000{1,2}| {2,4}|\t)\S")
# A Markdown backslash escape of ASCII punctuation (the Markdown export writes them).
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
MAX_CREDIT_LINE = 60
MAX_CAPTION = 300
MAX_HEAD_LINES = 5
LEAD_IN = "lead-in"  # a title run into its text (**标题** 本报讯…, 【标题】11月12日，…)
BOLD_LEVEL = 7  # a **bold** line's heading level: a label, not the 主题 over a # heading


@dataclass
class Item:
    """One piece of the page, as read from its text.

    ``kind``: heading, multi (hard-broken block), para, credit (``lead`` when it
    opens the body: 本报讯(记者 张三)…), photo, staff, running_head, jump, skip
    (``reason`` says why), editor_note, author_note, link (相关链接), picture
    (an image's place in the dump: ``![](…)``, ``[图片]``).
    """

    kind: str
    line: int
    text: str = ""
    lines: list[str] = field(default_factory=list)
    credits: list[Credit] = field(default_factory=list)
    rest: str = ""
    dateline: str = ""
    lead: bool = False
    reason: str = ""
    payload: object = None  # the StaffLine or RunningHead read from the line
    titleish: bool = False  # a paragraph that may be a title line (set once, when read)
    level: int = 0  # a heading's level: the number of its #s
    row: bool = False  # a line of a box or table (数说, a results table): never joined
    lead_in: bool = False  # a heading run into its text: it always opens a story
    indented: bool = False  # set in from the margin as a paragraph is (an intertitle in text)
    verse: bool = False  # a line of a poem (or a 组诗's poem title): kept a line of its own
    label: bool = False  # known to be a column's label (南湖诗页 over a poem), not an 引题

    @property
    def byline(self):
        """The name of a commentary's byline (``何春林``, ``■ 江某``), else ""."""
        if self.kind == "para":
            return page_credits.byline_name(self.text)
        if self.kind == "credit" and not self.lead and len(self.credits) == 1:
            credit = self.credits[0]
            if not credit.role and len(credit.names) == 1 and not credit.photo:
                return credit.names[0]
        return ""


_COLUMN = re.compile(
    r"^(?:[【〔［\[「『]\s*(?P<bracketed>[^】〕］\]」』]{1,16}?)\s*[】〕］\]」』]"
    r"|[■□◆◇●▲▶►★☆]\s*(?P<marked>[^\s■□◆◇●▲▶►★☆]{2,12})"
    r"|栏目\s*[:：]\s*(?P<named>.{2,16})"
    # 人物　PEOPLE, 视点 VIEW: a weekly's section label, in Chinese and in English.
    r"|(?P<bilingual>[\u4e00-\u9fff]{2,6})[\s\u3000]+[A-Z][A-Z&' ]{2,20})$"
)


def column_label(text):
    """The column a label line names (【民生关注】, ■ 记者观察, 栏目：三农), else ""."""
    match = _COLUMN.match(text) if len(text) <= 24 else None
    if not match:
        return ""
    return (match["bracketed"] or match["marked"] or match["named"] or match["bilingual"]).strip()


def is_titleish(text):
    """A plain line that may be a title: short, no sentence punctuation, brackets closed.

    A title may end in ！ or ？, but not a quotation (“太好了！”) or a sentence.
    """
    return (
        0 < len(text) <= 40
        and not _SENTENCE_PUNCTUATION.search(text)
        and not text.endswith(_CLOSED_SENTENCE)
        and not _is_quotation(text)
        and not (text.startswith(("（", "(")) and text.endswith(("）", ")")))
        and text.count("“") == text.count("”")
        and text.count("（") + text.count("(") == text.count("）") + text.count(")")
        and not _LIST_ITEM.match(text)
        and not _QUESTION_OR_ANSWER.match(text)
        and not _LISTING.match(text)
    ) or bool(_ADOPTED.match(text))


# A document's note of its adoption under its title (（2024年5月16日…常务委员会第十九次会议
# 通过）): a title's part, in brackets though it is.
_ADOPTED = re.compile(
    r"^[（(](?:19|20)\d\d年\d{1,2}月\d{1,2}日[^（）()。]{2,60}(?:通过|批准|公布|发布|修订|修正)[)）]$"
)


# A line of a listing, never a title: a book (《河流的年轮》　沈一舟 著　江川文艺出版社) or a
# programme (江川卫视　19:30　《运河人家》第1、2集, 20:15　CCTV-6　电影《远山的回声》).
_LISTING = re.compile(
    r"^《[^》]{1,30}》[\s\u3000]*[^\s\u3000](?:[\s\u3000]?[^\s\u3000]){0,11}[\s\u3000]*"
    r"(?:著|编著|主编|译|绘|文[／/]图)"
    r"|^[^\s\u3000\d][^\s\u3000]{0,11}[\s\u3000]+[0-2]?\d[:：][0-5]\d[\s\u3000]+\S"
    r"|^[0-2]?\d[:：][0-5]\d[\s\u3000]+\S+[\s\u3000]+\S"
)


def is_listing(text):
    """A book's or a programme's line in a listing box (see ``_LISTING``)."""
    return bool(_LISTING.match(text))


def is_list_item(text):
    """A Markdown list item (- 涟州队 3∶1 北岭队): a line of its own in a box or a table."""
    return bool(_LIST_ITEM.match(text))


# A notice's title (征稿启事, 停电公告, 更正声明): a piece of its own, never an intertitle,
# and a line of its own in wrapped text.
NOTICE_TITLE = re.compile(
    r"(?:启事|启示|公告|通告|声明|须知|公示|倡议书|告示|讣告|征文|通知|的回复|的答复|预告|征集|招募)$"
)


MAX_SALUTATION = 12


def _notice_title(line):
    return bool(NOTICE_TITLE.search(line)) and is_titleish(line)


def _is_quotation(text):
    """“太好了！” is a quotation; “夜经济”既要亮灯更要亮“心” is a title quoting twice,
    and a short quoted phrase with no mark in it (“大民生”) the end of a broken title."""
    return (
        text.startswith("“")
        and text.endswith("”")
        and text.find("”") == len(text) - 1
        and (len(text) > MAX_QUOTED_TITLE or bool(_QUOTED_MARKS.search(text)))
    )


MAX_QUOTED_TITLE = 10
_QUOTED_MARKS = re.compile(r"[，,。！？!?；;：:…、]")


def _standalone(text):
    """The item a line makes on its own (staff, running head, jump, noise), else None."""
    found = _line_kind(text)
    if found is None:
        return None
    kind, reason, payload = found
    if kind == "credit":
        return Item(kind, 0, text=text, credits=list(payload))
    return Item(kind, 0, text=text, reason=reason, payload=payload)


@functools.lru_cache(maxsize=4096)
def _line_kind(text):
    """(kind, reason, payload) of a line that stands alone; cached, as pages repeat them."""
    if len(text) > page_noise.MAX_NOISE_LENGTH:
        return None
    if len(text) > 60 and text.endswith((*_CLOSED_SENTENCE, "！", "？", "”")):
        # A long sentence is text, unless it is a copyright notice (no other noise reads so).
        return ("skip", "copyright", None) if page_noise.is_copyright(text) else None
    staff = page_noise.read_staff_line(text)
    if staff:
        return "staff", "", staff
    if page_noise.is_jump_line(text):
        return "jump", "", None
    author = page_noise.read_web_data(text)
    credits = page_credits.credit_line(author) if author else None
    if credits:
        # 发布时间：…　来源：…　作者：记者 林晓帆　编辑：…: a site's article data, whose
        # 作者 is the article's credit line (without one, the data is no story's).
        return "credit", "web", tuple(credits)
    if author is not None:
        return "skip", "other", None
    if page_noise.is_article_data(text):
        return "skip", "other", None
    head = page_noise.read_running_head(text)
    if head:
        return "running_head", "", head
    source = _CHART_SOURCE.match(text)
    if source and (staff := page_noise.read_staff_line(text[source.end() :].strip())):
        # 数据来源：市农业农村局　制图：欧阳晓岚, under a chart: who made it.
        return "staff", "", staff
    if _PICTURE.match(text):
        return "picture", "noise", None  # where a picture was: the caption follows
    reason = page_noise.read_noise(text)
    return ("skip", reason, None) if reason else None


# Poems -----------------------------------------------------------------------------
#
# A poem is printed as its title, its poet (◎皇甫云舟, □ 苏晚晴, 苏　禾) and short lines that
# close no sentence, in stanzas set apart by blank lines.  Read as prose, its lines would
# be titles and its stanzas paragraphs run together; read here, each line stays a line.

MIN_VERSE_LINES = 3
MAX_POET_LINE = 12
MAX_CREDIT_UNDER = 30
MAX_VERSE_LINE = 24
MAX_POEM_TITLE = 16
MAX_GROUP_POEM_TITLE = 4
_GROUP_POEM = re.compile(
    r"[（(](?:组诗|外[一二三四五六七八九十\d]首|[二三四五六七八九十\d]首)[)）]$"
)
VERSE_TITLE, VERSE_BYLINE, VERSE_LINE, VERSE_SUBTITLE, VERSE_LABEL = (
    "title",
    "byline",
    "line",
    "subtitle",
    "label",
)


def _poet(line):
    """The poet's line under a poem's title (◎皇甫云舟, □ 苏晚晴, 苏　禾), else ""."""
    return page_credits.byline_name(line) if len(line) <= MAX_POET_LINE else ""


def _poet_of_next(line):
    """A poet's line under the next poem's title, not a line or title of this poem that
    starts with a surname (乌篷船): marked, letter-spaced, or reading as a name."""
    name = _poet(line)
    return bool(name) and (
        line[:1] in _LABEL_MARKS or " " in line or "\u3000" in line or reads_as_name(name)
    )


def _verse_line(raw, line):
    return (
        bool(line)
        and not raw.startswith(_INDENT)
        and len(line) <= MAX_VERSE_LINE
        and _standalone(line) is None
    )


def _verse(lines, apart):
    """{line number: what it is in a poem} for every poem on the page (see above)."""
    found, n, k = {}, len(lines), 0
    filled = [index for index in range(n) if lines[index].strip()]
    after = {index: filled[position + 1] for position, index in enumerate(filled[:-1])}
    before = {index: filled[position - 1] for position, index in enumerate(filled) if position}
    while k < n - 2:
        title = lines[k].strip()
        p = after.get(k)  # the poet's line, blank lines between allowed
        if (
            not title
            or p is None
            or k + 1 in apart
            or p + 1 in apart
            or len(title) > MAX_POEM_TITLE
            or title.endswith(_CLOSED_SENTENCE)
            or not _poet(lines[p].strip())
            # 秋分帖 / 东方晓岚: a title that reads as a name, over the poet's line
            or (p in after and _poet(lines[after[p]].strip()))
            or column_label(title)
            or _LINK.match(title)  # 人物档案 / 陈守中 / 1966年生于…: a box, its rows
            or page_credits.lead(title) is not None
            or _standalone(title) is not None
        ):
            k += 1
            continue
        body = _verse_body(lines, p + 1, apart, bool(_GROUP_POEM.search(title)))
        verse = [lines[index].strip() for index, kind in body.items() if kind == VERSE_LINE]
        if len(verse) < MIN_VERSE_LINES or _wrapped_prose(verse):
            k += 1
            continue
        label = before.get(k)
        if label is not None and label + 1 not in apart and label + 1 not in found:
            text = lines[label].strip().lstrip("■□◆●▶ ")
            if _SHORT_LABEL_LINE.match(text) or column_label(lines[label].strip()):
                found[label + 1] = VERSE_LABEL  # 南湖诗页 / 江边渡口 / ◎皇甫云舟: its column
        found[k + 1], found[p + 1] = VERSE_TITLE, VERSE_BYLINE
        for index, kind in body.items():
            found[index + 1] = kind
        k = max(body) + 1
    return found


_SHORT_LABEL_LINE = re.compile(r"^[\u4e00-\u9fff]{2,6}$")


def _wrapped_prose(verse):
    """Short lines that are prose wrapped narrow, not verse: most of them pause inside
    (一朵香菇撑起20亿元产业，一块稻田养出“双份收 / 入”。从本期报道的…), or sentences
    and figures fill them."""
    # Prose has a pause every dozen characters or so, so most of its lines hold one; a
    # poem's lines end where its pauses are.
    paused = sum(1 for line in verse if _PAUSE.search(line[:-1]))
    closing = sum(1 for line in verse if "。" in line[:-1])
    figures = sum(1 for line in verse if _DIGIT.search(line))
    return paused * 2 > len(verse) or (closing + figures) * 3 > len(verse)


_PAUSE = re.compile(r"[，。、；：！？]")


def _verse_body(lines, start, apart, group):
    """{index: VERSE_LINE or VERSE_SUBTITLE} of the lines of a poem from ``start``: until
    prose, a line of another kind, or the head of the next piece (one or two short lines
    over a poet's or a credit line: 三月，写给母亲 / 苏　禾, 翰墨丹青 / 秋山问道图 / 作者：…)."""
    body, k = {}, start
    while k < len(lines):
        raw, line = lines[k], lines[k].strip()
        if k + 1 in apart:
            break
        if not line:
            k += 1
            continue
        if not _verse_line(raw, line) or line.startswith(_LABEL_MARKS):
            break  # prose, or ■读书: a label of the next piece
        following = [j for j in range(k + 1, min(k + 6, len(lines))) if lines[j].strip()]
        nxt = lines[following[0]].strip() if following else ""
        after = lines[following[1]].strip() if len(following) > 1 else ""
        if nxt and (_poet_of_next(nxt) or _credit_under(nxt) or nxt.startswith(_SUBTITLE_MARKS)):
            break  # this line is the next piece's title
        if (
            after
            and (_credit_under(after) or after.startswith(_SUBTITLE_MARKS))
            and len(nxt) <= MAX_POEM_TITLE
            and len(line) <= MAX_GROUP_LABEL
            and not line.endswith(_SENTENCE_PUNCTUATION_END)
        ):
            break  # 翰墨丹青 / 秋山问道图 / 作者：方砚池: a label over the next title
        # 霜降 over its lines, in a 组诗: a word or two alone, or a line of four where a
        # poem starts (the group's first line, or after a blank line); a line of four
        # inside a stanza (码进地窖, 整个村庄) is verse.
        starts = not body or not lines[k - 1].strip()
        if (
            group
            and (len(line) < MAX_GROUP_POEM_TITLE or (len(line) == MAX_GROUP_POEM_TITLE and starts))
            and nxt
            and len(nxt) > len(line)
            and (not body or list(body.values())[-1] == VERSE_LINE)
        ):
            body[k] = VERSE_SUBTITLE
        else:
            body[k] = VERSE_LINE
        k += 1
    while body and not lines[max(body)].strip():
        del body[max(body)]
    return body


_SENTENCE_PUNCTUATION_END = ("。", "！", "？", "，", "；")
_OPEN_END = ("，", ",", "、", "：", ":", "；", "“", "《", "（", "(")
_LABEL_MARKS = tuple("■□◆◇●○▶►◎★☆【")
_SUBTITLE_MARKS = ("——", "－－", "--")


def _credit_under(line):
    found = page_credits.credit_line(line) if len(line) <= MAX_CREDIT_UNDER else None
    return bool(found) and any(c.role for c in found)


def _verse_starts(verse):
    """Where a poem's lines start a block: its label or title, and the line after it."""
    starts = set()
    for number, kind in verse.items():
        if kind in (VERSE_LABEL, VERSE_TITLE) and verse.get(number - 1) != VERSE_LABEL:
            starts.add(number)
        if number + 1 not in verse:
            starts.add(number + 1)
    return starts


def _verse_items(block, verse):
    """The items of a block of a poem's lines: its label and title, its poet, its lines
    (each a row of its own: never joined, never a title) and a 组诗's poem titles."""
    items = []
    for number, raw in block:
        line = _clean(raw)
        kind = verse.get(number)
        if not line or kind is None:
            continue
        if kind in (VERSE_LABEL, VERSE_TITLE):
            items.append(Item("para", number, text=line, titleish=True, label=kind == VERSE_LABEL))
        elif kind == VERSE_BYLINE:
            name = _poet(line)
            items.append(Item("credit", number, text=line, credits=[Credit("", "", (name,))]))
        elif kind == VERSE_SUBTITLE:
            items.append(Item("heading", number, text=line, level=3, verse=True))
        else:
            items.append(Item("para", number, text=line, row=True, verse=True))
    return items


def _apart_lines(lines):
    """{line number: skip reason} of lines that stand apart from every block: a layout
    system's text-box marks and export banners (〔文本框03〕, ##…文本导出…), and an
    e-paper's list of the page's titles (本版标题导航 / · 主题 / · 主题…, 本版其他新闻 /
    主题…), which repeats the titles and belongs to no story."""
    apart, listing, entries, marked = {}, False, 0, False
    listed, last = set(), 0  # an unmarked list's entries, and the line of the last one
    final = {}  # each line's text → the number of the last line that prints it
    for number, raw in enumerate(lines, start=1):
        final[raw.strip()] = number
    for number, raw in enumerate(lines, start=1):
        stripped = raw.strip()
        if _EXPORT_MARK.match(stripped):
            apart[number], listing = "noise", False
        elif _TITLE_LIST_LABEL.match(stripped):
            apart[number], listing, entries, marked = "page_list", True, 0, False
            listed = set()
        elif listing and _TITLE_LIST_ENTRY.match(stripped):
            apart[number], entries, marked = "page_list", entries + 1, True
        elif listing and not marked and stripped in listed:
            # 本版新闻 / … / 五一购车季临近 / 新能源车怎么选？…: a listed title printed again
            # over its story ends the list, and the line over it is that story's head.
            # (A listed title is printed again over its story further down; a kicker is not.)
            listing = False
            kicker = lines[last - 1].strip() if last == number - 1 else ""
            if kicker and last in apart and final[kicker] < number:
                del apart[last]
        elif listing and not marked and is_titleish(stripped) and _standalone(stripped) is None:
            # 本版其他新闻 / 主题 / 主题… (a list whose entries carry no mark; where they
            # do, a plain line ends it).
            apart[number], entries, last = "page_list", entries + 1, number
            listed.add(stripped)
        elif _RELATED_LABEL.match(stripped) and any(
            page_noise.is_web_furniture(following.strip())
            for following in lines[number : number + 2]
        ):
            # 相关新闻 / · 地铁4号线二期工程年内开工　2024-08-27, 推荐阅读 / a title / 漪城晚报 ·
            # 3.2万阅读: a site's or an app's links, no box; they run to a blank line.
            apart[number], listing, entries = "other", False, 0
            following = number + 1  # its links: furniture lines, or a title over one
            while following <= len(lines):
                here = lines[following - 1].strip()
                after = lines[following].strip() if following < len(lines) else ""
                if page_noise.is_web_furniture(here):
                    apart[following] = "other"
                elif here and page_noise.is_web_furniture(after):
                    apart[following] = apart[following + 1] = "other"
                    following += 1
                else:
                    break
                following += 1
        elif stripped in ("广告", "【广告】", "[广告]") and number < len(lines):
            # 广告 / 金秋焕新季｜…满300减50 / 活动时间：… / 了解详情 ›: an app's ad card.
            apart[number] = "advert"
            following = number + 1
            while following <= len(lines) and not lines[following - 1].strip():
                following += 1
            while following <= len(lines) and lines[following - 1].strip():
                apart[following] = "advert"
                following += 1
        elif stripped or entries:
            listing = False  # the list ends at a blank line, or a line of another kind
    return apart


_RELATED_LABEL = re.compile(r"^(?:相关(?:新闻|阅读|报道|文章|链接)|延伸阅读|推荐阅读)\s*[:：]?$")


_EXPORT_MARK = re.compile(
    r"^[〔【\[［<（(]\s*(?:文本框|文字框|文本块|文字块|图片框|图框|图文框|TextBox|Frame)\s*"
    r"\d{1,4}\s*[〕】\]］>）)]$|^#{0,3}\s*[^。！？]{0,16}(?:文本导出|导出结束)"
    r"|^文件\s*[:：]\s*\S+\.(?:fbd|indd|idml|xml|txt|doc)\b|导出(?:时间)?\s*[:：]\s*\d{4}"
)
_TITLE_LIST_LABEL = re.compile(
    r"^(?:本版|本期|今日)?(?:标题|新闻|文章)?(?:导航|目录|要目)$|^本版其他(?:文章|新闻|稿件)$"
    r"|^本版(?:新闻|文章|标题|稿件)(?:列表|一览|索引)?$"
)
# ·主题, or 1. 主题 / 2、主题 (a numbered list of the page's titles).
_TITLE_LIST_ENTRY = re.compile(r"^(?:[·•●◆▪]|\d{1,2}\s*[.．、])\s*[^。\s][^。]{0,48}$")


def _raw_blocks(text, apart=None, starts=frozenset()):
    """(lines as (number, raw), hard-broken? (a heading's level), heading?) for each block;
    a line of ``apart`` is a block of its own, and one of ``starts`` starts one."""
    block, hard, previous = [], False, ""
    apart = apart or {}
    for number, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip()
        if number in starts and block:
            yield block, hard, False
            block, hard, previous = [], False, ""
        if number in apart:
            if block:
                yield block, hard, False
            yield [(number, stripped)], False, False
            block, hard, previous = [], False, ""
            continue
        if _QUOTE.match(stripped):
            raw = stripped = _QUOTE.sub("", stripped)  # > a Markdown quote's line: its text
        if _ITALIC_LINE.match(stripped):
            raw = stripped = stripped[1:-1].strip()  # *an italic line*: its text
        if _BOLD_LINE.match(stripped):
            # A **bold** line: a heading, of a level under every # heading's.
            stripped = "#" * BOLD_LEVEL + stripped.strip("*")
        alone = _BRACKET_TITLE.match(stripped)
        if alone and is_titleish(alone[1]) and page_noise.editor_note(alone[1]) is None:
            # 【县人大常委会调研义务教育优质均衡发展工作】 on its line, like those run into
            # their text: a title, however long a label it would be.
            if block:
                yield block, hard, False
            yield [(number, alone[1])], 1, LEAD_IN
            block, hard, previous = [], False, ""
            continue
        lead_in = _bold_lead_in(stripped)
        if lead_in is not None:
            # **县人社局举办招聘会** 本报讯…, **编者按** 绿水青山…: a heading, then its text.
            if block:
                yield block, hard, False
            yield [(number, lead_in[0])], 1, LEAD_IN
            block, hard, previous = [(number, lead_in[1])], False, lead_in[1]
            continue
        if not stripped or stripped.startswith("#"):
            if block:
                yield block, hard, False
            block, hard = [], False
            if stripped:
                level = len(stripped) - len(stripped.lstrip("#"))
                yield [(number, stripped.lstrip("#").strip())], level, True
            continue
        # A Markdown hard line break: two trailing spaces or a backslash.
        if block and (previous.endswith("  ") or previous.endswith("\\")):
            hard = True
        previous = raw
        block.append((number, raw))
    if block:
        yield block, hard, False


_BOLD_LEAD_IN = re.compile(r"^\*\*([^*]{1,40})\*\*\s*(?P<rest>[^*].*)$")
_BRACKET_TITLE = re.compile(r"^【([^】【]{12,40})】$")
_BRACKET_LEAD_IN = re.compile(r"^【([^】【]{8,40})】\s*(?P<rest>[^\s】].*)$")


def _bold_lead_in(line):
    """(bold title, text) of a line opening with a bold title before its text, else None.

    Only a title over sentences: a running head (**沅川日报** 2026年…) or a bold
    wrapper of a lead (**本报讯**（记者 张三）…) is one line.
    """
    match = _BOLD_LEAD_IN.match(line) if len(line) <= MAX_CAPTION * 4 else None
    if match is None and len(line) <= MAX_CAPTION * 4:
        # 【县委理论学习中心组举行专题学习会】11月12日，…: a bracketed title run into its
        # text (a short 【判决】 or 【编者按】 is a label, not a title).
        match = _BRACKET_LEAD_IN.match(line)
    if not match or not _SENTENCE_PUNCTUATION.search(match["rest"]):
        return None
    title = match[1].strip()
    if not is_titleish(title) or page_credits.lead(title) is not None:
        return None  # **本报讯**（记者 张三）…: the bold is the lead's wrapper
    return title, match["rest"]


def _clean(raw):
    return page_noise.squeeze(_BOLD_SPAN.sub(r"\1", raw.rstrip("\\")))


def _cut(block, hard):
    """A block cut at the lines that stand alone → (item or None, [(number, line)]) units."""
    if len(block) == 1:
        number, raw = block[0]
        alone = _standalone(_clean(raw))
        if alone is not None:
            alone.line = number
            return [(alone, [])]
        return [(None, [(number, _clean(raw))])]
    units, current, closed, labelled = [], [], False, False
    under_notice = False  # the line above is a notice's title, alone
    one_per_line = not hard and _lines_are_paragraphs(block)
    # Where paragraphs open indented, a short unindented line after a sentence is a title.
    indented = not hard and any(raw.startswith(_INDENT) for _number, raw in block)
    title_unit = False  # the unit so far is short title lines, none opening indented
    width = None if hard else _wrap_width(block)
    titles = set() if hard else _comma_titles(block, width)
    cleaned = [_clean(raw) for _n, raw in block]
    if indented:
        # 血糖控制好了，能不能停药？ set flush among indented paragraphs: a question's title.
        titles |= {
            number
            for (number, raw), line in zip(block, cleaned, strict=True)
            if not raw.startswith(_INDENT) and _question_title(line)
        }
    rows = set() if hard else _figure_rows([(n, cleaned[i]) for i, (n, _raw) in enumerate(block)])
    if rows:
        rows |= _table_heads(block, cleaned, rows)
    if not hard:
        # 《河流的年轮》　沈一舟 著…, 江川卫视　19:30　《运河人家》…: a listing's line, a row.
        rows |= {
            number
            for (number, _raw), line in zip(block, cleaned, strict=True)
            if _LISTING.match(line) and _standalone(line) is None
        }
    box_title = set()
    if indented and width is not None:
        box_title, plain_rows = _plain_rows(block, cleaned, width)
        box_title -= rows  # a table's title inside a story (text over and under it) is a row
        rows |= plain_rows

    def titleish(number, line):
        return number in titles or is_titleish(line)

    for index, (number, raw) in enumerate(block):
        line = cleaned[index]
        if number in rows or number in box_title:
            # A row of a figures box: a paragraph of its own, never a title, never joined.
            if current:
                units.append((None, current))
            current, closed, labelled, title_unit = [], False, False, False
            if number in box_title:
                # 演出信息 over its rows: the title of a box that stands as a piece of its own.
                units.append((Item("para", number, text=line, titleish=True, lead_in=True), []))
                continue
            # Its gap is printed as one full-width space (86公里　新建改建农村公路).
            text = re.sub(r"[\s\u3000]+", "\u3000", line)
            units.append((Item("para", number, text=text, row=True), []))
            continue
        alone = _standalone(line)
        if alone is not None:
            if current and alone.reason == "teaser" and _teaser_title(current):
                # 老旧小区加装电梯 / 全市今年已开工412台　→A03: the title is the teaser's.
                teaser = [Item("skip", n, text=text, reason="teaser") for n, text in current]
                # 【城事】 / 地铁5号线南延段开始铺轨 / 新设6座车站… / ▶ 详见A03版: the
                # label and the title above the teaser's lines are the teaser's too.
                back = len(units)
                while (
                    back > 0
                    and len(units) - back < MAX_TEASER_LINES - len(current)
                    and units[back - 1][0] is None
                    and len(units[back - 1][1]) == 1
                    and _teaser_title(units[back - 1][1])
                ):
                    back -= 1
                    if column_label(units[back][1][0][1]):
                        break
                above = [line for _alone, lines in units[back:] for line in lines]
                if above and (column_label(above[0][1]) or len(above) > 1):
                    del units[back:]
                    teaser[:0] = [Item("skip", n, text=text, reason="teaser") for n, text in above]
                units.extend((item, []) for item in teaser)
            elif (
                len(current) > 1
                and alone.kind == "skip"
                and all(titleish(n, text) for n, text in current)
            ):
                # 家门口的长者食堂… / 全市已建成…，年底前… / 临江都市报 2024-11-14 07:05: title
                # lines over an app's data, a line each (the byline comes under the data).
                units.extend((None, [line]) for line in current)
            elif current:
                units.append((None, current))
            current = []
            alone.line = number
            units.append((alone, []))
            continue
        label = not hard and bool(column_label(line))
        # A line set off far to the right (a signature, a credit) stands alone.
        right = not hard and len(raw) - len(raw.lstrip()) >= _RIGHT_ALIGNED and len(line) <= 20
        if current and not hard and _titled_caption(current, line):
            # 初雪后的泓湖 / 11月30日清晨，… / 本报记者 钟离晓 摄: the title stands apart.
            units.append((None, current[:1]))
            current = current[1:]
        if (
            current
            and not hard
            and (
                closed
                or label
                or right
                or _starts_unit(raw, line, current[-1][1])
                or (title_unit and _after_title(current[-1][1], line, titled=True))
                or (title_unit and _opens_wrapped_text(line, width))
                # 本周义诊安排 / 为方便市民…，具体安排如下：: a short line opening a unit over
                # a line of sentences twice as long is its title (a paragraph's first line is
                # never short).
                or (
                    title_unit
                    and len(current) == 1
                    and not raw.startswith(_INDENT)
                    and len(line) >= max(MIN_TEXT_UNDER_TITLE, 2 * len(current[0][1]))
                    and bool(_SENTENCE_PUNCTUATION.search(line))
                )
                or _title_between(current[-1][1], line, block, index, width)
                # …守好自己的“养老钱”。 / （许　文）: a bare name closing a piece, apart.
                or (current[-1][1].endswith(_PARAGRAPH_END) and _closing_name(line))
                # …限期整改。 / “家门口的变化”征文启事 / 为记录…: a notice's title.
                or (_notice_title(line) and current[-1][1].endswith(_PARAGRAPH_END))
                # …“铁杆庄稼”。 / （作者系省农业经济学会理事）: the author's note, apart.
                or (
                    current[-1][1].endswith(_PARAGRAPH_END)
                    and line.startswith(("（", "("))
                    and page_noise.is_author_note(line)
                )
                or (
                    indented
                    and current[-1][1].endswith((*_PARAGRAPH_END, "）", ")"))
                    and titleish(number, line)
                    and not raw.startswith(_INDENT)
                )
            )
        ):
            # The short title lines above a lead or a byline are a title line each.
            over_credit = (
                page_credits.lead(line)
                or (
                    title_unit
                    and (
                        _after_title(current[-1][1], line, titled=True)
                        or _opens_wrapped_text(line, width)
                    )
                )
                # 褚明远：配角演了三十年， / 我还在等一个好剧本 / ■本报记者 俞晓岚: title lines
                # over a byline, however wide, where no sentence has closed.
                or (
                    indented
                    and _is_caption_or_credit(line)
                    and not _PHOTO_TAIL.search(line)
                    and not any(text.endswith(_SENTENCE_CLOSE) for _n, text in current)
                )
            )
            # A unit of title lines alone (健康提醒 / 高温天来了 / 防中暑记住这三点) is a line each.
            heads = _title_lines_before(current, titles) if over_credit or title_unit else []
            if len(heads) < len(current):
                units.append((None, current[: len(current) - len(heads)]))
            units.extend(
                (
                    _title_item(head)
                    if head[0] in titles or _comma_broken(head[1]) or comma_title(head[1])
                    else None,
                    [head],
                )
                for head in heads
            )
            current = []
        title_unit = (title_unit or not current) and not raw.startswith(_INDENT)
        title_unit = title_unit and titleish(number, line) and len(current) < MAX_HEAD_LINES
        title_unit = title_unit and not _MARKED_CAPTION.match(line)  # ▲…: a caption's start
        # …人民法院公告 / 周海涛：本院受理原告临川市恒 / 顺建材有限公司…: a notice's text,
        # wrapped at the column's width, opens under its title (a notice has no 副题).
        title_unit = title_unit and not (under_notice and _full(line, width))
        if (
            current
            and raw.startswith(_INDENT)
            and current[-1][1].count("（") > current[-1][1].count("）")
        ):
            # （记者　凌晓雯　通讯员　鲍家明 / 　俞　萍）…: the names wrapped, set apart.
            line = " " + line
        current.append((number, line))
        # A caption or credit line ends its unit: the next line is another piece.
        # A column label (■ 记者观察) stands alone, and so does the title line under it.
        closed = not hard and (
            (one_per_line and (line.endswith(_PARAGRAPH_END) or _NOTED_END.search(line)))
            # (a marked caption wrapped at the column's width goes on on the next line)
            # …one paragraph a line: a short line is a title, a label or a byline whole
            # (理论学习 / 以高质量党建引领… / 桐川县委书记　吴振华), never text wrapped on.
            or (one_per_line and len(line) <= _SHORT_LINE and not line.endswith(_OPEN_END))
            # 教育简讯 on a line of its own in a wrapped column: the label, never text's start
            or (len(line) <= MAX_GROUP_LABEL and line.endswith(BRIEF_LABELS) and len(current) == 1)
            or (width is not None and line.endswith(_PARAGRAPH_END) and not _full(line, width))
            or label
            or right
            or (labelled and titleish(number, line) and not _wraps_on(block, cleaned, index, width))
            or _stands_alone(line)
            or (
                _is_caption_or_credit(line)
                and not (
                    # ▲栖州老年大学…在练习用手机 / 预约挂号。　本报记者　尤　嘉　摄: a
                    # caption wrapped onto the line that ends with its credit
                    _MARKED_CAPTION.match(line)
                    and not line.endswith(_PARAGRAPH_END)
                    and not _PHOTO_TAIL.search(line)
                    and index + 1 < len(block)
                    and _PHOTO_TAIL.search(cleaned[index + 1]) is not None
                )
            )
            or (_notice_title(line) and len(current) == 1)
            or (len(current) == 1 and _closing_name(line))
            # ■张　弛 over a commentary's text: its byline, a line of its own.
            or (len(current) == 1 and _BULLET.match(line) and bool(page_credits.byline_name(line)))
            # 各位考生：, 尊敬的读者朋友： on a line of its own: a letter's salutation.
            or (
                len(current) == 1
                and len(line) <= MAX_SALUTATION
                and line.endswith(("：", ":"))
                and index + 1 < len(block)
                and not is_titleish(cleaned[index + 1])  # 石门村： / 闲置农房变身民宿集群
            )
        )
        labelled = label
        under_notice = not hard and len(current) == 1 and _notice_title(line)
    if current and _label_over_title(current):
        # 城市记忆 / 外婆的腌菜坛子, alone in their block: a label over a title, two lines.
        (number, label), title = current
        units.append((Item("para", number, text=label, titleish=True, label=True), []))
        units.append((None, [title]))
        current = []
    if current:
        units.append((None, current))
    return [
        (_title_item(lines[0]), []) if len(lines) == 1 and lines[0][0] in titles else (alone, lines)
        for alone, lines in units
    ]


def _label_over_title(lines):
    """Two short lines, the first a column's label (城市记忆, 读者来稿) and the second a
    title at least as long: not one title broken in two."""
    if len(lines) != 2:
        return False
    (_n, label), (_m, title) = lines
    return (
        2 <= len(label) <= MAX_GROUP_LABEL
        and bool(re.fullmatch(r"[\u4e00-\u9fff]+(?:·[\u4e00-\u9fff]+)?", label))
        and is_titleish(title)
        and len(title) >= len(label)
        and (is_group_label(label) or len(label) == 4)
    )


_PARAGRAPH_END = ("。", "！", "？", "”", "…", "!", "?")
MIN_TEXT_UNDER_TITLE = 20
# A sentence closed by a bracketed note (…向社会开放查阅。（晨报记者　庞　悦）): a paragraph's end.
_NOTED_END = re.compile(r"[。！？…”][(（][^()（）]{1,40}[)）]$")
_SENTENCE_CLOSE = ("。", "！", "？", "…", "!", "?", "。”", "！”", "？”")  # no title ends so
_RIGHT_ALIGNED = 6  # leading spaces (full or half width) of a line set to the right


_TITLE_COMMA = re.compile(r"(?<=[\u4e00-\u9fff”》）%％\d])[，,](?=[\u4e00-\u9fff“《（\d])")
MAX_COMMA_TITLE = 32


def comma_title(text):
    """A line that reads as a title once its commas are taken as a title's pauses
    (寒潮来袭，救助站开启“暖冬行动”): short, one or two commas between words, no other
    sentence mark.  Only where what follows shows it is one (a byline, a lead, a 副题)."""
    if len(text) > MAX_COMMA_TITLE or not 1 <= len(_TITLE_COMMA.findall(text)) <= 2:
        return False
    return is_titleish(_TITLE_COMMA.sub("", text))


def _credit_under_title(line):
    """What a title stands over: a lead, a byline, a credit line or a ——副题."""
    return bool(
        line.startswith(("——", "－－", "--"))
        or page_credits.lead(line) is not None
        or page_credits.byline_name(line)
        or (len(line) <= MAX_CREDIT_LINE and page_credits.credit_line(line) is not None)
    )


def _comma_titles(block, width=None):
    """The numbers of a block's lines that are titles with commas: one under a column
    label, or over a byline, a lead or a 副题, or over another title line that is.

    Under a label, a line as wide as the text wrapped around it and going on into a line
    of text (■法官说法 / 承办法官王一鸣介绍，近年来，针对 / 老年人的…) is that text's start."""
    lines = [(number, _clean(raw), raw) for number, raw in block]
    # An app's data under a title (临江都市报 2024-11-14 07:05 / 阅读 8563) parts no title
    # from its byline.
    lines = [
        line
        for line in lines
        if not (page_noise.is_web_furniture(line[1]) or page_noise.is_article_data(line[1]))
    ]
    titles = set()
    for k in range(len(lines) - 2, -1, -1):
        number, line, raw = lines[k]
        if raw.startswith(_INDENT) or not comma_title(line):
            continue
        following = lines[k + 1][1]
        above = lines[k - 1][1] if k > 0 else ""
        if (
            (
                (column_label(above) or is_group_label(above))
                # ■ 上官文君 over a commentary's first line: its byline, no column.
                and not page_credits.byline_name(above)
                and not (
                    _full(line, width)
                    and not lines[k + 1][2].startswith(_INDENT)
                    and not is_titleish(following)
                )
            )
            or _credit_under_title(following)
            or (
                (lines[k + 1][0] in titles or is_titleish(following))
                and k + 2 < len(lines)
                and _credit_under_title(lines[k + 2][1])
            )
        ):
            titles.add(number)
    return titles


def _comma_kicker(items):
    """倒春寒来袭，早晚温差可达十多摄氏度 / 老人保暖别只顾“上半身” / 专家提醒：… / 本报记者
    许文静, each set apart: the line with a comma over the title lines that ``items`` end
    with, their 引题 if a byline follows them (None if there is no such line)."""
    top = len(items)
    while top > 0 and len(items) - top < MAX_HEAD_LINES - 1 and items[top - 1].kind == "para":
        if not items[top - 1].titleish:
            break
        top -= 1
    if top == len(items) or top == 0:
        return None
    above = items[top - 1]
    if above.kind == "para" and not above.titleish and comma_title(above.text):
        return above
    return None


def _title_item(head):
    number, line = head
    return Item("para", number, text=line, titleish=True)


def _wrap_width(block):
    """The width a dump wrapped this block's text at: its longest line that is no title
    (None for a block of short lines)."""
    widths = sorted(
        len(line) for line in map(_clean, (raw for _n, raw in block)) if not is_titleish(line)
    )
    if not widths or widths[-1] < _SHORT_LINE:
        return None
    return widths[-1]


def _full(line, width):
    """A line as wide as the wrapped text around it: a paragraph goes on after it."""
    return width is not None and len(line) >= width - 3


def _opens_wrapped_text(line, width):
    """A full-width line of sentences under title lines: a paragraph's first line, so the
    short lines above it are titles (a wrapped paragraph never opens with a short line)."""
    return _full(line, width) and bool(_SENTENCE_PUNCTUATION.search(line))


def _wraps_on(block, cleaned, index, width):
    """The line at ``index`` opens text wrapped onto the next line (■法官说法 / 承办法官王一鸣
    介绍，近年来，针对 / 老年人的诈骗案件…): a paragraph under a box's label, no title."""
    return (
        _opens_wrapped_text(cleaned[index], width)
        and index + 1 < len(block)
        and not block[index + 1][1].startswith(_INDENT)
        and not is_titleish(cleaned[index + 1])
    )


def _title_between(previous, line, block, index, width):
    """A short title line between a paragraph's end and a full line of text or a credit:
    in wrapped text with no blank lines, the title of the next story."""
    if width is None or not is_titleish(line) or _full(line, width):
        return False
    if not previous.endswith((*_PARAGRAPH_END, "）", ")")) or index + 1 >= len(block):
        return False
    following = _clean(block[index + 1][1])
    return (
        _opens_wrapped_text(following, width)
        or is_titleish(following)
        or page_credits.lead(following) is not None
        or _is_caption_or_credit(following)
    )


_SHORT_LINE = 16


def _teaser_title(lines):
    """The short lines a teaser prints above its line with the page's arrow: a title and
    a line that sums it up (新设6座车站，预计明年年底具备通车条件), no sentence closed."""
    return len(lines) <= MAX_TEASER_LINES and all(
        len(text) <= MAX_TEASER_LINE
        and not text.endswith(_CLOSED_SENTENCE)
        and not _PHOTO_TAIL.search(text)  # …麦田里作业。　新华社记者　郝　源　摄: a caption
        and "。" not in text
        for _number, text in lines
    )


MAX_TEASER_LINES = 3
MAX_TEASER_LINE = 45


def _titled_caption(lines, line):
    """A title line over a caption, ``line`` being the picture's credit alone (…摄)."""
    return (
        len(lines) == 2
        and is_titleish(lines[0][1])
        and not is_titleish(lines[1][1])
        and len(line) <= MAX_CREDIT_LINE
        and line.rstrip(")）").endswith(PHOTO_MARK)
        and _is_caption_or_credit(line)
    )


def _lines_are_paragraphs(block):
    """Lines that mostly end a sentence are paragraphs, one a line (copied text).

    Lines wrapped at a column's width end a sentence only now and then.
    Only lines long enough to be wrapped text are counted: a plain dump run
    together with no blank line holds titles, bylines and labels too.
    """
    lines = [raw.strip() for _number, raw in block]
    long = [line for line in lines if len(line) > _SHORT_LINE]
    if len(long) < 2:
        long = lines
    ends = sum(1 for line in long if line.endswith(_PARAGRAPH_END))
    if len(long) == 2:
        return ends == 2  # one long line that ends no sentence was wrapped
    return ends * 2 >= len(long)


# A caption credited to a source, not a person (…救人。　读者供图, …（受访者供图）).
_SOURCE_PHOTO = re.compile(
    r"^(?P<caption>.{4,}?[。！？）)])[\s\u3000]*[（(]?(?:图片由|图由)?"
    r"(?:读者|受访者|网友|市民|热心市民|群众|警方|交警部门|消防部门|校方|院方|园方|家属|当事人|"
    r"主办方|承办方|景区|商家|企业|单位|被访者|采访对象)(?:供图|提供|拍摄|摄|供稿)[)）]?$"
)


# 《运河人家》剧照　片方供图: a short caption set apart from whoever supplied the picture.
_SUPPLIED_PHOTO = re.compile(
    r"^(?P<caption>[^\s。！？]{2,30}?)[\s\u3000]+[（(]?[\u4e00-\u9fffA-Za-z]{1,8}供图[)）]?$"
)


def _source_photo(line):
    if len(line) > MAX_CAPTION:
        return None
    return _SOURCE_PHOTO.match(line) or _SUPPLIED_PHOTO.match(line)


def _is_caption_or_credit(line):
    if _source_photo(line):
        return True
    if len(line) <= MAX_CAPTION and _PHOTO_TAIL.search(line[-40:]):
        caption, credits = page_credits.photo_credit(line)
        if credits:
            return True
        # …在女子60米栏决赛中冲线。　新华社发: a caption closed by an agency's credit that
        # names no one is a caption still.
        if caption.endswith(_PARAGRAPH_END) and len(caption.strip()) < len(line.strip()):
            return True
    if len(line) <= MAX_CREDIT_LINE:
        credits = page_credits.credit_line(line)
        return bool(credits) and any(c.role for c in credits)
    return False


def _after_title(previous, line, titled=False):
    """A title line, then its byline (本报评论员, ■ 江某, 记者 张三) or its ——副题: two pieces.
    ``titled``: ``previous`` is known to be a title line (a title with a comma)."""
    if not (titled or is_titleish(previous)) or page_noise.is_jump_line(previous):
        return False
    if line.startswith(("——", "－－", "--")):
        return True
    if len(line) > 20 or _SENTENCE_PUNCTUATION.search(line):
        return False
    return bool(page_credits.byline_name(line)) or page_credits.credit_line(line) is not None


def _stands_alone(line):
    """A link label, a roster title, a numbered intertitle (二、接过父亲的巡山路) or a
    marked caption ending its sentence (▲…植树。（资料图片）) is a piece of its own,
    even with no blank line."""
    return bool(
        _LINK.match(line)
        or ROSTER_TITLE.match(line)
        or is_numbered_intertitle(line)
        or (_MARKED_CAPTION.match(line) and line.endswith((*_PARAGRAPH_END, "）", ")")))
    )


# 一、从荒山到林海; 误区四：充电器插着不拔无所谓, 建议二：…: a numbered part.
_NUMBERED_INTERTITLE = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}、|(?:误区|建议|提醒|问题|招数|第)[一二三四五六七八九十]{1,3}[：:、])\S"
)
_MARKED_CAPTION = re.compile(r"^[▲△]")
# A caption naming its picture (上图：, 左图：, 图①：, 图2：): it opens a caption of its own.
CAPTION_LABEL = r"(?:(?:[上下左右中]图|图\s*[①-⑩\d]{1,2}|[①-⑩])\s*[:：]|图\s*[①-⑩]\s)"
_CAPTION_LABEL = re.compile("^" + CAPTION_LABEL)


def is_numbered_intertitle(line):
    """一、从荒山到林海: a numbered part of a story, never the title of one."""
    return bool(_NUMBERED_INTERTITLE.match(line)) and is_titleish(line)


# A bullet opening a line (● 荆南市…, ◆ 价格, ■ 标题) starts an item of a list or a brief.
_BULLET = re.compile(r"^[●◆◇■□◎★☆]")


def _starts_unit(raw, line, previous=""):
    if raw.startswith(_INDENT) and previous.count("（") > previous.count("）"):
        return False  # 本报讯（记者　凌晓雯　通讯员　鲍家明 / 　俞　萍）近日，…: wrapped on
    if raw.startswith(_INDENT) or _stands_alone(line) or _LIST_ITEM.match(line):
        return True
    if _BULLET.match(line) or _CAPTION_LABEL.match(line):
        return True
    if _MARKED_CAPTION.match(line) and (
        previous.endswith((*_PARAGRAPH_END, "）", ")")) or line.startswith(("▲", "△"))
    ):
        # …“就近办”。 / ▲市民在…专 / 窗办理业务。: a caption wrapped under text (or a
        # marked brief under one closed by its credit: …（通讯员　葛 / 思远） / ▲为确保…)
        return True
    if page_credits.lead(line) is not None:
        return True
    if not _is_caption_or_credit(line):
        return False
    # …来南湖越冬的候鸟种类 / 和数量逐年增加。（慕容晓雯 摄）: a caption's wrapped end
    # with its credit goes on the caption, where the line above ends no sentence.
    caption = page_credits.photo_credit(line)[0].strip()
    return not (caption and previous and not previous.endswith(_PARAGRAPH_END))


_BRACKETED_LINE = re.compile(r"^[（(][^()（）]{2,16}[)）]$")


def _closing_name(line):
    """（许　文）, （钱悦　程晓）: names in brackets on a line of their own, no role."""
    if not _BRACKETED_LINE.match(line):
        return False
    credits = page_credits.credit_line(line)
    return bool(credits) and all(c.names and not c.role for c in credits)


MAX_QUESTION_TITLE = 24


def _question_title(line):
    """A short question with at most one pause (冬天泡脚，水越烫越好吗？): a title's shape."""
    return (
        len(line) <= MAX_QUESTION_TITLE
        and line.endswith(("？", "?"))
        and line.count("，") + line.count(",") <= 1
        and not re.search(r"[。；;！!：:]", line)
    )


def _comma_broken(line):
    return line.endswith(("，", ",")) and is_titleish(line[:-1])


def _title_lines_before(lines, titles=frozenset()):
    """The short title lines that end ``lines`` (a head above a lead in plain text); a
    title broken after a comma (褚明远：配角演了三十年， / 我还在等一个好剧本) is one."""
    heads = []
    for number, line in reversed(lines[-MAX_HEAD_LINES:]):
        broken = bool(heads) and (_comma_broken(line) or comma_title(line))
        if number not in titles and not is_titleish(line) and not broken:
            break
        heads.insert(0, (number, line))
    return heads


def _classify(lines, hard):
    start = lines[0][0]
    texts = [line for _number, line in lines]
    if len(texts) > 1 and hard:
        joined = " ".join(texts)
        if len(joined) <= MAX_CREDIT_LINE and not _SENTENCE_PUNCTUATION.search(joined):
            credits = page_credits.credit_line(joined)
            if credits and any(c.role for c in credits):
                return Item("credit", start, text=joined, credits=credits)
        return Item("multi", start, lines=texts)
    kind, text, credits, rest, dateline, lead, titleish = _read_text("".join(texts))
    return Item(
        kind,
        start,
        text=text,
        lines=texts if kind == "photo" and not text else [],  # a credit line, as printed
        credits=list(credits),
        rest=rest,
        dateline=dateline,
        lead=lead,
        titleish=titleish,
    )


@functools.lru_cache(maxsize=4096)
def _read_text(text):
    """What one paragraph's text is: (kind, text, credits, rest, dateline, lead, titleish).

    Cached: pages repeat lines (本报讯, bylines, labels), and each is read once.
    """
    if _LINK.match(text):
        return "link", text, (), "", "", False, False
    note = page_noise.editor_note(text)
    if note is not None:
        return "editor_note", note, (), "", "", False, False
    if page_noise.is_author_note(text):
        return "author_note", text, (), "", "", False, False
    found = page_credits.lead(text)
    if found is not None and not found.rest.strip() and _only_photographers(found.credits):
        # （钱晓鸥 摄） alone on its line: the credit of the picture above, no lead.
        return "photo", "", tuple(found.credits), "", "", False, False
    if found is not None:
        return "credit", text, tuple(found.credits), found.rest.strip(), found.dateline, True, False
    chart = _CHART_CAPTION.match(text) if len(text) <= MAX_CHART_TITLE else None
    if chart is not None:
        # 今年以来…成交套数走势　制图：葛一凡: a chart in the story, credited to its maker.
        credits = page_credits.credit_line(chart["maker"]) or ()
        credits = tuple(Credit(c.unit, c.role, c.names, True) for c in credits)
        if credits:
            return "photo", chart["caption"].strip(), credits, "", "", False, False
    source = _source_photo(text)
    if source is not None:
        return "photo", source["caption"].strip(), (), "", "", False, False
    if _COLLECTIVE_PHOTO.match(text):
        return "photo", "", (), "", "", False, False  # 视觉中国供图: a picture, no one named
    if len(text) <= MAX_CAPTION and _PHOTO_TAIL.search(text[-40:]):
        caption, credits = page_credits.photo_credit(text)
        if credits and not caption.strip() and _WRITER_TOO.search(text):
            # 文/图 张三: the writer took the pictures too; a byline, not a photo's credit.
            # 文/冯涛 图/万俟晴: each as the line credits them (the writer took none).
            credits = page_credits.credit_line(text) or credits
            return "credit", text, tuple(credits), "", "", False, False
        if not credits and _ARCHIVE_PHOTO.search(text):
            # …植树。（资料图片）: an archive picture; the note stays in its caption.
            return "photo", text.strip(), (), "", "", False, False
        if credits or (caption.strip() and len(caption.strip()) < len(text.strip())):
            # A caption ending in a credit, even one that names nobody (（新华社发）).
            return "photo", caption.strip(), tuple(credits), "", "", False, False
    if _COMMENTATOR.match(text):
        # □ 本报评论员: the paper's commentator, named by no one; the piece's byline still.
        return "credit", text, (), "", "", False, False
    if column_label(text):
        return "para", text, (), "", "", False, True
    if ROSTER_TITLE.match(text):
        return "para", text, (), "", "", False, False
    if _GROUP_LABEL.match(text):
        return "para", text, (), "", "", False, True  # 一句话新闻, 图片新闻: a label, no byline
    signature = _SIGNATURE.match(text)
    if signature and page_credits.byline_name(signature["name"]):
        # 市民 东方晓雯 under a letter: who wrote in, as the paper names them.
        name = page_credits.byline_name(signature["name"])
        return "credit", text, (Credit("", signature["who"], (name,)),), "", "", False, False
    if (
        len(text) <= MAX_CREDIT_LINE
        and not _SCORE.search(text)
        and not is_numbered_intertitle(text)
    ):
        credits = page_credits.credit_line(text)
        if credits == [] and not _COLLECTIVE.search(text):
            credits = None  # 城市篮球联赛第12轮战报: naming no one, and no newsroom either
        if credits is not None:
            return "credit", text, tuple(credits), "", "", False, False
    return "para", text, (), "", "", False, is_titleish(text) or _is_subtitle(text)


_ARCHIVE_PHOTO = re.compile(r"[（(]\s*资料(?:图片|照片)\s*[)）]$")
# A picture credited to no person: an agency's or a source's (视觉中国供图, 新华社发, 资料图片).
_COLLECTIVE_PHOTO = re.compile(
    r"^[（(]?\s*(?:[\u4e00-\u9fff·A-Za-z]{1,12}?\s*(?:供图|提供)"
    r"|(?:新华社|中新社|中国新闻社|人民日报|视觉中国|东方IC|IC\s*photo)\s*发|资料图片?|资料照片"
    # 图/视觉中国, 图片/受访者: a picture from an agency or a source, no person named.
    r"|(?:图|图片|照片)\s*[/／:：]\s*(?:视觉中国|新华社|中新社|人民视觉|东方IC|IC\s*photo|CFP|"
    r"图虫创意|受访者|主办方|片方|剧组|出品方|网络|资料))"
    r"\s*[)）]?$"
)


def _only_photographers(credits):
    return bool(credits) and all(c.photo for c in credits)


_COMMENTATOR = re.compile(r"^[■□◆◇●▶\s]*(?:本报|本台|本刊|本网)?(?:特约)?评论员$")
# A letter's signature: a reader, a resident, a parent, and a name (读者 皇甫兰).
SIGNERS = page_credits.SIGNERS
_SIGNATURE = re.compile(
    rf"^[—\-－\s]*(?P<who>{'|'.join(SIGNERS)})(?:\s*[:：]\s*|\s+)(?P<name>[\u3400-\u9fff·\s]{{2,8}}?)"
    # 读者　郜　蕾（桐溪县南岭镇）: where the writer lives, after the name; 读者　聂秀英　等十三
    # 人: the first of those who signed.
    r"(?:\s*等[一二三四五六七八九十百\d]{1,4}(?:人|位|名)?)?(?:\s*[（(][\u4e00-\u9fff·]{2,20}[)）])?$"
)
# What a credit line that names no person still names: a newsroom, a role, a source.
_COLLECTIVE = re.compile(
    r"评论员|记者|通讯员|编辑|本报|本台|本刊|新华社|中新社|[社台站]发|供图|供稿|"
    r"专稿|特稿|综合|整理|编译|据|消息|报道组|课题组|调研组|小组|工作室|融媒|中心"
)
# A score or a time (102：95, 12：0): a line that holds one credits nobody.
_SCORE = re.compile(r"\d\s*[:：]\s*\d")


# A 副题 line (——前11个月同比增长13.8%，新开外贸航线9条) may hold a comma, not a sentence.
_SUBTITLE_LINE = re.compile(r"^(?:——|－－|--)[^。！？!?；;]{2,38}$")


def _is_subtitle(text):
    return bool(_SUBTITLE_LINE.match(text)) and text.count("“") == text.count("”")


def _heading_credit(line):
    """The credits of a heading that is a credit line with a role, else None."""
    if len(line) > MAX_CREDIT_LINE or _SENTENCE_PUNCTUATION.search(line) or column_label(line):
        return None
    credits = page_credits.credit_line(line)
    return credits if credits and any(c.role for c in credits) else None


def _unescaped(item):
    """``item`` with its text's escapes undone, once its kind was read from the escaped text."""
    item.text, item.rest = _ESCAPE.sub(r"\1", item.text), _ESCAPE.sub(r"\1", item.rest)
    item.lines = [_ESCAPE.sub(r"\1", line) for line in item.lines]
    return item


def _is_title_block(block):
    """Hard breaks mark a title block only over short lines with no lead among them.

    Plain dumps end lines in spaces too; a lead or a sentence under a title line
    is then a new piece, not a title's second line.
    """
    lines = [_clean(raw) for _number, raw in block]
    return all(len(line) <= 40 for line in lines) and not any(
        page_credits.lead(line) for line in lines[1:]
    )


_CHART = re.compile(r"^(?:图表|示意图|制图|数据图)\s*[:：]\s*\S")
_CHART_CAPTION = re.compile(
    r"^(?P<caption>[^。！？:：]{4,40}?)\s+(?P<maker>(?:制图|绘图)\s*[:：/]\s*[\u4e00-\u9fff·\s]{2,8})$"
)
MAX_CHART_TITLE = 60
# The source a chart's credit line names before its maker (数据来源：某中心　制图：张三):
# no credit, kept in the caption.
_CHART_MAKER = re.compile(r"^(?:制图|绘图|设计|图表)\s*[:：/]")
_CHART_SOURCE = re.compile(r"^\s*(?:数据来源|资料来源|来源)\s*[:：]\s*[^\s:：]{2,30}")


CHART_LABELS = ("图表", "图解", "数据图", "示意图", "图说数据", "数据图表")


def chart_maker(item):
    """The credits of a chart's maker line (制图　邝小满, 制图：…), read as a staff line or a
    credit line; else None."""
    if item.kind == "staff" and item.payload is not None:
        roles = item.payload.roles
        if len(roles) == 1 and roles[0][0] in ("制图", "绘图", "设计"):
            return [Credit("", roles[0][0], roles[0][1], True)]
        return None
    if item.kind == "credit" and _CHART_MAKER.match(item.text):
        return [Credit(c.unit, c.role, c.names, True) for c in item.credits]
    return None


def _labelled_chart(items, i):
    """图表 / a title / its caption / 制图　X (/ 数据来源：…): the label, the title and one
    captioned picture credited to its maker → (items, index after), else None.  The label
    may be missing (a title, one caption and 制图：X under it are a chart still)."""
    label = items[i]
    labelled = label.kind == "para" and label.text.strip("【】[]■□◆●▶ ") in CHART_LABELS
    window = items[i + 1 : i + 4] if labelled else items[i : i + 3]
    if len(window) < 3:
        return None
    title, caption, maker = window
    if not (title.kind == "para" and title.titleish) or caption.kind != "para":
        return None
    credits = chart_maker(maker) if len(caption.text) <= MAX_CAPTION else None
    if credits is None:
        return None
    end = i + 4 if labelled else i + 3
    text = caption.text
    source = items[end] if end < len(items) else None
    if source is not None and _CHART_SOURCE.match(source.text or "".join(source.lines)):
        text = f"{text}（{(source.text or ''.join(source.lines)).strip()}）"
        end += 1
    photo = Item("photo", caption.line, text=text, credits=credits)
    return ([label] if labelled else []) + [title, photo], end


def _pictures_captioned(items):
    """An image's place, the short text under it and a credit line under that (with or
    without 摄): one captioned photo.  A place with no caption under it is skipped."""
    merged, i = [], 0
    while i < len(items):
        item = items[i]
        if item.kind == "para" and _CHART.match(item.text) and len(item.text) <= MAX_CHART_TITLE:
            # 图表：全国冬小麦播种进度 over 数据来源：… 制图：宋澄: a chart, captioned and credited.
            following = items[i + 1] if i + 1 < len(items) else None
            maker = chart_maker(following) if following is not None else None
            credited = following is not None and (
                (following.kind == "photo" and not following.text) or maker is not None
            )
            credits = (maker or following.credits) if credited else []
            source_text = (following.text or "".join(following.lines)) if credited else ""
            source = _CHART_SOURCE.match(source_text)
            caption = f"{item.text} {source[0].strip()}" if source else item.text
            merged.append(Item("photo", item.line, text=caption, credits=credits))
            i += 2 if credited else 1
            continue
        chart = _labelled_chart(items, i)
        if chart is not None:
            merged.extend(chart[0])
            i = chart[1]
            continue
        if item.kind != "picture":
            merged.append(item)
            i += 1
            continue
        following = items[i + 1] if i + 1 < len(items) else None
        if following is None or following.kind != "para" or len(following.text) > MAX_CAPTION:
            merged.append(Item("skip", item.line, text=item.text, reason="noise"))
            i += 1
            continue
        credits, end = [], i + 2
        credit = items[end] if end < len(items) else None
        if credit is not None and (
            (credit.kind == "credit" and not credit.lead)
            or (credit.kind == "photo" and not credit.text)  # （本报记者 柯 岚/摄）
        ):
            credits = [Credit(c.unit, c.role, c.names, True) for c in credit.credits]
            end += 1
        merged.append(Item("photo", following.line, text=following.text, credits=credits))
        i = end
    return merged


_ADVERT = re.compile(r"^[【\[〔]?\s*(?:广告|广而告之|公益广告|分类广告|商务广告)\s*[】\]〕]?$")


# Half-width punctuation set in Chinese text (an OCR of an old page, a hand-typed file):
# the full-width mark it stands for, where Chinese is on its left (3.5 and 10:30 stay).
_HALF_WIDTH_MARK = re.compile(r"(?<=[\u4e00-\u9fff”’）》])[,.:;?!](?![0-9A-Za-z/])")
_FULL_WIDTH_MARKS = {",": "，", ".": "。", ":": "：", ";": "；", "?": "？", "!": "！"}


def read_items(text):
    """The page's items in printed order."""
    items = []
    title_lines = None  # the lines of the last block, when they may be a plain title block
    title_start = 0  # where the items of the last block start
    text = _HALF_WIDTH_MARK.sub(lambda m: _FULL_WIDTH_MARKS[m[0]], text)
    columns = split_columns(text.split("\n"))  # pdftotext -layout's columns, read apart
    untagged = tagged_text.untag(columns.lines)
    text, opening = "\n".join(untagged.lines), untagged.opening
    apart = _apart_lines(untagged.lines) | untagged.skipped
    verse = _verse(untagged.lines, apart)
    starts = set(untagged.starts) | _verse_starts(verse)
    for block, hard, heading in _raw_blocks(text, apart, starts):
        if block[0][0] in verse:
            items.extend(_verse_items(block, verse))
            title_lines = None
            continue
        if block[0][0] in apart:
            number, line = block[0]
            items.append(Item("skip", number, text=page_noise.squeeze(line), reason=apart[number]))
            title_lines = None
            continue
        if "广" in block[0][1] and _ADVERT.match(_clean(block[0][1])):
            # 广告 / 云湖·澜庭　湖景洋房… / 咨询热线：…: an advertisement, no story's.
            items.extend(Item("skip", n, text=_clean(raw), reason="advert") for n, raw in block)
            title_lines = None
            continue
        if title_lines is not None and (
            _opens_with_credit(block)
            or (
                (
                    column_label(title_lines[0][1])
                    or is_group_label(title_lines[0][1])
                    or _GROUP_LABEL.match(title_lines[0][1])
                )
                and _opens_with_text(block)
            )
        ):
            # 引题 / 主题 / 副题 as plain lines over a byline or lead: a title line each
            # (in place of the items the block made: one, or a title and its byline).
            items[title_start:] = [_classify([line], False) for line in title_lines]
            for item in items[-len(title_lines) :]:
                item.titleish = item.titleish or (item.kind == "para" and comma_title(item.text))
            if _label_over_title(title_lines):
                items[-2].label = True  # 读者来稿 / 秋夜听雨 / 作者：周默: the column's label
        elif (
            items
            and items[-1].kind == "para"
            and not items[-1].titleish
            and comma_title(items[-1].text)
            and (
                _opens_with_credit(block)
                or _SUBTITLE_LINE.match(_clean(block[0][1]))
                or (
                    len(items) >= 2
                    and items[-2].kind == "para"
                    and (column_label(items[-2].text) or is_group_label(items[-2].text))
                )
            )
        ):
            # 寒潮来袭，救助站开启“暖冬行动” / (blank) / 记者 张三 (or / ——副题), or the
            # title under a label (记者手记 / 多一些“陪跑”，少一些“催考”)
            items[-1].titleish = True
        elif (kicker := _comma_kicker(items)) is not None and _opens_with_credit(block):
            kicker.titleish = True
        title_lines = None if heading or hard else _plain_title_lines(block)
        title_start = len(items)
        if heading:
            number, line = block[0]
            alone = _standalone(page_noise.squeeze(line))
            if alone is not None:
                alone.line = number
                items.append(alone)
            elif _LINK.match(line):
                items.append(Item("link", number, text=line))
            elif (credits := _heading_credit(line)) is not None:
                # A byline set as a heading or in bold (**□ 本报评论员 周子墨**).
                items.append(Item("credit", number, text=line, credits=credits))
            else:
                items.append(
                    _unescaped(
                        Item(
                            "heading",
                            number,
                            text=line,
                            level=hard,
                            lead_in=heading == LEAD_IN or number in opening,
                        )
                    )
                )
            continue
        if hard and not _is_title_block(block):
            hard = False
        rows = None if hard else _box_rows(block)
        if rows is not None:
            items.extend(rows)
            title_lines = None
            continue
        set_in = {number for number, raw in block if _PARAGRAPH_INDENT.match(raw)}
        for alone, lines in _cut(block, hard):
            item = alone if alone is not None else _unescaped(_classify(lines, hard))
            item.indented = item.line in set_in and not hard
            items.append(item)
    items = _bare_editor_notes(_figure_row_items(_skips_after_heads(items)))
    items = _titles_over_bylines(_kickers_over_headings(_titles_under_notes(items)))
    items = _skips_after_heads(_field_heads(items))  # again, for the titles found just now
    items = _advertorials(_comma_kickers(items))
    items = _pictures_captioned(items)
    if columns.numbers != list(range(1, len(columns.numbers) + 1)):
        for item in items:  # the file's line numbers, where columns were read apart
            if 1 <= item.line <= len(columns.numbers):
                item.line = columns.numbers[item.line - 1]
    return items


MAX_COMMA_KICKER = 30
_QUOTE_LINE = re.compile(r"^“[^“”]{2,28}”$")
MAX_ADVERTORIAL_PARAGRAPHS = 8
_ADVERT_END = re.compile(r"[(（]\s*(?:广告|商业信息|推广)\s*[)）]$")


def _advertorials(items):
    """An advertorial, its title over its text and its last line marked （广告）: every line
    of it an advert, no story's (its title and text would read as a story's)."""
    for k, item in enumerate(items):
        if not (item.text and _ADVERT_END.search(item.text) and len(item.text) > 4):
            continue
        start = k
        while (
            start > 0
            and k - start < MAX_ADVERTORIAL_PARAGRAPHS
            and items[start - 1].kind == "para"
            and not items[start - 1].titleish
        ):
            start -= 1
        titles = start
        while titles > 0 and items[titles - 1].kind == "para" and items[titles - 1].titleish:
            titles -= 1
        if titles == start or start - titles > MAX_HEAD_LINES:
            continue  # no title over it: a line of a story that names an advert
        for index in range(titles, k + 1):
            ad = items[index]
            items[index] = Item("skip", ad.line, text=ad.text, reason="advert")
    return items


def _comma_kickers(items):
    """A line of clauses over a title line over its lead or byline (恋爱期间转账二十余万元，
    分手后男方起诉要求返还 / “520”“1314”不用还… / 晚报讯（记者…）): the title's 引题."""
    for k in range(len(items) - 2):
        item, title, under = items[k], items[k + 1], items[k + 2]
        if (
            item.kind == "para"
            and not item.titleish
            and not item.row
            and len(item.text) <= MAX_COMMA_KICKER
            and (not item.text.endswith(_SENTENCE_END) or _QUOTE_LINE.match(item.text))
            and "。" not in item.text
            and (
                1 <= len(_TITLE_COMMA.findall(item.text)) <= 2
                or _QUOTE_LINE.match(item.text) is not None  # “我们不能光等着厂里安排”
            )
            and title.kind == "para"
            and title.titleish
            and under.kind == "credit"
            and (k == 0 or items[k - 1].kind != "para" or items[k - 1].text.endswith(_SENTENCE_END))
        ):
            item.titleish = True
    return items


def _titles_over_bylines(items):
    """A short line read as a bare name right over a byline (修表 / ◎ 邵蓝田, 修表铺（节选）
    / 文/尉迟南): a title, since no piece is signed twice in a row."""
    for k in range(len(items) - 1):
        item, after = items[k], k + 1
        while after < len(items) - 1 and items[after].kind == "skip":
            after += 1  # (an app's data line between the title and its byline)
        under = items[after]
        if not (
            item.kind == "credit"
            and not item.lead
            and len(item.credits) == 1
            and not item.credits[0].role
            and not item.credits[0].unit
            and len(item.credits[0].names) <= 2
            and not item.text.startswith(_LABEL_MARKS)
            and under.kind == "credit"
            and not under.lead
            and under.credits
        ):
            continue
        if under.text.startswith(_LABEL_MARKS) or any(c.role for c in under.credits):
            items[k] = Item("para", item.line, text=item.text, titleish=True)
    return items


MAX_KICKER = 40


def _kickers_over_headings(items):
    """A plain line right over a Markdown 主题 (## …) and under a label or nothing of a
    story's (**名医访谈** / 气温忽冷忽热，…上升近三成 / ## 主题): the 主题's 引题, commas
    and all."""
    for k in range(len(items) - 1):
        item, under = items[k], items[k + 1]
        if not (
            item.kind == "para"
            and not item.titleish
            and not item.row
            and len(item.text) <= MAX_KICKER
            and not item.text.endswith(_SENTENCE_END)
            and under.kind == "heading"
            and under.level in (1, 2)
        ):
            continue
        above = items[k - 1] if k > 0 else None
        if above is None or above.kind in ("heading", "skip", "running_head", "staff"):
            item.titleish = True
    return items


def _titles_under_notes(items):
    """An 编者按 over a title: the short line under it that opens no text is that title
    (编者按：… / 工作群少了，“打卡”怎么又多了 / 我是…), and a column label printed over
    the note (读者来信 / 编者按：… / title) is the label of the story under it, read so by
    putting the note first."""
    items = list(items)
    for k, item in enumerate(items):
        if item.kind != "editor_note" or k + 2 >= len(items):
            continue
        title, text = items[k + 1], items[k + 2]
        if (
            title.kind == "para"
            and not title.titleish
            and not title.row
            and len(title.text) <= MAX_COMMA_TITLE
            and comma_title(title.text)
            and text.kind in ("para", "credit")
        ):
            title.titleish = True
        above = items[k - 1] if k > 0 else None
        if (
            above is not None
            and above.kind == "para"
            and above.titleish
            and (column_label(above.text) or is_group_label(above.text))
            and title.kind == "para"
            and title.titleish
        ):
            items[k - 1], items[k] = item, above
    return items


# A title's part as an editing system exports it, named on its line under the title
# (## 小轴承转出大市场 / **栏目：** 企业观察 / **引题：** … / **副题：** …).
_TITLE_FIELD = re.compile(
    r"^(?P<field>栏目|专栏|引题|肩题|眉题|副题|子题|副标题)\s*[:：]\s*(?P<value>\S.{0,60})$"
)
_FIELD_KINDS = {"栏目": "column", "专栏": "column", "副题": "sub", "子题": "sub", "副标题": "sub"}


def _field_heads(items):
    """Title parts named by field under a heading, set where the page prints them: the
    column and the 引题 above the heading, the 副题 under it (each on its own line still);
    an editing system's record of the story moves above the heading."""
    out = []
    k = 0
    while k < len(items):
        item = items[k]
        out.append(item)
        k += 1
        if item.kind != "heading":
            continue
        heading, above, below, skipped = len(out) - 1, [], [], []
        while k < len(items):
            following = items[k]
            field = _TITLE_FIELD.match(following.text) if following.kind == "para" else None
            if following.kind == "skip" and page_noise.is_article_data(following.text):
                skipped.append(following)
            elif field is None:
                break
            else:
                kind = _FIELD_KINDS.get(field["field"], "kicker")
                value = field["value"].strip()
                if kind == "column":
                    label = Item("para", following.line, text=f"【{value}】", titleish=True)
                    above.insert(0, label)
                elif kind == "kicker":
                    above.append(Item("heading", following.line, text=value, level=item.level + 1))
                else:
                    below.append(Item("heading", following.line, text=value, level=item.level + 1))
            k += 1
        # The system's record of the story (稿件编号…) goes above its title, where it parts
        # no title from its text or its picture.
        out[heading:] = [*skipped, *above, item, *below]
    return out


def _skips_after_heads(items):
    """An e-paper's data line inside a head (title / 来源…浏览次数 / byline) moved under the
    byline, where it parts nothing (a rule or a text-box mark still parts the page)."""
    items = list(items)
    for k in range(1, len(items) - 1):
        if not _is_data_skip(items[k]):
            continue
        above = items[k - 1]
        if not (above.kind == "heading" or (above.kind == "para" and above.titleish)):
            continue
        # 临江都市报 2024-11-14 07:05 / 阅读 1.2万: an app's lines of data, one after another.
        data_end = k + 1
        while data_end < len(items) and _is_data_skip(items[data_end]):
            data_end += 1
        end = data_end
        while end < len(items) and (
            (items[end].kind == "credit" and not items[end].lead)
            or (items[end].kind == "para" and items[end].titleish and end - k < MAX_HEAD_LINES)
        ):
            end += 1
        if end == data_end and end < len(items) and items[end].lead:
            end += 1  # …　/ 阅读 2.3万 / 本报讯（记者 何　芳…）…: the lead opens the text
        if end > data_end and items[end - 1].kind == "credit":
            items[k:end] = [*items[data_end:end], *items[k:data_end]]
            continue
        # No byline under it (老楼装上电梯… / 临江都市报 2024-11-14 07:05 / 阅读 1.5万 / a
        # caption): the data goes above the title, where it parts no title from its text.
        top = k
        while (
            top > 0
            and k - top < MAX_HEAD_LINES
            and (items[top - 1].kind == "heading" or items[top - 1].titleish)
            and items[top - 1].kind in ("heading", "para")
        ):
            top -= 1
        items[top:data_end] = [*items[k:data_end], *items[top:k]]
    return items


def _is_data_skip(item):
    return item.kind == "skip" and (
        page_noise.is_article_data(item.text)
        or page_noise.is_web_furniture(item.text)
        or page_noise.read_web_data(item.text) is not None  # 来源：…　发布时间：…, no 作者
    )


_SENTENCE_END = tuple("。！？…”）)")
MAX_TITLE_BLOCK = MAX_HEAD_LINES  # 引题, a 主题 broken over two lines, 副题 and a label


def _plain_title_lines(block):
    """The lines of a block of two or three short title lines (a plain title block), else None."""
    if not 2 <= len(block) <= MAX_TITLE_BLOCK:
        return None
    lines = [(number, _clean(raw)) for number, raw in block]
    if not all(
        (is_titleish(line) or comma_title(line)) and _standalone(line) is None
        for _number, line in lines
    ):
        return None
    return lines


MIN_BOX_ROWS = 4
MAX_BOX_ROW = 20
MAX_BOX_LABEL = 8

# A line of a figures box (数说, 【数据】), in one of the three forms papers print:
# the figure first (4.6万亩　全县茶园总面积), a label and its figure set apart by a gap
# (工业投资　　　　同比增长11.6%), or a short statement ending in its figure
# (规上工业增加值增长7.2%).  One such line may be a title; a run of them is a box.
_AMOUNT = r"\d[\d.,，]*\s*(?:%|％|‰|个百分点|[万亿千百]*[\u4e00-\u9fffA-Za-z²³]{0,3})"
_FIGURE_ROW = re.compile(
    rf"^(?:{_AMOUNT}[\s\u3000]+\S.{{0,36}}"
    r"|[^\s\d].{0,18}?\S[\u3000\s]{2,}.{0,20}\d.{0,10}"
    rf"|.{{2,30}}\d[\d.]*\s*(?:%|％|‰|个百分点|[万亿千百]*[元人家个吨亩辆套项所次户台座间])?"
    # 土豆　2.80元/公斤: a price line of a market box.
    r"|[^\d\s]{1,12}(?:（[^）]{1,6}）)?\s+\d[\d.]*\s*元\s*[/／每]\s*[\u4e00-\u9fff]{1,3})$"
)
MAX_FIGURE_ROW = 40
MIN_FIGURE_ROWS = 3
# A label naming a figures box: the rows under it are the box's, however few.
FIGURES_LABELS = ("数说", "数读", "数据", "数字", "一组数据", "数据链接", "数据看板", "图说数据")
_FIGURES_LABEL = re.compile(
    rf"^[【〔\[■□◆●▶\s]*(?:{'|'.join(FIGURES_LABELS)})[^】〕\]]{{0,6}}[】〕\]]?$"
)


# A result in a results box (青州队 3∶1 南岭队, 东江队2比0临海队).
_SCORE_ROW = re.compile(
    r"^[^\s\d：:，。]{1,12}\s*\d{1,3}\s*[:：∶比]\s*\d{1,3}\s*[^\s\d：:，。]{1,12}$"
)


# A box's closing row that lists under a label (积分榜前四名：东江队46分、青州队44分).
_LISTED_ROW = re.compile(r"^[^：:，。]{2,12}[：:][^，。；]{2,60}、[^，。；]{2,60}$")


@functools.lru_cache(maxsize=4096)
def is_figure_row(line):
    """A line that reads as a row of a figures box (see ``_FIGURE_ROW``), of a results box
    (``_SCORE_ROW``) or of a table (``_TABLE_ROW``).  Cached: lines are asked about once."""
    if len(line) > MAX_TABLE_ROW or not _DIGIT.search(line):
        return False
    if (
        _TABLE_ROW.match(line)
        and not _SENTENCE_PUNCTUATION.search(line)
        and _standalone(line) is None  # A02　要闻　…五大看点: a teaser, not a table
    ):
        return True
    if len(line) > MAX_FIGURE_ROW:
        return False
    if _SCORE_ROW.match(line):
        return True
    return (
        not line.endswith((*_CLOSED_SENTENCE, "！", "？", "”"))
        and bool(_FIGURE_ROW.match(line))
        and not _PAGE_POINTER.search(line)
        and _standalone(line) is None
        and page_credits.lead(line) is None
        and not _is_caption_or_credit(line)
    )


_DIGIT = re.compile(r"\d")
# A row of a table set in columns (金湖路（新民街至滨河大道）　12月21日22:00至…　全封闭):
# three fields or more, spaced apart.
_TABLE_ROW = re.compile(r"^[^\s。！？]{2,24}(?:\s+[^\s。！？]{1,24}){2,5}$")
MAX_TABLE_ROW = 60
# A teaser's page at the end of its line (■地铁3号线二期进入铺轨阶段　　A05): no figure.
_PAGE_POINTER = re.compile(r"[\s\u3000](?:[A-Z]\d{1,2}|第?\d{1,2}版)$")


MIN_PLAIN_ROWS = 5  # a title block has at most MAX_HEAD_LINES lines, a box more


def _run_starts(flags):
    """Where each run of true flags begins (each index once: linear)."""
    return [k for k, flag in enumerate(flags) if flag and (k == 0 or not flags[k - 1])]


def _plain_rows(block, cleaned, width):
    """Where paragraphs open indented and wrap at ``width``: a run of short unindented
    lines with no sentence punctuation after a closed paragraph (演出信息 / 话剧《旧码头》 /
    11月9日—18日 19:30 / 临川大剧院小剧场 / 票价 120元…), a box's title and its rows:
    (title line numbers, row line numbers)."""
    title, rows, run = set(), set(), []
    # Only a run long enough to be a box is worth the slower tests of its lines.
    short = [
        bool(line)
        and not raw.startswith(_INDENT)
        and not _full(line, width)
        and not _SENTENCE_PUNCTUATION.search(line)
        and not line.endswith(_CLOSED_SENTENCE)
        for (_n, raw), line in zip(block, cleaned, strict=True)
    ]
    if not any(all(short[k : k + MIN_PLAIN_ROWS + 1]) for k in _run_starts(short)):
        return title, rows
    previous_closed, linked = True, False
    for index, ((number, raw), line) in enumerate(zip(block, cleaned, strict=True)):
        plain = (
            short[index]
            and _standalone(line) is None
            and not _stands_alone(line)  # 人物档案 (a link label), 一、…: no rows
            and not _GROUP_LABEL.match(line)
            and not column_label(line)
            and not _is_caption_or_credit(line)
            and page_credits.lead(line) is None
        )
        if plain and (run or previous_closed):
            run.append(number)
        else:
            if run and raw.startswith(_INDENT):
                run.pop()  # 一把镊子　修好一条街的钟 over the text it heads: no row
            _take_run(run, title, rows, linked)
            run = [number] if plain and previous_closed else []
            linked = False
        previous_closed = (
            not line
            or line.endswith((*_PARAGRAPH_END, "）", ")"))
            or bool(column_label(line))
            or bool(page_credits.byline_name(line))  # □ 司马秋 under a review
            or bool(_LINK.match(line))
        )
        if _LINK.match(line) or (
            _FIGURES_LABEL.match(line)
            and index + 1 < len(block)
            and is_figure_row(cleaned[index + 1])
        ):
            # 人物档案 / its rows, 数说 / 108.6亿元 / …: the story's own box, no piece of its
            # own (数读 / a title of its own / rows stands apart).
            linked = True
        if index == len(block) - 1:
            _take_run(run, title, rows, linked)
    return title, rows


def _take_run(run, title, rows, linked):
    """A run of plain lines long enough to be a box: its title line and rows (all rows
    under a link label, whose box is the story's)."""
    if linked and len(run) >= MIN_BOX_ROWS:
        rows.update(run)
    elif len(run) > MIN_PLAIN_ROWS:
        title.add(run[0])
        rows.update(run[1:])


def _figure_row_items(items):
    """Rows of a figures box printed a paragraph each (blank lines between them): the
    same runs ``_figure_rows`` finds inside a block, found over the page's items."""
    lines = [
        (index, item.text if item.kind == "para" and not item.row else "\n")
        for index, item in enumerate(items)
    ]
    rows = _figure_rows(lines)
    for index in sorted(rows):
        after = items[index + 1] if index + 1 < len(items) else None
        if (
            index + 1 not in rows
            and after is not None
            and after.kind == "para"
            and _LISTED_ROW.match(after.text)
        ):
            rows.add(index + 1)  # 积分榜前四名：东江队46分、青州队44分… under the results
    for index in sorted(rows):
        item = items[index]
        if item.row:
            continue
        item.row, item.titleish = True, False
        item.text = re.sub(r"[\s\u3000]+", "\u3000", item.text)
        title = items[index - 1] if index >= 2 and index - 1 not in rows else None
        if (
            title is not None
            and title.kind == "para"
            and title.titleish
            and _CELLS_ROW.match(title.text)
            and items[index - 2].kind == "para"
            and not items[index - 2].titleish
        ):
            # …小程序购买。 / 日期 时间 赛事 对阵 地点 / rows: the table's header, in the text.
            title.row, title.titleish = True, False
            title.text = re.sub(r"[\s\u3000]+", "\u3000", title.text)
            continue
        if (
            title is not None
            and title.kind == "para"
            and title.titleish
            and not _FIGURES_LABEL.match(title.text)  # 数说石门油茶 in a feature: its box
        ):
            above = items[index - 2]
            if _FIGURES_LABEL.match(above.text) or (
                above.kind in ("para", "credit") and above.text.endswith(_PARAGRAPH_END)
            ):
                # 数读 / 前三季度全省工业经济运行 / rows, or a title over rows under a story's
                # last paragraph (城超联赛第21轮赛果 / 青州队 3∶1 南岭队): a box of its own.
                title.lead_in = True
    return items


def _figure_rows(lines):
    """The numbers of ``lines`` ((number, line) pairs) that are rows of a figures box: a run
    of at least ``MIN_FIGURE_ROWS`` figure rows, or any run under a box label (【数说】, with
    the box's title line between them)."""
    rows, run, labelled = set(), [], False
    for index, (number, line) in enumerate([*lines, (None, "")]):
        if number is not None and is_figure_row(line):
            run.append(number)
            continue
        if run and (len(run) >= MIN_FIGURE_ROWS or labelled):
            rows.update(run)
        run = []
        labelled = bool(_FIGURES_LABEL.match(line)) or (
            labelled
            and index > 0
            and _FIGURES_LABEL.match(lines[index - 1][1]) is not None
            and is_titleish(line)
        )
    return rows


def _table_heads(block, cleaned, rows):
    """A table's header row (证券简称　　收盘价（元）　　涨跌幅) over its rows, and its title
    over that where text goes on under the table (…1只平盘。 / 昨日部分个股表现 / rows /
    分析人士认为…): rows of the story they stand in, never titles."""
    found, numbers = set(), [number for number, _raw in block]
    for k, number in enumerate(numbers):
        if number not in rows or (k > 0 and numbers[k - 1] in rows):
            continue  # not the first row of a run
        end = k
        while end < len(numbers) and numbers[end] in rows:
            end += 1
        top = k - 1
        if top >= 0 and _HEADER_ROW.match(block[top][1].strip()):
            found.add(numbers[top])
            top -= 1
        text_under = end < len(numbers) and (
            # a paragraph goes on under it: closed, or opening indented and wrapped
            (cleaned[end].endswith(_PARAGRAPH_END) or block[end][1].startswith(_INDENT))
            and not is_titleish(cleaned[end])
        )
        text_over = top >= 1 and cleaned[top - 1].endswith(_PARAGRAPH_END)
        if top >= 0 and is_titleish(cleaned[top]) and text_under and text_over:
            found.add(numbers[top])
    return found


# A table's header of three to eight short cells set apart by single spaces (日期 时间 赛事
# 对阵 地点), known as one only right over the table's rows.
_CELLS_ROW = re.compile(r"^[^\s\d。，！？]{1,4}(?:[\s\u3000]+[^\s\d。，！？]{1,4}){2,7}$")
# A table's header: two to seven short cells set apart by wide gaps, no figure in them.
_HEADER_ROW = re.compile(r"^[^\s\d。，！？]{1,10}(?:(?:\s{2,}|\u3000+)[^\s\d。，！？]{1,10}){1,6}$")


def _box_rows(block):
    """A box of short lines with no sentence among them (数说 / 28种 / 重点监测蔬菜… / 1.2万吨):
    its label and a line each, kept apart; else None."""
    if len(block) < MIN_BOX_ROWS or any(raw.startswith(_INDENT) for _number, raw in block):
        return None
    lines = [(number, _clean(raw)) for number, raw in block]
    for _number, line in lines:
        if (
            not line
            or len(line) > MAX_BOX_ROW
            or _SENTENCE_PUNCTUATION.search(line)
            or line.endswith(_CLOSED_SENTENCE)
            or _standalone(line) is not None
            or _is_caption_or_credit(line)
            or page_credits.lead(line) is not None
            or page_credits.credit_line(line) is not None
        ):
            return None
    (first, label), rows = lines[0], lines[1:]
    if _LINK.match(label):
        # 相关链接 / 总决赛七场比分 / 第一场…: a link box of rows, the story's own.
        items = [Item("link", first, text=label)]
    else:
        items = [Item("para", first, text=label, titleish=len(label) <= MAX_BOX_LABEL)]
    items.extend(Item("para", number, text=line, row=True) for number, line in rows)
    return [_unescaped(item) for item in items]


def _opens_with_text(block):
    """A block whose first line opens a paragraph (indented, or a sentence)."""
    _number, raw = block[0]
    return raw.startswith(_INDENT) or bool(_SENTENCE_PUNCTUATION.search(_clean(raw)))


def is_group_label(text):
    """A plain label over a title (健康提示, 工作动态, 教育观察): short, ending in a word
    that names a kind of item, or a series' name (优化营商环境在行动, 作风建设进行时)."""
    text = unspaced(text)
    return (len(text) <= MAX_GROUP_LABEL and text.endswith(GROUP_LABEL_ENDINGS)) or (
        len(text) <= MAX_SERIES_LABEL and text.endswith(SERIES_ENDINGS) and is_titleish(text)
    )


_LETTER_SPACED_WORD = re.compile(r"^(?:[\u4e00-\u9fff][ \u3000]{1,2}){1,7}[\u4e00-\u9fff]$")


def unspaced(text):
    """A short word set letter-spaced (产 经 观 察), its letters closed up; else ``text``."""
    return re.sub(r"[ \u3000]", "", text) if _LETTER_SPACED_WORD.match(text) else text


SERIES_ENDINGS = ("在行动", "进行时", "在一线", "看变化", "新气象", "新作为")
MAX_SERIES_LABEL = 12


MAX_GROUP_LABEL = 8  # 基层治理新观察, 代表委员声音


def _opens_with_credit(block):
    """A block whose first line is a byline or a lead (本报记者 张三, 本报讯（…）)."""
    line = _clean(block[0][1])
    if page_credits.lead(line) is not None:
        return True
    if len(line) > MAX_CREDIT_LINE or _SENTENCE_PUNCTUATION.search(line) or column_label(line):
        return False  # ■读书 is the label of the next piece, not a pen name
    return page_credits.credit_line(line) is not None


def _bare_editor_notes(items):
    """A ``编者按`` label on a line of its own and the paragraphs under it: one editor's note.

    The note runs to the next item that is no plain paragraph (a title, a lead,
    a credit) or to a short line that reads as a title; a paragraph the page
    broke mid-sentence is joined to the next.
    """
    merged, i = [], 0
    while i < len(items):
        item = items[i]
        label = item.text if item.kind in ("heading", "para") else ""
        if not (label and len(label) <= 12 and page_noise.is_editor_note_label(label)):
            merged.append(item)
            i += 1
            continue
        parts, end = [], i + 1
        while end < len(items) and items[end].kind == "para" and not items[end].titleish:
            text = items[end].text
            if parts and not parts[-1].endswith(_SENTENCE_END):
                parts[-1] += text
            else:
                parts.append(text)
            end += 1
        if not parts:
            merged.append(item)
            i += 1
            continue
        merged.append(Item("editor_note", item.line, text="\n".join(parts)))
        i = end
    return merged
