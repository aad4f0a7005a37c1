"""How page text meets the credit-line reader: which paragraphs and lines credit people.

``articles.credit_lines`` reads a credit line (every printed form); this module
asks it the questions the page parser has: does a paragraph open with a lead
credit or dateline, is a line a credit line, does a caption end in its photo
credit, is a short line a commentary's byline (``■ 江某``), is a credit a tip
credit (线索提供) or a commentator's.
"""

import re
from dataclasses import dataclass, field

from articles.credits import PHOTO_MARK, Credit, is_plausible_name, parse_credits
from articles.print_labels import LayoutError

try:
    from articles.credit_lines import read_credit_line, split_lead, split_photo_credit
except ImportError:  # pragma: no cover - until articles.credit_lines lands
    read_credit_line = split_lead = split_photo_credit = None

# Markers papers print before a commentator's name, and role words of commentary.
_MARKERS = "■□◆◇●○▲△▶►◎★☆※·•"
_BYLINE = re.compile(rf"^[{_MARKERS}\s]*(?:文\s*[/／]\s*)?([\u3400-\u9fff·]{{2,6}})$")
COMMENTARY_ROLES = ("评论员", "特约评论员", "本报评论员", "评论作者", "时评作者")
TIP_ROLES = ("线索提供", "线索", "爆料", "报料", "新闻线索")
# A paragraph opening with 记者 as its subject (记者近日从…获悉) credits nobody.
_REPORTER_SUBJECT = re.compile(
    r"^(?:本报|本台)?记者(?:近日|日前|昨天|昨日|今天|从|在|了解|获悉|采访|走访|来到|看到|"
    r"注意到|发现|随|跟随|一行)"
)


@dataclass
class Lead:
    credits: list[Credit] = field(default_factory=list)
    dateline: str = ""
    rest: str = ""


# Fallbacks: the bracketed lead form and the line forms the seed prints.
_LEAD_CREDIT = re.compile(
    r"^(?P<credit>[^\s()（），,。]{0,12}[(（][^()（）]{1,80}[)）])(?P<rest>.*)$", re.S
)
_SENTENCE_PUNCTUATION = re.compile(r"[，,。！？!?；;“”\"]")
_CAPTION_END = tuple("。！？!?”）)")


def _parse(text):
    try:
        return parse_credits(text)
    except LayoutError:
        return None


def _fallback_lead(text):
    match = _LEAD_CREDIT.match(text)
    if not match:
        return None
    credits = _parse(match["credit"])
    if not credits or not any(c.role for c in credits):
        return None
    return Lead(credits, "", match["rest"].strip())


def _fallback_line(text):
    if len(text) > 60 or _SENTENCE_PUNCTUATION.search(text):
        return None
    credits = _parse(text)
    if not credits or not all(c.role for c in credits):
        return None
    names = [name for credit in credits for name in credit.names]
    if "/" not in text and not all(map(is_plausible_name, names)):
        return None
    return credits


def _fallback_photo(text):
    if not text.endswith(PHOTO_MARK):
        return text, []
    if len(text) <= 60 and not _SENTENCE_PUNCTUATION.search(text):
        caption, credit = "", text
    else:
        cut = max(text.rfind(mark) for mark in _CAPTION_END) + 1
        caption, credit = text[:cut], text[cut:]
    credits = _parse(credit) if credit.strip() else None
    if not credits:
        return text, []
    return caption.strip(), [Credit(c.unit, c.role, c.names, True) for c in credits]


def lead(text):
    """The lead credit or dateline a paragraph opens with (``Lead``), else None."""
    if _REPORTER_SUBJECT.match(text):
        return None
    found = split_lead(text) if split_lead else _fallback_lead(text)
    if found is None:
        return None
    return Lead(list(found.credits), found.dateline, found.rest)


def credit_line(text):
    """The credits of a standalone credit line ([] for a collective one), else None."""
    if _REPORTER_SUBJECT.match(text):
        return None
    if read_credit_line:
        found = read_credit_line(text)
        return None if found is None else list(found)
    return _fallback_line(text)


def photo_credit(text):
    """``(caption, credits)`` of a caption ending in its photo credit; credits [] if none."""
    caption, credits = split_photo_credit(text) if split_photo_credit else _fallback_photo(text)
    return caption, [Credit(c.unit, c.role, c.names, True) for c in credits]


def byline_name(text):
    """The name of a commentary's byline line (``何春林``, ``■ 江某``), else ""."""
    match = _BYLINE.match(text) if len(text) <= 12 else None
    return match[1] if match and is_plausible_name(match[1]) and len(match[1]) <= 4 else ""


def is_tip(credits):
    return bool(credits) and all(c.role.startswith(TIP_ROLES) for c in credits)


def is_commentary(credits):
    return any(c.role.endswith(COMMENTARY_ROLES) for c in credits)
