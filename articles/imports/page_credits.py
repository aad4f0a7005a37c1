"""How page text meets the credit-line reader: which paragraphs and lines credit people.

``articles.credit_lines`` reads a credit line (every printed form); this module
asks it the questions the page parser has: does a paragraph open with a lead
credit or dateline, is a line a credit line, does a caption end in its photo
credit, is a short line a commentary's byline (``■ 江某``), is a credit a tip
credit (线索提供) or a commentator's.
"""

import functools
import re

from articles.credit_lines import (
    Lead,
    read_credit_line,
    reads_as_name,
    split_lead,
    split_photo_credit,
)
from articles.credit_lines.words import pen_name_like, person_like, word_across
from articles.credits import Credit, is_plausible_name
from articles.surnames import surname_of

# Markers papers print before a commentator's name, and role words of commentary.
_MARKERS = MARKERS = "■□◆◇●○▲△▶►◎★☆※·•"
_BYLINE = re.compile(rf"^[{_MARKERS}\s]*(?:文\s*[/／]\s*)?([\u3400-\u9fff·]{{2,6}})$")
COMMENTARY_ROLES = ("评论员", "特约评论员", "本报评论员", "评论作者", "时评作者")
TIP_ROLES = ("线索提供", "线索", "爆料", "报料", "新闻线索")
# A paragraph opening with 记者 as its subject (记者近日从…获悉) credits nobody.
_REPORTER_SUBJECT = re.compile(
    r"^(?:本报|本台)?记者(?:近日|日前|昨天|昨日|今天|从|在|了解|获悉|采访|走访|来到|看到|"
    r"注意到|发现|随|跟随|一行|\d{1,2}日|[一二三四五六七八九十]{1,3}日)"
)


# A page repeats lines (bylines, column labels, 本报讯); each is read once.  The
# cached results are tuples, copied into fresh lists for the caller.
_CACHE = 4096
# What a lead paragraph or a credit line holds near its start; other text skips the reader.
_LEAD_HINT = re.compile(r"^.{0,40}?(?:讯|电|消息|报道|[(（【〔\[:：])", re.S)
_CREDIT_HINT = re.compile(
    r"记者|通讯员|摄|[文图]|编|作者|评论|线索|实习|特约|校对|策划|统筹|视频|出镜|设计|供稿|"
    r"医师|律师|法官|检察官|药师|营养师|研究员|教授|[上中下]士|军士长|列兵|上等兵|[少中上大][尉校]|"
    r"[/／:：■□▶◆●◎]|发"
)


@functools.lru_cache(maxsize=_CACHE)
def _lead(text):
    if _REPORTER_SUBJECT.match(text) or not _LEAD_HINT.match(text):
        return None
    found = split_lead(text)
    if found is None:
        return None
    credits, rest = found.credits, _after_report_mark(text, found.rest)
    wrapper = text[: len(text) - len(rest)] if text.endswith(rest) else ""
    subject = re.search(r"(?:本报|本台)?记者\s*$", wrapper)
    if subject and _REPORTER_SUBJECT.match("记者" + rest.lstrip()):
        # 据新华社电 记者15日从…获悉: 记者 opens the first sentence; it credits no one.
        rest = wrapper[subject.start() :].strip() + rest.lstrip()
        wrapper = wrapper[: subject.start()]
        credits = [c for c in credits if c.names]
    if not credits and not found.dateline and wrapper.rstrip().endswith(("，", ",")):
        return None  # 据法新社报道，法国南部…: the source is the sentence's own words
    if (
        not credits
        and not found.dateline
        and rest
        and len(text) <= 30
        and not _CLAUSE.search(rest)
        and not _WIRE.match(text)
        and not rest.lstrip().startswith(("(", "（"))
    ):
        return None  # 本报报道后相关部门迅速介入: a 引题 that names the paper, no wrapper
    if found.dateline and _TITLE_AFTER_DATELINE.match(rest):
        # 新华社北京5月15日电　题：让“一老一小”服务更有温度: the wire's title line, as the
        # page prints it above; the text (and the byline) follow on their own lines.
        return tuple(credits), found.dateline, ""
    bracket = _CREDIT_BRACKET.match(rest) if not credits and found.dateline else None
    if bracket:
        # 【新华社北岭11月30日电】（记者 甲 乙）…: the bracket after a boxed dateline credits.
        inner = read_credit_line(bracket[1])
        if inner and any(c.role for c in inner):
            credits, rest = inner, rest[bracket.end() :]
    return tuple(credits), found.dateline, rest


