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

import re
from dataclasses import dataclass, field

PHOTO_MARK = "摄"


@dataclass(frozen=True)
class CreditEntry:
    """One person as printed in a credit line."""

    name: str
    role_label: str = ""  # as printed before the slash, e.g. 全媒体记者; empty for none
    unit: str = ""  # as printed before the role, e.g. 株洲日报
    photo: bool = False


@dataclass
class _Group:
    unit: str
    role_label: str
    names: list[str] = field(default_factory=list)


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

    A photo story with no text byline is credited by its photo credits.
    """
    bylines = list(bylines)
    text = [byline for byline in bylines if byline.photo_id is None]
    return text if text or not photo_article else bylines


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


# Parsing --------------------------------------------------------------------
#
# The role words a credit line may print (data, in Chinese).  Longer words come
# first so that 全媒体记者 is not read as 记者.  文/图 and 图/文 credit a
# writer who also took the pictures.  ``parse_credits`` takes another list
# through ``roles`` (the importer passes the roles stored in the database).

ROLE_WORDS = (
    "特约通讯员",
    "全媒体记者",
    "融媒体记者",
    "见习记者",
    "通讯员",
    "实习生",
    "记者",
    "摄影",
)
PHOTO_ROLE_WORDS = ("文/图", "图/文")
# A printed unit ends like a newspaper, agency or station; 讯 marks a dateline (株洲日报讯).
UNIT_ENDINGS = ("报", "社", "台", "网", "中心", "站", "讯")
DATELINE_MARK = "讯"
NAME_SEPARATORS = re.compile(r"[\s、,，]+")
_PLAUSIBLE_NAME = re.compile(r"^[\u3400-\u9fff·•]{2,6}$")
_OPEN = "(（"
_CLOSE = ")）"


@dataclass(frozen=True)
class Credit:
    """One role group of a credit line: ``株洲日报全媒体记者/杨如`` → unit, role, names."""

    unit: str
    role: str
    names: tuple[str, ...]
    photo: bool = False


def _error(message, text):
    from articles.print_labels import LayoutError

    return LayoutError(message, text=text)


def is_plausible_name(token):
    """A printed Chinese personal name: two to six Han characters (with · for some)."""
    return bool(_PLAUSIBLE_NAME.match(token))


def parse_credits(text, roles=None):
    """Parse a printed credit line into ``Credit`` groups, one per role in printed order.

    Handles ``株洲日报全媒体记者/谭昕吾 通讯员/陈照``, the bracketed lead form
    ``株洲日报(全媒体记者/杨如通讯员/赵媛)`` (with or without spaces, slashes or
    讯), ``本报记者 张三 王五``, photo credits ending in 摄 (also written right
    after a name) and ``文/图 张三``.  Names are separated by spaces or 、.
    A line naming nobody (an agency dateline) gives ``[]``.  Raises
    ``LayoutError`` for a role with no name or an unknown role word.
    """
    from django.utils.translation import gettext as _

    original = text
    text = " ".join((text or "").split())
    if not text:
        return []
    photo = False
    if text.endswith(PHOTO_MARK):
        photo = True
        text = text[: -len(PHOTO_MARK)].strip()
    unit = ""
    if text and text[-1] in _CLOSE and any(c in text for c in _OPEN):
        opening = min(text.index(c) for c in _OPEN if c in text)
        unit, text = text[:opening].strip(), text[opening + 1 : -1].strip()
        unit = unit.removesuffix(DATELINE_MARK)
    words = sorted({*(roles or ROLE_WORDS)}, key=len, reverse=True)
    alternatives = "|".join(re.escape(word) for word in (*PHOTO_ROLE_WORDS, *words))
    markers = list(re.finditer(f"(?:{alternatives})(?:\\s*[/:：]\\s*|\\s+)", text))
    if not markers:
        if "/" in text:
            raise _error(_("Unknown role word in the credit line"), original.strip())
        names = tuple(NAME_SEPARATORS.split(text))
        if unit or not all(is_plausible_name(name) for name in names):
            return []
        return [Credit("", "", names, photo)]
    lead = text[: markers[0].start()].strip()
    if lead:
        if unit or "/" in lead or not lead.endswith(UNIT_ENDINGS):
            raise _error(_("Unknown role word in the credit line"), lead)
        unit = lead.removesuffix(DATELINE_MARK)
    credits = []
    # 文/图 before a role (文/图 本报记者 陈晨) says that person also took the pictures.
    qualifier_unit, qualifier_photo = "", False
    for number, marker in enumerate(markers):
        end = markers[number + 1].start() if number + 1 < len(markers) else len(text)
        role = marker.group(0).strip().rstrip("/:：").strip()
        chunk = text[marker.end() : end].strip()
        if (
            role in PHOTO_ROLE_WORDS
            and number + 1 < len(markers)
            and (not chunk or (chunk.endswith(UNIT_ENDINGS) and " " not in chunk))
        ):
            qualifier_unit, qualifier_photo = chunk.removesuffix(DATELINE_MARK), True
            continue
        if "/" in chunk:
            unknown = chunk.split("/")[0].split()[-1] if chunk.split("/")[0].split() else chunk
            raise _error(_("Unknown role word in the credit line"), unknown)
        names = tuple(name for name in NAME_SEPARATORS.split(chunk) if name)
        if names and names[-1].endswith(PHOTO_MARK) and len(names[-1]) > 2:
            names = (*names[:-1], names[-1][: -len(PHOTO_MARK)])
            photo = True
        if not names:
            raise _error(_("A credit names a role but no person"), original.strip())
        is_photo_role = role in PHOTO_ROLE_WORDS or qualifier_photo
        credit_unit = qualifier_unit or (unit if not credits else "")
        credits.append(Credit(credit_unit, role, names, is_photo_role))
        qualifier_unit, qualifier_photo = "", False
    if photo:
        credits = [Credit(c.unit, c.role, c.names, True) for c in credits]
    return credits
