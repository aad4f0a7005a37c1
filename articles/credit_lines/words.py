"""What a word of a credit line is: a name (or names glued together), a unit, a role.

Names are told from units and ordinary words by their shape, a surname list
(``articles.surnames``) and jieba's dictionary.
"""

import functools
import itertools
import re

from articles.credit_lines.tokens import (
    _HAN,
    _NAME_CHARS,
)
from articles.credit_lines.vocabulary import (
    COMBO_ROLES,
    KNOWN_UNITS,
    LABEL_CHARS,
    NAME_DESCRIPTORS,
    NOT_NAMES,
    OFFICE_PEN_NAME_ENDINGS,
    PHOTO_MARKS,
    ROLE_ENDINGS,
    UNIT_ENDINGS,
)
from articles.surnames import (
    COMPOUND_SET,
    SINGLE_SET,
    is_element_name,
    surname_commonness,
    surname_weight,
)

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
    if bare in KNOWN_UNITS or bare in ("日报", "晚报", "早报", "晨报", "商报", "时报", "周报"):
        return True
    known = next((k for k in KNOWN_UNITS if bare.startswith(k)), "")
    if known or (bare[0] == "本" and bare[1] in "报台网刊站社"):
        # 本报政文部, 新华社“新华视点”, 人民网-人民日报; not 本报评论, a column.
        rest = bare[len(known) or 2 :].lstrip("-·/")
        return rest[:1] in '“"《' or _is_unit(rest) or rest.endswith(UNIT_ENDINGS)
    if re.fullmatch(r"[A-Z][A-Za-z]{3,9}", bare):
        return True  # logo letters (ZZRB, CFP)
    if "·" in bare and re.search(r"报|网|新闻|客户端|视频|台|APP|融媒|联盟|中心|工作室|站$", bare):
        return True
    if bare.endswith("新闻") and len(bare) <= 4 and _common_word(bare[:-2]):
        return False  # 图片新闻, 本地新闻: a column, not a site (澎湃新闻 is known)
    if bare.endswith(_NOT_PAPERS) or _tag(bare) in _PHRASE_TAGS:
        return False  # 要闻简报, 天气预报: words ending like a paper's name
    if bare.endswith("科") and _DEPARTMENT_OF.search(bare[:-2]):
        return True  # 市中心医院内分泌科: a department of a body (never 莫斯科, a place)
    # 海报, 王部, 林社: no unit is named by one character and its kind.
    return bare.endswith(UNIT_ENDINGS) and (
        len(bare) > 2 or bare.endswith(("新闻", "中心", "融媒", "传媒", "视频"))
    )


_DEPARTMENT_OF = re.compile(r"医院|中心|卫生院|局|委|大学|学院|研究所|研究院")
_NOT_PAPERS = tuple(
    ["简报", "预报", "通报", "喜报", "捷报", "情报", "海报", "画报", "汇报", "举报", "公报"]
)


@functools.lru_cache(maxsize=1)
def _dictionary():
    """Part-of-speech tags and counts of jieba's dictionary words of two to four characters.

    Read once from the dictionary file (about half a second), without building
    jieba's segmenter: only the words seen more than three times.
    """
    import jieba

    with jieba.dt.get_dict_file() as dictionary:
        text = dictionary.read().decode("utf-8")
    return {word: (tag, int(count)) for word, count, tag in _DICTIONARY_LINE.findall(text)}


_DICTIONARY_LINE = re.compile(r"^(\S{2,4}) (\d\d+|[4-9]) (\S+)$", re.M)


def _tag(word):
    return _dictionary().get(word, ("", 0))[0]


def _count(word):
    return _dictionary().get(word, ("", 0))[1]


def _common_word(word):
    """A word of jieba's dictionary that is no personal name (江南, 周末, 春风化雨)."""
    tag = _tag(word)
    return bool(tag) and not tag.startswith("nr")


def pen_name_like(word):
    """A commentator's byline after a marker (■ 江海, ■ 钟远声), not a column label (■ 简讯)."""
    if word in NOT_NAMES or (word.endswith(_PLACE_ENDINGS) and len(word) > 2):
        return False
    if len(word) >= 4 and LABEL_CHARS.intersection(word[-2:]) and _common_word(word[-2:]):
        return False  # ■ 湘江评论, ■ 株洲观察: a column named for its kind of text
    tag = _tag(word)
    if tag in ("n", "nz") and len(word) <= 3:
        # ■ 老街, ■ 山风: a plain noun as a pen name; a label names a kind of text (■ 简讯).
        return not LABEL_CHARS.intersection(word)
    return not (tag and not tag.startswith(("nr", "ns")))


