"""Whole-page caching for the readers' site, made fresh by one generation counter.

Any change readers could see (a story saved, published or withdrawn; a byline,
photo, page or person edited) bumps the site's generation; a cached page of an
older generation is a miss.  A hit is one round trip to the cache (the
generation and the page fetched together) and sends stored bytes, not a pickled
response.  A scheduled story appears on time because no page is kept past the
next scheduled publish time.

A page is keyed on its scheme, host and path and on the query parameters its
view reads (``params``), nothing else: ``/?q=random`` is the front page, not a
new entry, and a request made over https never serves its https addresses to
readers on http (or the reverse).  Parameters the view does not read are
removed from the request before the view runs, so they cannot change the answer
either (the canonical address, the search box).
"""

import functools
import hashlib

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse, QueryDict
from django.utils import timezone

GENERATION_KEY = "site:generation"
NAVIGATION_KEY = "site:navigation"
KEY_PREFIX = "site:page:"


def page_cache():
    return caches[settings.NEWSROOM_PAGE_CACHE]


def bump_generation():
    """Make every cached page stale (called by the signal handlers)."""
    cache = page_cache()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        # No counter yet (or the cache was flushed): start one that no stored page has.
        cache.set(GENERATION_KEY, timezone.now().timestamp().__int__(), None)


def forget_navigation():
    page_cache().delete(NAVIGATION_KEY)


def _canonical(value):
    # ?page=007 is page 7: a number is keyed (and shown) by its value, so leading zeros
    # cannot make new entries.
    if value.isascii() and value.isdigit() and len(value) < 20:
        return str(int(value))
    return value


def keep_only(request, params):
    """Drop every query parameter but ``params`` (one value each) from ``request``."""
    kept = QueryDict(mutable=True)
    for name in params:
        value = request.GET.get(name)
        if value is not None:
            kept[name] = _canonical(value)
    query = kept.urlencode()
    kept._mutable = False
    request.GET = kept
    request.META["QUERY_STRING"] = query


def _page_key(request):
    """Scheme (``request.scheme`` follows SECURE_PROXY_SSL_HEADER), host, path, kept query."""
    raw = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return KEY_PREFIX + hashlib.md5(raw.encode(), usedforsecurity=False).hexdigest()


def _seconds_until_next_scheduled():
    """Seconds until the next scheduled story goes public, or None if none is waiting."""
    from articles.models import Article

    # Not a reader query: it finds only *when* the next story goes public, never which.
    upcoming = (
        Article.objects.filter(status=Article.Status.PUBLISHED, published_at__gt=timezone.now())
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first()
    )
    if upcoming is None:
        return None
    return max(1, int((upcoming - timezone.now()).total_seconds()) + 1)


def cache_public_page(view, params=()):
    """Serve GET requests for ``view`` from the page cache; store 200 responses.

    ``params`` names the query parameters ``view`` reads (``("page",)`` for a list);
    the view never sees any other.
    """

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        keep_only(request, params)
        if request.method not in ("GET", "HEAD") or not settings.NEWSROOM_PAGE_CACHE_SECONDS:
            return view(request, *args, **kwargs)
        cache = page_cache()
        key = _page_key(request)
        found = cache.get_many([GENERATION_KEY, key])
        generation = found.get(GENERATION_KEY)
        if generation is not None and key in found:
            stored_generation, content, content_type = found[key]
            if stored_generation == generation:
                return HttpResponse(content, content_type=content_type)
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and callable(response.render):
            response = response.render()
        if response.status_code == 200 and not response.streaming and not response.cookies:
            if generation is None:
                bump_generation()
                generation = cache.get(GENERATION_KEY)
            timeout = settings.NEWSROOM_PAGE_CACHE_SECONDS
            waiting = _seconds_until_next_scheduled()
            if waiting is not None:
                timeout = min(timeout, waiting)
            cache.set(key, (generation, response.content, response["Content-Type"]), timeout)
        return response

    return wrapper
