import pytest
from django.core.management import call_command


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Every test writes uploads into its own folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def seed(db, media_root):
    """The seed edition (2023-12-26, A05 and A06) as the fixture holds it."""
    from articles.seed import load_seed_edition

    load_seed_edition()


@pytest.fixture
def editor(db, django_user_model):
    from articles.demo import ensure_demo_users

    return ensure_demo_users()[0]


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def no_missing_migrations(db):
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)
