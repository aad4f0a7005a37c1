"""Credit lines as Chinese papers, agencies and news sites print them: the reading side.

A credit line names people grouped by role, a unit printed before the first
role it covers (``株洲日报全媒体记者/谭昕吾 通讯员/陈照``).  Papers print it in
many ways: after a dateline (``本报北京3月5日电（记者 王五）``, ``【新华社北京电】``),
in half- or full-width brackets or none, role and name separated by a space,
a slash, a colon or nothing, names padded (``周 健``) or glued (``张三李四``),
photo credits ending in 摄 or marked ``文/图``, ``X/文 Y/图``, ``新华社发（张三摄）``.
The role list is open: a word before a slash or a colon, or a word shaped like
a role (ending in 记者, 编辑, 员…), is a role, never an error.  Collective
credits (``新华社记者``, ``新华社发``, a role with no name) credit nobody.

Everything here is pure and request-free.  Every regex is linear (no nested
unbounded quantifiers) and a line too long to be a credit is refused by its
length before any pattern runs.  Names are told from units and ordinary words
by their shape, a surname list (``articles.surnames``) and jieba's dictionary.

The package: ``tokens`` (characters and tokens), ``words`` (names, units,
roles), ``reader`` (the credit grammar), ``leads`` (datelines and lead
credits) and ``vocabulary`` (the words, as data); this module is the API.
"""

import re

from articles.credit_lines.leads import (
    _dateline_at,
    _lead,
    _with_unit,
)
from articles.credit_lines.parts import (
    MAX_CREDIT_LINE,
    PHOTO_MARK,
    Credit,
    Lead,
    is_plausible_name,
)
from articles.credit_lines.reader import (
    _read,
)
from articles.credit_lines.tokens import (
    _DATE_PHOTO,
    _blank_photo_dates,
    _normalise,
)
from articles.credit_lines.vocabulary import (
    COLLECTIVE_WORDS,
    NOISE_CHARS,
)
from articles.credit_lines.words import (
    _is_unit,
    _person_like,
)

_TITLED = re.compile(r"题 {0,2}[:：][^ \u3000\n]{1,40}[ \u3000\n]+")
_ROLE_WORD = re.compile(r"[\u3400-\u9fffA-Za-z0-9]{2,8}")

__all__ = [
    "PHOTO_MARK",
    "Credit",
    "Lead",
    "is_plausible_name",
    "parse_credits",
    "read_credit_line",
    "reads_as_name",
    "split_lead",
    "split_photo_credit",
]


def reads_as_name(word):
    """A word that reads as a person's name standing alone (何春林, 欧阳青), not a title
    that starts with a surname (古渡听雾, 再出发) or a place."""
    return _person_like(word)


def split_lead(text):
    """A paragraph that opens with a dateline or a lead credit → ``Lead``; otherwise None.

    ``本报讯（记者 张三 通讯员 李四）昨天…``, ``新华社北京3月5日电（记者 王五）…``,
    ``【新华社北京电】…``, ``据新华社消息…``, ``本报长沙讯 记者 赵六 报道: …``.
    """
    if not isinstance(text, str) or not text.strip():
        return None
    found = _lead(text)
    if found is None:
        return None
    credits, dateline, pos = found
    return Lead(credits, dateline, text[pos:].strip())


def parse_credits(text, roles=None):
    """The credits of a credit line or of a lead paragraph, in printed order; never raises.

    ``roles`` adds role words (the importer passes the roles it knows).  A line
    that credits nobody (a dateline, ``新华社发``, a role with no name) gives ``[]``.
    """
    if not isinstance(text, str) or not text.strip():
        return []
    # Role words of two or more characters: 文 or 图 alone would cut names (文静).
    extra = tuple(sorted({str(r) for r in roles or () if _ROLE_WORD.fullmatch(str(r))}))
    found = _lead(text, extra)
    if found is not None:
        credits, _dateline, pos = found
        titled = _TITLED.match(text, pos)
        if not credits and titled:
            # 中新社北京3月16日电 题：湘江边的春天 记者 王五: the credit follows the title.
            head = _normalise(text[:pos]).strip()
            dateline = _dateline_at(head, 0)
            after = _read_line(text[titled.end() :], extra)
            return _with_unit(after, dateline[1]) if dateline else after
        return credits
    return _read_line(text, extra)


def _read_line(text, extra):
    squeezed = " ".join(text[: MAX_CREDIT_LINE * 8].split())
    stop = max(map(squeezed.rfind, "。！？"))
    if 0 <= stop < len(squeezed) - 1:
        # …小麦长势。中新社记者 牛晓川 摄: a caption's sentences credit nobody.
        tail = _read_line(squeezed[stop + 1 :], extra)
        if tail:
            return tail
    if not squeezed or len(squeezed) > MAX_CREDIT_LINE:
        return []
    provided = _PICTURES_BY.fullmatch(squeezed)
    if provided:
        # 本版图片由通讯员 张三 提供: the people between 由 and 提供 took the pictures.
        return _as_photo(_read_line(provided.group(1), extra))
    norm = _blank_photo_dates(_normalise(squeezed))
    marked = squeezed[0] in NOISE_CHARS
    return _read(norm, 0, len(norm), strict=False, roles=extra, marked=marked).credits


