from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.templatetags.static import static as static_url
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView

from articles.public.cache import cache_public_page
from articles.public.sitemaps import news_sitemap, robots_txt, sitemap_file, sitemap_index

admin.site.site_header = _("Newsroom")
admin.site.site_title = _("Newsroom")
admin.site.index_title = _("Editorial desk")

urlpatterns = [
    path("admin/", admin.site.urls),
    path("staff/", include("articles.exports.urls")),
    # An index of files of at most 50,000 addresses each (the old single file's ?p= is
    # dropped: the index lists every file).
    path("sitemap.xml", cache_public_page(sitemap_index), name="sitemap"),
    path(
        "sitemap-<slug:kind>-<int:number>.xml",
        cache_public_page(sitemap_file),
        name="sitemap_file",
    ),
    path("news-sitemap.xml", cache_public_page(news_sitemap), name="news_sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    # Browsers ask for /favicon.ico on every page, the admin's included.
    path("favicon.ico", RedirectView.as_view(url=static_url("favicon.svg"), permanent=True)),
    path("", include("articles.public.urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# A lost database answers 503 with a short notice instead of a 500 traceback page.
handler500 = "newsroom.views.error_500"
