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
SPANS = tuple(datetime.timedelta(days=days) for days in (3, 7, 30, 91, 182, 365, 4 * 365, 16 * 365))

# A query whose rarest word is in this share of the visible stories or more is found by walking
# the newest stories (see ``_newest_sql``): 201 matches in at most ~670 lookups.
WALK_SHARE = 0.3

# ts_rank_cd normalisation 1: divide by 1 + log(length), so long stories do not win by size.
RANK_NORMALISATION = 1


@dataclass(frozen=True)
class Statistics:
    """The planner's expectations for one search's words (``PostgresBackend._statistics``)."""

    bounds: list  # the start of each span (``SPANS``), newest first
    since: list  # index entries published since each bound
    shares: list  # each word's share of the entries
    entries: float

    @property
    def share(self):
        """The rarest word's share."""
        return min(self.shares)


class PostgresBackend(SearchBackend):
    def __init__(self, connection):
        super().__init__(connection)
        opts = SearchDocument._meta
        self.table = opts.db_table
        self.key = opts.pk.column
        self.document = opts.get_field("document").column
        self.ranking = opts.get_field("ranking").column
        self.published_at = opts.get_field("published_at").column
        self._word_statistics = {}

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

    def _explain(self, parts):
        """The planner's estimated rows of each ``(sql, params)`` part: one EXPLAIN."""
        with self._planned_for_its_values() as cursor:
            cursor.execute(
                "EXPLAIN (FORMAT JSON) " + " UNION ALL ".join(sql for sql, _ in parts),
                [value for _, values in parts for value in values],
            )
            plan = cursor.fetchone()[0]
        if isinstance(plan, str):
            plan = json.loads(plan)
        top = plan[0]["Plan"]
        if len(parts) == 1:
            return [top["Plan Rows"]]
        # A parallel plan puts the parts under Gather -> Parallel Append, where a part run
        # by the workers together is estimated per worker: scaled back to the whole.
        node, scale = top, 1.0
        while node["Node Type"] != "Append" and len(node.get("Plans", ())) == 1:
            if node["Node Type"].startswith("Gather"):
                (child,) = node["Plans"]
                scale = node["Plan Rows"] / max(child["Plan Rows"], 1)
            node = node["Plans"][0]
        return [
            child["Plan Rows"] * (scale if child.get("Parallel Aware") else 1.0)
            for child in node["Plans"]
        ]

    def _statistics(self, terms):
        """What the planner expects of the index for these words, from one EXPLAIN that
        reads nothing but statistics, once per search and backend: each word's share of
        the entries, and how many entries were published since the start of each span."""
        key = tuple(terms)
        if key not in self._word_statistics:
            now = timezone.now()
            bounds = [now - span for span in SPANS]
            parts = [(f"SELECT 1 FROM {self.table}", [])]
            parts += [
                (f"SELECT 1 FROM {self.table} WHERE {self.published_at} >= %s", [bound])
                for bound in bounds
            ]
            parts += [
                (
                    f"SELECT 1 FROM {self.table} d "
                    f"WHERE d.{self.document} @@ plainto_tsquery('simple', %s)",
                    [term],
                )
                for term in terms
            ]
            entries, *rows = self._explain(parts)
            since, words = rows[: len(bounds)], rows[len(bounds) :]
            shares = [word / max(entries, 1) for word in words]
            self._word_statistics[key] = Statistics(bounds, since, shares, entries)
        return self._word_statistics[key]

    def _newest_sql(self, columns, terms, visible, limit):
        """SQL and parameters of the ``limit`` newest matches (``columns`` of ``d`` and ``a``).

        A word in most stories (株洲) is found by walking the visible stories newest first
        (their publish-time index) and looking each up in the index: ``limit`` matches
        cost about ``limit`` lookups, whatever the filters.  Any other is read span by
        span (``_spans``).  The planner's estimate of the rarest word's share of the
        visible stories chooses.
        """
        matches, params = self._matches(visible)
        statistics = self._statistics(terms)
        if statistics.share >= WALK_SHARE:
            return (
                f"SELECT * FROM (SELECT {columns} {matches} "
                f"ORDER BY a.published_at DESC, d.{self.key} DESC LIMIT %s) m",
                [*params, " ".join(terms), limit],
            )
        return self._spans(columns, terms, visible, limit, statistics)

    def _spans(self, columns, terms, visible, limit, statistics):
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
        visible_sql, params = visible
        # Only the rarer words are matched through the GIN index: a word in most stories
        # (株洲 in 技能人才 株洲) would read its whole entry, most of the index, for each
        # branch; it is checked on the rows the others found (ts_match_vq is @@, which the
        # planner cannot take to the index).
        rare = [t for t, share in zip(terms, statistics.shares, strict=True) if share < WALK_SHARE]
        rare = rare or terms
        matches = (
            f"FROM {self.table} d JOIN ({visible_sql}) a ON a.pk = d.{self.key} "
            f"WHERE d.{self.document} @@ plainto_tsquery('simple', %s)"
        )
        words = [" ".join(rare)]
        if len(rare) < len(terms):
            matches += f" AND ts_match_vq(d.{self.document}, plainto_tsquery('simple', %s))"
            words.append(" ".join(terms))
        # Each branch reads the words' whole GIN entry (8 ms for a word in 3 % of a million
        # stories): the first span is the shortest where the rarest word is expected as
        # often as needed, so that one branch mostly suffices.
        bounds = statistics.bounds
        expected = [statistics.share * entries for entries in statistics.since]
        first = next((i for i, n in enumerate(expected) if n >= limit), len(bounds) - 1)
        bounds = bounds[first:]
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
            branch_params += [*params, *words, *values, limit]
        return " UNION ALL ".join(branches), branch_params

    def count(self, terms, visible):
        matches, params = self._matches(visible)
        with self._planned_for_its_values() as cursor:
            cursor.execute(f"SELECT count(*) {matches}", (*params, " ".join(terms)))
            return cursor.fetchone()[0]

    def estimate(self, terms, visible, known, since):
        """How many stories match, from the planner's estimates, not a count, so that it
        costs the same for 300 matches as for 30,000 (one EXPLAIN; no rows are read).

        The ``known`` newest matches go back to ``since``: the matches are assumed to be
        as frequent among all the visible stories as among those published since then
        (the planner estimates both well, from the publish-time histogram).  A word in
        fashion lately would be overestimated so; no query matches more stories than its
        rarest word, whose share the planner estimates well from the index's word
        statistics (it cannot estimate words together: jieba cuts 技能人才 into 技能 and
        人才, which it takes as independent and finds 17 times too rare).
        """
        visible_sql, params = visible
        parts = [(f"SELECT 1 FROM ({visible_sql}) a", list(params))]
        if since is not None:
            parts.append(
                (f"SELECT 1 FROM ({visible_sql}) a WHERE a.published_at >= %s", [*params, since])
            )
        every, *recent = self._explain(parts)
        statistics = self._statistics(terms)
        # Every story is in the index: a table's estimate grown with its pages cannot exceed it.
        every = min(every, statistics.entries)
        bound = statistics.share * every
        if recent and len(terms) > 1:  # one word's share is what the planner knows best
            bound = min(bound, known * every / max(recent[0], 1))
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
