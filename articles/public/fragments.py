"""A story's own content rendered to HTML once, when it or its parts are saved.

Readers' pages then join stored fragments instead of rebuilding bylines, photos,
roster boxes and body blocks from eight related tables on every request.  What
depends on *other* stories (related stories, commentary links, what is published)
is never stored here: the views look that up per request through ``published()``.
Request-free; stored by the editorial core's side effects (on commit) and by
``manage.py render_articles``, never by a reader's request.

Every stored rendering carries the ``version()`` it was made with: a digest of the
sources it is made from, with no number for anyone to remember to bump.  A rendering
of another version (a deploy changed a template) or none at all (rows loaded without
the core) is made again in memory for the request that reads it, and not saved: the
deploy runs ``render_articles``, which stores them all again.
"""

import datetime
import functools
import hashlib
import importlib.util
import re
from pathlib import Path

import django
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models.fields.json import KT
from django.template import Engine
from django.template.autoreload import get_template_directories
from django.template.backends.django import get_installed_libraries
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.text import Truncator
from taggit.models import TaggedItem

from articles import blocks as body_blocks
from articles.models import Article
from articles.public import structured_data

RELATED_CANDIDATES = 30
RELATED_WINDOW = datetime.timedelta(days=365)
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
    return queryset.for_rendering()


def summary(article, length=SUMMARY_LENGTH):
    paragraphs = article.paragraphs
    return Truncator(paragraphs[0]).chars(length) if paragraphs else ""


def fragments(article, related=True):
    """The stored rendering of ``article`` (fetched ``with_parts``), as a dict.

    ``related=False`` leaves out the related candidates (an empty list): a rendering
    made in memory for a list or a link never shows them, and finding them is the
    costliest part.
    """
    photos = list(article.photos.all())
    description = structured_data.description(article)
    context = {
        "article": article,
        "photos": photos,
        "lead_photo": photos[0] if photos else None,
        "blocks": blocks_with_photos(article.body, photos[1:]),
        "credited_above": credited_above(article, photos),
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
        "v": version(),
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
        "related": related_candidates(article) if related else [],
    }


def blocks_with_photos(body, photos):
    """``[(block, [photos after it]), …]``: the story's other photos spread through its text,
    as the printed page sets them, each after a paragraph (never after an intertitle, which
    belongs to the text below it).  A story with no paragraph has them after its last block,
    or, with no text at all, as one block of photos only (``block`` None)."""
    placed = [(block, []) for block in body]
    paragraphs = [
        index
        for index, block in enumerate(body)
        if block["type"] in (body_blocks.PARAGRAPH, body_blocks.VERSE)
    ]
    for number, photo in enumerate(photos, start=1):
        if paragraphs:
            share = number * len(paragraphs) // (len(photos) + 1)
            slot = paragraphs[min(len(paragraphs) - 1, share)]
        else:
            if not placed:
                placed.append((None, []))
            slot = len(placed) - 1
        placed[slot][1].append(photo)
    return placed


def credited_above(article, photos):
    """Keys of the photos whose credit the byline under the headline already prints (a
    photo story credited by its photographers): their caption leaves the credit out."""
    shown = {byline.pk for byline in article.credited_bylines}
    return {
        photo.pk
        for photo in photos
        if (credits := {byline.pk for byline in photo.credits.all()}) and credits <= shown
    }


def related_candidates(article):
    """Stories sharing a tag with ``article``, else its section, newest first (keys only).

    Only signed-off stories within ``RELATED_WINDOW`` of the story's own time are looked
    at: its contemporaries, found through the newest-first indexes (a rare tag's stories
    sorted, a common one's by walking the index: ``linked_from``) in the same time on a
    30-year archive as on a new one.  Whether they may be shown is decided per request
    through ``published()``; a story published later lists this one among its own.
    """
    tag_ids = [tag.pk for tag in article.tags.all()]
    when = article.published_at or timezone.now()
    others = (
        Article.objects.filter(
            status=Article.Status.PUBLISHED,
            published_at__gte=when - RELATED_WINDOW,
            published_at__lte=when + RELATED_WINDOW,
        )
        .exclude(pk=article.pk)
        .exclude(pk=article.main_article_id or 0)
        .order_by("-published_at", "-pk")
    )
    keys = []
    if tag_ids:
        tagged = TaggedItem.objects.filter(
            content_type=ContentType.objects.get_for_model(Article), tag__in=tag_ids
        )
        keys = list(
            others.linked_from((tagged, "object_id")).values_list("pk", flat=True)[
                :RELATED_CANDIDATES
            ]
        )
    if len(keys) < RELATED_CANDIDATES and article.section_id:
        keys += list(
            others.filter(section=article.section_id)
            .exclude(pk__in=keys)
            .values_list("pk", flat=True)[: RELATED_CANDIDATES - len(keys)]
        )
    return keys


def made(pks, related=True):
    """``{pk: rendering}`` of the stories with these primary keys, made now, not stored
    (without related candidates if not ``related``: for a list, never to be stored)."""
    return {
        article.pk: fragments(article, related=related)
        for article in with_parts(Article.objects.filter(pk__in=list(pks)))
    }


def listing(rendering):
    """The small copy of ``rendering`` that lists read (``LISTING_KEYS``)."""
    return {key: rendering[key] for key in LISTING_KEYS}


def render(pks):
    """Render the stories with these primary keys again and store the result."""
    for pk, rendering in made(pks).items():
        Article.objects.filter(pk=pk).update(rendered=rendering, listing=listing(rendering))


