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
"""

import functools
import itertools
import re
from dataclasses import dataclass, field

from articles.credit_words import (
    COLLECTIVE_WORDS,
    COMBO_ROLES,
    KNOWN_UNITS,
    NAME_DESCRIPTORS,
    NOISE_CHARS,
    NOT_NAMES,
    PHOTO_MARKS,
    ROLE_CORES,
    ROLE_ENDINGS,
    ROLE_PREFIXES,
    SOURCE_LABELS,
    TEXT_MARKS,
    UNIT_ENDINGS,
    WEAK_UNIT_ENDINGS,
)
from articles.surnames import COMPOUND_SET, SINGLE_SET, surname_weight

PHOTO_MARK = "摄"
# The longest line read as a credit line; a lead's credits are looked for in its start.
MAX_CREDIT_LINE = 200
LEAD_WINDOW = 240


@dataclass(frozen=True)
class Credit:
    """One role group of a credit line: ``株洲日报全媒体记者/杨如`` → unit, role, names."""

    unit: str
    role: str
    names: tuple[str, ...]
    photo: bool = False


@dataclass
class Lead:
    """A paragraph opening with a dateline or a lead credit, cut into its parts."""

    credits: list[Credit]
    dateline: str  # place and date as printed (北京3月5日); "" for none
    rest: str  # the body text after the wrapper


_PLAUSIBLE_NAME = re.compile(r"^[\u3400-\u9fff·•]{2,6}$")


def is_plausible_name(token):
    """A printed Chinese personal name: two to six Han characters (with · for some)."""
    return bool(_PLAUSIBLE_NAME.match(token))


# Characters -----------------------------------------------------------------------

_WIDTH = str.maketrans(
    {
        **dict.fromkeys("（", "("),
        **dict.fromkeys("）", ")"),
        **dict.fromkeys("［【〔〖「", "["),
        **dict.fromkeys("］】〕〗」", "]"),
        **dict.fromkeys("／\\", "/"),
        **dict.fromkeys("：︰∶", ":"),
        "，": ",",
        "；": ";",
        "－": "-",
        **dict.fromkeys("｜|丨\u3000\xa0\t\r\n\u200b\ufeff—", " "),
        **dict.fromkeys(NOISE_CHARS, " "),
    }
)
# Editors' codes (a circled digit and digits) and glyphs of private fonts (logos).
_CODES = re.compile(
    r"[\u2460-\u24ff\u2776-\u2793][0-9\-]*|[\ue000-\uf8ff\ufffd\u25a0-\u25ff\u2600-\u26ff]"
)
_NUM = r"[\d〇零一二三四五六七八九十两]"
# (3月5日摄) in a caption dates the picture; it credits nobody.
_DATE_PHOTO = re.compile(
    rf"\( {{0,3}}(?:\d{{4}}年)?(?:{_NUM}{{1,3}}月)?{_NUM}{{1,3}}日[^()]{{0,8}}\)"
)
_HAN = re.compile(r"^[\u3400-\u9fff]+$")
_NAME_CHARS = re.compile(r"^[\u3400-\u9fff·•]+$")


def _normalise(text):
    """One character for one: widths unified, noise and codes blanked (offsets kept)."""
    text = (text or "").translate(_WIDTH)
    return _CODES.sub(lambda m: " " * len(m.group()), text)


def _blank_photo_dates(norm):
    return _DATE_PHOTO.sub(lambda m: " " * len(m.group()), norm)


# Tokens -----------------------------------------------------------------------------


def _spaced(word):
    """A role word's pattern allowing letter-spacing (编 辑)."""
    return " {0,3}".join(re.escape(char) for char in word)


