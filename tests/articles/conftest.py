import json
import os
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import caches

from tests.chromium import ARGS, CHROMIUM


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


def unavailable(reason):
    if os.environ.get("NEWSROOM_REQUIRE_SERVICES") == "1":
        pytest.fail(f"{reason} (NEWSROOM_REQUIRE_SERVICES=1)")
    pytest.skip(reason)


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

    from articles.seed import load_seed_edition

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
