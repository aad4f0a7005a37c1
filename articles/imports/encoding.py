"""Page text files in the encodings Chinese newsrooms produce, read as text.

Archives arrive as UTF-8 (with or without a BOM), UTF-16 (Windows "Unicode"
text) or GB18030/GBK.  ``decode_page_bytes`` recognises them, refuses empty,
binary, oversized and undecodable files with a ``LayoutError``, and honours
an explicit encoding.  Request-free.
"""

import codecs
import re

from django.utils.translation import gettext as _

from articles.print_labels import LayoutError

MAX_BYTES = 5 * 1024 * 1024
# GB18030 is a superset of GBK and GB2312, so one codec reads all three.
FALLBACK_ENCODINGS = ("utf-8", "gb18030")
# Control characters no page text holds (tab, line breaks and form feed aside).  Checked
# over the whole text: PostgreSQL refuses a NUL where SQLite would store it.
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f]")
# One in the first characters means the file is not text at all.
BINARY_SAMPLE = 20000


def decode_page_bytes(data, encoding=None):
    """``data`` (bytes) → (text, encoding used)."""
    if not data or not data.strip():
        raise LayoutError(_("The file is empty."))
    if len(data) > MAX_BYTES:
        raise LayoutError(
            _("The file is larger than %(limit)d MB (%(size)d bytes).")
            % {"limit": MAX_BYTES // (1024 * 1024), "size": len(data)}
        )
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise LayoutError(_("Unknown encoding"), text=encoding) from None
        try:
            return _checked(data.decode(encoding), encoding), encoding
        except UnicodeDecodeError as error:
            raise LayoutError(
                _("The file cannot be read as %(encoding)s (byte %(position)d).")
                % {"encoding": encoding, "position": error.start}
            ) from None
    if data.startswith(codecs.BOM_UTF8):
        return _checked(data.decode("utf-8-sig"), "utf-8-sig"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_or_fail(data, "utf-16")
    guessed = _utf16_without_bom(data)
    if guessed:
        return _decode_or_fail(data, guessed)
    if b"\x00" in data:
        raise LayoutError(_("This is a binary file, not page text."))
    for candidate in FALLBACK_ENCODINGS:
        try:
            return _checked(data.decode(candidate), candidate), candidate
        except UnicodeDecodeError:
            continue
    raise LayoutError(
        _("The file is in no supported encoding (UTF-8, UTF-16, GB18030, GBK); name its encoding.")
    )


def _utf16_without_bom(data):
    """UTF-16 with no BOM: its ASCII characters put their zero bytes all on one side."""
    sample = data[:20000]
    if len(sample) < 4 or len(sample) % 2 or b"\x00" not in sample:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    # Some Han characters (U+4E00 一) have a zero byte too, so one side need only dominate.
    if odd > 4 * even:
        return "utf-16-le"
    if even > 4 * odd:
        return "utf-16-be"
    return None


def _decode_or_fail(data, encoding):
    try:
        return _checked(data.decode(encoding), encoding), encoding
    except UnicodeDecodeError:
        raise LayoutError(
            _("The file cannot be read as %(encoding)s.") % {"encoding": encoding}
        ) from None


def _checked(text, encoding):
    found = _CONTROL.search(text)
    if found is None:
        return text
    if found.start() < BINARY_SAMPLE:
        raise LayoutError(_("This is a binary file, not page text."))
    raise LayoutError(
        _("A control character that page text never holds"),
        line=text.count("\n", 0, found.start()) + 1,
        text=f"U+{ord(found.group()):04X}",
    )
