"""Searching: a reader's words in, ranked published stories with snippets out.

A search's first page takes two statements, each joined to the SQL of the
visible stories (compiled once per search): the newest matches, scored, which
give the ranked window and, when no more than the window match, the count
(``backends.base``); then the page's stories as plain rows carrying only what
the result list shows (the credit line as stored at save time by
``rendering``, body and captions for the snippets).  When more match, a third
statement estimates how many (PostgreSQL; SQLite counts).  A page beyond the
window reads the slice of the newest matches at its depth instead of the
ranking.  No model instances, no prefetches: building those cost several times
what the database took to answer.
"""

import datetime
import json
from functools import cached_property

from django.db import connections
from django.urls import reverse
from django.utils.dateparse import parse_datetime

from articles.blocks import running_text
from articles.models import Article, Page, Photo, Section
from articles.public import fragments
from articles.search.backends import get_backend
from articles.search.highlight import Highlighter
from articles.search.segment import query_terms

# An estimate is shown to three significant figures (约 12300 篇): more would claim a precision
# the planner does not have.
ESTIMATE_FIGURES = 3

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


def rounded(count, figures=ESTIMATE_FIGURES):
    """``count`` to ``figures`` significant figures (12,345 → 12,300)."""
    scale = 10 ** max(0, len(str(count)) - figures)
    return round(count / scale) * scale


class SearchResults:
    """Ranked stories matching ``query`` within ``queryset``, sliced lazily.

    Always restricted to ``Article.objects.published()``, whatever queryset is
    given, so filters can narrow the results but never widen them.  Behaves as
    a sequence for a paginator: slicing gives ``Hit`` objects, first the ranked
    window, then every further match newest first, as deep as a slice asks; a
    slice costs what its depth costs, whatever the archive's size.

    ``count()`` is exact when a statement has shown it (no more than the ranked
    window match, or a slice reached the last match); otherwise the backend's
    estimate, rounded, with ``count_is_estimate`` true: readers see 约.
    """

    def __init__(self, query, queryset=None, using="default"):
        self.query = (query or "").strip()
        self.terms = query_terms(self.query)
        self.highlighter = Highlighter(self.terms)
        base = Article.objects.all() if queryset is None else queryset
        self.queryset = base.published()
        self.using = using
        self._exact = None  # the number of matches, once a statement has shown it
        self._at_least = 0  # how many matches statements have shown to exist
        self._since = None  # the publish time of the oldest of those

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
            self._exact = 0
            return 0, []
        count, ranked, since = self._backend.window(self.terms, self._visible)
        if count is None:
            self._seen(self._backend.rank_window + 1, since)
        else:
            self._exact = count
        return count, ranked

    def _seen(self, count, since):
        """Statements have shown that ``count`` matches go back to ``since``."""
        if count > self._at_least:
            self._at_least, self._since = count, since

    @cached_property
    def _counted(self):
        if self._exact is None and not self._at_least:
            self._window  # noqa: B018 - the first page's statement, exact when few match
        if self._exact is not None:
            return self._exact, False
        count, is_estimate = self._backend.estimate(
            self.terms, self._visible, self._at_least, self._since
        )
        if not is_estimate:
            self._exact = count
            return count, False
        return max(rounded(count), self._at_least), True

    def count(self):
        return self._counted[0]

    @property
    def count_is_estimate(self):
        """Whether ``count()`` is an estimate (shown as 约) rather than a count."""
        return self._counted[1]

    def __len__(self):
        return self.count()

    def __bool__(self):
        return self.count() > 0

    def __getitem__(self, key):
        if isinstance(key, int):
            return self[key : key + 1][0]
        if key.step not in (None, 1):
            raise ValueError("Search results are sliced with a step of 1.")
        start = key.start or 0
        stop = self.count() if key.stop is None else key.stop
        if start < 0 or stop < 0:
            raise ValueError("Search results are sliced from the start, not the end.")
        if stop <= start or not self.terms:
            return []
        ranked = []
        if start < self._backend.rank_window:
            count, window = self._window
            ranked = window[start:stop]
            if count is not None or stop <= len(window):
                return self._hits(ranked)
            offset = len(window)
        elif self._exact is not None and start >= self._exact:
            return []
        else:
            offset = start
        # Beyond the ranked window: the matches that follow it, newest first.
        wanted = stop - offset
        newest = self._backend.newest(self.terms, self._visible, offset, wanted)
        if newest:
            self._seen(offset + len(newest), newest[-1][1])
        if len(newest) < wanted and (newest or offset == 0):
            self._exact = offset + len(newest)
        return self._hits(ranked + [(pk, None) for pk, _published_at in newest])

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
            texts = [t for t in map(running_text, _json(body) or ()) if t is not None]
            texts += _json(captions) or ()
            articles[hit.pk] = hit, texts
        return articles


def search(query, queryset=None, using="default"):
    """Published stories matching every word of ``query``, best first (see SearchResults)."""
    return SearchResults(query, queryset, using=using)


def newest_matching(query, limit=1000, using="default", queryset=None):
    """Primary keys of the stories of any status matching every word of ``query``, newest
    first, at most ``limit``: for editors, whose search covers drafts and withdrawn stories.
    ``queryset`` narrows the stories searched (the admin list's filters: a year, a section).

    The index holds every story whatever its status.  Stories without a publish time
    (drafts) come first on PostgreSQL; SQLite gives its newest-filed first.  The cost is
    that of the ``limit`` newest matches, not of the archive.
    """
    terms = query_terms((query or "").strip())
    if not terms:
        return []
    backend = get_backend(using)
    stories = Article.objects.all() if queryset is None else queryset
    every_story = backend.visible(stories.using(using))
    return [pk for pk, _published_at in backend.newest(terms, every_story, 0, limit)]
