"""Page text (as dumped from a page PDF) parsed into pages and stories.

The text may be Markdown-ish, like the seed (``## `` headings, hard line breaks
of two trailing spaces inside multi-line titles and intertitles, blank lines
between paragraphs), or plain lines as other papers' layout systems print them.
``parse_page_text`` is pure: it returns plain dataclasses and raises
``LayoutError`` (line number and text) on input it cannot read.

How the page's pieces are recognised:

* lines that belong to no story (running heads, mastheads, teasers, page
  numbers, e-paper page lists, copyright lines, rules) are skipped and listed
  on the page with the reason (``page_noise``); a running head opens a new page
  and names it, and its date and page are checked against the edition's;
* a staff line (责任编辑/责编, 美术编辑/美编, 版式, 校对, in any form) fills the
  page's staff; a heading followed by a staff line opens a new page;
* a title block — headings, a hard-broken block, or short plain lines that do
  not read as sentences — followed (after captioned photos or an 编者按) by a
  lead credit or dateline, or a credit line, is a story's head.  Its first line
  may be a column label (【…】, ■…) or a district label (株洲高新区, which gives
  the section); the parts are 引题/主题, 主题/副题 (a line opening with —— is the
  副题), a title broken over two lines is joined;
* a title block followed by a single bare name (``何春林``, ``■ 江某``) or a
  commentator's credit is a commentary, linked to the page's lead story;
* a title block followed by a few paragraphs and a standalone photo credit, or
  by captions ending in their photo credits, is a photo story;
* any other title inside a story is an intertitle; a plain short line is one
  when the paragraph before it ends a sentence;
* ``相关链接`` opens a box: ``1. 标题(15名)`` titles with names separated by 、
  are rosters of the page's lead story; prose goes into the story above;
* 编者按 paragraphs, author notes (（作者为…）) and jump lines (下转第2版) are kept
  out of the body; a tip credit (线索提供) at a story's end credits it;
* a brief label printed alone (简讯, 简　讯) over paragraphs with no titles makes
  a brief of each (● …, 本报讯…), titled by its first clause; a run of briefs ends
  at a story of several paragraphs, a picture or a commentary;
* a ▲ caption alone under a story's text is its picture's (▲ lines in a row are a
  list); a bold title opening a line (**标题** 本报讯…) is a heading over its text;
* in plain dumps with no blank lines, the width the text was wrapped at tells a title
  from text: a wrapped paragraph never opens with a short line, and a short line after a
  paragraph's end, over text, a lead or a credit, is the next title; a title may hold a
  comma where a byline, a lead or a 副题 under it shows it is one;
* a title broken over two lines is joined when the second line is a few characters
  pushed off the first, when a word runs across the break, or when jieba's
  part-of-speech tags read a subject over its predicate or a verb over its object;
* a title run into its text (【标题】11月12日，…, **标题** 本报讯…) is a heading over it;
* a closing credit in brackets, a bare name under the last paragraph, 文/X at an
  essay's foot and a letter's signature (市民 X, 读者 X) credit the story above;
* sentences under no title are listed as skipped and named in the page's problems;
* a paragraph that does not end a sentence is joined to the next one (the
  page broke it), and half-width punctuation becomes full-width.

Every step reads each line a bounded number of times: the parse is linear.

The work is split: ``page_items`` cuts the text into items, ``page_noise``
names the lines that belong to no story, ``page_credits`` asks
``articles.credit_lines`` about credits, ``page_heads`` reads title blocks,
``page_build`` walks the items into pages and stories (``parsed``).
"""

import re

from django.utils.translation import gettext as _

from articles.imports.page_build import build_pages
from articles.imports.page_heads import district_path, is_district
from articles.imports.page_items import read_items
from articles.imports.parsed import (
    SKIP_REASONS,
    Kind,
    ParsedArticle,
    ParsedPage,
    ParsedPhoto,
    ParsedRoster,
    SkippedLine,
)
from articles.print_labels import LayoutError


def parse_page_text(text, *, edition_date=None, page_names=None):
    """Parse page text into a list of ``ParsedPage``, in the order printed.

    ``edition_date`` and ``page_names`` (one per page, a page's name or label)
    are what the running heads are checked against; a mismatch is listed in
    the page's ``problems``.  Raises ``LayoutError`` for empty text, text of
    headings only and text that has no story.
    """
    if not text or not text.strip():
        raise LayoutError(_("The file is empty."))
    items = read_items(text.replace("\r\n", "\n").replace("\r", "\n"))
    if items and all(item.kind == "heading" for item in items):
        raise LayoutError(_("The file holds only headings, no story text."), items[0].line)
    pages = build_pages(items)
    if not pages:
        raise LayoutError(_("No story found: a story needs a headline and a credit line."))
    for number, page in enumerate(pages):
        expected = page_names[number] if page_names and number < len(page_names) else None
        _check_running_head(page, edition_date, expected)
    return pages


_LABEL_PARTS = re.compile(r"^(?:第)?([A-Z]{0,2})0*(\d{1,3})版?$")


def _label_key(label):
    match = _LABEL_PARTS.match((label or "").replace(" ", ""))
    return (match[1], int(match[2])) if match else None


def _check_running_head(page, edition_date, expected):
    head = page.running_head
    if not head:
        return
    if edition_date and head.get("date") and head["date"] != edition_date:
        page.problems.append(
            _("The running head is dated %(printed)s, but the edition is %(edition)s.")
            % {"printed": head["date"].isoformat(), "edition": edition_date.isoformat()}
        )
    if expected:
        name, label = head.get("name") or "", _label_key(head.get("label", ""))
        # Like with like: a page given by its label (7, A06) is checked against the
        # head's label, one given by its name against the head's name.
        printed = label if _label_key(expected) else name
        given = _label_key(expected) or expected
        if printed and given != printed and expected != name:
            page.problems.append(
                _("The running head names the page “%(printed)s”, but it is imported as %(given)s.")
                % {
                    "printed": " ".join(p for p in (head.get("label"), head.get("name")) if p),
                    "given": expected,
                }
            )


__all__ = [
    "SKIP_REASONS",
    "Kind",
    "ParsedArticle",
    "ParsedPage",
    "ParsedPhoto",
    "ParsedRoster",
    "SkippedLine",
    "district_path",
    "is_district",
    "parse_page_text",
]
