"""PostgreSQL full-text search over the segmented words.

The document is ``to_tsvector('simple', ...)`` of the space-separated jieba
words (title weighted A, labels B), in a table with a GIN index
(``models.SearchDocument``).  ``simple`` keeps every word as it is: no stemming
or stop words, which mean nothing for Chinese.

Only the newest matches by publish time are ranked (see ``base``), and the
newest matches are found span of time by span of time (``_spans``), so that
finding them reads the recent matches, not every match in the archive: the
index entry keeps the story's publish time for that, with a btree index.  ``ts_rank_cd`` scores the
``ranking`` vector (title, labels and lede): short enough to be stored inline,
where scoring the whole document means fetching and decompressing it from
TOAST for every candidate.
"""

import datetime
import itertools
import json
from contextlib import contextmanager
from dataclasses import dataclass

from django.utils import timezone

from articles.search.backends.base import SearchBackend
from articles.search.models import SearchDocument

# The spans of time a search reads, newest first, each back from now (then everything older).
# A daily paper files ~91 stories a day: a word in most of them (株洲) has its 201 newest
# matches within the first span, a word in 3 % within the first four (91 days), whatever the
# archive's age; each span read costs the GIN match and the span's matches.
SPANS = tuple(datetime.timedelta(days=days) for days in (3, 7, 30, 91, 365, 4 * 365, 16 * 365))

# A query whose rarest word is in this share of the visible stories or more is found by walking
# the newest stories (see ``_newest_sql``): 201 matches in at most ~670 lookups.
WALK_SHARE = 0.3

# ts_rank_cd normalisation 1: divide by 1 + log(length), so long stories do not win by size.
RANK_NORMALISATION = 1


@dataclass(frozen=True)
class Plan:
    """The planner's estimates for one search (``PostgresBackend._plan``)."""

    now: datetime.datetime
    bounds: list  # the start of each span, newest first
    every: float  # visible stories
    since: list  # visible stories published since each bound
    words: list  # visible stories that contain each word

    def visible_since(self, moment):
        """Visible stories published since ``moment``, interpolated between the bounds."""
        if moment is None:
            return None
        if isinstance(moment, str):
            moment = datetime.datetime.fromisoformat(moment)
        points = [(self.now, 0.0), *zip(self.bounds, self.since, strict=True)]
        for (newer, fewer), (older, more) in itertools.pairwise(points):
            if moment >= older:
                share = (newer - moment) / (newer - older) if newer > older else 0
                return fewer + max(0.0, min(1.0, share)) * (more - fewer)
        return self.every


