from django.core.management.base import BaseCommand

from articles.management.seed import load_seed_edition


class Command(BaseCommand):
    help = "Load the seed edition (2023-12-26, pages A05 and A06) with its placeholder pictures."

    def handle(self, *args, **options):
        load_seed_edition(verbosity=options["verbosity"])
        self.stdout.write(self.style.SUCCESS("Seed edition 2023-12-26 loaded (A05, A06)."))
