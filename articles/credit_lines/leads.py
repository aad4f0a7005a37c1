"""Datelines and lead credits opening a paragraph (本报讯（…）, 新华社北京3月5日电, 【…】)."""

import re

from articles.credit_lines.parts import (
    LEAD_WINDOW,
    Credit,
)
from articles.credit_lines.reader import (
    _read,
)
from articles.credit_lines.tokens import (
    _HAN,
    _NUM,
    _normalise,
)
from articles.credit_lines.vocabulary import (
    KNOWN_UNITS,
    LABEL_CHARS,
    UNIT_ENDINGS,
    WEAK_UNIT_ENDINGS,
)
from articles.credit_lines.words import (
    _common_word,
    _is_unit,
    _person_like,
    _sentence_like,
    _strip_quotes,
    _tag,
    _unit_of,
)

# Datelines and leads ---------------------------------------------------------------------

_DATE_TAIL = re.compile(
    rf"(?:[\d〇零一二三四五六七八九]{{4}}年)?(?:{_NUM}{{1,3}}月)?{_NUM}{{1,3}}日"
    r"(?:凌晨|早晨|清晨|上午|中午|下午|傍晚|晚间|晚|夜)?(?:\d{1,2}时(?:\d{1,2}分)?)?$"
)
_DATELINE_MARK = re.compile(r"专电|快讯|电|讯|消息|报道")
# 电视, 讯息, 报道称, 消息的: the mark is part of a word or of a sentence.
_NOT_A_MARK_AFTER = {
    "电": "视台影话力网商子信池动器竞厂源价费梯脑车气站缆路能量表机工焊磁压流灯",
    "讯": "员息",
    "报道": "称说的指中显",
    "消息": "称说的指中显",
}
_ROLE_IN_PLACE = re.compile(r"记者|通讯员|编辑|摄|评论员|实习生")
_DATELINE_TEXT = re.compile(r"^[\u3400-\u9fff〇·A-Za-z0-9+“”\"《》/ ]{1,40}$")
_REPORTED = re.compile(r"报 {0,2}道 {0,2}:?|:")


def _split_dateline_head(pre):
    """``新华社北京3月5日`` → (新华社, 北京3月5日); None when it is no dateline."""
    body = pre.strip().removeprefix("据").lstrip().removeprefix("综合").lstrip()
    body = body.removesuffix("综合").rstrip()  # 【环球时报综合报道】: the paper's roundup
    if not body or not _DATELINE_TEXT.match(body):
        return None
    date = _DATE_TAIL.search(body)
    head = body[: date.start()].strip() if date else body
    if " " in head or _ROLE_IN_PLACE.search(head):
        return None
    if "/" in head:
        # 今日女报/凤网讯: a joint unit; the place and date follow the second name.
        first, _, rest = head.partition("/")
        second = _split_dateline_head(rest + (date.group() if date else ""))
        if not _is_unit(first) or second is None or "/" in second[0] or not second[0]:
            return None
        return f"{first}/{second[0]}", second[1]
    head = head.replace("《", "").replace("》", "")
    unit = next((k for k in sorted(KNOWN_UNITS, key=len, reverse=True) if head.startswith(k)), "")
    best = len(unit)
    for ending in UNIT_ENDINGS:
        at = head.find(ending, 1)
        while at > 0:
            end = at + len(ending)
            place = head[end:]
            if (
                end > best
                and len(place) <= 10
                and not (ending in WEAK_UNIT_ENDINGS and place)
                and not any(e in place for e in ("报", "社", "网", "新闻", "客户端", "台"))
            ):
                best = end
            at = head.find(ending, at + 1)
    if not best:
        return None
    while best < len(head) and head[best].isascii() and (head[best].isalnum() or head[best] == "+"):
        best += 1  # 看看新闻Knews上海: letters glued to a unit's ending name the app
    unit, place = head[:best], head[best:]
    for known in sorted(KNOWN_UNITS, key=len, reverse=True):
        if place.startswith(known):
            unit, place = unit + known, place[len(known) :]  # 长沙晚报掌上长沙3月5日讯
            break
    if (
        len(place) > 10
        or (place and not _HAN.match(place.replace("·", "")))
        or re.search("[的了着是在]|发布", place)  # 新华社发布的消息称: a sentence
    ):
        return None
    return _strip_quotes(unit), place + (date.group() if date else "")


# What a county or city newsroom calls itself before 讯 (融媒讯, 县融媒体中心讯, 掌上青溪客户端讯).
_NEWSROOM_WORDS = ("融媒", "融媒体", "融媒体中心", "全媒体", "新闻中心", "客户端", "传媒")