@functools.lru_cache(maxsize=16)
def _token_pattern(extra_roles):
    cores = sorted({*ROLE_CORES, *extra_roles} - {""}, key=len, reverse=True)
    prefixes = sorted(ROLE_PREFIXES, key=len, reverse=True)
    prefix = "(?:(?:" + "|".join(map(_spaced, prefixes)) + ") {0,3}){0,3}"
    role = prefix + "(?:" + "|".join(map(_spaced, cores)) + ")"
    combo = "|".join(_spaced(c).replace("/", " {0,2}/ {0,2}") for c in COMBO_ROLES[:2])
    return re.compile(
        r"(?P<sp>[ ,、;。!?！？]+)"
        r"|(?P<open>[(\[])|(?P<close>[)\]])"
        r"|(?P<mark>摄 {0,2}影 {0,2}/? {0,2}报 {0,2}道|图 {0,2}文 {0,2}报 {0,2}道"
        r"|报 {0,2}道(?![组团]))"
        rf"|(?P<combo>{combo})"
        rf"|(?P<role>{role})"
        r"|(?P<slash>/)|(?P<colon>:)"
        r"|(?P<ch>.)",
        re.S,
    )


@dataclass
class _Token:
    kind: str  # role, combo, mark, word, slash, colon, open, close
    text: str
    start: int
    end: int
    spaced: bool = False  # a separator stands before it
    depth: int = 0  # inside how many brackets


def _tokens(norm, start, end, extra_roles=()):
    """Tokens of ``norm[start:end]``; runs of other characters become words."""
    tokens: list[_Token] = []
    spaced, depth = False, 0
    for match in _token_pattern(extra_roles).finditer(norm, start, end):
        kind, text = match.lastgroup, match.group()
        if kind == "sp":
            spaced = True
            continue
        if kind == "ch":
            if tokens and tokens[-1].kind == "word" and not spaced:
                tokens[-1].text += text
                tokens[-1].end = match.end()
                continue
            kind = "word"
        elif kind in ("role", "combo", "mark"):
            text = text.replace(" ", "")
        if kind == "close":
            depth = max(depth - 1, 0)
        tokens.append(_Token(kind, text, match.start(), match.end(), spaced, depth))
        if kind == "open":
            depth += 1
        spaced = False
    return _join_padded(tokens)


_SINGLE_MARKS = frozenset("摄文图绘译作发")


def _join_padded(tokens):
    """Two-character names padded to three (周 健) become one word again."""
    joined: list[_Token] = []
    for token in tokens:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and token.kind == previous.kind == "word"
            and len(token.text) == 1
            and (len(previous.text) == 1 or previous.text in COMPOUND_SET)  # 司马 光
            and _HAN.match(previous.text + token.text)
            and token.text not in _SINGLE_MARKS
            and previous.text not in "文图"
            and token.start - previous.end <= 4
        ):
            previous.text += token.text
            previous.end = token.end
            continue
        joined.append(token)
    return joined


# Words: names, units, roles ----------------------------------------------------------


def _strip_quotes(word):
    return word.strip("“”\"‘’'《》〈〉")


_PAGE_LABEL = re.compile(r"第.{0,6}版|^[A-Z]?\d{1,3}版?$")
_ROLE_WORD = re.compile(r"记者|通讯员|评论员|编辑")
_REPORTER = re.compile(r"记者|通讯员|评论员|实习生")


def _is_unit(word):
    """A paper, agency, site, app, department or team name (never a person)."""
    bare = _strip_quotes(word)
    if len(bare) < 2 or " " in bare or _ROLE_WORD.search(bare):
        return False
    if bare in KNOWN_UNITS or (bare.startswith(KNOWN_UNITS) and bare not in ("本报记者",)):
        return True
    if bare[0] == "本" and bare[1] in "报台网刊站社":
        return True
    if re.fullmatch(r"[A-Z][A-Za-z]{3,9}", bare):
        return True  # logo letters (ZZRB, CFP)
    if "·" in bare and re.search(r"报|网|新闻|客户端|视频|台|APP|融媒", bare):
        return True
    if bare.endswith("新闻") and len(bare) <= 4 and _common_word(bare[:-2]):
        return False  # 图片新闻, 本地新闻: a column, not a site (澎湃新闻 is known)
    # 海报, 王部, 林社: no unit is named by one character and its kind (but 晚报 is).
    return bare.endswith(UNIT_ENDINGS) and (
        len(bare) > 2
        or bare.endswith(("新闻", "中心", "融媒", "传媒", "视频"))
        or bare in ("日报", "晚报", "早报", "晨报", "商报", "时报", "周报")
    )


@functools.lru_cache(maxsize=1)
def _dictionary():
    import logging

    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    jieba.dt.check_initialized()
    return jieba.dt.FREQ, jieba.posseg.dt.word_tag_tab