_PICTURES_BY = re.compile(
    r"(?:本版|本期|本组|本文|文中)?(?:图片|照片|摄影作品|插图)(?:均|皆|全部|都)?由"
    r" ?([^由。!?！？]{1,40}?) ?(?:拍摄|提供|供图|摄)[。.]?"
)


_PROSE = re.compile(r"[。!?！？;；…]|[\u3400-\u9fff],[\u3400-\u9fff]{4}")


def read_credit_line(text):
    """A standalone line's credits, or None when the line is no credit line.

    ``[]`` for a collective credit (``新华社发``).  Titles and sentences
    (``记者从市教育局获悉，…``) are not credit lines.
    """
    if not isinstance(text, str) or not text.strip():
        return None
    squeezed = " ".join(text[: MAX_CREDIT_LINE * 8].split())
    if len(squeezed) > MAX_CREDIT_LINE:
        return None
    found = _lead(squeezed)
    if found is not None:
        credits, _dateline, pos = found
        return None if squeezed[pos:].strip() else credits
    norm = _blank_photo_dates(_normalise(squeezed))
    if _PROSE.search(norm):
        return None
    marked = squeezed[0] in NOISE_CHARS  # ■ 江海: a commentary's byline
    reading = _read(norm, 0, len(norm), strict=True, marked=marked)
    if not reading.ok or (not reading.credits and not reading.collective):
        return None  # 记者手记：, 扫码看视频: a label, not a credit naming nobody
    if not reading.signal and not marked:
        names = [name for credit in reading.credits for name in credit.names]
        if not names or len(names) > 8 or not all(map(_person_like, names)):
            return None
    return reading.credits


_CAPTION_END = "。!?！？…”)）"
_AGENCY_PHOTO = re.compile(r"([\u3400-\u9fff·]{2,12})发\s*$")


def split_photo_credit(text):
    """A caption ending in its credit → (caption, its credits as photo credits).

    ``…现场。记者 刘震 摄``, ``…（新华社发 张三摄）``, ``…新华社发（张三摄）``,
    ``…图/张三``, a caption then ``李四 摄``; ``(text, [])`` when it ends in none.
    ``（3月5日摄）`` dates the picture and credits nobody.
    """
    if not isinstance(text, str) or not text.strip():
        return text, []
    stripped = text.rstrip()
    closed = stripped.rstrip("。.")
    if closed[-1:] in ")）" and closed != stripped and len(closed) - closed.rfind("（") <= 80:
        # …游客赏花（张三 摄）。: the credit in brackets before the stop
        caption, credits = split_photo_credit(closed)
        if credits:
            return caption + stripped[len(closed) :], credits
    if stripped[-1:] in ")）":
        opening = max(stripped.rfind("("), stripped.rfind("（"))
        if opening >= 0 and len(stripped) - opening <= 80:
            bracket = stripped[opening:]
            if not _DATE_PHOTO.fullmatch(_normalise(bracket)):
                credits = read_credit_line(bracket[1:-1])
                if credits is not None and (credits or _collective(bracket)):
                    caption = stripped[:opening].rstrip()
                    agency = _AGENCY_PHOTO.search(caption[-16:])
                    if agency and _is_unit(agency.group(1)) and not _is_unit(caption):
                        # …。新华社发（张三摄）: the agency stands before the bracket.
                        caption = caption[: len(caption) - len(agency.group())].rstrip()
                        credits = _with_unit(credits, agency.group(1))
                    return caption, _as_photo(credits)
    cut = max(stripped.rfind(mark) for mark in _CAPTION_END)
    tail = stripped[cut + 1 :].strip()
    if tail and len(tail) <= 60:
        credits = read_credit_line(tail)
        if credits is not None and (credits or _collective(tail)):
            return stripped[: cut + 1].strip(), _as_photo(credits)
    if stripped.endswith((PHOTO_MARK, "摄影")) and len(stripped) < 4000:
        # A caption without a closing stop: 游客在湘江边赏景 李四 摄
        words = stripped.split()
        for count in range(min(len(words) - 1, 6), 0, -1):
            credits = read_credit_line(" ".join(words[-count:]))
            if credits:
                return " ".join(words[:-count]), _as_photo(credits)
    return text, []


def _collective(text):
    norm = _normalise(text).replace(" ", "").strip("()[]")
    # 图/视觉中国, 图片来源：新华社: a picture agency or source credits nobody but ends a caption.
    return norm in COLLECTIVE_WORDS or norm.endswith(("发", "供图")) or norm.startswith(_PICTURE_BY)


_PICTURE_BY = ("图/", "图:", "图片/", "图片:", "图片来源", "图源")


def _as_photo(credits):
    return [Credit(c.unit, c.role, c.names, True) for c in credits]
