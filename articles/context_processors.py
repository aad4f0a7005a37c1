import functools

from django.template.loader import render_to_string
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from . import cache
from .models import Section, publication_name

CHROME_PARTS = ("head", "masthead", "footer")


def navigation_sections():
    """``[(url, name), …]`` of the top-level sections, cached until a section changes."""
    return cache.page_cache().get_or_set(
        cache.NAVIGATION_KEY,
        lambda: [(s.get_absolute_url(), s.name) for s in Section.objects.filter(parent=None)],
        None,
    )


def _render_chrome(publication, navigation, query=""):
    context = {"publication": publication, "nav_sections": navigation, "query": query}
    return {
        part: mark_safe(render_to_string(f"chrome/{part}.html", context)) for part in CHROME_PARTS
    }


@functools.lru_cache(maxsize=32)
def _stored_chrome(language, publication, navigation):
    # The same for every page until a section or the language changes: rendered once
    # per process for each, rather than ~40 template nodes on every request.
    return _render_chrome(publication, navigation)


def chrome(request):
    """The page parts every readers' page shares: shared ``<head>`` links, masthead, footer."""
    navigation = tuple(tuple(item) for item in navigation_sections())
    query = request.GET.get("q", "")
    if query:  # the search box shows the reader's words
        return _render_chrome(publication_name(), navigation, query)
    return _stored_chrome(get_language(), publication_name(), navigation)


def site(request):
    """The publication's name and the shared page parts (made only if a page shows them)."""
    return {
        "publication": publication_name(),
        "chrome": SimpleLazyObject(lambda: chrome(request)),
    }
