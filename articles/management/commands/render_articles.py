from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.translation import ngettext
from tqdm import tqdm

from articles.models import Article
from articles.public import cache, fragments

BATCH = 100


class Command(BaseCommand):
    help = (
        "Store again the rendering of every story made by other templates or code than "
        "these (run at each deploy, after migrate); --all renders every story."
    )

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Render every story.")

    def handle(self, *args, verbosity, **options):
        if options["all"]:
            pks = list(Article.objects.order_by("pk").values_list("pk", flat=True))
        else:
            pks = fragments.stale()
        progress = tqdm(total=len(pks), unit="story", disable=verbosity < 1, file=self.stderr._out)
        with progress as bar:
            for start in range(0, len(pks), BATCH):
                batch = pks[start : start + BATCH]
                with transaction.atomic():
                    fragments.render(batch)
                bar.update(len(batch))
        if pks:
            cache.bump_generation()  # pages cached by the previous release
        if verbosity:
            message = ngettext(
                "Rendered %(count)d story.", "Rendered %(count)d stories.", len(pks)
            ) % {"count": len(pks)}
            self.stdout.write(self.style.SUCCESS(message))
