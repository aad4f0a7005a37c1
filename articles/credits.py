"""Credit lines in the paper's printed convention: the one home of the rule.

A credit line lists people grouped by role, the unit printed once before the
first role it covers: ``株洲日报全媒体记者/何春林 通讯员/王付银 王忠祥``; a photo
credit ends in 摄: ``记者/刘震 摄``.  Which bylines credit a story (its text
bylines; a photo story without any is credited by its photo credits) is decided
here too, so the story page, its linked credit line, the JSON-LD authors, feeds
and exports cannot drift apart.  This module is request-free and imports no
model: it reads bylines by their attributes (``person.name``, ``role.print_label``,
``role.is_photo``, ``unit``, ``photo_id``), so templates, models, exports and the
importer share one convention.
"""

from dataclasses import dataclass

from articles.credit_lines import (  # noqa: F401 (re-exported)
    PHOTO_MARK,
    Credit,
    Lead,
    is_plausible_name,
    parse_credits,
    read_credit_line,
    split_lead,
    split_photo_credit,
)


@dataclass(frozen=True)
class CreditEntry:
    """One person as printed in a credit line."""

    name: str
    role_label: str = ""  # as printed before the slash, e.g. 全媒体记者; empty for none
    unit: str = ""  # as printed before the role, e.g. 株洲日报
    photo: bool = False


def format_credits(entries):
    """Render ``CreditEntry`` items, in order, as one printed credit line.

    Consecutive people with the same unit and role share one role label; the
    unit is printed only where it changes; names are separated by spaces.  The
    line ends in 摄 when any entry is a photo credit.
    """
    return "".join(text for text, _index in credit_segments(entries))


def credit_segments(entries):
    """The credit line of ``format_credits`` as ``(text, index)`` pieces, in order.

    ``index`` is the position in ``entries`` of the person a piece names, and
    None for labels and separators, so a page can link each name while printing
    the line exactly as ``format_credits`` does.
    """
    entries = list(entries)
    groups: list[tuple[str, str, list[int]]] = []
    for index, entry in enumerate(entries):
        if groups and groups[-1][:2] == (entry.unit, entry.role_label):
            groups[-1][2].append(index)
        else:
            groups.append((entry.unit, entry.role_label, [index]))
    segments = []
    previous_unit = ""
    for unit, role_label, indexes in groups:
        prefix = unit if unit and unit != previous_unit else ""
        previous_unit = unit or previous_unit
        label = f"{role_label}/" if role_label else ""
        if segments:
            segments.append((" ", None))
        if prefix or label:
            segments.append((f"{prefix}{label}", None))
        for position, index in enumerate(indexes):
            if position:
                segments.append((" ", None))
            segments.append((entries[index].name, index))
    if segments and any(entry.photo for entry in entries):
        segments.append((f" {PHOTO_MARK}", None))
    return segments


def format_lead_credits(entries):
    """The bracketed lead form, the unit outside the brackets: ``株洲日报（全媒体记者/何春林）``.

    Page text opens a story's first paragraph with it; ``parse_credits`` reads it back.
    """
    entries = list(entries)
    unit = entries[0].unit if entries else ""
    inside = [
        CreditEntry(e.name, e.role_label, "" if e.unit == unit else e.unit, e.photo)
        for e in entries
    ]
    return f"{unit}（{format_credits(inside)}）"


# Bylines ---------------------------------------------------------------------


def article_bylines(bylines, photo_article):
    """The bylines that credit a story, in order: its text bylines (those on no photo).

    A photo story with no text byline is credited by its photo credits, each person
    once in each role.
    """
    bylines = list(bylines)
    text = [byline for byline in bylines if byline.photo_id is None]
    if text or not photo_article:
        return text
    # A photographer credited on each picture of a group is named once.
    seen, once = set(), []
    for byline in bylines:
        key = (byline.person_id, byline.role_id, byline.unit)
        if key not in seen:
            seen.add(key)
            once.append(byline)
    return once


def byline_entry(byline, photo=False):
    """A byline as printed: a credit on a photo, or in a photo role, ends the line in 摄."""
    return CreditEntry(
        byline.person.name,
        byline.role.print_label,
        byline.unit,
        photo or byline.photo_id is not None or byline.role.is_photo,
    )


def byline_line(bylines, photo=False):
    """The printed credit line of ``bylines`` (``photo``: all of them are photo credits)."""
    return format_credits(byline_entry(byline, photo) for byline in bylines)


def byline_segments(bylines, photo=False):
    """``byline_line`` as ``(text, byline)`` pieces, ``byline`` None for labels and separators.

    A page links each name to its person while printing exactly ``byline_line``.
    """
    bylines = list(bylines)
    return [
        (text, None if index is None else bylines[index])
        for text, index in credit_segments(byline_entry(b, photo) for b in bylines)
    ]


# Parsing lives in articles.credit_lines; it is re-exported here for the code that
# reads credit lines from this module.