_PLACE_ENDINGS = tuple("区县市镇乡村州省")


def _verb_word(word):
    """A dictionary verb (签发, 审定): before a name it is a role word."""
    if not 2 <= len(word) <= 4 or not _HAN.match(word):
        return False
    return _tag(word).startswith("v")


def _phrase_word(word):
    """A common noun, verb or time word (手记, 调查, 夏天): glued to a role it makes a phrase."""
    return _tag(word) in _PHRASE_TAGS


_PHRASE_TAGS = frozenset(("n", "v", "vn", "t", "a", "ad", "d", "an", "l", "i"))
_NOT_NAME_START_TAGS = frozenset(("d", "v", "vn", "ad", "t", "m", "q", "c", "p", "u", "r"))


def _person_like(word):
    """A token that reads as a person's name on its own (a bare byline)."""
    if not _NAME_CHARS.match(word) or word in NOT_NAMES:
        return False
    if "·" in word or "•" in word:
        return 3 <= len(word) <= 16 and not any(map(_common_word, re.split("[·•]", word)))
    if is_element_name(word):
        return True  # 次仁罗布: a Tibetan or Mongolian name has no surname
    if not 2 <= len(word) <= 4 or not surname_weight(word):
        return False
    if len(word) > 2 and word.endswith(_PLACE_ENDINGS):
        return False  # 芦淞区, 石峰区: places
    if len(word) == 4 and word[:2] not in COMPOUND_SET:
        return False  # 相关链接: four characters without a compound surname
    if len(word) == 3 and word[-1] in _SPEECH:
        return False  # 李明说, 全文完: a name and a verb
    if len(word) == 3 and _tag(word[:2]) in _NOT_NAME_START_TAGS:
        return False  # 马上评: an adverb and a verb
    if _mistagged_name(word):
        return False
    return not _common_word(word)


def _opens_with_a_thing(name):
    """A three-character name whose first two are a common word for a thing (龙舟赛, 龙舟):
    with nothing to vouch for it, no name.  A place (王国光: 王国) or a name's own word
    does not count."""
    head = name[:2]
    return (
        len(name) == 3
        and _common_word(head)
        and not _tag(head).startswith(("ns", "nr", "a", "d", "v"))
        and _count(head) >= MIN_THING_COUNT
    )


MIN_THING_COUNT = 100


def person_like(word):
    """A word that reads as a person's name on its own (see ``_person_like``)."""
    return _person_like(word)


def _mistagged_name(word):
    """黄金周: jieba tags it a name, but it is a frequent word made of a frequent common
    word and one character (a real name such as 温庭筠 or 方志敏 is rarer, or starts
    with no common word)."""
    return (
        len(word) == 3
        and _tag(word).startswith("nr")
        and _count(word) >= 100
        and _common_word(word[:2])
        and _tag(word[:2]) not in ("ns", "nz")  # 王国光: 王国 is tagged a place
        and _count(word[:2]) >= 1000
    )


def _time_word(word):
    """昨日, 上午, 夏天: a word of time that opens a lead's first sentence."""
    return _tag(word) == "t" or bool(_TIME_PART.search(word))


_TIME_PART = re.compile(r"\d|^[今昨前明本上下当近日]+[天日年月周午晚]|[上下中]午$|凌晨$|晚上$")
_SPEECH = frozenset("说谈讲问答称忆道看完")


