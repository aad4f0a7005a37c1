from django.core.management.base import BaseCommand

from articles.demo import DEMO_PASSWORD, ensure_demo_users


class Command(BaseCommand):
    help = "Create (or reset) the demo accounts and print how to log in."

    def handle(self, *args, **options):
        users = ensure_demo_users()
        self.stdout.write("Demo accounts (admin at /admin/):")
        for user in users:
            self.stdout.write(
                f"  {user.username:10} password: {DEMO_PASSWORD}   ({user.first_name})"
            )
