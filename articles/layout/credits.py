"""Credit lines in the paper's printed convention.

A credit line lists people grouped by role, the unit printed once before the
first role it covers: ``株洲日报全媒体记者/何春林 通讯员/王付银 王忠祥``; a photo
credit ends in 摄: ``记者/刘震 摄``.  This module is request-free and works on
plain data so that templates, exports and the importer share one convention.
"""

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