def _common_word(word):
    """A word of jieba's dictionary that is no personal name (江南, 周末, 春风化雨)."""
    freq, tags = _dictionary()
    tag = tags.get(word, "")
    return freq.get(word, 0) > 3 and bool(tag) and not tag.startswith("nr")


def _pen_name_like(word):
    """A commentator's byline after a marker (■ 江海, ■ 钟远声), not a column label (■ 简讯)."""
    if word in NOT_NAMES or (word.endswith(_PLACE_ENDINGS) and len(word) > 2):
        return False
    freq, tags = _dictionary()
    tag = tags.get(word, "")
    return not (freq.get(word, 0) > 3 and tag and not tag.startswith(("nr", "ns")))


_PLACE_ENDINGS = tuple("区县市镇乡村州省")


def _verb_word(word):
    """A dictionary verb (签发, 审定): before a name it is a role word."""
    if not 2 <= len(word) <= 4 or not _HAN.match(word):
        return False
    freq, tags = _dictionary()
    return freq.get(word, 0) > 3 and tags.get(word, "").startswith(("v", "vn"))


def _person_like(word):
    """A token that reads as a person's name on its own (a bare byline)."""
    if not _NAME_CHARS.match(word) or word in NOT_NAMES:
        return False
    if "·" in word or "•" in word:
        return 3 <= len(word) <= 16 and not any(map(_common_word, re.split("[·•]", word)))
    if not 2 <= len(word) <= 4 or not surname_weight(word):
        return False
    if len(word) > 2 and word.endswith(_PLACE_ENDINGS):
        return False  # 芦淞区, 石峰区: places
    if len(word) == 4 and word[:2] not in COMPOUND_SET:
        return False  # 相关链接: four characters without a compound surname
    if len(word) == 3 and word[-1] in _SPEECH:
        return False  # 李明说, 全文完: a name and a verb
    return not _common_word(word)


_TIME_CHARS = re.compile(r"[年月日天时周今昨明前后午晚早晨夜]")
_SPEECH = frozenset("说谈讲问答称忆道看完")


def _split_glued(word):
    """Names printed without the space between them (张三李四 → 张三, 李四), or None.

    Each name starts with a surname and has two or three characters (a compound
    surname: three or four); the cut whose names start with the most common
    surnames wins.
    """
    n = len(word)
    best: list[tuple[int, tuple[int, ...]] | None] = [None] * (n + 1)
    best[0] = (0, ())
    for i in range(n):
        if best[i] is None:
            continue
        weight = surname_weight(word[i:])
        if not weight:
            continue
        for length in (3, 4) if word[i : i + 2] in COMPOUND_SET else (2, 3):
            j = i + length
            if j <= n:
                score = best[i][0] + weight * 10 - length
                if best[j] is None or score > best[j][0]:
                    best[j] = (score, (*best[i][1], j))
    if best[n] is None:
        return None
    cuts = (0, *best[n][1])
    return [word[a:b] for a, b in itertools.pairwise(cuts)]


_FUNCTION_CHARS = re.compile(r"[的了着们这那把被吗呢吧啊是]")


# How hard a word is checked before it is read as names: after a role in a
# credit line (any two to four Han characters: pen names such as 老街), after a
# role in a line that may be prose or a title, or with nothing to vouch for it.
LENIENT, LINE, BARE, MARKED = 0, 1, 2, 3


def _names_of(word, level):
    """The names a word holds, or None when it holds none (see LENIENT, LINE, BARE)."""
    for descriptor in NAME_DESCRIPTORS:
        if word.startswith(descriptor) and len(word) - len(descriptor) >= 2:
            word = word[len(descriptor) :]
            break
    if not _NAME_CHARS.match(word) or word in NOT_NAMES:
        return None
    if "·" in word or "•" in word:
        return [word] if 3 <= len(word) <= 16 else None
    n = len(word)
    if n < 2:
        return None
    if (
        n == 4
        and word[:2] not in COMPOUND_SET
        and word[0] in SINGLE_SET
        and surname_weight(word[2:]) >= 2
        and not _common_word(word)
    ):
        return [word[:2], word[2:]]  # 张三李四: two names that lost the space between them
    if _FUNCTION_CHARS.search(word[1:]):
        return None  # 部的故事: a phrase, not a name
    if n <= 4:
        if level == BARE and not _person_like(word):
            return None
        if level == MARKED and not _pen_name_like(word):
            return None
        if level == LINE and n == 4 and (not surname_weight(word) or _common_word(word)):
            return None  # 通讯员队伍建设 is a title
        return [word]
    return _split_glued(word)