def stale():
    """Keys of the stories whose stored rendering is of another ``version()``, or none."""
    current = version()
    stored = Article.objects.annotate(stored_v=KT("listing__v")).values_list("pk", "stored_v")
    return [pk for pk, stored_v in stored.order_by("pk") if stored_v != current]


def with_fragments(queryset, *keys):
    """``queryset`` carrying only the named stored fragments (``fragment_<key>``)."""
    keys = ("v", *keys)
    return queryset.annotate(
        **{f"fragment_{key}": KT(f"{_field(key)}__{key}") for key in keys}
    ).defer("body", "rendered", "listing")


def _field(key):
    return "listing" if key in LISTING_KEYS else "rendered"


def ensure_fragments(articles, *keys):
    """``articles`` (read ``with_fragments``) with any fragments stored out of date, or
    never, made again in memory for this request; nothing is saved."""
    current = version()
    out_of_date = [article.pk for article in articles if article.fragment_v != current]
    fresh = made(out_of_date, related=False) if out_of_date else {}
    for article in articles:
        if article.pk in fresh:
            for key in ("v", *keys):
                setattr(article, f"fragment_{key}", fresh[article.pk][key])
    return articles


# What a stored rendering is made from.  The fragment templates are every template in
# this folder; the Python is this module and the template tag libraries they load, with
# every module of the project's own packages that those import, at any depth.
FRAGMENTS = "articles/fragments"
PROJECT_PACKAGES = ("articles", "people")
_TEMPLATE_NAME = re.compile(r"""{%\s*(?:extends|include)\s+["']([^"']+)["']""")
_LOAD = re.compile(r"{%\s*load\s+(.+?)\s*%}")


@functools.cache
def version():
    """The version of stored renderings ("v"): a digest of the sources they are made from.

    The fragment templates with what they extend, include and load, the Python that
    renders them (see ``sources()``), the compiled translations of the site's language,
    and Django's version.  Computed once per process, on first use (some 30 ms, most
    of it compiling the templates that the first rendering needs anyway).
    """
    digest = hashlib.sha256(django.get_version().encode())
    for name, source in sorted(sources().items()):
        digest.update(f"\0{name}\0{len(source)}\0".encode())
        digest.update(source)
    return digest.hexdigest()[:16]


def sources():
    """``{name: bytes}`` of every file a stored rendering depends on, named by template,
    module or locale rather than by path (the same wherever the site is installed)."""
    engine = Engine.get_default()
    templates, libraries = _templates(engine)
    modules = {__name__, *libraries}
    found = {f"template:{name}": source.encode() for name, source in templates.items()}
    found.update(
        (f"module:{name}", source) for name, source in _modules_with_imports(modules).items()
    )
    locale = translation.to_locale(settings.LANGUAGE_CODE)
    for index, directory in enumerate(settings.LOCALE_PATHS):
        catalog = Path(directory) / locale / "LC_MESSAGES" / "django.mo"
        if catalog.is_file():
            found[f"locale:{index}:{locale}"] = catalog.read_bytes()
    return found


def _templates(engine):
    """The fragment templates and those they name, with the modules of libraries loaded."""
    pending = sorted(
        {
            f"{FRAGMENTS}/{path.name}"
            for directory in get_template_directories()
            for path in (Path(directory) / FRAGMENTS).glob("*.html")
        }
    )
    known = {**get_installed_libraries(), **engine.libraries}
    templates, libraries = {}, set()
    while pending:
        name = pending.pop()
        if name in templates:
            continue
        source = templates[name] = engine.get_template(name).source
        pending += _TEMPLATE_NAME.findall(source)
        for words in _LOAD.findall(source):
            words = words.split()
            # {% load a b %} loads libraries a and b; {% load x y from c %} library c.
            names = words[-1:] if "from" in words else words
            libraries.update(known[library] for library in names)
    return templates, libraries


def _modules_with_imports(names):
    """``{module: source}`` of ``names`` and of the project's modules they import."""
    found = {}
    pending = list(names)
    while pending:
        name = pending.pop()
        if name in found:
            continue
        spec = importlib.util.find_spec(name)
        found[name] = Path(spec.origin).read_bytes()
        package = name if _is_package(name) else name.rpartition(".")[0]
        pending += _imports(found[name].decode(), package)
    return found


# Import statements, read from the source text: parsing it (ast) would cost ten times more
# on a worker's first request.  Something that only looks like one (in a docstring) at
# worst adds a module to the version.
_IMPORT = re.compile(
    r"^[ \t]*(?:from[ \t]+([.\w]+)[ \t]+import[ \t]+(\([^)]*\)|[^\n]*)|import[ \t]+([^\n]+))",
    re.MULTILINE,
)


def _imports(source, package):
    """The project's modules that ``source`` (of a module in ``package``) imports."""
    imported = []
    for base, names, modules in _IMPORT.findall(source):
        if modules:
            imported += _names(modules)
            continue
        base = importlib.util.resolve_name(base, package) if base.startswith(".") else base
        imported.append(base)
        if _project(base) and _is_package(base):  # ``from . import blocks``: module blocks
            imported += [f"{base}.{name}" for name in _names(names.strip("()"))]
    return [name for name in imported if _project(name) and importlib.util.find_spec(name)]


def _names(listed):
    """``a.b as c, d  # why`` → ``["a.b", "d"]``."""
    listed = re.sub(r"#[^\n]*", "", listed)
    return [name for name in (part.split(" as ")[0].strip() for part in listed.split(",")) if name]


def _project(name):
    return name.partition(".")[0] in PROJECT_PACKAGES


def _is_package(name):
    return importlib.util.find_spec(name).submodule_search_locations is not None
