"""The readers' busiest pages read in a few prepared queries (request-free).

The story page and the front page are what most readers open, so their queries are
compiled once per process (``prepared.py``) from the same ``published()`` querysets
every other view uses (its "now" bound each time the SQL runs), and their rows, read
by field name, become light unsaved model instances carrying only what those pages
show.  Everything else a story shows was rendered when it was saved (``fragments.py``).
"""

from django.db import models
from django.db.models import Q, Subquery
from django.db.models.fields.json import KT
from django.utils import timezone
from django.utils.safestring import mark_safe

from articles.models import Article, Edition, Page, Section
from articles.public import fragments
from articles.public.prepared import Parameter, PreparedQuery, fill, parameters

RELATED_ARTICLES = 5
COMPANIONS = 10

_key = models.IntegerField()
# The "now" of published(), bound when the SQL runs rather than when it is compiled, so
# a scheduled story appears by itself at its time in a query compiled long before.  (The
# clock is looked up on each call, so that tests can set it.)
_NOW = Parameter("now", models.DateTimeField(), default=lambda: timezone.now())


def _published():
    return Article.objects.published(now=_NOW)


_ARTICLE_FIELDS = (
    "pk",
    "kind",
    "kicker",
    "headline",
    "subheadline",
    "published_at",
    "updated_at",
    "main_article_id",
    "rendered",
    "section_id",
    "section__name",
    "section__slug",
    "page_id",
    "page__label",
    "page__name",
    "page__edition__date",
    "page_position",
)

ARTICLE = PreparedQuery(
    lambda: _published().filter(pk=Parameter("pk", _key)).values_list(*_ARTICLE_FIELDS)[:1]
)

# The story's published commentary, its parent story if published, and published
# stories among its stored related candidates, in one round trip: their stored links.
NEIGHBOURS = PreparedQuery(
    lambda: (
        _published()
        .filter(
            Q(main_article=Parameter("pk", _key))
            | Q(pk=Parameter("parent", _key))
            | Q(pk__in=parameters("candidate", fragments.RELATED_CANDIDATES, _key))
        )
        .exclude(pk=Parameter("pk", _key))
        .order_by("-published_at", "-pk")
        .annotate(
            listing_v=KT("listing__v"),
            link=KT("listing__link"),
            companion_item=KT("listing__companion_item"),
            related_item=KT("listing__related_item"),
        )
        .values_list(
            "pk", "main_article_id", "listing_v", "link", "companion_item", "related_item"
        )[: RELATED_ARTICLES + COMPANIONS + 1]
    )
)

# A page's published stories in print order, for a story's 上一篇/下一篇: keys and stored
# links only (a printed page holds a few dozen stories at most).
PAGE_ORDER = PreparedQuery(
    lambda: (
        _published()
        .filter(page=Parameter("page", _key))
        .order_by("page_position", "pk")
        .annotate(listing_v=KT("listing__v"), link=KT("listing__link"))
        .values_list("pk", "listing_v", "link")
    )
)

# The latest edition readers may see (an edition of drafts does not exist yet for them):
# the newest by date with a published story, found by walking the editions' date index.
_LATEST_EDITION = Edition.objects.published(now=_NOW).order_by("-date").values("pk")[:1]

_LATEST_COMMENTARY = _published().filter(kind=Article.Kind.COMMENTARY).values("pk")[:1]

_FRONT_FIELDS = (
    "pk",
    "listing",
    "headline",
    "page_id",
    "page__label",
    "page__name",
    "page__section__name",
    "page__edition_id",
    "page__edition__date",
    "page__edition__number",
    "kind",
    "published_at",
    "page__order",
    "page_position",
)