def _role_like(word):
    """An unknown word shaped like a role (数据分析员, 新媒体编辑)."""
    return 2 <= len(word) <= 8 and _HAN.match(word) is not None and word.endswith(ROLE_ENDINGS)


def _split_unit(label):
    """``株洲日报主笔`` → (株洲日报, 主笔): a unit glued before an unknown role word."""
    for known in sorted(KNOWN_UNITS, key=len, reverse=True):
        if label.startswith(known) and len(label) > len(known):
            return known, label[len(known) :]
    best = 0
    for ending in UNIT_ENDINGS:
        at = label.find(ending, 1)
        while at > 0:
            end = at + len(ending)
            # 海报设计 is a role: a one-character ending needs a longer name (株洲日报).
            if best < end < len(label) and (len(ending) > 1 or end >= 3):
                best = end
            at = label.find(ending, at + 1)
    return label[:best], label[best:]


def _unit_of(word):
    """A unit as credited: 新华社发 and 株洲日报讯 are 新华社 and 株洲日报."""
    word = _strip_quotes(word) if word[:1] in "《" else word
    for mark in ("发", "讯", "供图", "报道"):
        if word.endswith(mark) and _is_unit(word[: -len(mark)]):
            return word[: -len(mark)]
    return word


def _is_photo_role(role):
    return role in COMBO_ROLES or role in PHOTO_MARKS or "摄影" in role or role.startswith("图")


# The credit grammar --------------------------------------------------------------------


@dataclass
class _Group:
    unit: str = ""
    role: str = ""
    names: list[str] = field(default_factory=list)
    photo: bool = False
    text_role: bool = False  # the writer of an X/文 Y/图 pair: not a photo credit
    closed: bool = False  # a mark after the names ended it (张三 摄 李四…)


@dataclass
class _Reading:
    credits: list[Credit]
    ok: bool  # every token was read as part of a credit
    signal: bool  # a role, unit or mark shows it is a credit line
    end: int  # where the last token read ends (for a lead: the body starts after it)
    collective: bool = False  # it names a unit or source: a credit line even naming nobody


