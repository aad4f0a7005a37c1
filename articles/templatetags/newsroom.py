"""Template helpers for the readers' site: linked credit lines and responsive pictures."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from articles.credits import byline_segments
from articles.photos import renditions
from articles.photos.renditions import rendition_url

register = template.Library()


def _linked_credits(bylines, photo=False):
    """The printed credit line with each name linked to its person's page."""
    parts = []
    for text, byline in byline_segments(bylines, photo):
        if byline is None:
            parts.append(format_html("{}", text))
        else:
            url = byline.person.get_absolute_url()
            parts.append(format_html('<a href="{}" rel="author">{}</a>', url, text))
    return mark_safe("".join(parts))


@register.simple_tag
def linked_byline(article):
    """``article.byline_text`` with links: same bylines, same convention."""
    return _linked_credits(article.credited_bylines)


@register.simple_tag
def linked_photo_credit(photo):
    """``photo.credit_text`` with links."""
    return _linked_credits(photo.credits.all(), photo=True)


@register.simple_tag
def picture(photo, sizes="100vw", eager=False, css_class=""):
    """A ``<picture>`` with WebP and JPEG renditions, width/height, alt, lazy loading."""
    sources = {}
    for fmt in renditions.FORMATS:
        sources[fmt] = [(rendition_url(photo, r), r) for r in renditions.renditions(photo, fmt)]
    fallback_url, fallback = sources["jpg"][-1]
    srcset = {
        fmt: format_html_join(", ", "{} {}w", ((url, r.width) for url, r in items))
        for fmt, items in sources.items()
    }
    loading = 'fetchpriority="high"' if eager else 'loading="lazy"'
    return format_html(
        '<picture><source type="image/webp" srcset="{}" sizes="{}">'
        '<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}" '
        '{} decoding="async"{}></picture>',
        srcset["webp"],
        sizes,
        fallback_url,
        srcset["jpg"],
        sizes,
        fallback.width,
        fallback.height,
        photo.alt,
        mark_safe(loading),
        format_html(' class="{}"', css_class) if css_class else "",
    )


@register.filter
def summary(article, length=90):
    """The first paragraph, shortened, for lists."""
    from django.utils.text import Truncator

    paragraphs = article.paragraphs
    return Truncator(paragraphs[0]).chars(int(length)) if paragraphs else ""
