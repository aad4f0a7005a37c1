from django.core.management.base import BaseCommand
from django.utils.translation import ngettext

from articles.editorial import background
from articles.epaper import tasks as epaper_tasks


class Command(BaseCommand):
    help = (
        "Hand the worker the stories that renames left waiting (run before db_worker "
        "starts, so that a worker killed mid-way loses nothing); --now renders them here."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--now", action="store_true", help="Render and index them here, not in the worker."
        )

    def handle(self, *args, verbosity, now, **options):
        # The 数字报 pages a stopped worker left waiting are handed on too.
        epaper_tasks.resume()
        if now:
            done, _finished = background.refresh_pending()
            message = ngettext("Rendered %(count)d story.", "Rendered %(count)d stories.", done) % {
                "count": done
            }
        elif waiting := background.resume():
            message = ngettext(
                "%(count)d rename waits for the worker.",
                "%(count)d renames wait for the worker.",
                waiting,
            ) % {"count": waiting}
        else:
            message = ""
        if verbosity and message:
            self.stdout.write(self.style.SUCCESS(message))
