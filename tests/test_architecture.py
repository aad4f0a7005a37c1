"""The rooms of docs/architecture.md import only what that page allows them to.

Read from the source with ``ast`` (imports inside functions count too), so a rule
holds whether or not the import ever runs in a test.
"""

import ast
import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROJECT = ("articles", "people", "newsroom")

# (file, imported module) pairs that break a rule today, each with the issue that removes it.
KNOWN_EXCEPTIONS = {}


def module_of(path):
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_in(source, module, is_package=False):
    """The modules ``source`` (the code of ``module``) imports, relative imports resolved.

    ``from a import b`` counts as importing both ``a`` and ``a.b``: b may be a module.
    """
    package = module if is_package else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = importlib.util.resolve_name("." * node.level + (node.module or ""), package)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def imports_of(path):
    return imports_in(path.read_text(encoding="utf-8"), module_of(path), path.name == "__init__.py")


def python_files(*folders, exclude=()):
    excluded = [ROOT / name for name in exclude]
    return sorted(
        path
        for folder in folders
        for path in (ROOT / folder).rglob("*.py")
        if not any(path == skip or skip in path.parents for skip in excluded)
    )


def reaches(name, forbidden):
    return any(name == room or name.startswith(f"{room}.") for room in forbidden)


RULES = {
    "people knows nothing of the rest": (
        python_files("people"),
        ("articles", "newsroom"),
    ),
    "the models know nothing of the core, the site, the admin or search": (
        python_files("articles/models"),
        (
            "articles.editorial",
            "articles.admin",
            "articles.public.views",
            "articles.public.queries",
            "articles.public.prepared",
            "articles.public.fragments",
            "articles.public.cache",
            "articles.search",
        ),
    ),
    # exports/views.py and urls.py serve the files to staff; every other export module
    # produces a format from model instances, and the page-text parsers read plain text.
    "layout formats never see a request, a form or the admin": (
        python_files(
            "articles/exports",
            "articles/imports",
            exclude=[
                "articles/exports/views.py",
                "articles/exports/urls.py",
                "articles/exports/downloads.py",
                "articles/imports/store.py",
                "articles/imports/importer.py",
            ],
        ),
        ("django.http", "django.forms", "django.contrib.messages", "articles.admin"),
    ),
    "only the admin imports the admin (Django's autodiscover loads it)": (
        python_files(*PROJECT, exclude=["articles/admin"]),
        ("articles.admin",),
    ),
}


@pytest.mark.parametrize("rule", RULES)
def test_rooms_import_only_what_they_may(rule):
    files, forbidden = RULES[rule]
    assert files, f"{rule}: no files found; has the room moved?"
    broken = sorted(
        f"{path.relative_to(ROOT)} imports {name}"
        for path in files
        for name in imports_of(path)
        if reaches(name, forbidden) and (str(path.relative_to(ROOT)), name) not in KNOWN_EXCEPTIONS
    )
    assert not broken, f"{rule}:\n" + "\n".join(broken)


def test_known_exceptions_still_exist():
    # An exception that no longer happens is removed, so that it cannot come back unseen.
    for (file, name), why in KNOWN_EXCEPTIONS.items():
        assert name in imports_of(ROOT / file), f"{file} no longer imports {name} ({why})"


@pytest.mark.parametrize(
    ("source", "module", "expected"),
    [
        ("from .. import admin", "articles.exports.ninjs", "articles.admin"),
        ("from ..admin.stories import X", "articles.models.stories", "articles.admin.stories"),
        (
            "def f():\n    from django.http import Http404",
            "articles.exports.formats",
            "django.http",
        ),
        ("import articles.search.query", "people.models", "articles.search.query"),
    ],
)
def test_the_checker_sees_relative_lazy_and_dotted_imports(source, module, expected):
    assert expected in imports_in(source, module)


def test_the_checker_reads_a_package_relative_to_itself():
    assert "articles.models.stories" in imports_of(ROOT / "articles/models/__init__.py")