class PostgresBackend(SearchBackend):
    def __init__(self, connection):
        super().__init__(connection)
        opts = SearchDocument._meta
        self.table = opts.db_table
        self.key = opts.pk.column
        self.document = opts.get_field("document").column
        self.ranking = opts.get_field("ranking").column
        self.published_at = opts.get_field("published_at").column
        self._plans = {}

    def upsert(self, documents):
        rows = [
            {
                "pk": d.pk,
                "title": d.title,
                "labels": d.labels,
                "body": d.body,
                "lede": d.lede,
                "published_at": d.published_at,
            }
            for d in documents
        ]
        with self.connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {self.table} "
                f"({self.key}, {self.document}, {self.ranking}, {self.published_at}) "
                "SELECT %(pk)s, head || to_tsvector('simple', %(body)s), "
                "head || to_tsvector('simple', %(lede)s), %(published_at)s FROM ("
                "SELECT setweight(to_tsvector('simple', %(title)s), 'A') "
                "|| setweight(to_tsvector('simple', %(labels)s), 'B') AS head) h "
                f"ON CONFLICT ({self.key}) DO UPDATE SET {self.document} = "
                f"EXCLUDED.{self.document}, {self.ranking} = EXCLUDED.{self.ranking}, "
                f"{self.published_at} = EXCLUDED.{self.published_at}",
                rows,
            )

    def remove(self, pks):
        with self.connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {self.table} WHERE {self.key} = ANY(%s)", [list(pks)])

    def clear(self):
        with self.connection.cursor() as cursor:
            cursor.execute(f"TRUNCATE {self.table}")

    @contextmanager
    def _planned_for_its_values(self):
        """A cursor whose statements PostgreSQL plans for the words and filters given.

        The site's connections prepare a statement run five times (settings.py), and a
        prepared statement soon runs a generic plan.  A search's best plan depends on how
        many stories its words and filters match (株洲 within 石峰区 took 70 ms on the
        generic plan against 7 ms planned for its values), so searches are not prepared.
        """
        with self.connection.cursor() as cursor:
            raw = self.connection.connection
            threshold = getattr(raw, "prepare_threshold", None)
            if threshold is not None:
                raw.prepare_threshold = None
            try:
                yield cursor
            finally:
                if threshold is not None:
                    raw.prepare_threshold = threshold

    def _matches(self, visible):
        visible_sql, params = visible
        sql = (
            f"FROM {self.table} d JOIN ({visible_sql}) a ON a.pk = d.{self.key} "
            f"WHERE d.{self.document} @@ plainto_tsquery('simple', %s)"
        )
        return sql, params

    def _plan(self, terms, visible):
        """The planner's estimates for this search, from one EXPLAIN (no rows are read):
        how many stories are visible, how many of them were published since the start of
        each span (``SPANS``), and how many contain each word.  Made once per search and
        backend: they choose how to find the newest matches (``_newest_sql``) and make
        the estimated count (``estimate``).
        """
        key = (tuple(terms), visible[0], tuple(visible[1]))
        if self._plans.get(key) is None:
            visible_sql, params = visible
            now = timezone.now()
            bounds = [now - span for span in SPANS]
            parts = [(f"SELECT 1 FROM ({visible_sql}) a", list(params))]
            parts += [
                (f"SELECT 1 FROM ({visible_sql}) a WHERE a.published_at >= %s", [*params, bound])
                for bound in bounds
            ]
            matches, params = self._matches(visible)
            parts += [(f"SELECT 1 {matches}", [*params, term]) for term in terms]
            with self._planned_for_its_values() as cursor:
                cursor.execute(
                    "EXPLAIN (FORMAT JSON) " + " UNION ALL ".join(sql for sql, _ in parts),
                    [value for _, values in parts for value in values],
                )
                plan = cursor.fetchone()[0]
            if isinstance(plan, str):
                plan = json.loads(plan)
            rows = [child["Plan Rows"] for child in plan[0]["Plan"]["Plans"]]
            every, since, words = rows[0], rows[1 : 1 + len(bounds)], rows[1 + len(bounds) :]
            self._plans[key] = Plan(now, bounds, every, since, words)
        return self._plans[key]

    def _newest_sql(self, columns, terms, visible, limit):
        """SQL and parameters of the ``limit`` newest matches (``columns`` of ``d`` and ``a``).

        A word in most stories (株洲) is found by walking the visible stories newest first
        (their publish-time index) and looking each up in the index: ``limit`` matches
        cost about ``limit`` lookups, whatever the filters.  Any other is read span by
        span (``_spans``).  The planner's estimate of the rarest word's share of the
        visible stories chooses.
        """
        matches, params = self._matches(visible)
        plan = self._plan(terms, visible)
        if min(plan.words) >= WALK_SHARE * max(plan.every, 1):
            return (
                f"SELECT * FROM (SELECT {columns} {matches} "
                f"ORDER BY a.published_at DESC, d.{self.key} DESC LIMIT %s) m",
                [*params, " ".join(terms), limit],
            )
        return self._spans(columns, terms, visible, limit, plan.bounds)

    def _spans(self, columns, terms, visible, limit, bounds):
        """SQL and parameters of the ``limit`` newest matches, span by span (see ``SPANS``).

        One ``UNION ALL`` branch per span of time, each a match within the span, ordered
        newest first and cut at ``limit``; the branches follow each other from the newest
        span back, and the statement's ``LIMIT`` stops reading them once it has enough.
        Each branch is planned for its own span and words: a topical word's branch is a
        BitmapAnd of the GIN match and the publish-time range (it reads that span's
        matches only).  ``published_at`` of the index entry chooses the span only; the
        order is the story's publish time and whether it is shown is the visible stories'
        SQL.  Entries without a time (drafts, and any not indexed since the column was
        added) are read with the newest span.
        """
        matches, params = self._matches(visible)
        query = " ".join(terms)
        column = f"d.{self.published_at}"
        ranges = [(f"({column} >= %s OR {column} IS NULL)", [bounds[0]])]
        ranges += [
            (f"{column} >= %s AND {column} < %s", [bound, newer])
            for newer, bound in itertools.pairwise(bounds)
        ]
        ranges.append((f"{column} < %s", [bounds[-1]]))
        branches, branch_params = [], []
        for condition, values in ranges:
            branches.append(
                f"(SELECT {columns} {matches} AND {condition} "
                f"ORDER BY a.published_at DESC, d.{self.key} DESC LIMIT %s)"
            )
            branch_params += [*params, query, *values, limit]
        return " UNION ALL ".join(branches), branch_params

    def count(self, terms, visible):
        matches, params = self._matches(visible)
        with self._planned_for_its_values() as cursor:
            cursor.execute(f"SELECT count(*) {matches}", (*params, " ".join(terms)))
            return cursor.fetchone()[0]

    def estimate(self, terms, visible, known, since):
        """How many stories match, from the planner's estimates (``_plan``), not a count,
        so that it costs the same for 300 matches as for 30,000.

        The ``known`` newest matches go back to ``since``: the matches are assumed to be
        as frequent among all the visible stories as among those published since then
        (the planner estimates both counts well, from the publish-time histogram).  A
        word in fashion lately would be overestimated so; no query matches more stories
        than its rarest word, which the planner estimates well from the index's word
        statistics (it cannot estimate words together: jieba cuts 技能人才 into 技能 and
        人才, which it takes as independent and finds 17 times too rare).
        """
        plan = self._plan(terms, visible)
        bound = min(plan.words)
        recent = plan.visible_since(since)
        if recent:
            bound = min(bound, known * plan.every / recent)
        return max(known, round(bound)), True

    def scored(self, terms, visible, limit):
        spans, params = self._newest_sql(
            f"d.{self.key}, d.{self.ranking}, a.published_at", terms, visible, limit
        )
        with self._planned_for_its_values() as cursor:
            cursor.execute(
                f"SELECT w.{self.key}, ts_rank_cd(w.{self.ranking}, "
                f"plainto_tsquery('simple', %s), {RANK_NORMALISATION}), w.published_at "
                f"FROM ({spans} LIMIT %s) w",
                (" ".join(terms), *params, limit),
            )
            return cursor.fetchall()

    def newest(self, terms, visible, offset, limit):
        spans, params = self._newest_sql(
            f"d.{self.key}, a.published_at", terms, visible, offset + limit
        )
        with self._planned_for_its_values() as cursor:
            cursor.execute(f"{spans} OFFSET %s LIMIT %s", (*params, offset, limit))
            return cursor.fetchall()
