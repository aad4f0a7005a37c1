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
    groups: list[_Group] = []
    for entry in entries:
        if groups and (groups[-1].unit, groups[-1].role_label) == (entry.unit, entry.role_label):
            groups[-1].names.append(entry.name)
        else:
            groups.append(_Group(entry.unit, entry.role_label, [entry.name]))
    parts = []
    previous_unit = ""
    for group in groups:
        prefix = group.unit if group.unit and group.unit != previous_unit else ""
        previous_unit = group.unit or previous_unit
        label = f"{group.role_label}/" if group.role_label else ""
        parts.append(f"{prefix}{label}{' '.join(group.names)}")
    line = " ".join(parts)
    if line and any(entry.photo for entry in entries):
        line = f"{line} {PHOTO_MARK}"
    return line
