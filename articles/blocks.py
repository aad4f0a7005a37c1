"""Story bodies as ordered blocks, and the plain-text form editors type.

A body is stored as a list of ``{"type": "paragraph" | "intertitle" | "verse", "text": str}``.
Editors edit it as text: blocks separated by a blank line, an intertitle begins
with ``## `` (a two-line intertitle keeps its line break), and every line of a
stanza of verse with ``| `` (a poem is printed a line a line, never run together
as prose).  Request-free.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

PARAGRAPH = "paragraph"
INTERTITLE = "intertitle"
VERSE = "verse"
BLOCK_TYPES = (PARAGRAPH, INTERTITLE, VERSE)
INTERTITLE_MARK = "## "
VERSE_MARK = "| "

_BLANK_LINES = re.compile(r"\n\s*\n")
_WHITESPACE = re.compile(r"\s+")


def text_to_blocks(text):
    """Parse the editors' text form into blocks; empty input gives no blocks."""
    blocks = []
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    for chunk in _BLANK_LINES.split(text):
        lines = [line.strip() for line in chunk.strip().split("\n") if line.strip()]
        if not lines:
            continue
        if lines[0].startswith(INTERTITLE_MARK.strip()):
            lines[0] = lines[0].lstrip("#").strip()
            blocks.append({"type": INTERTITLE, "text": "\n".join(line for line in lines if line)})
        elif all(line.startswith(VERSE_MARK.strip()) for line in lines):
            verse = [line[1:].strip() for line in lines]
            blocks.append({"type": VERSE, "text": "\n".join(line for line in verse if line)})
        else:
            # A paragraph is one run of text: lines broken by the page are joined without a space.
            blocks.append({"type": PARAGRAPH, "text": "".join(lines)})
    return [block for block in blocks if block["text"]]


def blocks_to_text(blocks):
    """The editors' text form of ``blocks`` (inverse of ``text_to_blocks``)."""
    chunks = []
    for block in blocks or []:
        if block["type"] == INTERTITLE:
            chunks.append(INTERTITLE_MARK + block["text"])
        elif block["type"] == VERSE:
            chunks.append("\n".join(VERSE_MARK + line for line in block["text"].split("\n")))
        else:
            chunks.append(block["text"])
    return "\n\n".join(chunks)


def validate_blocks(blocks):
    """Raise ValidationError unless ``blocks`` is a list of well-formed blocks."""
    if not isinstance(blocks, list):
        raise ValidationError(_("The body must be a list of blocks."))
    for number, block in enumerate(blocks, start=1):
        if not isinstance(block, dict) or set(block) != {"type", "text"}:
            raise ValidationError(
                _("Block %(number)s must have exactly a type and a text."),
                params={"number": number},
            )
        if block["type"] not in BLOCK_TYPES:
            raise ValidationError(
                _("Block %(number)s has the unknown type “%(type)s”."),
                params={"number": number, "type": block["type"]},
            )
        if not isinstance(block["text"], str) or not block["text"].strip():
            raise ValidationError(_("Block %(number)s is empty."), params={"number": number})


def count_characters(*texts):
    """字数: characters excluding whitespace, as Chinese newsrooms count copy."""
    return sum(len(_WHITESPACE.sub("", text or "")) for text in texts)


def running_text(block):
    """A text block's words as one run (a stanza's lines set apart by a full-width space,
    as a poem is quoted in running text), or None for an intertitle."""
    if block["type"] == PARAGRAPH:
        return block["text"]
    if block["type"] == VERSE:
        return "\u3000".join(block["text"].split("\n"))
    return None


def plain_text(blocks):
    """All text of ``blocks``, one block per line (for search and summaries)."""
    return "\n".join(block["text"] for block in blocks or [])