def _split_glued(word):
    """Names printed without the space between them (张三李四 → 张三, 李四), or None.

    Each name starts with a surname and has two or three characters (a compound
    surname: three or four); the cut whose names start with the most common
    surnames wins.
    """
    n = len(word)
    best: list[tuple[float, tuple[int, ...]] | None] = [None] * (n + 1)
    best[0] = (0, ())
    for i in range(n):
        if best[i] is None:
            continue
        weight = surname_weight(word[i:])
        if not weight:
            continue
        weight += surname_commonness(word[i:]) / 10  # a tie goes to the commoner surname
        for length in (3, 4) if word[i : i + 2] in COMPOUND_SET else (2, 3):
            j = i + length
            if j <= n:
                # 陈平安王富贵: 富贵 and 平安 are words, so 陈平安 王富贵, not 陈平 安王 富贵.
                common = 25 if _common_word(word[i:j]) else 0
                score = best[i][0] + weight * 10 - length - common
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
    if is_element_name(word):
        return [word]  # 巴图孟和 is one person, not 巴图 and 孟和
    n = len(word)
    if n < 2:
        return None
    if (
        n == 4
        and word[:2] not in COMPOUND_SET
        and word[0] != word[2]  # 车言车语, 你言我语: a phrase's pattern, not two names
        and word[0] in SINGLE_SET
        and surname_weight(word[2:]) >= 2
        and not _common_word(word)
        and not _tag(word).startswith("nr")  # 阿依古丽: one name the dictionary knows
    ):
        return [word[:2], word[2:]]  # 张三李四: two names that lost the space between them
    if _FUNCTION_CHARS.search(word[1:]):
        return None  # 部的故事: a phrase, not a name
    if n <= 4:
        if level == BARE and not _person_like(word):
            return None
        if level == MARKED and not pen_name_like(word):
            return None
        if level == LINE and n == 4 and (not surname_weight(word) or _common_word(word)):
            return None  # 通讯员队伍建设 is a title
        if level == LINE and _tag(word) in ("v", "vn") and not surname_weight(word):
            return None  # 记者 调查: a verb starting with no surname is a label, not a name
        return [word]
    names = _split_glued(word)
    if names and level in (BARE, MARKED) and not all(map(_person_like, names)):
        return None  # 游客在岳麓山景区: nothing vouches for it, and a sentence is no names
    if names and level in (BARE, MARKED) and any(map(_opens_with_a_thing, names)):
        return None  # 柏林龙舟赛: a title, not 柏林 and 龙舟赛
    if names and _cuts_through_words(word, names):
        return None  # 摄影 游客在岳麓山景区赏秋: the cuts split 岳麓山 and 景区, a sentence
    return names


def word_across(word, at):
    """A dictionary word (no name) across a cut at ``at`` (杜鹃|花开: 杜鹃花)."""
    spans = (word[at - 1 : at + 1], word[max(at - 2, 0) : at + 1], word[at - 1 : at + 2])
    # A two-character word across may be a name's (王芳 李娜: 芳李 is none); a word of three
    # is no cut's, even one jieba tags a name (杜鹃花).
    return any(
        len(span) > 1 and _count(span) >= 5 and (len(span) == 3 or not _tag(span).startswith("nr"))
        for span in spans
    )


def _cuts_through_words(word, names):
    """Whether the cuts between glued names split dictionary words at two or more of them.

    张三李四王五 or 陈平安王富贵 are cut where no common word spans the cut; a
    sentence cut at surnames (游客在|岳麓|山景|区赏秋) splits words (岳麓山, 景区).
    """
    crossings, at = 0, 0
    for name in names[:-1]:
        at += len(name)
        spans = (word[at - 1 : at + 1], word[at - 2 : at + 1], word[at - 1 : at + 2])
        if any(len(span) > 1 and _count(span) >= 5 for span in spans):
            crossings += 1
    return crossings >= 2


def _sentence_like(word):
    """游客在景区赏秋: a particle or 在 (not 在线) after the first character marks a
    sentence, never a unit's or a person's name."""
    return _SENTENCE_CHARS.search(word, 1) is not None


_SENTENCE_CHARS = re.compile(r"[的了着是把被]|在(?!线)")


def _office_pen_name(word):
    """穗交宣, 株公宣: an office's pen name (a place or body abbreviated, then 宣)."""
    return (
        len(word) == 3
        and _HAN.match(word) is not None
        and word.endswith(OFFICE_PEN_NAME_ENDINGS)
        and not _common_word(word)
    )


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
    if word[:1] == "《":
        word = word.replace("《", "").replace("》", "")  # 《环球》杂志: 环球杂志
    cut = max(word.rfind(verb) for verb in "为由是")
    if cut > 0 and _is_unit(word[cut + 1 :]):
        word = word[cut + 1 :]  # 本版图片均为本报: a unit after the words of a sentence
    for mark in ("发", "讯", "供图", "报道"):
        if word.endswith(mark) and _is_unit(word[: -len(mark)]):
            return word[: -len(mark)]
    return word


def _is_photo_role(role):
    return (
        role in COMBO_ROLES
        or role in PHOTO_MARKS
        or role.startswith("图")
        or any(word in role for word in ("摄影", "图片", "照片"))  # 本版图片：张三
    )
