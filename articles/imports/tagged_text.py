"""A layout system's tagged text export (``@主题=…``, ``@正文=…``) read as plain page text.

Some layout systems export a page as its text styles, one paragraph per line, each
opening with the style's name: ``@引题=``, ``@主题=``, ``@作者=``, ``@正文=``,
``@小标题=``, ``@图说=``, ``@版头=``, ``@页码=``.  Lines with no tag go on the tagged
line above them (a title broken in two, the paragraphs of a 正文).  The style names are
the paper's own, so they are read by the words in them (…题, 作者, 正文, 栏目…), and a
style this module does not know keeps its text as plain text, for the page parser.

``untag`` turns such a text into the plain lines the page parser reads (line for line,
so that line numbers still point into the file): title styles become ``#`` headings
that open a story, 小标题 an intertitle heading, furniture the line the page parser
knows as furniture, and adverts and teasers lines of no story.
"""

import re
from typing import NamedTuple

# A tagged line: @ and a style name of up to eight characters, then = (spaces allowed).
_TAG = re.compile(r"^@\s*(?P<name>[^\s=@]{1,8})\s*=\s*(?P<value>.*)$")
MIN_TAGGED_LINES = 5
MIN_TAGGED_SHARE = 0.3  # of the non-blank lines

# Style names, by the words in them; the first group a name falls in names it.
_SKIPPED = {"广告": "other", "导读": "teaser", "预告": "teaser"}
_KICKER = ("引题", "肩题", "眉题")
_SUBTITLE = ("副题", "子题", "副标题")
_INTERTITLE = ("小标题", "小题", "中题", "插题")
_LABEL = ("栏目", "栏题", "专栏", "框标题", "组题", "框题")
_TITLE_END = ("题", "标题")


def _kind(name):
    """What a style is: skip, kicker, title, subtitle, intertitle, label or text."""
    for word, reason in _SKIPPED.items():
        if word in name:
            return "skip", reason
    if name.endswith(_KICKER):
        return "kicker", ""
    if name.endswith(_SUBTITLE):
        return "subtitle", ""
    if name.endswith(_INTERTITLE):
        return "intertitle", ""
    if name.endswith(_LABEL):
        return "label", ""
    if name.endswith(_TITLE_END):
        return "title", ""
    return "text", ""


def is_tagged(lines):
    """A text most of whose lines open with a style tag."""
    filled = [line for line in lines if line.strip()]
    tagged = sum(1 for line in filled if _TAG.match(line.strip()))
    return tagged >= MIN_TAGGED_LINES and tagged >= MIN_TAGGED_SHARE * len(filled)


def untag(lines):
    """``Untagged`` lines of a tagged export: the plain lines, {line number: skip reason},
    the numbers of the title lines that open a story and of every tagged line (each
    starts a block of its own: 作者 and 正文 are apart though no blank line parts them).
    Any other text comes back as it is."""
    if not is_tagged(lines):
        return Untagged(lines, {}, set(), set())
    plain, skipped, opening = list(lines), {}, set()
    tagged = {n for n, line in enumerate(lines, start=1) if _TAG.match(line.strip())}
    heading = None  # (index, kind) of the title line that untagged lines still go on
    for index, raw in enumerate(lines):
        match = _TAG.match(raw.strip())
        if match is None:
            if heading is not None and raw.strip():
                # 以县域经济高质量发展 / 夯实共同富裕根基: a title broken over two lines.
                start = heading
                plain[start] = plain[start] + raw.strip()
                plain[index] = ""
            elif heading is None and index in skipped and raw.strip():
                skipped[index + 1] = skipped[index]  # an advert's second line
            continue
        kind, reason = _kind(match["name"])
        value = match["value"].strip()
        heading = None
        if kind == "skip":
            plain[index] = value
            skipped[index + 1] = reason
        elif kind in ("kicker", "title", "subtitle") and value:
            level = "#" if kind == "title" else "##"
            plain[index] = f"{level} {value}"
            opening.add(index + 1)
            heading = index
        elif kind == "intertitle" and value:
            plain[index] = f"### {value}"
            heading = index
        elif kind == "label" and value:
            plain[index] = f"【{value}】"
        else:
            plain[index] = match["value"]  # 正文, 作者, 版头…: the line as printed
    return Untagged(plain, skipped, opening, tagged)


class Untagged(NamedTuple):
    lines: list
    skipped: dict  # line number → skip reason (an advert, a teaser)
    opening: set  # numbers of the title lines that open a story
    starts: set  # numbers of the lines that start a block
