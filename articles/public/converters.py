"""Path converters that refuse, at the URL, what no database row can match.

A value a converter refuses (``to_python`` raising ``ValueError``) makes the
pattern not match, so the reader gets a 404 before any query runs.  Without
them an id past PostgreSQL's ``bigint`` reaches a prepared query as an
overflowing parameter, and a NUL byte (``%00``) reaches PostgreSQL, which
refuses it in text; both answered 500.
"""

import datetime

from django.urls import register_converter

MAX_ID = 2**63 - 1  # the largest BigAutoField value on PostgreSQL and SQLite


class IdConverter:
    """A database id: 1 … 2**63 - 1."""

    # 19 digits hold every valid id; a longer number is refused by the pattern itself.
    regex = r"[0-9]{1,19}"

    def to_python(self, value):
        number = int(value)
        if not 1 <= number <= MAX_ID:
            raise ValueError(f"{value} is not a database id")
        return number

    def to_url(self, value):
        return str(value)


class SizeConverter(IdConverter):
    """A pixel width: 1 … 99999."""

    regex = r"[0-9]{1,5}"


class YearConverter:
    """A four-digit year, 0001 … 9999 (what ``datetime.date`` holds)."""

    regex = r"[0-9]{4}"

    def to_python(self, value):
        year = int(value)
        if not datetime.MINYEAR <= year <= datetime.MAXYEAR:
            raise ValueError(f"{value} is not a year")
        return year

    def to_url(self, value):
        return f"{int(value):04d}"


class MonthConverter:
    """A month number, 1 … 12 (with or without a leading zero)."""

    regex = r"[0-9]{1,2}"

    def to_python(self, value):
        month = int(value)
        if not 1 <= month <= 12:
            raise ValueError(f"{value} is not a month")
        return month

    def to_url(self, value):
        return str(int(value))


class IsoDateConverter:
    """A real calendar date written YYYY-MM-DD (2023-02-30 is refused)."""

    regex = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"

    def to_python(self, value):
        return datetime.date.fromisoformat(value)  # ValueError for an impossible date

    def to_url(self, value):
        return value if isinstance(value, str) else value.isoformat()


class TextConverter:
    """A slug, page label or name in a path: any characters but ``/`` and control characters.

    Unicode slugs (``/tags/共同标签/``) pass; NUL and the other C0 controls and DEL never
    belong to a slug or label, and PostgreSQL refuses NUL in any text.
    """

    regex = r"[^/\x00-\x1f\x7f]{1,200}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


class TokenConverter(TextConverter):
    """A rendition token: lower-case hex (``renditions.token``)."""

    regex = r"[0-9a-f]{1,40}"


class FormatConverter(TextConverter):
    """A file format name such as ``webp``, ``jpg`` or ``ninjs``."""

    regex = r"[a-z0-9]{1,10}"


register_converter(IdConverter, "id")
register_converter(SizeConverter, "size")
register_converter(YearConverter, "year")
register_converter(MonthConverter, "month")
register_converter(IsoDateConverter, "isodate")
register_converter(TextConverter, "text")
register_converter(TokenConverter, "token")
register_converter(FormatConverter, "format")