# In one round trip: the latest edition's published stories in print order, and the
# latest published commentary (which may be printed elsewhere), with their stored list
# fragments.  Two branches joined with UNION ALL, so each finds its rows through an index
# (the edition's pages, the story's key); an OR across the page join could use none and
# read every published story.  Which rows are which is told apart in Python
# (front_page()); the commentary printed in the edition comes twice.
FRONT_ARTICLES = PreparedQuery(
    lambda: (
        _published()
        .filter(page__edition=Subquery(_LATEST_EDITION))
        .order_by()
        .values_list(*_FRONT_FIELDS)
        .union(
            _published()
            .filter(pk=Subquery(_LATEST_COMMENTARY))
            .order_by()
            .values_list(*_FRONT_FIELDS),
            all=True,
        )
        .order_by("page__order", "page__label", "page_position", "pk")
    )
)

# Without an edition: the latest stories.
LATEST_ARTICLES = PreparedQuery(lambda: _published().values_list("pk", "listing", "headline")[:20])


def _fresh(rows, field):
    """``rows``, where the rendering they read (``field``, or its version) was stored by
    another version or never, with it made again in memory for this request.  Nothing is
    saved: the release's ``render_articles`` stores them."""
    version = fragments.version()
    out_of_date = [row.pk for row in rows if _version(getattr(row, field)) != version]
    if not out_of_date:
        return rows
    made = fragments.made(out_of_date, related=field == "rendered")
    return [_made_again(row, made[row.pk]) if row.pk in made else row for row in rows]


def _made_again(row, rendering):
    """``row`` with what it read of the stored rendering taken from ``rendering``."""
    read = {
        "rendered": rendering,
        "listing": fragments.listing(rendering),
        "listing_v": rendering["v"],
        "link": rendering["link"],
        "companion_item": rendering["companion_item"],
        "related_item": rendering["related_item"],
    }
    return row._replace(**{name: read[name] for name in row._fields if name in read})


def _version(stored):
    return stored.get("v") if isinstance(stored, dict) else stored


class ArticleRow:
    """What a reader's page shows of a story, without a model instance's cost."""

    __slots__ = (
        "headline",
        "kicker",
        "kind",
        "main_article_id",
        "page",
        "page_position",
        "pk",
        "published_at",
        "rendered",
        "section",
        "subheadline",
        "updated_at",
    )

    def __init__(self, **fields):
        for name in self.__slots__:
            setattr(self, name, fields.get(name))

    title = Article.title
    get_absolute_url = Article.get_absolute_url

    @property
    def section_id(self):
        return self.section.pk if self.section else None


# What a Story takes from its row as it is (the section and page become instances).
_ARTICLE_COPIED = tuple(name for name in ArticleRow.__slots__ if name in _ARTICLE_FIELDS)


def article(pk):
    """The published story ``pk`` with its stored fragments, or None."""
    rows = _fresh(ARTICLE.rows(pk=pk), "rendered")
    if not rows:
        return None
    row = rows[0]
    section = page = None
    if row.section_id:
        section = Section(pk=row.section_id, name=row.section__name, slug=row.section__slug)
    if row.page_id:
        page = Page(
            pk=row.page_id,
            label=row.page__label,
            name=row.page__name,
            edition=Edition(date=row.page__edition__date),
        )
    return ArticleRow(
        **{name: getattr(row, name) for name in _ARTICLE_COPIED}, section=section, page=page
    )


def neighbours(article):
    """``(parent link, commentary items, related items)`` of published stories, as HTML.

    The parent link is None when the story has no published parent; the items are
    ``<li>`` elements joined, empty when there are none.
    """
    values = {
        "pk": article.pk,
        "parent": article.main_article_id,
        **fill("candidate", article.rendered.get("related", []), fragments.RELATED_CANDIDATES, 0),
    }
    rows = _fresh(NEIGHBOURS.rows(**values), "listing_v")
    parent, companions, related = None, [], []
    for row in rows:
        if row.pk == article.main_article_id:
            parent = mark_safe(row.link)
        elif row.main_article_id == article.pk:
            companions.append(row.companion_item)
        elif len(related) < RELATED_ARTICLES:
            related.append(row.related_item)
    return parent, mark_safe("".join(companions)), mark_safe("".join(related))