def _named_dateline_head(pre, norm, end):
    """株洲发布讯（记者 张三）: a name of no known shape before 讯 is a unit when the
    credits follow at once (a bracket or a role) and it is no person, word or label."""
    body = pre.strip()
    date = _DATE_TAIL.search(body)
    head = body[: date.start()].strip() if date else body
    after = _skip(norm, end)
    if not (norm[after : after + 1] in ("(", "[") or _ROLE_IN_PLACE.match(norm, after)):
        return None
    if head.endswith(_NEWSROOM_WORDS) and len(head) <= 10:
        return head, date.group() if date else ""  # 融媒讯, 县融媒体中心讯: a newsroom
    if (
        not 2 <= len(head) <= 10
        or _UNIT_TEXT.match(head) is None
        or _person_like(head)
        or _common_word(head)
        or LABEL_CHARS.intersection(head[-1])
        or (not date and _common_word(head[-1] + "讯"))  # 新华每日电讯, 喜讯: a word
    ):
        return None
    return head, date.group() if date else ""


def _dateline_at(norm, pos):
    """A dateline (本报讯, 新华社北京3月5日电, 据新华社消息) at ``pos``: (end, unit, place)."""
    for match in _DATELINE_MARK.finditer(norm, pos, min(len(norm), pos + 48)):
        pre = norm[pos : match.start()]
        if any(c in pre for c in ",(:[;"):
            return None
        mark = match.group()
        following = norm[match.end() : match.end() + 1]
        if following and following in _NOT_A_MARK_AFTER.get(mark, ""):
            continue
        split = _split_dateline_head(pre)
        if split is None and mark == "讯":
            split = _named_dateline_head(pre, norm, match.end())
        if split is None:
            continue
        unit, place = split
        if mark == "报道" and place and not pre.strip().startswith("据"):
            continue  # 环球时报报道 or 据新华社报道, not a place
        if (
            mark == "电"
            and not _DATE_TAIL.search(place)
            and not (unit in KNOWN_UNITS or unit.endswith(("报", "社")))
        ):
            # 国家电网株洲供电公司, 洪州职业技术学院电气工程学院…: no dateline without a
            # date or a news body sending it.
            continue
        return match.end(), split[0], split[1]
    return None


def _skip(norm, pos, chars=" "):
    while pos < len(norm) and norm[pos] in chars:
        pos += 1
    return pos


def _closing(norm, pos):
    """The index of the bracket closing the one at ``pos`` (a credit's length away), or -1."""
    close = ")" if norm[pos] == "(" else "]"
    end = norm.find(close, pos + 1, pos + 100)
    if end < 0 or "[" in norm[pos + 1 : end]:
        return -1
    inner = norm[pos + 1 : end]
    if "(" in inner:
        # 【新华社北京3月17日电（记者 张三）】: one round bracket inside a square one.
        opening = inner.find("(")
        if close != "]" or inner.count("(") > 1 or inner.find(")", opening) < 0:
            return -1
    return end


def _with_unit(credits, unit):
    """The wrapper's unit (本报讯, 新华社…电) is the unit of the first role it wraps."""
    if credits and unit and not credits[0].unit:
        first = credits[0]
        credits = [Credit(_unit_of(unit), first.role, first.names, first.photo), *credits[1:]]
    return credits


def _credits_after(norm, pos, unit, roles):
    """Credits after a dateline, bracketed or running on to the body (…报道:)."""
    start = _skip(norm, pos)
    if start < len(norm) and norm[start] in "([":
        credits, end = [], pos
        # （记者 宁静）（通讯员 谷子）: each bracket holds a role group.
        while start < len(norm) and norm[start] in "([" and (close := _closing(norm, start)) > 0:
            reading = _read(norm, start + 1, close, strict=True, roles=roles)
            if not (reading.ok and (reading.credits or reading.signal)):
                break
            credits.extend(reading.credits)
            end = close + 1
            start = _skip(norm, end)
        return _with_unit(credits, unit), end
    stop = min(len(norm), start + 80)
    for mark in ',。!?;“"':
        at = norm.find(mark, start, stop)
        if at >= 0:
            stop = at
    reading = _read(norm, start, stop, strict=True, lead=True, roles=roles)
    if reading.end <= start or not reading.signal:
        return [], pos
    if not reading.credits and _HAN.match(norm[reading.end : reading.end + 1]):
        return [], pos  # 据中新网报道 由本地团队制作的纪录片…: a sentence, not a credit
    end = reading.end
    reported = _REPORTED.match(norm, _skip(norm, end))
    if reported and (reported.group().startswith("报") or reading.credits):
        end = reported.end()
    return _with_unit(reading.credits, unit), end


