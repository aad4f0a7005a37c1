"""RSS for the whole paper and for each section (django.contrib.syndication)."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from . import structured_data
from .models import Article, Section, publication_name

FEED_ITEMS = 30


class LatestStoriesFeed(Feed):
    description = _("The latest stories, as printed in the paper.")

    def title(self):
        return publication_name()

    def link(self):
        return reverse("articles:home")

    def stories(self):
        return Article.objects.published().for_listing().prefetch_related("tags")

    def items(self):
        return self.stories()[:FEED_ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return structured_data.description(item)

    def item_author_name(self, item):
        return item.byline_text or None

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]


class SectionFeed(LatestStoriesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Section, slug=slug)

    def title(self, obj):
        return f"{publication_name()} · {obj.name}"

    def link(self, obj):
        return obj.get_absolute_url()

    def description(self, obj):
        return obj.description or _("The latest stories, as printed in the paper.")

    def items(self, obj):
        return self.stories().in_section(obj)[:FEED_ITEMS]
