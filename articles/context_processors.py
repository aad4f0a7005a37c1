from django.utils.functional import SimpleLazyObject

from . import cache
from .models import Section, publication_name


def navigation_sections():
    """``[(url, name), …]`` of the top-level sections, cached until a section changes."""
    return cache.page_cache().get_or_set(
        cache.NAVIGATION_KEY,
        lambda: [(s.get_absolute_url(), s.name) for s in Section.objects.filter(parent=None)],
        None,
    )


def site(request):
    """The masthead's name and section navigation (looked up only if a page shows it)."""
    return {
        "publication": publication_name(),
        "nav_sections": SimpleLazyObject(navigation_sections),
    }
