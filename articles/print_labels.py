"""What an edition date and a page label look like, and the error bad layout input raises.

Shared by the page import (``articles.imports``) and the layout export
(``articles.exports``), which both take an edition date and page labels from a
person: request-free, so either side and the commands can use it.
"""

import datetime
import re

from django.utils.translation import gettext as _

# Data: what a district-news page is called, and the heading of its award rosters.
DISTRICT_PAGE_SECTION = "区县新闻"
ROSTER_HEADING = "相关链接"
PAGE_LABEL = re.compile(r"^[A-Z]{0,2}\d{1,3}$")


class LayoutError(ValueError):
    """Input the layout code refuses, with the line number and the offending text.

    ``message`` is already translated for the person who supplied the input;
    ``line`` is 1-based in the imported file (None when unknown); ``text`` is
    the offending text as found.
    """

    def __init__(self, message, line=None, text=""):
        self.message = str(message)
        self.line = line
        self.text = text
        super().__init__(self.describe())

    def at(self, line, text=None):
        """The same error located at ``line`` of a file (for errors raised on a fragment)."""
        return type(self)(self.message, line=line, text=self.text if text is None else text)

    def describe(self):
        where = _("line %(line)s: ") % {"line": self.line} if self.line else ""
        what = f"“{self.text}”" if self.text else ""
        return f"{where}{self.message}{'：' + what if what else ''}"


def parse_edition_date(text):
    """``2023-12-26`` → date; anything else raises ``LayoutError``."""
    try:
        return datetime.date.fromisoformat(str(text).strip())
    except ValueError:
        raise LayoutError(
            _("Malformed edition date; write it as YYYY-MM-DD."), text=str(text)
        ) from None


def check_page_label(label):
    if not PAGE_LABEL.match(label or ""):
        raise LayoutError(_("Malformed page label; write it like A05."), text=label or "")
    return label
