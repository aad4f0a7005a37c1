"""Character-level differences between two versions of a story's text.

Chinese has no spaces between words, so a diff by words or lines is useless to
an editor: it compares 字 by 字.  Request-free; returns escaped HTML.
"""

from difflib import SequenceMatcher

from django.utils.html import escape
from django.utils.safestring import mark_safe

from articles.blocks import blocks_to_text

# In the order they print: the column label over the title block, the editor's note
# before the text and the author's note after it.
TEXT_FIELDS = (
    "column",
    "kicker",
    "headline",
    "subheadline",
    "dateline",
    "editor_note",
    "body",
    "author_note",
)


def article_text(fields):
    """The text of a story (a dict of field values, as a version stores them), field by field."""
    text = {}
    for name in TEXT_FIELDS:
        value = fields.get(name) or ""
        text[name] = blocks_to_text(value) if name == "body" else str(value)
    return text


def char_opcodes(old, new):
    """(operation, text) pairs turning ``old`` into ``new``: equal, delete or insert."""
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    result = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            result.append(("equal", old[i1:i2]))
        else:
            if i2 > i1:
                result.append(("delete", old[i1:i2]))
            if j2 > j1:
                result.append(("insert", new[j1:j2]))
    return result


def diff_html(old, new):
    """``old`` → ``new`` as HTML: removed characters in <del>, added ones in <ins>."""
    parts = []
    for operation, text in char_opcodes(old, new):
        text = escape(text).replace("\n", "<br>")
        if operation == "equal":
            parts.append(text)
        elif operation == "delete":
            parts.append(f"<del>{text}</del>")
        else:
            parts.append(f"<ins>{text}</ins>")
    return mark_safe("".join(parts))  # every piece above is escaped


def article_diff(old_fields, new_fields):
    """Per text field that differs: (field name, diff HTML)."""
    old, new = article_text(old_fields), article_text(new_fields)
    return [
        (name, diff_html(old[name], new[name])) for name in TEXT_FIELDS if old[name] != new[name]
    ]
