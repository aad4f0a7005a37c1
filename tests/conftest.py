import json
import os
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command

from tests.chromium import ARGS, CHROMIUM, unavailable


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    """Hashing demo passwords with the production hasher would dominate the run time."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def lazy_loads_raise(settings):
    """A related object a queryset did not load fails the test instead of costing a query.

    Production fetches it for all peers at once (``NEWSROOM_FETCH_MODE = "peers"``), which
    keeps a forgotten ``select_related`` out of the query-count pins; here it raises
    ``FieldFetchBlocked`` at the line that reads it.
    """
    settings.NEWSROOM_FETCH_MODE = "raise"


@pytest.fixture(autouse=True)
def tasks_run_when_enqueued(settings):
    """Background tasks (the stories of a renamed person) run as they are enqueued, on
    commit, so a test sees what readers see once the worker is done.  The queued path,
    the database backend and its worker, is tested in editorial/test_background.py."""
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Every test writes uploads into its own folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.NEWSROOM_IMPORT_DIR = tmp_path / "imports"
    return settings.MEDIA_ROOT


@pytest.fixture
def seed(db, media_root):
    """The seed edition (2023-12-26, A05 and A06) as the fixture holds it."""
    from articles.management.seed import load_seed_edition

    load_seed_edition()


@pytest.fixture
def users(db):
    """One account per newsroom role, by username: reporter, editor, arteditor,
    proofreader, chief (值班总编) and admin (superuser)."""
    from articles.management.demo import ensure_demo_users

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


@pytest.fixture(autouse=True)
def fresh_page_cache(settings, tmp_path):
    """Pages cached by one test must not answer another; renditions go to the test's folder."""
    settings.NEWSROOM_RENDITIONS_ROOT = tmp_path / "renditions"
    # Pillow work on every saved photo would dominate the suite; the rendition view makes a
    # missing rendition on first request, and test_renditions turns this back on.
    settings.NEWSROOM_RENDITIONS_ON_SAVE = False
    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()


# Browser tests (test_browser.py, test_html_checks.py) ------------------------------


def _single_threaded_live_server_on_sqlite():
    """Serve one request at a time when the tests run on in-memory SQLite.

    Django's live server shares the test's in-memory SQLite connection with every
    request thread; a browser loading several pictures at once then makes SQLite
    fail ("bad parameter or other API misuse"). One request at a time is what a
    single connection can take; PostgreSQL keeps the threaded server.
    """
    if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
        from django.core.servers.basehttp import WSGIServer
        from django.test.testcases import LiveServerThread

        class SingleThreadedServer(WSGIServer):
            def __init__(self, *args, connections_override=None, **kwargs):
                super().__init__(*args, **kwargs)

        LiveServerThread.server_class = SingleThreadedServer


_single_threaded_live_server_on_sqlite()


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        unavailable(f"Chromium is not installed at {CHROMIUM}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("playwright is not installed (pip install -e '.[dev]')")
    # Playwright's sync API runs an event loop in this thread; the database work of the
    # test happens before and after it, never from inside the loop.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
            yield browser
            browser.close()
    finally:
        # Only the browser tests run beside an event loop; nothing else may inherit this.
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def live_seed(transactional_db, media_root):
    """The seed edition, in a database the live server's thread can see.

    A transactional test starts from tables flushed by the one before it, so the
    roles the data migration made are put back first.
    """
    import importlib

    from django.apps import apps

    from articles.management.seed import load_seed_edition

    importlib.import_module("articles.migrations.0002_default_roles").create_roles(apps, None)
    load_seed_edition()


# ninjs (test_layout_export.py, test_workflow.py) -------------------------------------------


def ninjs_schema_dir():
    candidates = [
        os.environ.get("NINJS_SCHEMA_DIR"),
        Path(settings.BASE_DIR).parent / "shared" / "schemas" / "ninjs",
        "/work/shared/schemas/ninjs",
    ]
    for candidate in candidates:
        if candidate and (Path(candidate) / "ninjs-schema_3.1.json").is_file():
            return Path(candidate)
    return None


@pytest.fixture
def ninjs_validator():
    """The official ninjs 3.1 schema from ../shared/schemas/ninjs (read there, never copied)."""
    folder = ninjs_schema_dir()
    if folder is None:
        reason = (
            "the ninjs 3.1 schema folder (NINJS_SCHEMA_DIR or ../shared/schemas/ninjs) is absent"
        )
        if os.environ.get("NEWSROOM_REQUIRE_SERVICES") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    import jsonschema
    from referencing import Registry, Resource

    schema = json.loads((folder / "ninjs-schema_3.1.json").read_text(encoding="utf-8"))
    # The schema's one external $ref (GeoJSON, under places) resolves to a permissive stand-in.
    geojson = Resource.from_contents(
        {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object"}
    )
    registry = Registry().with_resource("https://geojson.org/schema/GeoJSON.json", geojson)
    return jsonschema.Draft202012Validator(
        schema, registry=registry, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def pytest_collection_finish(session):
    """Undo what importing WeasyPrint (the e-paper tests' importorskip) does to Pillow.

    WeasyPrint turns on Pillow's loading of truncated images for the whole process when
    it is imported; the site imports it without that (``articles/epaper/pdf.py``), and
    the photo tests check that a damaged picture is refused.
    """
    from PIL import ImageFile

    ImageFile.LOAD_TRUNCATED_IMAGES = False
