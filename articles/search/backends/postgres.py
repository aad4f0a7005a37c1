"""PostgreSQL full-text search over the segmented words.

The document is ``to_tsvector('simple', ...)`` of the space-separated jieba
words (title weighted A, labels B), in a table with a GIN index
(``models.SearchDocument``).  ``simple`` keeps every word as it is: no stemming
or stop words, which mean nothing for Chinese.

Only the newest matches by publish time are ranked (see ``base``): the
publish-time index walked backwards finds them.  ``ts_rank_cd`` scores the
``ranking`` vector (title, labels and lede): short enough to be stored inline,
where scoring the whole document means fetching and decompressing it from
TOAST for every candidate.
"""

from contextlib import contextmanager

from articles.search.backends.base import SearchBackend
from articles.search.models import SearchDocument

# ts_rank_cd normalisation 1: divide by 1 + log(length), so long stories do not win by size.
RANK_NORMALISATION = 1


class PostgresBackend(SearchBackend):
    def __init__(self, connection):
        super().__init__(connection)
        opts = SearchDocument._meta
        self.table = opts.db_table
        self.key = opts.pk.column
        self.document = opts.get_field("document").column
        self.ranking = opts.get_field("ranking").column

    def upsert(self, documents):
        rows = [
            {"pk": d.pk, "title": d.title, "labels": d.labels, "body": d.body, "lede": d.lede}
            for d in documents
        ]
        with self.connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {self.table} ({self.key}, {self.document}, {self.ranking}) "
                "SELECT %(pk)s, head || to_tsvector('simple', %(body)s), "
                "head || to_tsvector('simple', %(lede)s) FROM ("
                "SELECT setweight(to_tsvector('simple', %(title)s), 'A') "
                "|| setweight(to_tsvector('simple', %(labels)s), 'B') AS head) h "
                f"ON CONFLICT ({self.key}) DO UPDATE SET {self.document} = "
                f"EXCLUDED.{self.document}, {self.ranking} = EXCLUDED.{self.ranking}",
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

    def count(self, terms, visible, limit):
        matches, params = self._matches(visible)
        with self._planned_for_its_values() as cursor:
            cursor.execute(
                f"SELECT count(*) FROM (SELECT 1 {matches} LIMIT %s) m",
                (*params, " ".join(terms), limit),
            )
            return cursor.fetchone()[0]

    def scored(self, terms, visible, limit):
        matches, params = self._matches(visible)
        query = " ".join(terms)
        with self._planned_for_its_values() as cursor:
            cursor.execute(
                f"SELECT w.{self.key}, ts_rank_cd(w.{self.ranking}, "
                f"plainto_tsquery('simple', %s), {RANK_NORMALISATION}), w.published_at FROM ("
                f"SELECT d.{self.key}, d.{self.ranking}, a.published_at {matches} "
                f"ORDER BY a.published_at DESC, d.{self.key} DESC LIMIT %s) w",
                (query, *params, query, limit),
            )
            return cursor.fetchall()

    def newest(self, terms, visible, offset, limit):
        matches, params = self._matches(visible)
        with self._planned_for_its_values() as cursor:
            cursor.execute(
                f"SELECT d.{self.key} {matches} "
                f"ORDER BY a.published_at DESC, d.{self.key} DESC OFFSET %s LIMIT %s",
                (*params, " ".join(terms), offset, limit),
            )
            return [pk for (pk,) in cursor.fetchall()]
