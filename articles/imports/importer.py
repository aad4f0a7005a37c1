"""Importing a page-text file: decode, parse, then save (or report, in a dry run)."""

from articles.imports.encoding import decode_page_bytes
from articles.imports.page_text import parse_page_text
from articles.imports.store import import_pages
from articles.print_labels import parse_edition_date


def import_page_bytes(
    data,
    edition_date,
    labels,
    *,
    user,
    dry_run=False,
    encoding=None,
    accept_roster_mismatch=False,
    correction_note="",
    deadline=None,
    progress=None,
):
    """Import the pages in ``data`` (bytes of page text) as ``user``; returns the ``ImportReport``.

    Checks the arguments before reading the file, so a malformed date or label
    is reported as such; any ``LayoutError`` leaves the database as it was.  The
    edition date and the labels go to the parser too, which reports a running head
    printed with another date or page.
    """
    date = parse_edition_date(edition_date) if isinstance(edition_date, str) else edition_date
    text, _encoding = decode_page_bytes(data, encoding)
    pages = parse_page_text(text, edition_date=date, page_names=list(labels))
    return import_pages(
        pages,
        date,
        labels,
        user=user,
        dry_run=dry_run,
        accept_roster_mismatch=accept_roster_mismatch,
        correction_note=correction_note,
        deadline=deadline,
        progress=progress,
    )
