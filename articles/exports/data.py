"""A page (or a whole edition) as plain data: the JSON export format, and the
input of every other export format.  Request-free: links are made absolute with
the ``base_url`` the caller passes.

The shape is documented in docs/layout-json.md (and checked by a test).
"""

from collections import defaultdict

from django.conf import settings

from articles.credits import article_bylines, byline_line
from articles.models import Article, Page
from articles.photos import renditions
from articles.photos.renditions import rendition_url

FORMAT_NAME = "newsroom-layout"
FORMAT_VERSION = 1
STAFF_FIELDS = ("chief_editor", "art_editor", "proofreader")


def articles_queryset():
    """Stories with everything an export prints, in a fixed number of queries."""
    return Article.objects.for_export().order_by("page_position", "pk")


def pages_queryset():
    return Page.objects.select_related(
        "edition", "section", "chief_editor", "art_editor", "proofreader"
    )


def page_data(page, base_url=""):
    """One page as the JSON export dict."""
    return _pages_data([page], articles_queryset().filter(page=page), base_url)[0]


def edition_data(edition, base_url=""):
    """Every page of ``edition``, in page order, as JSON export dicts."""
    pages = list(pages_queryset().filter(edition=edition).order_by("order", "label"))
    # By the pages' keys rather than through a join on the edition: the planner then
    # reads each page's stories through the page index, whatever its statistics say.
    articles = articles_queryset().filter(page__in=[page.pk for page in pages])
    return _pages_data(pages, articles, base_url)


def _pages_data(pages, articles, base_url):
    by_page = defaultdict(list)
    for article in articles:
        by_page[article.page_id].append(article)
    return [
        {
            "format": FORMAT_NAME,
            "version": FORMAT_VERSION,
            "publication": settings.NEWSROOM_PUBLICATION,
            "edition": {"date": page.edition.date.isoformat(), "number": page.edition.number},
            "page": {
                "label": page.label,
                "name": page.name,
                "order": page.order,
                "section": _section(page.section),
                "staff": {
                    field: _person(getattr(page, field)) if getattr(page, field) else None
                    for field in STAFF_FIELDS
                },
            },
            "stories": [_article(article, base_url) for article in by_page[page.pk]],
        }
        for page in pages
    ]


def _section(section):
    if section is None:
        return None
    parent = section.parent if section.parent_id else None
    return {
        "name": section.name,
        "slug": section.slug,
        "kind": section.kind,
        "parent": {"name": parent.name, "slug": parent.slug, "kind": parent.kind}
        if parent
        else None,
    }


def _person(person):
    return {"id": person.pk, "name": person.name, "unit": person.unit, "staff": person.is_staff}


def _byline(byline):
    return {
        "person": _person(byline.person),
        "role": byline.role.name,
        "role_label": byline.role.print_label,
        "unit": byline.unit,
        "order": byline.order,
    }


def _article(article, base_url):
    bylines = list(article.bylines.all())
    text_bylines = [b for b in bylines if b.photo_id is None]
    photos = sorted(article.photos.all(), key=lambda p: (p.order, p.pk))
    return {
        "id": article.pk,
        "position": article.page_position,
        "kind": article.kind,
        "status": article.status,
        "published_at": article.published_at.isoformat() if article.published_at else None,
        "updated_at": article.updated_at.isoformat() if article.updated_at else None,
        "column": article.column,
        "kicker": article.kicker,
        "headline": article.headline,
        "subheadline": article.subheadline,
        "dateline": article.dateline,
        "section": _section(article.section),
        "byline": byline_line(article_bylines(bylines, article.kind == Article.Kind.PHOTO)),
        "bylines": [_byline(b) for b in text_bylines],
        "editor_note": article.editor_note_paragraphs,
        "body": [{"type": block["type"], "text": block["text"]} for block in article.body],
        "author_note": article.author_note_as_printed,
        "char_count": article.char_count,
        "tags": sorted(tag.name for tag in article.tags.all()),
        "photos": [_photo(photo, bylines, base_url) for photo in photos],
        "rosters": [
            {
                "title": roster.title,
                "stated_count": roster.stated_count,
                "names": [entry.name for entry in roster.entries.all()],
            }
            for roster in article.rosters.all()
        ],
        "main_story": article.main_article_id,
        "companions": sorted(c.pk for c in article.companions.all()),
        "corrections": [
            {"date": c.created_at.isoformat(), "note": c.note} for c in article.corrections.all()
        ],
        "url": _absolute(base_url, article.get_absolute_url()),
    }


def _absolute(base_url, path):
    return base_url.rstrip("/") + path if base_url else path


def _renditions(photo, base_url):
    """The photo's renditions (articles/renditions.py), largest last in each format.

    Exports link these, never the original: they are re-encoded from pixels alone,
    and the rendition view hands them out only once the story is published.
    """
    if not photo.image:
        return []
    return [
        {
            "url": _absolute(base_url, rendition_url(photo, rendition)),
            "width": rendition.width,
            "height": rendition.height,
            "content_type": rendition.content_type,
        }
        for fmt in renditions.FORMATS
        for rendition in renditions.renditions(photo, fmt)
    ]


def _photo(photo, bylines, base_url):
    credits = [b for b in bylines if b.photo_id == photo.pk]
    available = _renditions(photo, base_url)
    jpegs = [r for r in available if r["content_type"] == "image/jpeg"]
    return {
        "id": photo.pk,
        "order": photo.order,
        "caption": photo.caption,
        "alt_text": photo.alt_text,
        "image": jpegs[-1]["url"] if jpegs else "",
        "renditions": available,
        "file": photo.image.name,
        "width": photo.width,
        "height": photo.height,
        "credit": byline_line(credits, photo=True),
        "credits": [_byline(b) for b in credits],
    }
