from django.core.management.base import BaseCommand

from articles.management.demo import DEMO_PASSWORD, ensure_demo_users


class Command(BaseCommand):
    help = "Create (or reset) one demo account per newsroom role and print how to log in."

    def handle(self, *args, **options):
        users = sorted(ensure_demo_users(), key=lambda user: user.username)
        self.stdout.write(
            "Demo accounts for http://127.0.0.1:8000/admin/ (never use in production):"
        )
        for user in users:
            role = (
                "superuser" if user.is_superuser else ", ".join(g.name for g in user.groups.all())
            )
            self.stdout.write(f"  {user.username:12} password: {DEMO_PASSWORD:15} {role}")
