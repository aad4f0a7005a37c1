from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from articles.imports.importer import import_page_bytes
from articles.print_labels import LayoutError, check_page_label, parse_edition_date


class Command(BaseCommand):
    help = "Import page text (the seed's form) into an edition: one --page per page in the file."

    def add_arguments(self, parser):
        parser.add_argument("file", help="page text file")
        parser.add_argument("--edition", required=True, help="edition date, YYYY-MM-DD")
        parser.add_argument(
            "--page", action="append", required=True, dest="pages", help="page label, e.g. A05"
        )
        parser.add_argument(
            "--user",
            required=True,
            help="username to import as (layout staff); stories are filed and placed as them",
        )
        parser.add_argument(
            "--correction-note",
            default="",
            help="change published stories too, as a correction with this note for readers",
        )
        parser.add_argument("--dry-run", action="store_true", help="report, save nothing")
        parser.add_argument("--encoding", help="file encoding (default: recognised)")
        parser.add_argument(
            "--accept-roster-mismatch",
            action="store_true",
            help="save rosters whose stated count differs from the names",
        )

    # A save reports its progress on stderr every this many stories (a 10,000-story file
    # takes minutes: each story is filed, versioned, rendered and indexed).
    PROGRESS_EVERY = 1000

    def progress(self, done, total):
        if (
            done
            and total >= self.PROGRESS_EVERY
            and (done % self.PROGRESS_EVERY == 0 or done == total)
        ):
            self.stderr.write(
                _("Saved %(done)d of %(total)d stories") % {"done": done, "total": total}
            )

    def handle(self, *args, **options):
        try:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise LayoutError(_("No such user"), text=options["user"])
            date = parse_edition_date(options["edition"])
            labels = [check_page_label(label) for label in options["pages"]]
            path = Path(options["file"])
            if not path.is_file():
                raise LayoutError(_("No such file"), text=str(path))
            report = import_page_bytes(
                path.read_bytes(),
                date,
                labels,
                user=user,
                correction_note=options["correction_note"],
                dry_run=options["dry_run"],
                encoding=options["encoding"],
                accept_roster_mismatch=options["accept_roster_mismatch"],
                progress=None if options["dry_run"] else self.progress,
            )
        except LayoutError as error:
            raise CommandError(error.describe()) from None
        for line in report.lines():
            self.stdout.write(line)
