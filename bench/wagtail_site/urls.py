from django.http import HttpResponse
from django.urls import include, path
from django.views.decorators.cache import never_cache
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls


@never_cache
def trivial(request):
    """The floor: a Django view that does nothing, behind the same middleware.

    Never cached: in the cached run too the floor is a request through the whole
    middleware (the cache middleware looks it up and misses), not a cache hit, as
    newsroom's trivial view, which its page cache never stores."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("bench/trivial/", trivial),
    path("admin/", include(wagtailadmin_urls)),
    path("", include(wagtail_urls)),
]
