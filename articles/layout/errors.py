"""The one exception type of the layout package: bad input, with where it was found."""

from django.utils.translation import gettext as _


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
