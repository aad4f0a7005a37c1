import functools

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from articles.models import Section, publication_name
from articles.public import cache
from articles.public.prepared import PreparedQuery

CHROME_PARTS = ("head", "masthead", "footer")


TOP_SECTIONS = PreparedQuery(
    lambda: Section.objects.filter(parent=None).values_list("slug", "name")
)


def _top_sections():
    return [(reverse("articles:section", args=[row.slug]), row.name) for row in TOP_SECTIONS.rows()]


def navigation_sections():
    """``[(url, name), …]`` of the top-level sections, cached until a section changes."""
    return cache.page_cache().get_or_set(cache.NAVIGATION_KEY, _top_sections, None)


def _render_chrome(publication, navigation, query=""):
    context = {"publication": publication, "nav_sections": navigation, "query": query}
    parts = {
        part: mark_safe(render_to_string(f"chrome/{part}.html", context)) for part in CHROME_PARTS
    }
    parts["description"] = _("%(publication)s: the local daily, online.") % {
        "publication": publication
    }
    return parts


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


def error_page_context():
    """What an error page needs of the readers' pages, made without the database (a 500
    may be the database's): the masthead with its search box, with no section menu."""
    publication = publication_name()
    return {
        "publication": publication,
        "chrome": _render_chrome(publication, ()),
        "page_url": "",
    }


def site(request):
    """The publication's name, the shared page parts and the page's own full address
    (each made only if a page shows it)."""
    return {
        "publication": publication_name(),
        "chrome": SimpleLazyObject(lambda: chrome(request)),
        "page_url": SimpleLazyObject(request.build_absolute_uri),
    }
