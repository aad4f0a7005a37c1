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


ROOMS = {
    name: f"articles.{name}"
    for name in ("editorial", "public", "search", "imports", "exports", "admin", "management")
}
PHOTOS = "articles.photos"


def public_except(*allowed):
    """The readers' site's modules, but for the ``allowed`` ones another room may use."""
    modules = {path.stem for path in (ROOT / "articles/public").glob("*.py")} - {"__init__"}
    return tuple(f"articles.public.{name}" for name in sorted(modules - set(allowed)))


def rooms_but(*names):
    return tuple(room for name, room in ROOMS.items() if name not in names)


RULES = {
    "people knows nothing of the rest": (
        python_files("people"),
        ("articles", "newsroom"),
    ),
    "the models know no room above them": (
        python_files("articles/models"),
        (*rooms_but(), f"{PHOTOS}.renditions"),
    ),
    "the editorial core reaches the rooms it refreshes only from effects.py": (
        python_files("articles/editorial", exclude=["articles/editorial/effects.py"]),
        (*rooms_but("editorial"), PHOTOS),
    ),
    "the core's effects never reach the import, the export or the admin": (
        python_files("articles/editorial"),
        (ROOMS["imports"], ROOMS["exports"], ROOMS["admin"], ROOMS["management"]),
    ),
    "photos know nothing of the rooms that show them": (
        python_files("articles/photos"),
        rooms_but(),
    ),
    "search uses only the stored cards and the search form of the site": (
        python_files("articles/search"),
        (*rooms_but("search", "public"), *public_except("fragments", "filters")),
    ),
    "the import writes through the core and knows nothing of the site or the export": (
        python_files("articles/imports"),
        (*rooms_but("imports", "editorial"), PHOTOS),
    ),
    "the export knows nothing of the core, the import or the site but its URL converter": (
        python_files("articles/exports"),
        (*rooms_but("exports", "public"), *public_except("converters")),
    ),
    "the readers' site never reaches the core, the import, the export or the admin": (
        python_files("articles/public", "articles/templatetags"),
        rooms_but("public", "search"),
    ),
    "the shared helpers know no room": (
        [
            *(
                ROOT / f"articles/{name}.py"
                for name in ("credits", "print_labels", "blocks", "typography", "paging")
            ),
            ROOT / "articles/surnames.py",
            *python_files("articles/credit_lines"),
        ],
        ("articles.models", *rooms_but(), PHOTOS, "people", "newsroom"),
    ),
    # exports/views.py, urls.py and downloads.py send the files to staff, store.py and
    # importer.py write; every other module parses text or produces a format.
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
        ("django.http", "django.forms", "django.contrib.messages", ROOMS["admin"]),
    ),
    "only the admin imports the admin (Django's autodiscover loads it)": (
        python_files(*PROJECT, exclude=["articles/admin"]),
        (ROOMS["admin"],),
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
        ("from ..admin.articles import X", "articles.models.articles", "articles.admin.articles"),
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
    assert "articles.models.articles" in imports_of(ROOT / "articles/models/__init__.py")
