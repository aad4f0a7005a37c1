"""Demo accounts for `make demo`, one per newsroom role: never for production data."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

DEMO_PASSWORD = "newsroom-demo"

# username, display name, group (made by migration 0003_editorial_groups)
DEMO_ACCOUNTS = [
    ("reporter", "记者", "记者"),
    ("editor", "编辑", "编辑"),
    ("arteditor", "美编", "美编"),
    ("proofreader", "校对", "校对"),
    ("chief", "值班总编", "值班总编"),
]


@transaction.atomic
def ensure_demo_users():
    """Create (or reset) one staff account per role and a superuser; returns them, editor first."""
    User = get_user_model()
    users = []
    for username, display, group_name in DEMO_ACCOUNTS:
        user, _created = User.objects.get_or_create(username=username)
        user.first_name = display
        user.is_staff = True
        user.is_active = True
        user.set_password(DEMO_PASSWORD)
        user.save()
        user.groups.set([Group.objects.get(name=group_name)])
        users.append(user)
    admin, _created = User.objects.get_or_create(username="admin")
    admin.first_name = "系统管理员"
    admin.is_staff = admin.is_superuser = admin.is_active = True
    admin.set_password(DEMO_PASSWORD)
    admin.save()
    users.append(admin)
    users.sort(key=lambda user: user.username != "editor")
    return users
