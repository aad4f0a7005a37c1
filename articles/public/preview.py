"""Previews: a story or a whole page as readers will see it, before it is published.

Staff signed in to the admin see any story or page; anyone else needs a signed link
(``signed_story_url``, ``signed_page_url``) that names what it shows and expires, made
for the duty chief to open on a phone.  Without either, the answer is 404, as if the
address did not exist: a preview never tells a stranger that a draft is there.

The readers' templates render the preview, from renderings made now in memory (what
the story is as saved, never a stored copy of an older one) and never stored or put
in the page cache.  Links from a preview to the stories and photos it shows lead to
their previews, carrying the same signature, so a phone can follow them.  The readers'
own views are untouched: they still show only ``Article.objects.published()``.
"""

import datetime

from django.core import signing
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from articles.models import Article, Page, Photo
from articles.photos import renditions
from articles.public import fragments

LINK_MAX_AGE = datetime.timedelta(hours=12)
SALT = "articles.public.preview"
STORY, PAGE = "story", "page"


def _signer():
    return signing.TimestampSigner(salt=SALT)


def sign(kind, pk):
    """A token for one story or page (``kind`` ``STORY`` or ``PAGE``), valid LINK_MAX_AGE."""
    return _signer().sign(f"{kind}:{pk}")


def signed_for(token):
    """``(kind, pk, expires)`` of a valid, unexpired token; None for anything else."""
    if not token or len(token) > 200:
        return None
    try:
        value = _signer().unsign(token, max_age=LINK_MAX_AGE)
        # The same signature read without its age: the value with its timestamp.
        stamped = signing.Signer(salt=SALT).unsign(token)
    except signing.BadSignature:  # an expired signature is a bad one too
        return None
    kind, _, pk = value.partition(":")
    if kind not in (STORY, PAGE) or not pk.isdigit():
        return None
    signed_at = signing.b62_decode(stamped.rsplit(":", 1)[1])
    expires = datetime.datetime.fromtimestamp(signed_at, tz=datetime.UTC) + LINK_MAX_AGE
    return kind, int(pk), expires


def story_url(article, token=None):
    url = reverse("articles:preview_story", args=[article.pk])
    return f"{url}?{urlencode({'token': token})}" if token else url


def page_url(page, token=None):
    url = reverse("articles:preview_page", args=[page.edition.date, page.label])
    return f"{url}?{urlencode({'token': token})}" if token else url


def signed_story_url(article):
    """The story's preview address for someone not signed in (a phone), expiring."""
    return story_url(article, sign(STORY, article.pk))


def signed_page_url(page):
    return page_url(page, sign(PAGE, page.pk))


def may_preview(user):
    """Staff who may read stories in the admin see every preview without a link."""
    return bool(
        user.is_authenticated
        and user.is_active
        and user.is_staff
        and user.has_perm("articles.view_article")
    )


class Access:
    """How this request may see previews: as staff, or through one signed token."""

    def __init__(self, request):
        self.staff = may_preview(request.user)
        self.token = request.GET.get("token", "")
        self.signed = None if self.staff else signed_for(self.token)

    @property
    def allowed(self):
        return self.staff or self.signed is not None

    def covers_story(self, article):
        """Staff see any story; a story's token shows that story only, a page's token the
        stories placed on that page.  A withdrawn story is shown to staff alone."""
        if self.staff:
            return True
        if self.signed is None or article.status == Article.Status.WITHDRAWN:
            return False
        kind, pk, _expires = self.signed
        return (kind == STORY and pk == article.pk) or (kind == PAGE and pk == article.page_id)

    def covers_page(self, page):
        if self.staff:
            return True
        return self.signed is not None and self.signed[:2] == (PAGE, page.pk)

    @property
    def link_token(self):
        """What links inside the preview carry: the token it was opened with, if any."""
        return None if self.staff else self.token


def _private(response):
    # Never in a shared cache, never indexed, and the token never leaves in a Referer.
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response


