"""A story's own content rendered to HTML once, when it or its parts are saved.

Readers' pages then join stored fragments instead of rebuilding bylines, photos,
roster boxes and body blocks from eight related tables on every request.  What
depends on *other* stories (related stories, commentary links, what is published)
is never stored here: the views look that up per request through ``published()``.
Request-free; called from the signal handlers and, for rows saved without signals
(fixtures), lazily by the views.
"""

from django.conf import settings
from django.db.models import F, Prefetch
from django.db.models.fields.json import KT
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import format_html
from django.utils.text import Truncator

from . import structured_data
from .models import Article, Byline, Photo

# Bump when the fragment templates change so stored fragments are made again.
VERSION = 8
RELATED_CANDIDATES = 30
# The fragments lists of stories read, stored again apart from the large ones (the story
# page's HTML): a list query then reads one small value per story instead of extracting
# keys from, and so decompressing, each story's whole rendering (PostgreSQL TOAST).
LISTING_KEYS = (
    "v",
    "card",
    "lead",
    "has_photo",
    "summary",
    "byline",
    "link",
    "related_item",
    "companion_item",
)
SUMMARY_LENGTH = 90


def with_parts(queryset):
    """Everything a story's fragments show, fetched in a fixed number of queries."""
    return queryset.select_related("section", "page__edition").prefetch_related(
        Prefetch("bylines", queryset=Byline.objects.select_related("person", "role")),
        Prefetch(
            "photos",
            queryset=Photo.objects.prefetch_related(
                Prefetch("credits", queryset=Byline.objects.select_related("person", "role"))
            ),
        ),
        "rosters__entries",
        "tags",
        "corrections",
    )


def summary(article, length=SUMMARY_LENGTH):
    paragraphs = article.paragraphs
    return Truncator(paragraphs[0]).chars(length) if paragraphs else ""


def fragments(article):
    """The stored rendering of ``article`` (fetched ``with_parts``), as a dict."""
    photos = list(article.photos.all())
    description = structured_data.description(article)
    context = {
        "article": article,
        "photos": photos,
        "summary": summary(article),
        "description": description,
    }
    with translation.override(settings.LANGUAGE_CODE):
        head = render_to_string("articles/fragments/head.html", context)
        # The story page's own parts (its template only joins them with what other
        # stories decide): sharing tags, and breadcrumbs plus headlines and print line.
        page_meta = render_to_string("articles/fragments/page_meta.html", context)
        page_top = render_to_string("articles/fragments/page_top.html", {**context, "head": head})
        html = render_to_string("articles/fragments/story.html", context)
        card = render_to_string("articles/fragments/card.html", context)
        lead = render_to_string("articles/fragments/lead.html", context)
        # How other stories' pages list this one (as related, as commentary, as parent).
        link = format_html('<a href="{}">{}</a>', article.get_absolute_url(), article.title)
        listed = {**context, "link": link}
        related_item = render_to_string("articles/fragments/related_item.html", listed).strip()
        companion_item = render_to_string("articles/fragments/companion_item.html", listed).strip()
    parts = structured_data.news_article_parts(article)
    return {
        "v": VERSION,
        "head": head,
        "page_meta": page_meta,
        "page_top": page_top,
        "html": html,
        "card": card,
        "lead": lead,
        "link": link,
        "related_item": related_item,
        "companion_item": companion_item,
        "summary": summary(article),
        "description": description,
        "byline": article.byline_text,
        "has_photo": "1" if photos else "",
        "ld": parts,
        "related": related_candidates(article),
    }


def related_candidates(article):
    """Stories sharing a tag with ``article``, else its section, newest first (keys only).

    Whether they may be shown is decided per request through ``published()``; a story
    published later lists this one among its own candidates.
    """
    tag_ids = [tag.pk for tag in article.tags.all()]
    others = Article.objects.exclude(pk=article.pk).exclude(pk=article.main_story_id or 0)
    newest = (F("published_at").desc(nulls_last=True), "-pk")
    keys = list(
        others.filter(tags__in=tag_ids)
        .order_by(*newest)
        .values_list("pk", flat=True)
        .distinct()[:RELATED_CANDIDATES]
    )
    if len(keys) < RELATED_CANDIDATES and article.section_id:
        keys += list(
            others.filter(section=article.section_id)
            .exclude(pk__in=keys)
            .order_by(*newest)
            .values_list("pk", flat=True)[: RELATED_CANDIDATES - len(keys)]
        )
    return keys


def render(pks):
    """Render the stories with these primary keys again and store the result."""
    for article in with_parts(Article.objects.filter(pk__in=list(pks))):
        rendered = fragments(article)
        Article.objects.filter(pk=article.pk).update(
            rendered=rendered, listing={key: rendered[key] for key in LISTING_KEYS}
        )


def with_fragments(queryset, *keys):
    """``queryset`` carrying only the named stored fragments (``fragment_<key>``)."""
    keys = ("v", *keys)
    return queryset.annotate(
        **{f"fragment_{key}": KT(f"{_field(key)}__{key}") for key in keys}
    ).defer("body", "rendered", "listing")


def _field(key):
    return "listing" if key in LISTING_KEYS else "rendered"


def ensure_fragments(articles, *keys):
    """Fill in the fragments of any of ``articles`` stored out of date or never (rows
    loaded without signals, such as fixtures, are rendered on their first view)."""
    stale = [a.pk for a in articles if str(a.fragment_v) != str(VERSION)]
    if stale:
        render(stale)
        fresh = dict(Article.objects.filter(pk__in=stale).values_list("pk", "rendered"))
        for article in articles:
            if article.pk in fresh:
                for key in keys:
                    setattr(article, f"fragment_{key}", fresh[article.pk][key])
    return articles
