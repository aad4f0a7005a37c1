from django.core.management.base import BaseCommand
from django.utils.translation import ngettext
from tqdm import tqdm

from articles import search
from articles.models import Article


class Command(BaseCommand):
    help = "Empty the search index and index every story again, showing progress."

    def add_arguments(self, parser):
        parser.add_argument("--database", default="default", help="Database alias to index.")

    def handle(self, *args, database, verbosity, **options):
        total = Article.objects.using(database).count()
        with tqdm(total=total, unit="story", disable=verbosity < 1, file=self.stderr._out) as bar:
            count = search.rebuild(progress=bar.update, using=database)
        if verbosity:
            message = ngettext("Indexed %(count)d story.", "Indexed %(count)d stories.", count) % {
                "count": count
            }
            self.stdout.write(self.style.SUCCESS(message))
