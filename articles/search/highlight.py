"""Snippets with the matched words marked, safe to put in a page as is.

Everything editors typed is escaped; only the ``<mark>`` elements added here are
markup.  Works on the original text (no segmentation spaces), so Chinese reads
as printed.  Request-free.  A ``Highlighter`` prepares the terms once for all
the results of a search; ``highlight()`` and ``snippet()`` do it per call.
"""

import re
from html import escape  # what django.utils.html.escape calls, without its lazy wrapper

from django.utils.safestring import mark_safe

ELLIPSIS = "…"


class Highlighter:
    """Marks ``terms`` in headlines and cuts snippets, the pattern compiled once."""

    def __init__(self, terms):
        self.terms = list(terms)
        self.lowered = [t.lower() for t in set(self.terms)]
        # Longest first, so 朋友圈 wins over 朋友 where both match.
        longest_first = sorted(set(self.terms), key=len, reverse=True)
        alternatives = "|".join(re.escape(t) for t in longest_first)
        self.pattern = re.compile(alternatives, flags=re.IGNORECASE) if alternatives else None

    def _spans(self, text):
        """Non-overlapping (start, end) of the terms in ``text``, adjacent ones merged."""
        if self.pattern is None or not text:
            return []
        spans = []
        for match in self.pattern.finditer(text):
            if spans and spans[-1][1] == match.start():
                spans[-1] = (spans[-1][0], match.end())
            else:
                spans.append((match.start(), match.end()))
        return spans

    def highlight(self, text):
        """All of ``text``, escaped, with the terms marked (for headlines)."""
        text = text or ""
        return mark_safe(_marked(text, self._spans(text)))  # every part escaped by _marked

    def _score(self, text):
        low = text.lower()
        return sum(1 for t in self.lowered if t in low)

    def snippet(self, texts, width=120, lead=24):
        """A passage of about ``width`` characters from the text that matches most terms.

        ``texts`` are the candidate passages (paragraphs, captions) in order; the
        passage with the most distinct matched terms wins, the first on a tie, and
        the window starts ``lead`` characters before its first match.  Without a
        match the start of the first passage is shown.
        """
        texts = [t for t in texts if t and t.strip()]
        if not texts:
            return mark_safe("")
        scores = [self._score(t) for t in texts]
        best = texts[scores.index(max(scores))]  # the first of equals; the first text if none
        spans = self._spans(best)
        start = max(0, spans[0][0] - lead) if spans else 0
        end = min(len(best), start + width)
        start = max(0, min(start, end - width))
        html = _marked(best, spans, start, end)
        prefix = ELLIPSIS if start > 0 else ""
        suffix = ELLIPSIS if end < len(best) else ""
        return mark_safe(prefix + html + suffix)  # every part escaped by _marked


def _marked(text, spans, start=0, end=None):
    end = len(text) if end is None else end
    parts, position = [], start
    for span_start, span_end in spans:
        if span_end <= start or span_start >= end:
            continue
        span_start, span_end = max(span_start, start), min(span_end, end)
        parts.append(escape(text[position:span_start]))
        parts.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        position = span_end
    parts.append(escape(text[position:end]))
    return "".join(parts)


def highlight(text, terms):
    """All of ``text``, escaped, with ``terms`` marked (for headlines)."""
    return Highlighter(terms).highlight(text)


def snippet(texts, terms, width=120, lead=24):
    """A passage of about ``width`` characters from the text that matches most terms (see
    ``Highlighter.snippet``)."""
    return Highlighter(terms).snippet(texts, width, lead)