def _named_unit(word, reading):
    """株洲发布（记者 张三）: a name of no known shape before a bracket of role groups is
    a unit (an app, an account) when it is no person, no ordinary word and no label."""
    return (
        2 <= len(word) <= 12
        and _UNIT_TEXT.match(word) is not None
        and bool(reading.credits)
        and all(credit.role for credit in reading.credits)
        and not _person_like(word)
        and not _common_word(word)
        and not LABEL_CHARS.intersection(word[-1])
        and not _column_label(word)
        and not _sentence_like(word)  # 游客在景区赏秋（记者 王五 摄）: a caption
    )


_COLUMN_HEAD_TAGS = frozenset(("n", "a", "an", "v", "vn", "ad", "d"))


def _column_label(word):
    """现场直击, 民生关注, 健康课堂: a column label (a common noun, adjective or verb,
    then a word that names no place) before a bracket of credits, not a unit."""
    return (
        len(word) == 4
        and _tag(word[:2]) in _COLUMN_HEAD_TAGS
        and not _tag(word[2:]).startswith(("ns", "nr", "nz", "nt"))
        and not any(word.endswith(e) for e in UNIT_ENDINGS if e not in WEAK_UNIT_ENDINGS)
    )


_LOGO = re.compile(r"[A-Za-z]{2,10} *")
_CODE = re.compile(r"[0-9\-]{1,8} *")
_UNIT_TEXT = re.compile(r"^[\u3400-\u9fffA-Za-z0-9·+]+$")


def _lead(text, roles=()):
    """(credits, dateline, offset of the body) for a paragraph opening with a lead, or None."""
    norm = _normalise(text[:LEAD_WINDOW])
    pos = _skip(norm, 0)
    credits: list[Credit] = []
    datelines: list[str] = []
    found = False
    if pos < len(norm) and norm[pos] in "[(":
        # 【新华社北京电】, 【环球时报记者 张三】, (记者 张三) at the start.
        close = _closing(norm, pos)
        if close > 0:
            inner = _skip(norm, pos + 1)
            dateline = _dateline_at(norm, inner)
            if dateline:
                after, unit, place = dateline
                reading = _read(norm, after, close, strict=True, roles=roles)
                if reading.ok:
                    credits, found = _with_unit(reading.credits, unit), True
                    datelines.append(place)
                    if not credits:
                        # 【新华社长沙4月2日电】（记者 张三）, 【…电】记者 张三: the credit
                        # follows the bracket.
                        credits, end = _credits_after(norm, close + 1, unit, roles)
                        close = end - 1 if credits else close
            else:
                reading = _read(norm, inner, close, strict=True, roles=roles)
                found = reading.ok and bool(reading.credits) and reading.signal
                credits = reading.credits if found else []
            if found:
                pos = close + 1
            elif _LOGO.fullmatch(norm, inner, close) or _CODE.fullmatch(norm, inner, close):
                pos = _skip(norm, close + 1)  # (ZZRB)本报讯…: a logo or an editor's code first
    if not found:
        dateline = _dateline_at(norm, pos)
        if dateline:
            pos, unit, place = dateline
            datelines.append(place)
            found = True
            credits, pos = _credits_after(norm, pos, unit, roles)
    if not found:
        # 株洲日报(全媒体记者/杨如)…, or 本报记者 张三 报道:…
        opening = norm.find("(", pos, pos + 24)
        if opening > pos:
            unit = norm[pos:opening].strip()
            close = _closing(norm, opening)
            if close > 0 and not any(c in unit for c in " ,:/"):
                reading = _read(norm, opening + 1, close, strict=True, roles=roles)
                if (
                    reading.ok
                    and reading.signal
                    and not _is_unit(norm[opening + 1 : close].strip())  # 市委宣传部（市新闻办）
                    and (_is_unit(unit) or _named_unit(unit, reading))
                ):
                    credits, pos, found = _with_unit(reading.credits, unit), close + 1, True
        if not found:
            colon = _REPORTED.search(norm, pos, min(len(norm), pos + 60))
            if colon and colon.group().startswith("报") and colon.group().endswith(":"):
                reading = _read(norm, pos, colon.start(), strict=True, roles=roles)
                if reading.ok and reading.signal and reading.credits:
                    credits, pos, found = reading.credits, colon.end(), True
    if not found:
        return None
    while True:  # a second dateline (据新华社电) after the first
        pos = _skip(norm, pos, " :")
        again = _dateline_at(norm, pos)
        if not again:
            break
        pos, unit, place = again
        datelines.append(place)
        more, pos = _credits_after(norm, pos, unit, roles)
        credits.extend(more)
    pos = _skip(norm, pos, " :,")
    return credits, next((d for d in datelines if d), ""), pos