def page_order(article):
    """``(previous, next)`` published stories of ``article``'s printed page in print order,
    as stored links (None at either end, both None for a story on no page)."""
    if article.page is None:
        return None, None
    rows = _fresh(PAGE_ORDER.rows(page=article.page.pk), "listing_v")
    keys = [row.pk for row in rows]
    if article.pk not in keys:
        return None, None
    at = keys.index(article.pk)
    previous = mark_safe(rows[at - 1].link) if at > 0 else None
    following = mark_safe(rows[at + 1].link) if at + 1 < len(rows) else None
    return previous, following


class Card:
    """A story in a list: its key, headline and stored list fragments."""

    __slots__ = ("card", "has_photo", "headline", "lead", "pk", "summary")

    def __init__(self, pk, listing, headline):
        self.pk, self.headline = pk, headline
        self.card = listing["card"]
        self.lead = listing["lead"]
        self.has_photo = listing["has_photo"]
        self.summary = listing["summary"]

    get_absolute_url = Article.get_absolute_url


class PrintedPage:
    """A page of the edition on the front page: its address and its stories' cards joined."""

    __slots__ = ("cards", "label", "name", "pk", "url")

    def __init__(self, pk, label, name, url, cards):
        self.pk, self.label, self.name, self.url, self.cards = pk, label, name, url, cards


class FrontPage:
    """What the front page shows (see ``front_page()``)."""

    __slots__ = ("commentary", "edition", "latest", "lead", "pages")

    def __init__(self):
        self.edition = self.lead = self.commentary = None
        self.pages, self.latest = [], ""


def _joined(cards):
    return mark_safe("".join(card.card for card in cards))


def front_page():
    """The latest edition's lead story and printed pages, and the latest commentary.

    The lead is the first story in print order with a photo (else the first story); the
    pages list the others' cards.  With no edition yet, ``edition`` is None, there are
    no pages, and ``latest`` joins the cards of the newest stories.
    """
    rows = list({row.pk: row for row in _fresh(FRONT_ARTICLES.rows(), "listing")}.values())
    front = FrontPage()
    # The rows are the latest edition's stories plus, if printed elsewhere or nowhere,
    # the latest commentary: the edition is the newest among them, the commentary the
    # newest commentary among them.
    dated = [row for row in rows if row.page__edition_id is not None]
    latest = max(dated, key=lambda row: row.page__edition__date, default=None)
    commentaries = [row for row in rows if row.kind == Article.Kind.COMMENTARY]
    pick = max(commentaries, key=lambda row: (row.published_at, row.pk), default=None)
    cards, pages, page_cards = [], {}, {}  # pages: each printed page's first row
    for row in rows:
        card = Card(row.pk, row.listing, row.headline)
        if row is pick:
            front.commentary = card
        if latest is None or row.page__edition_id != latest.page__edition_id:
            continue  # the latest commentary, printed in an older edition or nowhere
        if front.edition is None:
            front.edition = Edition(
                pk=row.page__edition_id,
                date=row.page__edition__date,
                number=row.page__edition__number,
            )
        cards.append(card)
        pages.setdefault(row.page_id, row)
        page_cards.setdefault(row.page_id, []).append(card)
    if front.edition is None:
        rows = _fresh(LATEST_ARTICLES.rows(), "listing")
        cards = [Card(row.pk, row.listing, row.headline) for row in rows]
        front.lead = _lead(cards)
        front.latest = _joined(card for card in cards if card is not front.lead)
        return front
    front.lead = _lead(cards)
    front.pages = [
        PrintedPage(
            row.page_id,
            row.page__label,
            row.page__name or row.page__section__name or "",
            Page(label=row.page__label, edition=front.edition).get_absolute_url(),
            _joined(card for card in page_cards[row.page_id] if card is not front.lead),
        )
        for row in pages.values()
    ]
    return front


def _lead(cards):
    return next((card for card in cards if card.has_photo), cards[0] if cards else None)
