"""A page as text in the seed's own form, which ``page_text`` reads back.

The column label in 【】 above the title; headings for district labels, kickers and
headlines; a multi-line block for a subheadline and for commentary and photo-story
headlines; the 编者按 under the title and the author's note in （） after the text;
the credit line in its bracketed lead form with the dateline; captions followed by
their credit;
intertitles as headings (or hard-broken blocks when they have two lines); the
相关链接 roster box last.  Request-free; takes the dict of ``export_data``.

Editors type plain text: the site escapes whatever they type, and a ``<b>`` or a
pasted ``<script>`` is no markup of ours.  The export carries text as plain text
(tags removed), with the characters that Markdown, or ``page_text`` reading the
file back, would take for markup escaped with a backslash (``page_text`` undoes
the escapes).
"""

import re

from django.utils.html import strip_tags

from articles.credits import CreditEntry, format_lead_credits
from articles.print_labels import DISTRICT_PAGE_SECTION, ROSTER_HEADING

HARD_BREAK = "  \n"
# Emphasis, code, links, raw HTML and headings, and the backslash itself, so that a
# backslash typed before one of them is not read as an escape.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#])")


def plain(text):
    """Editors' text as Markdown text: no tags, Markdown's special characters escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", strip_tags(text))


def _lead_credit(bylines):
    """株洲日报（全媒体记者/何春林 通讯员/王付银 王忠祥）: the unit outside the brackets."""
    return format_lead_credits(
        CreditEntry(b["person"]["name"], b["role_label"], b["unit"]) for b in bylines
    )


def _district_label(article):
    section = article["section"]
    if not section or section["kind"] != "district":
        return ""
    parent = section["parent"]
    if parent and parent["kind"] == "district":
        return parent["name"] + section["name"]
    return section["name"]


def _split_in_two(text):
    """A one-line text as two lines (a block must have two to be read as a block)."""
    if " " in text:
        first, _space, rest = text.partition(" ")
        return [first, rest]
    middle = max(1, len(text) // 2)
    return [text[:middle], text[middle:]]


def _photo_line(photo):
    return f"{plain(photo['caption'])}{photo['credit']}" if photo["caption"] else photo["credit"]


def _body(blocks, lead=""):
    chunks = []
    for number, block in enumerate(blocks):
        if block["type"] == "intertitle":
            lines = [plain(line) for line in block["text"].split("\n")]
            chunks.append(f"## {lines[0]}" if len(lines) == 1 else HARD_BREAK.join(lines))
        elif block["type"] == "verse":
            # A stanza keeps its lines: each ends in a hard break, as Markdown prints poems.
            chunks.append(HARD_BREAK.join(plain(line) for line in block["text"].split("\n")))
        elif number == 0 and lead:
            chunks.append(lead + plain(block["text"]))
            lead = ""
        else:
            chunks.append(plain(block["text"]))
    if lead:
        chunks.insert(0, lead)
    return chunks


def _editor_note(article):
    """The 编者按 as the paper prints it: its label opening the first paragraph."""
    return [
        ("编者按：" if number == 0 else "") + plain(paragraph)
        for number, paragraph in enumerate(article["editor_note"])
    ]


def _author_note(article):
    return [plain(article["author_note"])] if article["author_note"] else []


def _news(article):
    chunks = [f"【{plain(article['column'])}】"] if article["column"] else []
    district = _district_label(article)
    if district:
        chunks.append(f"## {district}")
    if article["kicker"]:
        chunks.append(f"## {plain(article['kicker'])}")
    chunks.append(f"## {plain(article['headline'])}")
    if article["subheadline"]:
        chunks.append(HARD_BREAK.join(_split_in_two(plain(article["subheadline"]))))
    chunks.extend(_editor_note(article))
    captioned = all(photo["caption"] for photo in article["photos"])
    if captioned:
        chunks.extend(_photo_line(photo) for photo in article["photos"])
    lead = _lead_credit(article["bylines"]) if article["bylines"] else ""
    if lead and article["dateline"]:
        lead += f" {article['dateline']}，"
    chunks.extend(_body(article["body"], lead))
    chunks.extend(_author_note(article))
    if not captioned:
        chunks.extend(_photo_line(photo) for photo in article["photos"])
    return chunks


def _commentary(article):
    headline = plain(article["headline"])
    head = headline.split(" ")
    chunks = [HARD_BREAK.join(head) if len(head) > 1 else f"## {headline}"]
    chunks.append(" ".join(b["person"]["name"] for b in article["bylines"]))
    chunks.extend(_body(article["body"]))
    chunks.extend(_author_note(article))
    return chunks


def _photo_article(article):
    chunks = [HARD_BREAK.join(_split_in_two(plain(article["headline"])))]
    chunks.extend(_body(article["body"]))
    chunks.extend(photo["credit"] for photo in article["photos"])
    return chunks


def _rosters(articles):
    rosters = [roster for article in articles for roster in article["rosters"]]
    if not rosters:
        return []
    chunks = [f"## {ROSTER_HEADING}"]
    for roster in rosters:
        chunks.append(f"## {plain(roster['title'])}（{roster['stated_count']}名）")
        chunks.append("、".join(roster["names"]))
    return chunks


def page_markdown(data):
    """The page text of one ``export_data`` page dict."""
    page = data["page"]
    chunks = []
    staff = []
    for field, word in (
        ("chief_editor", "责任编辑"),
        ("art_editor", "美术编辑"),
        ("proofreader", "校对"),
    ):
        if page["staff"][field]:
            staff.append(f"{word}：{page['staff'][field]['name']}")
    if page["name"] and (staff or page["name"] != DISTRICT_PAGE_SECTION):
        chunks.append(f"## {page['name']}")
        chunks.append(" ".join(staff) or "责任编辑：")
    for article in data["stories"]:
        if article["kind"] == "commentary":
            chunks.extend(_commentary(article))
        elif article["kind"] == "photo":
            chunks.extend(_photo_article(article))
        else:
            chunks.extend(_news(article))
    chunks.extend(_rosters(data["stories"]))
    return "\n\n".join(chunks) + "\n"


def edition_markdown(pages):
    """Several pages as one text, in order (``import_page`` reads it with one --page each)."""
    return "\n".join(page_markdown(data) for data in pages)
