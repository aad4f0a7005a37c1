"""Searching: a reader's words in, ranked published stories with snippets out.

A search's first page takes two statements, each joined to the SQL of the
visible stories (compiled once per search): the newest matches, scored, which
give both the count and the ranked window (``backends.base``); then the page's
stories as plain rows carrying only what the result list shows (the credit
line as stored at save time by ``rendering``, body and captions for the
snippets).  No model instances, no prefetches: building those cost several
times what the database took to answer.
"""

import datetime
import json
from functools import cached_property

from django.db import connections
from django.urls import reverse
from django.utils.dateparse import parse_datetime

from articles.blocks import PARAGRAPH
from articles.models import Article, Page, Photo, Section
from articles.public import fragments
from articles.search.backends import get_backend
from articles.search.backends.base import RANK_WINDOW
from articles.search.highlight import Highlighter
from articles.search.segment import query_terms

# Counting every hit of a word that most stories contain (株洲) costs more than the rest of
# the search, in proportion to how far it counts.  Readers are served the ranked window
# (the newest matches, ordered by relevance) and narrow the search, by date for instance,
# to reach further back.
MAX_RESULTS = RANK_WINDOW

# What one result shows: the stored credit line (and its rendering's version), section,
# page, and the text its snippet is cut from; per database, the parts that read JSON.
# The credit line is read from the small list parts (fragments.LISTING_KEYS): a key of the
# whole rendering would decompress the story page's HTML too on PostgreSQL.
_STORED = {
    "postgresql": "x.listing ->> 'v', x.listing ->> 'byline'",
    "sqlite": "json_extract(x.listing, '$.v'), json_extract(x.listing, '$.byline')",
}
_CAPTIONS = {
    "postgresql": "ARRAY(SELECT p.caption FROM {photo} p WHERE p.article_id = x.id "
    'ORDER BY p."order", p.id)',
    "sqlite": "(SELECT json_group_array(caption) FROM (SELECT p.caption FROM {photo} p "
    'WHERE p.article_id = x.id ORDER BY p."order", p.id))',
}
_PAGE_SQL = (
    "SELECT x.id, x.kicker, x.headline, x.subheadline, x.published_at, x.body, {stored}, "
    "s.name, g.label, {captions} "
    "FROM {article} x JOIN ({visible}) a ON a.pk = x.id "
    "LEFT JOIN {section} s ON s.id = x.section_id LEFT JOIN {page} g ON g.id = x.page_id "
    "WHERE x.id IN ({keys})"
)


def _json(value):
    return json.loads(value) if isinstance(value, str | bytes) else value


def _aware(value):
    """A publish time as the model would give it (aware, UTC) from a raw row."""
    if isinstance(value, str):
        value = parse_datetime(value)
    if value is not None and value.tzinfo is None:  # SQLite stores UTC without an offset
        value = value.replace(tzinfo=datetime.UTC)
    return value


class Hit:
    """A story in the results: what the result list shows of it, read-only.

    ``search_rank`` (higher is better, ``None`` beyond the ranked window),
    ``search_title`` and ``search_snippet`` (escaped HTML with the matched words
    in ``<mark>``); ``byline_text`` is the credit line as the story page prints it.
    """

    __slots__ = (
        "fragment_byline",
        "fragment_v",
        "headline",
        "kicker",
        "page_label",
        "pk",
        "published_at",
        "search_rank",
        "search_snippet",
        "search_title",
        "section_name",
        "subheadline",
    )

    def __repr__(self):
        return f"<Hit {self.pk}: {self.headline}>"

    @property
    def byline_text(self):
        return self.fragment_byline or ""

    def get_absolute_url(self):
        return reverse("articles:detail", args=[self.pk])


class SearchResults:
    """Ranked stories matching ``query`` within ``queryset``, sliced lazily.

    Always restricted to ``Article.objects.published()``, whatever queryset is
    given, so filters can narrow the results but never widen them.  Behaves as
    a sequence for ``Paginator``: ``count()`` and slicing, which gives ``Hit``
    objects.  At most ``max_results`` are counted and served; ``truncated``
    says whether more stories match.
    """

    max_results = MAX_RESULTS

    def __init__(self, query, queryset=None, using="default"):
        self.query = (query or "").strip()
        self.terms = query_terms(self.query)
        self.highlighter = Highlighter(self.terms)
        base = Article.objects.all() if queryset is None else queryset
        self.queryset = base.published()
        self.using = using

    @cached_property
    def _backend(self):
        return get_backend(self.using)

    @cached_property
    def _visible(self):
        """The SQL of the visible stories, compiled once for every statement of the search."""
        return self._backend.visible(self.queryset)

    @cached_property
    def _window(self):
        if not self.terms:
            return 0, []
        return self._backend.window(self.terms, self._visible, self.max_results + 1)

    def count(self):
        return min(self._count, self.max_results)

    @property
    def truncated(self):
        """Whether more stories match than are counted and served."""
        return self._count > self.max_results

    @property
    def _count(self):
        return self._window[0]

    def __len__(self):
        return self.count()

    def __bool__(self):
        return self.count() > 0

    def __getitem__(self, key):
        if isinstance(key, int):
            return self[key : key + 1][0]
        start, stop, step = key.indices(self.count())
        if step != 1:
            raise ValueError("Search results are sliced with a step of 1.")
        if stop <= start:
            return []
        ranked = self._window[1]
        page = ranked[start:stop]
        if stop > len(ranked):  # beyond the ranked window: newest first
            offset = max(start, len(ranked))
            newest = self._backend.newest(self.terms, self._visible, offset, stop - offset)
            page += [(pk, None) for pk in newest]
        return self._hits(page)

    def _hits(self, ranked):
        articles = self._rows([pk for pk, _rank in ranked])
        version = fragments.version()
        stale = [hit for hit, _texts in articles.values() if hit.fragment_v != version]
        if stale:  # rendered before its fragments' templates last changed, or never
            fragments.ensure_fragments(stale, "byline")
        hits = []
        for pk, rank in ranked:
            if pk not in articles:  # changed between the two queries
                continue
            hit, texts = articles[pk]
            hit.search_rank = rank
            hit.search_title = self.highlighter.highlight(hit.headline)
            hit.search_snippet = self.highlighter.snippet(texts)
            hits.append(hit)
        return hits

    def _rows(self, pks):
        """``{pk: (Hit, snippet texts)}`` of the visible stories among ``pks``."""
        if not pks:
            return {}
        connection = connections[self.using]
        visible, params = self._visible
        sql = _PAGE_SQL.format(
            stored=_STORED[connection.vendor],
            captions=_CAPTIONS[connection.vendor].format(photo=Photo._meta.db_table),
            article=Article._meta.db_table,
            section=Section._meta.db_table,
            page=Page._meta.db_table,
            visible=visible,
            keys=", ".join(["%s"] * len(pks)),
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, (*params, *pks))
            rows = cursor.fetchall()
        articles = {}
        for row in rows:
            hit = Hit()
            (
                hit.pk,
                hit.kicker,
                hit.headline,
                hit.subheadline,
                published_at,
                body,
                hit.fragment_v,
                hit.fragment_byline,
                hit.section_name,
                hit.page_label,
                captions,
            ) = row
            hit.published_at = _aware(published_at)
            texts = [b["text"] for b in _json(body) or () if b.get("type") == PARAGRAPH]
            texts += _json(captions) or ()
            articles[hit.pk] = hit, texts
        return articles


def search(query, queryset=None, using="default"):
    """Published stories matching every word of ``query``, best first (see SearchResults)."""
    return SearchResults(query, queryset, using=using)
