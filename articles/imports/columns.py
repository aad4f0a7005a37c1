"""Two columns printed side by side on each line (``pdftotext -layout``), read apart.

A PDF dumped with its layout kept prints a page's columns next to each other: every line
holds the left column's text, a run of spaces, and the right column's text, so read line by
line two stories run into one.  Where most text lines split so at one place, the page is
read as columns: between lines that run across both columns (a title set over the page, a
running head), the left column's lines come first, then the right column's.  Positions are
measured in characters or in display width, whichever the columns line up in.

``split_columns(lines)`` gives the lines in reading order and, for each, the number of the
line of the file it came from, so that what the importer reports still names the file's
lines.
"""

import re
import unicodedata
from dataclasses import dataclass

# A gap between columns: three spaces or more (or two full-width ones) between text.
_GAP = re.compile(r"(?<=\S)(?: {3,}|\u3000{2,}|[ \u3000]{4,})(?=\S)")
MIN_SPLIT_LINES = 6
MIN_SPLIT_SHARE = 0.3
# How far from the page's column edge a right column's text may start (the dump shifts it
# by a character or two where a line holds wide letters).
EDGE_SLACK = 6


@dataclass
class Columns:
    lines: list[str]
    numbers: list[int]  # the file's line number (1-based) of each line


def _display(text):
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _right_start(line, width):
    """Where the text after the line's widest gap starts (measured by ``width``), and the
    gap's span, or None."""
    best = None
    for gap in _GAP.finditer(line):
        if best is None or gap.end() - gap.start() > best.end() - best.start():
            best = gap
    return None if best is None else (width(line[: best.end()]), best.start(), best.end())


def _edge(lines, width):
    """Where the right column starts, or None for a page of one column."""
    starts = []
    text_lines = 0
    for line in lines:
        if not line.strip():
            continue
        text_lines += 1
        found = _right_start(line.rstrip(), width)
        if found is not None and found[0] >= 16:
            starts.append(found[0])
    if len(starts) < MIN_SPLIT_LINES or len(starts) < MIN_SPLIT_SHARE * text_lines:
        return None
    starts.sort()
    middle = starts[len(starts) // 2]
    near = [start for start in starts if abs(start - middle) <= EDGE_SLACK]
    if len(near) < MIN_SPLIT_SHARE * len(starts) * 2 or len(near) < MIN_SPLIT_LINES:
        return None
    return min(near)


def _measure(lines):
    """How the dump aligned its columns: by characters (each one cell, as pdftotext sets
    them) or by display width; the one under which the right column's starts agree."""
    spreads = []
    for measure in (len, _display):
        starts = sorted(
            found[0]
            for line in lines
            if line.strip() and (found := _right_start(line.rstrip(), measure)) is not None
        )
        if len(starts) < MIN_SPLIT_LINES:
            spreads.append((0, measure))
            continue
        middle = starts[len(starts) // 2]
        spreads.append((sum(1 for start in starts if abs(start - middle) <= EDGE_SLACK), measure))
    return max(spreads, key=lambda pair: pair[0])[1]


def split_columns(lines):
    """``lines`` in reading order with their file line numbers (see the module's note)."""
    # Most pages have no line split by a gap: one search a line finds that out.
    gapped = sum(1 for line in lines if _GAP.search(line.strip()))
    filled = sum(1 for line in lines if line.strip())
    if gapped < MIN_SPLIT_LINES or gapped < MIN_SPLIT_SHARE * filled:
        return Columns(list(lines), list(range(1, len(lines) + 1)))
    width = _measure(lines)
    edge = _edge(lines, width)
    if edge is None:
        return Columns(list(lines), list(range(1, len(lines) + 1)))
    out, numbers = [], []
    left, right = [], []

    def flush():
        for text, number in (*left, *right):
            out.append(text)
            numbers.append(number)
        left.clear()
        right.clear()

    for number, line in enumerate(lines, start=1):
        stripped = line.rstrip()
        if not stripped.strip():
            left.append(("", number))
            right.append(("", number))
            continue
        found = _right_start(stripped, width)
        indent = width(stripped) - width(stripped.lstrip())
        if found is not None and found[0] >= edge - EDGE_SLACK and indent < edge - EDGE_SLACK:
            # The left column's text, the gap, the right column's text.
            left.append((stripped[: found[1]].strip(), number))
            right.append((stripped[found[2] :].strip(), number))
        elif indent >= edge - EDGE_SLACK:
            # The right column's alone: the left has a gap there (around a title set
            # larger, between paragraphs), a blank line in its text.
            right.append((stripped.strip(), number))
            left.append(("", number))
        elif width(stripped) <= edge:
            left.append((stripped.strip(), number))  # the left column's alone
            right.append(("", number))
        else:
            # Across both columns (a title over the page, a running head): what is above
            # it is read first, column by column.
            flush()
            out.append(stripped.strip())
            numbers.append(number)
    flush()
    return Columns(out, numbers)
