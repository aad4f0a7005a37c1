"""RSS for the whole paper and for each section (django.contrib.syndication).

Editors type plain text, which the site escapes; feed readers, though, often show
an item's title and categories as HTML, so a ``<b>`` or a pasted ``<script>`` in
a headline or a tag would be markup there.  Feeds carry them as plain text.
"""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from articles.models import Article, Section, publication_name
from articles.public import structured_data

FEED_ITEMS = 30


def plain(text):
    """Text with any tags an editor typed removed, and its spaces collapsed."""
    return " ".join(strip_tags(text).split())


class LatestArticlesFeed(Feed):
    description = _("The latest stories, as printed in the paper.")

    def title(self):
        return publication_name()

    def link(self):
        return reverse("articles:home")

    def articles(self):
        return Article.objects.published().for_feed()

    def items(self):
        return self.articles()[:FEED_ITEMS]

    def item_title(self, item):
        return plain(item.title)

    def item_description(self, item):
        return structured_data.description(item)

    def item_author_name(self, item):
        return plain(item.byline_text) or None

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [name for name in (plain(tag.name) for tag in item.tags.all()) if name]


class SectionFeed(LatestArticlesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Section, slug=slug)

    def title(self, obj):
        return f"{publication_name()} · {plain(obj.name)}"

    def link(self, obj):
        return obj.get_absolute_url()

    def description(self, obj):
        return obj.description or _("The latest stories, as printed in the paper.")

    def items(self, obj):
        return self.articles().in_section(obj)[:FEED_ITEMS]