_CLAUSE = re.compile(r"[，。；！？,;!?]")
_TITLE_AFTER_DATELINE = re.compile(r"^\s*题\s*[:：][^。！？]{2,60}$")
_WIRE = re.compile(r"^\S{0,16}?[讯电]")  # 本报讯, 新华社北京电: a wrapper, whatever follows
_CREDIT_BRACKET = re.compile(r"^\s*[(（]([^()（）]{2,40})[)）]")
_REPORT_MARK = re.compile(r"报道\s*[:：]")


def _after_report_mark(text, rest):
    """The body's text after a wrapper's closing 报道： (never less: …报道：记者从… keeps 记者)."""
    credit_part = text[: len(text) - len(rest)] if text.endswith(rest) else ""
    mark = _REPORT_MARK.search(credit_part)
    if mark is None:
        return rest
    after = text[mark.end() :].lstrip()
    return after if len(after) > len(rest) else rest


MIN_GLUED_TITLE_NAMES = 3


# A pupil's byline: school, grade and class, name, and the teacher who guided the essay
# (桐溪市实验小学五年级（3）班　林小禾, ◎…七年级（5）班　欧阳可心, （…　指导老师：许　晴）).
_SCHOOL = r"[\u4e00-\u9fff]{2,24}?(?:小学|中学|学校|一中|二中|三中|附中|附小|完小|学院|幼儿园)"
_CLASS = (
    r"(?:[一二三四五六七八九]年级|初[一二三]|高[一二三]|[一二三四五六]年|大[一二三四]"
    r"|[一二三四五六七八九](?=\s*[（(]\s*[0-9０-９一二三四五六七八九十]{1,2}\s*[)）]\s*班))"
    r"\s*(?:[（(]\s*[0-9０-９一二三四五六七八九十]{1,2}\s*[)）]|[0-9０-９]{1,2})?\s*班?"
)
_PUPIL = re.compile(
    rf"^[(（]?[■□◎●◆▲\s]*(?P<school>{_SCHOOL})(?:\s*(?P<class>{_CLASS}))?(?:(?<=班)\s*|\s+)"
    r"(?P<name>[\u4e00-\u9fff](?:\s*[\u4e00-\u9fff]){1,3})"
    r"(?:\s*(?P<role>指导(?:老师|教师))\s*[:：]?\s*(?P<teacher>[\u4e00-\u9fff](?:\s*[\u4e00-\u9fff]){1,3}))?"
    r"\s*[)）]?$"
)
PUPIL_ROLE = "作者"


def _named_line(pattern, text):
    """(match, name) of a byline ``pattern`` holding a plausible person's name, else None."""
    match = pattern.match(text.strip()) if len(text) <= MAX_PUPIL_LINE else None
    if match is None:
        return None
    name = "".join(match["name"].split())
    if not is_plausible_name(name) or not surname_of(name):
        return None
    return match, name


def pupil_byline(text):
    """A pupil's byline (school, class, name, maybe the guiding teacher) → credits, else
    None.  The pupil is credited as 作者, the school and class as the unit."""
    found = _named_line(_PUPIL, text)
    if found is None:
        return None
    match, name = found
    unit = match["school"] + "".join((match["class"] or "").split())
    credits = [Credit(unit, PUPIL_ROLE, (name,))]
    if match["teacher"]:
        credits.append(Credit("", match["role"], ("".join(match["teacher"].split()),)))
    return credits


MAX_PUPIL_LINE = 60
# An official's byline: the post, then the name (桐川县委书记　吴振华, 石塘镇党委书记　方志远).
_OFFICIAL = re.compile(
    r"^[■□◎●\s]*(?P<post>[\u4e00-\u9fff（）]{1,20}?(?:书记|县长|市长|区长|镇长|乡长|省长|主任|局长|"
    r"部长|厅长|主席|院长|校长|所长|站长|会长|理事长|董事长|总经理|经理|常委|委员|代表))"
    r"[\s\u3000]+(?P<name>[\u4e00-\u9fff](?:[\s\u3000]?[\u4e00-\u9fff]){1,3})$"
)


def official_byline(text):
    """An official's byline (post and name) → credits (the post as unit, no role), else None."""
    found = _named_line(_OFFICIAL, text)
    return None if found is None else [Credit(found[0]["post"], "", (found[1],))]


_SENTENCE_CLOSED = re.compile(r"[。！？]")
_CONTACT = re.compile(r"联系人|联系电话|联系方式|(?:电话|手机|热线|邮箱|地址)\s*[:：]")


