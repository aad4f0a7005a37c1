"""Chinese typography for text that arrives with half-width punctuation.

Page text converted from PDF often carries ASCII commas, colons and brackets
where the paper printed full-width ones.  Request-free.
"""

import re

_CJK = r"\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef“”‘’"
_HAS_CJK = re.compile(f"[{_CJK}]")
_SIMPLE = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！"}
# A half-width mark between two digits belongs to a number or a time (10,000; 22:00).
_MARK = re.compile(r"(?<!\d)[,:;?!]|[,:;?!](?!\d)")
_PARENS = re.compile(r"\(([^()]*)\)")


def to_fullwidth_punctuation(text):
    """Replace half-width punctuation in Chinese text with the full-width forms.

    Text with no Chinese in it is returned unchanged; marks inside numbers are kept;
    brackets become full-width when what they enclose or touch is Chinese.
    """
    if not text or not _HAS_CJK.search(text):
        return text
    text = _MARK.sub(lambda m: _SIMPLE[m.group(0)], text)

    def bracket(match):
        return f"（{match.group(1)}）" if _HAS_CJK.search(match.group(0)) else match.group(0)

    return _PARENS.sub(bracket, text)


def in_print_parentheses(note):
    """A note as the paper prints it at the foot of a story: in full-width parentheses
    (（作者系…）), once, however it was stored."""
    note = (note or "").strip()
    if not note or (note.startswith("（") and note.endswith("）")):
        return note
    return f"（{note}）"
