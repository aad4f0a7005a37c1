"""Demo accounts for `make demo`: never for production data."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import transaction

DEMO_PASSWORD = "newsroom-demo"
EDITOR_APPS = ("articles", "people", "taggit")


@transaction.atomic
def ensure_demo_users():
    """Create the demo editor (staff, with the editorial permissions); running again resets it."""
    User = get_user_model()
    editor, _created = User.objects.get_or_create(username="editor")
    editor.first_name = "编辑"
    editor.is_staff = True
    editor.is_active = True
    editor.set_password(DEMO_PASSWORD)
    editor.save()
    editor.user_permissions.set(Permission.objects.filter(content_type__app_label__in=EDITOR_APPS))
    return [editor]
