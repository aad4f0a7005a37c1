import pytest
from django.core.management import call_command


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    """Hashing demo passwords with the production hasher would dominate the run time."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


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
def users(db):
    """One account per newsroom role, by username: reporter, editor, arteditor,
    proofreader, chief (值班总编) and admin (superuser)."""
    from articles.demo import ensure_demo_users

    return {user.username: user for user in ensure_demo_users()}


@pytest.fixture
def editor(users):
    return users["editor"]


@pytest.fixture
def client_for(users):
    """A logged-in test client for a role: ``client_for("chief")``."""
    from django.test import Client

    def make(username):
        client = Client()
        client.force_login(users[username])
        return client

    return make


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def no_missing_migrations(db):
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)
