"""Characters and tokens of a credit line: widths unified, noise blanked, role words found.

The patterns are linear: fixed words with bounded letter-spacing, no nested
unbounded quantifiers.
"""

import functools
import itertools
import re
from dataclasses import dataclass

from articles.credit_lines.vocabulary import (
    COMBO_ROLES,
    NOISE_CHARS,
    ROLE_CORES,
    ROLE_PREFIXES,
    TRADITIONAL_VOCABULARY,
)
from articles.surnames import COMPOUND_SET, SINGLE_SET, surname_weight

# Characters -----------------------------------------------------------------------

BAR = "\x1f"
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
        "＋": "+",
        **{chr(0xFF10 + digit): str(digit) for digit in range(10)},  # ３月５日
        # A bar parts two credits; it never letter-spaces a role (视频 | 记者 江山).
        **dict.fromkeys("｜|丨", BAR),
        **dict.fromkeys("\u3000\xa0\t\r\n\u200b\ufeff—", " "),
        **dict.fromkeys(NOISE_CHARS, " "),
        **TRADITIONAL_VOCABULARY,  # 本報記者: the words of a traditional-character print
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
    combo = "|".join(
        # 文/摄影 is a mark and a role, not 文/摄 and a stray 影.
        _spaced(c).replace("/", " {0,2}/ {0,2}") + ("(?!影)" if c.endswith("摄") else "")
        for c in COMBO_ROLES
        if "/" in c
    )
    return re.compile(
        r"(?P<sp>[ ,、;。!?！？\x1f]+)"
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
    joined: bool = False  # made of letter-spaced pieces (one name already)


def _tokens(norm, start, end, extra_roles=()):
    """Tokens of ``norm[start:end]``; runs of other characters become words."""
    tokens: list[_Token] = []
    spaced, depth = False, 0
    pattern = _token_pattern(extra_roles)
    pos = start
    while pos < end:
        match = pattern.match(norm, pos, end)
        kind, text, begin, pos = match.lastgroup, match.group(), match.start(), match.end()
        if kind == "role" and " " in text and not spaced and tokens and tokens[-1].kind == "word":
            # 夏侯审 校对: a letter-spaced role (审 校) never starts inside a word.
            kind, text, pos = "ch", norm[begin], begin + 1
        if (
            kind == "role"
            and not spaced
            and tokens
            and _LATIN_WORD.match(tokens[-1].text)
            and not _REPORTER.search(text)  # CCTV记者: the letters are the unit
        ):
            # H5设计, VR制作, AI绘图: letters glued before a role word are part of it.
            tokens[-1].kind, tokens[-1].text = "role", tokens[-1].text + text.replace(" ", "")
            tokens[-1].end = pos
            continue
        if kind == "sp":
            spaced = True
            continue
        if kind == "ch":
            if tokens and tokens[-1].kind == "word" and not spaced:
                tokens[-1].text += text
                tokens[-1].end = pos
                continue
            kind = "word"
        elif kind in ("role", "combo", "mark"):
            text = text.replace(" ", "")
        if kind == "close":
            depth = max(depth - 1, 0)
        tokens.append(_Token(kind, text, begin, pos, spaced, depth))
        if kind == "open":
            depth += 1
        spaced = False
    return _join_padded(_latin_roles(tokens))


# Letters (and digits after a letter) that name a craft: H5, VR, AI, 3D is not one.
_LATIN_WORD = re.compile(r"^[A-Za-z][A-Za-z0-9]{0,5}$")
_REPORTER = re.compile(r"记者|通讯员|评论员|实习生")


def _latin_roles(tokens):
    """``H5/李四``, ``VR：王五``: a word of letters before a slash or colon is a role
    word no list holds (a person's name is never printed in letters there)."""
    for token, after in itertools.pairwise(tokens):
        if (
            token.kind == "word"
            and after.kind in ("slash", "colon")
            and _LATIN_WORD.match(token.text)
        ):
            token.kind = "role"
    return tokens


_SINGLE_MARKS = frozenset("摄文图绘译作发")


def _single(token):
    return (
        token.kind == "word"
        and len(token.text) == 1
        and _HAN.match(token.text) is not None
        and token.text not in _SINGLE_MARKS
    )


def _join_three(tokens):
    """A three-character name letter-spaced (谭 嗣 同): exactly three single characters
    after a role, a separator or a bracket, the first a surname, become one word."""
    joined: list[_Token] = []
    i, n = 0, len(tokens)
    while i < n:
        run = tokens[i : i + 4]
        if (
            len(run) >= 3
            and all(map(_single, run[:3]))
            and (len(run) == 3 or not _single(run[3]))
            # 段 誉 王 语嫣: a surname before a given name of two starts the next name.
            and not (len(run) == 4 and _given_name(run[2], run[3]))
            and (i == 0 or not _single(tokens[i - 1]))
            and run[0].text in SINGLE_SET
            and run[0].text not in "文图"
            and run[1].start - run[0].end <= 2
            and run[2].start - run[1].end <= 2
        ):
            first = run[0]
            joined.append(
                _Token(
                    "word",
                    first.text + run[1].text + run[2].text,
                    first.start,
                    run[2].end,
                    first.spaced,
                    first.depth,
                )
            )
            i += 3
            continue
        joined.append(tokens[i])
        i += 1
    return joined


def _padded_mark(first, second):
    """郁 文, 石 图: after a lone surname, 文 or 图 ends a padded name (no one-character
    name is printed), not a mark."""
    return second in "文图" and len(first) == 1 and first in SINGLE_SET


def _given_name(surname, token):
    """任 盈盈, 司马 青衫: a lone surname spaced from two characters that start with no
    common surname (欧阳 周正 are two people) is one name."""
    return (
        token.kind == surname.kind == "word"
        and (surname.text in SINGLE_SET or surname.text in COMPOUND_SET)
        and surname.text not in "文图"
        and len(token.text) == 2
        and _HAN.match(token.text) is not None
        and surname_weight(token.text) < 2
        and token.start - surname.end <= 4
    )


def _join_padded(tokens):
    """Two-character names padded to three (周 健) become one word again, and a lone
    surname spaced from its given name (任 盈盈) one name."""
    tokens = _join_three(tokens)
    joined: list[_Token] = []
    for token in tokens:
        previous = joined[-1] if joined else None
        if previous is not None and _given_name(previous, token) and not previous.joined:
            previous.text += token.text
            previous.end = token.end
            previous.joined = True
            continue
        if (
            previous is not None
            and token.kind == previous.kind == "word"
            and len(token.text) == 1
            and (len(previous.text) == 1 or previous.text in COMPOUND_SET)  # 司马 光
            and _HAN.match(previous.text + token.text)
            and (token.text not in _SINGLE_MARKS or _padded_mark(previous.text, token.text))
            and previous.text not in "文图"
            and token.start - previous.end <= 4
        ):
            previous.text += token.text
            previous.end = token.end
            continue
        joined.append(token)
    return joined