def _photo_urls(photos, token):
    """``{public rendition address: preview address}`` for ``photos``."""
    mapping = {}
    for photo in photos:
        if not photo.image:
            continue
        for fmt in renditions.FORMATS:
            for rendition in renditions.renditions(photo, fmt):
                public = renditions.rendition_url(photo, rendition)
                url = reverse(
                    "articles:preview_photo",
                    args=[photo.pk, renditions.token(photo), rendition.width, fmt],
                )
                mapping[public] = f"{url}?{urlencode({'token': token})}" if token else url
    return mapping


def _story_urls(articles, token):
    return {
        f'href="{article.get_absolute_url()}"': f'href="{story_url(article, token)}"'
        for article in articles
    }


def _relinked(html, mapping):
    for public, preview in mapping.items():
        html = html.replace(public, preview)
    return html


def _rendered(article, mapping):
    rendering = fragments.fragments(article, related=False)
    return {
        key: _relinked(value, mapping) if isinstance(value, str) else value
        for key, value in rendering.items()
    }


def _unseen():
    raise Http404


def story(request, pk):
    """One story as its readers' page will show it, whatever its status."""
    access = Access(request)
    if not access.allowed:
        _unseen()
    article = (
        fragments.with_parts(Article.objects.filter(pk=pk))
        .select_related("main_article", "signed_off_by")
        .first()
    )
    if article is None or not access.covers_story(article):
        _unseen()
    token = access.link_token
    mapping = {
        **_photo_urls(article.photos.all(), token),
        **_story_urls([article], token),
    }
    article.rendered = _rendered(article, mapping)
    absolute = request.build_absolute_uri
    context = {
        "article": article,
        "url": absolute(article.get_absolute_url()),
        "main_story": article.main_article.title if article.main_article else "",
        "companions": "",
        "related": "",
        "json_ld": "{}",
        "og_image": "",
        "preview": preview_notice(request, access, article=article),
    }
    return _private(TemplateResponse(request, "articles/preview/story.html", context))


def page(request, date, label):
    """A whole printed page with every story placed on it, published or not."""
    access = Access(request)
    if not access.allowed:
        _unseen()
    found = get_object_or_404(
        Page.objects.select_related(
            "edition", "section", "chief_editor", "art_editor", "proofreader"
        ),
        edition__date=date,
        label=label,
    )
    if not access.covers_page(found):
        _unseen()
    token = access.link_token
    articles = list(fragments.with_parts(Article.objects.on_page(found)))
    mapping = _story_urls(articles, token)
    for article in articles:
        mapping.update(_photo_urls(article.photos.all(), token))
    for article in articles:
        article.fragment_card = _rendered(article, mapping)["card"]
    siblings = list(Page.objects.filter(edition=found.edition_id).order_by("order", "label"))
    context = {
        "page": found,
        "edition": found.edition,
        "articles": articles,
        # Other pages are reached through their own previews, by staff only.
        "sibling_pages": siblings if access.staff else [found],
        "previous_page": None,
        "next_page": None,
        "preview": preview_notice(request, access, page=found, articles=articles),
    }
    return _private(TemplateResponse(request, "articles/preview/page.html", context))


def preview_notice(request, access, article=None, page=None, articles=()):
    """What the banner over a preview says: what this is, and the link for a phone."""
    unpublished = [a for a in ([article] if article else articles) if not a.is_public]
    notice = {
        "article": article,
        "page": page,
        "unpublished": len(unpublished),
        "staff": access.staff,
    }
    if access.staff:
        url = signed_story_url(article) if article else signed_page_url(page)
        notice["phone_url"] = request.build_absolute_uri(url)
        notice["expires"] = timezone.now() + LINK_MAX_AGE
    else:
        notice["expires"] = access.signed[2]
    return notice


def photo(request, pk, token, width, fmt):
    """A rendition of a photo shown in a preview (the readers' address serves only the
    photos of published stories)."""
    access = Access(request)
    if not access.allowed:
        _unseen()
    found = get_object_or_404(Photo.objects.select_related("article"), pk=pk)
    if (
        not access.covers_story(found.article)
        or fmt not in renditions.FORMATS
        or token != renditions.token(found)
        or width not in renditions.widths(found)
    ):
        _unseen()
    try:
        target = renditions.ensure(found, width, fmt)
    except OSError:
        raise Http404 from None
    response = FileResponse(target.open("rb"), content_type=renditions.FORMATS[fmt][1])
    return _private(response)
