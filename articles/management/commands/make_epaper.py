import time

from django.core.management.base import BaseCommand, CommandError

from articles.epaper.refresh import refresh_page
from articles.exports.formats import find_edition
from articles.models import Page
from articles.print_labels import LayoutError


class Command(BaseCommand):
    help = (
        "Make the 数字报 of an edition's pages (or of every edition): each page's PDF from "
        "its print export (unless the art editor uploaded one), its images and story areas; "
        "only what is out of date, or everything with --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("--edition", help="edition date, YYYY-MM-DD; left out: every edition")
        parser.add_argument("--page", help="page label, e.g. A06")
        parser.add_argument("--force", action="store_true", help="remake even what is up to date")
        parser.add_argument("--paper", help="paper size (broadsheet, tabloid, a3)")

    def handle(self, *args, **options):
        pages = Page.objects.select_related("edition", "section").order_by("edition", "order")
        try:
            if options["edition"]:
                pages = pages.filter(edition=find_edition(options["edition"]))
        except LayoutError as error:
            raise CommandError(error.describe()) from None
        if options["page"]:
            pages = pages.filter(label=options["page"])
        for page in pages:
            started = time.perf_counter()
            done = refresh_page(page, force=options["force"], paper=options["paper"])
            seconds = time.perf_counter() - started
            missing = f", not found: {done.missing}" if done.missing else ""
            self.stdout.write(
                f"{page.edition.date} {page.label}: pdf {'made' if done.pdf else 'up to date'}, "
                f"{done.images} images, {done.areas} areas{missing} ({seconds:.1f} s)"
            )