class _Reader:
    """Reads tokens left to right into role groups.

    ``strict``: a word no role vouches for must look like a name.  ``lead``: the
    tokens run on into the body; stop at the first that is no credit.
    """

    def __init__(self, tokens, strict, lead, marked=False):
        self.tokens, self.strict, self.lead, self.marked = tokens, strict, lead, marked
        self.groups: list[_Group] = []
        self.current: _Group | None = None
        self.pending_unit = ""
        self.qualifier_photo = False
        self.source = False
        self.ok, self.signal = True, False
        self.collective = False  # a unit, source or agency mark: a credit line naming nobody
        self.end = tokens[0].start if tokens else 0
        self.i = 0
        # 张三 文 李四 摄: a line ending in a mark puts its marks after the names.
        last = tokens[-1] if tokens else None
        self.post_marks = last is not None and last.text in (*PHOTO_MARKS, *TEXT_MARKS)

    def at(self, index):
        return self.tokens[index] if 0 <= index < len(self.tokens) else None

    def ends_at(self, index):
        token = self.at(index)
        return token is None or token.kind in ("close", "mark")

    def consume(self, count=1):
        self.end = self.tokens[self.i + count - 1].end
        self.i += count

    def start_group(self, role="", unit=""):
        current = self.current
        if current is not None and not current.names and not current.closed:
            if (current.role in COMBO_ROLES or current.role in PHOTO_MARKS) and role:
                # 文/图 本报记者 陈晨: the person named also took the pictures.
                self.qualifier_photo = True
                self.pending_unit = current.unit or self.pending_unit
            self.groups.remove(current)  # a role with no name credits nobody
        group = _Group(unit=unit or self.pending_unit, role=role)
        tail = group.unit.rsplit("·", 1)[-1]
        if role and (len(tail) == 1 or group.unit == "央"):
            # 大河报·豫视频记者, 央视频记者: the prefix ends the unit's name.
            for prefix in ROLE_PREFIXES:
                if role.startswith(prefix) and len(role) > len(prefix) + 1:
                    group.unit, group.role = group.unit + prefix, role[len(prefix) :]
                    break
        if "驻" in group.unit and role:
            # 本报驻京记者: the post belongs to the role.
            known, rest = _split_unit(group.unit)
            if known and rest.startswith("驻"):
                group.unit, group.role = known, rest + role
        group.photo = self.qualifier_photo or _is_photo_role(role)
        if group.unit and _is_unit(group.unit):
            self.collective = True  # 新华社记者, 本报评论员
        self.qualifier_photo, self.pending_unit, self.source = False, "", False
        self.groups.append(group)
        self.current = group
        return group

    def mark_photo(self, index):
        """A 摄 after names: at the end of the line it covers every group (but the writer's)."""
        self.signal = True
        if self.ends_at(index):
            for group in self.groups:
                group.photo = group.photo or not group.text_role
        if self.current is not None:
            self.current.photo = True
            self.current.closed = True

    def read(self):
        while self.i < len(self.tokens):
            token = self.tokens[self.i]
            if token.kind in ("open", "close", "slash", "colon"):
                self.consume()
            elif token.kind == "mark":
                self.signal = True
                if "摄" in token.text or "图" in token.text:
                    for group in self.groups:
                        group.photo = True
                self.consume()
            elif token.kind in ("role", "combo"):
                self.role_token(token)
            elif not self.word_token(token):
                break
        credits = [
            Credit(group.unit, group.role, tuple(group.names), group.photo)
            for group in self.groups
            if group.names
        ]
        return _Reading(credits, self.ok, self.signal, self.end, self.collective)

    def role_token(self, token):
        self.signal = True
        current, text = self.current, token.text
        nxt = self.at(self.i + 1)
        # A mark after names: 张三 摄影, 记者 张三 整理.
        if (
            current is not None
            and current.names
            and not current.closed
            and text in (*TEXT_MARKS, *PHOTO_MARKS, *COMBO_ROLES)
            and (self.ends_at(self.i + 1) or nxt.kind in ("role", "combo"))
        ):
            if text not in TEXT_MARKS and self.ends_at(self.i + 1):
                self.mark_photo(self.i + 1)  # …实习生 李想 文/图: the whole line's pictures
            _apply_post(current, text)
            current.closed = True
            self.consume()
            return
        role, count = text, 1
        while (
            (glued := self.at(self.i + count)) is not None
            and glued.kind == "role"
            and not glued.spaced
        ):
            role, count = role + glued.text, count + 1  # 出镜记者
        glued, separator = self.at(self.i + count), self.at(self.i + count + 1)
        if (
            glued is not None
            and glued.kind == "word"
            and not glued.spaced
            and separator is not None
            and separator.kind in ("slash", "colon")
            and len(glued.text) <= 4
        ):
            role, count = role + glued.text, count + 1  # 视频拍摄：
        # 记者/编辑: role words joined by a slash are one role.
        while (
            (slash := self.at(self.i + count)) is not None
            and slash.kind == "slash"
            and (other := self.at(self.i + count + 1)) is not None
            and other.kind in ("role", "combo")
            and not slash.spaced
            and not other.spaced
        ):
            role = f"{role}/{other.text}"
            count += 2
        self.start_group(role)
        after = self.at(self.i + count)
        if after is not None and after.kind in ("slash", "colon"):
            count += 1
        self.consume(count)

    def word_token(self, token):
        """Read a word; False when a lead's body starts here."""
        text, nxt = token.text, self.at(self.i + 1)
        word = _strip_quotes(text) if text[:1] in "“《" and text[-1:] in "”》" else text
        if nxt is not None and nxt.kind in ("slash", "colon"):
            return self.labelled_word(word, nxt)
        if self.source:
            self.consume()
            return True
        if word.endswith("发") and _is_unit(word[:-1]):
            self.signal = self.collective = True
            self.start_group(unit=word[:-1])  # 新华社发 张三 摄: an agency's picture
            self.consume()
            return True
        if word in COLLECTIVE_WORDS or (word.endswith("供图") and _is_collective_source(word)):
            self.signal, self.collective, self.current = True, True, None
            self.consume()
            return True
        current = self.current
        if word == PHOTO_MARK and current is not None and not current.names and current.role:
            self.signal = self.collective = True  # 本报记者 摄: a photo credit naming nobody
            self.consume()
            return True
        bare_names = current is not None and current.names and not current.role
        if word == PHOTO_MARK and current is not None and current.names:
            self.mark_photo(self.i + 1)
            self.consume()
            return True
        if (
            word in TEXT_MARKS + PHOTO_MARKS
            and current is not None
            and current.names
            and not current.closed
            and (bare_names or self.ends_at(self.i + 1) or self.post_marks)
        ):
            # 张三 文 李四 摄: the mark follows the names it covers.
            self.signal = True
            if word in PHOTO_MARKS and self.ends_at(self.i + 1):
                self.mark_photo(self.i + 1)  # …通讯员 李贺 图: the whole line's pictures
            _apply_post(current, word)
            current.closed = True
            self.consume()
            return True
        if word in ("文", "图", "撰文", "摄影", "文字") and nxt is not None and nxt.kind == "word":
            self.signal = True
            self.start_group(word)
            self.consume()
            return True
        if nxt is not None and nxt.kind == "mark" and not nxt.spaced and not _person_like(word):
            self.consume()  # 北京报道: where the reporter wrote from
            return True
        if word.startswith("发自") or (
            word.endswith("报道") and len(word) > 2 and not surname_weight(word)
        ):
            self.consume()  # 发自北京, 北京报道: where the reporter wrote from
            return True
        if word.startswith("据") and _is_unit(word[1:]):
            self.signal, self.source, self.current = True, True, None
            self.collective = True
            self.consume()
            return True
        photo = False
        if word.endswith(PHOTO_MARK) and len(word) >= 3:
            word, photo = word[:-1], True
        wants_names = current is not None and current.role and not current.names
        if _is_unit(word) and not (wants_names and _names_of(word, LENIENT) and nxt is None):
            return self.unit_word(_unit_of(word))
        if (
            nxt is not None
            and nxt.kind == "role"
            and not nxt.spaced
            and not self.groups
            and not (_names_of(word, BARE) or _role_like(word))
        ):
            # 湖南日报社会新闻部记者: what stands glued before the first role is its unit.
            self.signal = True
            if word + nxt.text in COLLECTIVE_WORDS or nxt.text == "供图":
                self.collective, self.current = True, None  # 受访者供图
                self.consume(2)
                return True
            if (
                re.fullmatch(r"[A-Za-z0-9]{1,3}", word)
                or (len(word) == 2 and _HAN.match(word) and not _REPORTER.search(nxt.text))
                or _verb_word(word)  # 参与记者
            ):
                nxt.text = word + nxt.text  # H5设计, 海报设计: part of the role
            else:
                self.pending_unit = word
                self.collective = _is_unit(word)
            self.consume()
            return True
        if (
            nxt is not None
            and nxt.kind == "word"
            and not self.lead
            and (_role_like(word) or (_verb_word(word) and _person_like(nxt.text)))
        ):
            self.signal = True
            unit, role = _split_unit(word)
            self.pending_unit = unit or self.pending_unit
            self.start_group(role)
            self.consume()
            return True
        return self.name_word(word, photo)

    def labelled_word(self, word, separator):
        """A word before a slash or a colon: a role, a joint unit, a source, or 张三/文."""
        after = self.at(self.i + 2)
        if _is_post_mark(self.tokens, self.i + 2):
            names = _names_of(word, LINE if self.strict else LENIENT)
            if names:
                self.signal = True
                current = self.current
                if (
                    current is not None
                    and current.role
                    and not current.names
                    and not current.closed
                ):
                    group = current  # 本报记者 聂达/摄: the mark covers the role's person
                else:
                    group = self.start_group()
                group.names.extend(names)
                _apply_post(group, after.text)
                group.closed = True
                self.consume(3)
                return True
        if _is_unit(word) and after is not None and after.kind == "word" and _is_unit(after.text):
            return self.unit_word(f"{word}/{_strip_quotes(after.text)}", skip=3)
        if self.lead and separator.kind == "colon" and not _role_like(word):
            return False
        self.signal = True
        if (
            separator.kind == "slash"
            and after is not None
            and after.kind == "role"
            and not separator.spaced
            and not after.spaced
        ):
            # 采访/撰文: an unknown role word joined to a known one.
            after.text = f"{word}/{after.text}"
            self.consume()
            self.consume()
            return True
        if word in SOURCE_LABELS or word.endswith("来源"):
            self.current, self.source, self.collective = None, True, True
            self.consume(2)
            return True
        if _PAGE_LABEL.search(word):
            self.ok = False  # 第A03版：要闻: a page label, not a role
            self.consume(2)
            return True
        unit, role = _split_unit(word)
        if not role or (_is_unit(word) and not _role_like(role)):
            unit, role = word, ""
        self.pending_unit = _unit_of(unit) if unit else self.pending_unit
        if role or separator.kind == "slash":
            self.start_group(role)
        self.consume(2)
        return True

    def unit_word(self, unit, skip=1):
        self.signal = self.collective = True
        following, current = self.at(self.i + skip), self.current
        if following is not None and following.kind in ("role", "combo"):
            self.pending_unit = unit
        elif (
            current is not None
            and current.role
            and not current.names
            and not current.unit
            and not current.closed
        ):
            current.unit = unit  # 通讯员 天元区委宣传部 周正
        else:
            self.start_group(unit=unit)
        self.consume(skip)
        return True

    def name_word(self, word, photo):
        current = self.current
        vouched = (
            current is not None and bool(current.role or current.unit) and not current.closed
        ) or (self.post_marks and bool(self.groups))  # 邓林 文 周游 图: a line of marks
        strict_level = LINE if self.strict else LENIENT
        level = strict_level if vouched else (MARKED if self.marked else BARE)
        names = _names_of(word, level)
        if names and self.lead and not all(map(_person_like, names)):
            # In a lead the body follows: a word that is no clear name must be
            # followed by more credit (记者 黄河 通讯员…) to be read as one.
            following = self.at(self.i + 1)
            more = following is not None and following.kind in ("role", "mark")
            first = not current.names and not _TIME_CHARS.search(word)  # 记者 黄河 昨日，
            if not (vouched and (more or first)):
                names = None
        if not names:
            if self.lead:
                return False
            token = self.tokens[self.i]
            if not (token.depth and self.groups and self.groups[-1].names):
                self.ok = False  # (湖南师范大学教授) after a name is its note, not an error
            self.consume()
            return True
        if current is None or current.closed or self.source:
            current = self.start_group()
        current.names.extend(names)
        self.consume()
        if photo:
            self.mark_photo(self.i)
        return True


