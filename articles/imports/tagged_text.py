"""A layout system's tagged text export (``@主题=…``, ``〖正文〗…``) read as plain page text.

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

# A tagged line: @ and a style name of up to eight characters, then = (spaces allowed),
# or the name in 〖〗 or <> before the text (〖主题〗…, <正文>…).
_TAG = re.compile(
    r"^(?:@\s*(?P<name>[^\s=@]{1,8})\s*=|〖(?P<bracketed>[^〖〗\s]{1,8})〗|<(?P<angled>[\u4e00-\u9fff]{1,8})>)"
    r"\s*(?P<value>.*)$"
)
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


def _is_brief_text(name):
    return any(word in name for word in _BRIEF_WORDS)


_BRIEF_WORDS = ("简讯", "快讯", "简报", "短讯", "消息")


def is_tagged(lines):
    """A text most of whose lines open with a style tag."""
    return _is_tagged(lines, [_TAG.match(line.strip()) for line in lines])


def _is_tagged(lines, matches):
    filled = sum(1 for line in lines if line.strip())
    tagged = sum(1 for match in matches if match)
    return tagged >= MIN_TAGGED_LINES and tagged >= MIN_TAGGED_SHARE * filled


def _style(match):
    return match and (match["name"] or match["bracketed"] or match["angled"])


def untag(lines):
    """``Untagged`` lines of a tagged export: the plain lines, {line number: skip reason},
    the numbers of the title lines that open a story and of every tagged line (each
    starts a block of its own: 作者 and 正文 are apart though no blank line parts them).
    Any other text comes back as it is."""
    matches = [_TAG.match(line.strip()) for line in lines]  # each line read once
    if not _is_tagged(lines, matches):
        return Untagged(lines, {}, set(), set())
    plain, skipped, opening = list(lines), {}, set()
    tagged = {n for n, match in enumerate(matches, start=1) if match}
    heading = heading_kind = None  # the title line untagged lines still go on, and its kind
    brief_text = False  # the last tagged line was a brief's text
    for index, (raw, match) in enumerate(zip(lines, matches, strict=True)):
        if match is None:
            if heading is not None and raw.strip():
                # 以县域经济高质量发展 / 夯实共同富裕根基: a title broken over two lines.
                start = heading
                plain[start] = plain[start] + raw.strip()
                plain[index] = ""
            elif heading is None and index in skipped and raw.strip():
                skipped[index + 1] = skipped[index]  # an advert's second line
            continue
        name = _style(match)
        kind, reason = _kind(name)
        previous_brief_text, brief_text = brief_text, kind == "text" and _is_brief_text(name)
        value = match["value"].strip()
        if heading is not None and kind == heading_kind and kind == "title" and value:
            # 〖主题〗县委常委会召开会议研究… / 〖主题〗和重点项目推进工作: one title, two lines.
            plain[heading] = plain[heading] + value
            plain[index] = ""
            continue
        heading = heading_kind = None
        if kind == "skip":
            plain[index] = value
            skipped[index + 1] = reason
        elif kind in ("kicker", "title", "subtitle") and value:
            level = "#" if kind == "title" else "##"
            plain[index] = f"{level} {value}"
            opening.add(index + 1)
            heading, heading_kind = index, kind
        elif kind == "intertitle" and value:
            plain[index] = f"### {value}"
            heading, heading_kind = index, kind
        elif kind == "label" and value:
            plain[index] = f"【{value}】"
        elif _is_brief_text(name) and previous_brief_text:
            # 〖简讯正文〗… twice with no 〖简讯标题〗 between: the second is a brief of its own,
            # printed with no title (each brief is one paragraph of the style).
            plain[index] = "●" + value
        else:
            plain[index] = match["value"]  # 正文, 作者, 版头…: the line as printed
        if kind in ("kicker", "title", "subtitle", "intertitle") and not value:
            plain[index] = ""
    _page_label_and_name(matches, plain)
    return Untagged(plain, skipped, opening, tagged)


def _page_label_and_name(matches, plain):
    """〖版号〗02 / 〖版名〗时政: one line, 02　时政, as a running head's second line prints
    them, so the page is named and its name is no story's column."""
    found = {}
    for index, match in enumerate(matches):
        name = _style(match)
        if name in ("版号", "版次") and "label" not in found:
            found["label"] = index
        elif name == "版名" and "name" not in found:
            found["name"] = index
    if len(found) == 2 and abs(found["label"] - found["name"]) == 1:
        label, name = plain[found["label"]].strip(), plain[found["name"]].strip()
        if label and name and " " not in label + name and "\u3000" not in label + name:
            first = min(found.values())
            plain[first], plain[first + 1] = f"{label}\u3000{name}", ""


class Untagged(NamedTuple):
    lines: list
    skipped: dict  # line number → skip reason (an advert, a teaser)
    opening: set  # numbers of the title lines that open a story
    starts: set  # numbers of the lines that start a block
