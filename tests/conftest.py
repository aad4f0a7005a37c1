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
    settings.NEWSROOM_IMPORT_DIR = tmp_path / "imports"
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


@pytest.fixture(autouse=True)
def commit_like_production(monkeypatch):
    """Run on_commit callbacks when the code under test commits, as production does.

    A test runs inside the test case's transaction, which never commits, so the
    editorial core's side effects (``transaction.on_commit``) would never run.
    Here a callback registered outside any block of the code's own runs at once
    (autocommit), and the callbacks of the code's outermost ``atomic`` block run
    when it exits without error (its commit); a rolled-back block drops its own.
    """
    from django.db import connections
    from django.db.backends.base.base import BaseDatabaseWrapper
    from django.db.transaction import Atomic

    def only_test_blocks(connection):
        return all(block._from_testcase for block in connection.atomic_blocks)

    original_on_commit = BaseDatabaseWrapper.on_commit
    original_exit = Atomic.__exit__

    def on_commit(self, func, robust=False):
        if self.in_atomic_block and only_test_blocks(self):
            func()
        else:
            original_on_commit(self, func, robust)

    def exit(self, exc_type, exc_value, traceback):
        connection = connections[self.using or "default"]
        result = original_exit(self, exc_type, exc_value, traceback)
        if (
            exc_type is None
            and not self._from_testcase
            and connection.in_atomic_block
            and only_test_blocks(connection)
            and not connection.needs_rollback
        ):
            callbacks, connection.run_on_commit = connection.run_on_commit, []
            for _sids, func, _robust in callbacks:
                func()
        return result

    monkeypatch.setattr(BaseDatabaseWrapper, "on_commit", on_commit)
    monkeypatch.setattr(Atomic, "__exit__", exit)
