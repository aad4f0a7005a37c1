import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from articles.exports.formats import (
    FORMATS,
    PAGE_FORMATS,
    export_edition,
    export_page,
    find_edition,
    find_page,
)
from articles.print_labels import LayoutError


class Command(BaseCommand):
    help = (
        "Export a page (--page) in one format, or the whole edition as a zip of every page "
        "(in --format, or in all formats when it is left out)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--edition", required=True, help="edition date, YYYY-MM-DD")
        parser.add_argument("--page", help="page label, e.g. A06; left out: the whole edition")
        parser.add_argument(
            "--format",
            choices=PAGE_FORMATS,
            help="export format; pdf: the page PDF (数字报), made if it is missing or out of date",
        )
        parser.add_argument("--output", help="file to write (default: a file named after the page)")
        parser.add_argument("--base-url", default="", help="site address for absolute links")

    def handle(self, *args, **options):
        try:
            if options["page"]:
                if not options["format"]:
                    raise CommandError("--format is required with --page")
                page = find_page(options["edition"], options["page"])
                result = export_page(page, options["format"], options["base_url"])
            else:
                edition = find_edition(options["edition"])
                formats = [options["format"]] if options["format"] else FORMATS
                result = export_edition(
                    edition, formats, options["base_url"], progress=self._progress
                )
        except LayoutError as error:
            raise CommandError(error.describe()) from None
        if options["output"] == "-":
            sys.stdout.buffer.write(result.content)
            return
        target = Path(options["output"] or result.name)
        target.write_bytes(result.content)
        self.stdout.write(f"{target} ({len(result.content)} bytes)")

    def _progress(self, done, total, width=30):
        filled = width * done // total
        self.stderr.write(
            f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}",
            ending="\n" if done == total else "",
        )
        self.stderr.flush()