def _is_collective_source(word):
    source = word[:-2]
    return not source or _is_unit(source) or source in ("受访者", "通讯员", "作者", "本报")


def _is_post_mark(tokens, index):
    """Whether the token at ``index`` is a mark after a slash (张三/文) ending its group."""
    if index >= len(tokens):
        return False
    token = tokens[index]
    if token.kind not in ("word", "role", "combo") or token.text not in (
        *TEXT_MARKS,
        *PHOTO_MARKS,
        *COMBO_ROLES,
    ):
        return False
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    return following is None or following.spaced or following.kind in ("close", "mark")


def _apply_post(group, mark):
    if mark in TEXT_MARKS:
        group.text_role = True
        group.role = group.role or mark
    elif mark in COMBO_ROLES:
        group.role = group.role or mark
        group.photo = True
    else:
        group.photo = True
        if mark != PHOTO_MARK:
            group.role = group.role or mark


def _read(norm, start, end, *, strict, lead=False, roles=(), marked=False):
    return _Reader(_tokens(norm, start, end, roles), strict, lead, marked).read()


# Datelines and leads ---------------------------------------------------------------------

_DATE_TAIL = re.compile(
    rf"(?:\d{{4}}年)?(?:{_NUM}{{1,3}}月)?{_NUM}{{1,3}}日"
    r"(?:凌晨|早晨|清晨|上午|中午|下午|傍晚|晚间|晚|夜)?(?:\d{1,2}时(?:\d{1,2}分)?)?$"
)
_DATELINE_MARK = re.compile(r"专电|快讯|电|讯|消息|报道")
_NOT_A_MARK_AFTER = {"电": "视台影话力网商子信池动器竞厂源价费梯脑车", "讯": "员息"}
_ROLE_IN_PLACE = re.compile(r"记者|通讯员|编辑|摄|评论员|实习生")
_DATELINE_TEXT = re.compile(r"^[\u3400-\u9fff·A-Za-z0-9“”\"《》 ]{1,40}$")
_REPORTED = re.compile(r"报 {0,2}道 {0,2}:?|:")