@functools.lru_cache(maxsize=_CACHE)
def _credit_line(text):
    if (pupil := pupil_byline(text) or official_byline(text)) is not None:
        return tuple(pupil)
    if not text.startswith(("（", "(")) and _SENTENCE_CLOSED.search(text):
        return None  # a closed sentence is text: no credit line holds one (read no further)
    if text.endswith(("、", "，", ",")):
        return None  # …电气工程学院学生胡振宇、: a sentence going on, no line of credits
    if _CONTACT.search(text):
        return None  # 招标人：…　联系人：黄先生　电话：…: whom to call, no one's credit
    if text.startswith(("——", "－－")):
        return None  # ——访澄州大学金融学院副教授上官文静: a 副题 naming whom it visits
    if text.startswith("《") and text.endswith("》") and text.count("《") == 1:
        return None  # 《山河故人帖》: a book's or a work's title alone, no one's name
    if _REPORTER_SUBJECT.match(text) or (len(text) > 12 and not _CREDIT_HINT.search(text)):
        return None
    found = read_credit_line(text)
    if found is None:
        return None
    if (
        len(found) == 1
        and not (found[0].role or found[0].unit)
        and len(found[0].names) >= MIN_GLUED_TITLE_NAMES
        and re.fullmatch(r"[\u4e00-\u9fff]+", text)
    ):
        return None  # 玉兰花开满枝头: a title cut into three names, glued, with no role
    if (
        len(found) == 1
        and not (found[0].role or found[0].unit)
        and len(found[0].names) == 2
        and "".join(found[0].names) == text
        and word_across(text, len(found[0].names[0]))
    ):
        return None  # 杜鹃花开: 杜鹃花 runs across the cut, a title, not 杜鹃 and 花开
    signer = _SIGNED_BY.match(text)
    if signer and len(found) == 1 and not found[0].role and found[0].names:
        return (Credit(found[0].unit, signer[1], found[0].names, found[0].photo),)
    if (
        all(not c.role for c in found)
        and sum(len(c.names) for c in found) >= MIN_SPACED_TITLE_NAMES
        and not any(person_like(name) for c in found for name in c.names)
    ):
        return None  # 抢开局 促投资 稳增长: phrases spaced apart, a title, not three people
    return tuple(found)


@functools.lru_cache(maxsize=_CACHE)
def _photo_credit(text):
    """A caption's credits are the picture's; where the line marks some as photographers
    (文/令狐雪　图/东方亮), the writer it also names took no picture."""
    caption, credits = split_photo_credit(text)
    marked = any(c.photo for c in credits)
    return caption, tuple(
        Credit(c.unit, c.role, c.names, c.photo or not (marked or c.role in _TEXT_ROLES))
        for c in credits
    )


_TEXT_ROLES = ("文", "撰文", "文字", "采写", "文案")


def lead(text):
    """The lead credit or dateline a paragraph opens with (``Lead``), else None."""
    found = _lead(text)
    return None if found is None else Lead(list(found[0]), found[1], found[2])


MIN_SPACED_TITLE_NAMES = 2
# Who signs a letter (读者 宋晓梅, □市民　钱程): the role it is printed with.
SIGNERS = ("读者", "市民", "网友", "家长", "居民", "村民", "听众", "观众")
_SIGNED_BY = re.compile(rf"^[□■◎●]?\s*({'|'.join(SIGNERS)})\s*[\u4e00-\u9fff]")


def credit_line(text):
    """The credits of a standalone credit line ([] for a collective one), else None."""
    found = _credit_line(text)
    return None if found is None else list(found)


def photo_credit(text):
    """``(caption, credits)`` of a caption ending in its photo credit; credits [] if none."""
    caption, credits = _photo_credit(text)
    return caption, list(credits)


_SPACED_PAIR = re.compile(r"(?<![\u3400-\u9fff])([\u3400-\u9fff])\s+([\u3400-\u9fff])$")


def byline_name(text):
    """The name of a commentary's byline line (``何春林``, ``■ 江某``), else "".

    A short title line (再出发) is no name: the name must start with a surname.
    """
    # □ 严　明: a two-character name letter-spaced is one name.
    text = _SPACED_PAIR.sub(r"\1\2", text)
    match = _BYLINE.match(text) if len(text) <= 12 else None
    if not match or len(match[1]) > 4 or not is_plausible_name(match[1]):
        return ""
    if len(match[1]) == 4 and not reads_as_name(match[1]):
        return ""  # 古渡听雾: four characters that start with a surname, but a title
    if surname_of(match[1]):
        return match[1]
    # □知白, ◎林间鹿: a pen name after a writer's mark (a label names a kind of text).
    marked = text.lstrip()[:1] in _PEN_NAME_MARKS
    return match[1] if marked and len(match[1]) <= 3 and pen_name_like(match[1]) else ""


_PEN_NAME_MARKS = "□◎◇"


def is_tip(credits):
    return bool(credits) and all(c.role.startswith(TIP_ROLES) for c in credits)


def is_commentary(credits):
    return any(c.role.endswith(COMMENTARY_ROLES) for c in credits)