def _split_dateline_head(pre):
    """``新华社北京3月5日`` → (新华社, 北京3月5日); None when it is no dateline."""
    body = pre.strip().removeprefix("据").lstrip().removeprefix("综合").lstrip()
    if not body or not _DATELINE_TEXT.match(body):
        return None
    date = _DATE_TAIL.search(body)
    head = body[: date.start()].strip() if date else body
    if " " in head or _ROLE_IN_PLACE.search(head):
        return None
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
    unit, place = head[:best], head[best:]
    for known in sorted(KNOWN_UNITS, key=len, reverse=True):
        if place.startswith(known):
            unit, place = unit + known, place[len(known) :]  # 长沙晚报掌上长沙3月5日讯
            break
    if len(place) > 10 or (place and not _HAN.match(place.replace("·", ""))):
        return None
    return _strip_quotes(unit), place + (date.group() if date else "")


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
        if split is None:
            continue
        unit, place = split
        if mark == "报道" and place and not pre.strip().startswith("据"):
            continue  # 环球时报报道 or 据新华社报道, not a place
        if (
            mark == "电"
            and place
            and not _DATE_TAIL.search(place)
            and not (unit in KNOWN_UNITS or unit.endswith(("报", "社")))
        ):
            continue  # 国家电网株洲供电公司: no dateline without a date or a paper
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
    if end < 0 or "(" in norm[pos + 1 : end] or "[" in norm[pos + 1 : end]:
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
        close = _closing(norm, start)
        if close > 0:
            reading = _read(norm, start + 1, close, strict=True, roles=roles)
            if reading.ok and (reading.credits or reading.signal):
                return _with_unit(reading.credits, unit), close + 1
        return [], pos
    stop = min(len(norm), start + 80)
    for mark in ',。!?;“"':
        at = norm.find(mark, start, stop)
        if at >= 0:
            stop = at
    reading = _read(norm, start, stop, strict=True, lead=True, roles=roles)
    if reading.end <= start or not reading.signal:
        return [], pos
    end = reading.end
    reported = _REPORTED.match(norm, _skip(norm, end))
    if reported and (reported.group().startswith("报") or reading.credits):
        end = reported.end()
    return _with_unit(reading.credits, unit), end


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
            else:
                reading = _read(norm, inner, close, strict=True, roles=roles)
                found = reading.ok and bool(reading.credits) and reading.signal
                credits = reading.credits if found else []
            if found:
                pos = close + 1
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
            if close > 0 and _is_unit(unit) and not any(c in unit for c in " ,:/"):
                reading = _read(norm, opening + 1, close, strict=True, roles=roles)
                if reading.ok and reading.signal:
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


# The API ------------------------------------------------------------------------------


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
    extra = tuple(sorted({str(role) for role in roles or ()}))
    found = _lead(text, extra)
    if found is not None:
        return found[0]
    squeezed = " ".join(text[: MAX_CREDIT_LINE * 8].split())
    if len(squeezed) > MAX_CREDIT_LINE:
        return []
    norm = _blank_photo_dates(_normalise(squeezed))
    marked = squeezed[0] in NOISE_CHARS
    return _read(norm, 0, len(norm), strict=False, roles=extra, marked=marked).credits


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
    return norm in COLLECTIVE_WORDS or norm.endswith(("发", "供图"))


def _as_photo(credits):
    return [Credit(c.unit, c.role, c.names, True) for c in credits]
