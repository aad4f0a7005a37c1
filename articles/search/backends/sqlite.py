"""SQLite FTS5: the segmented words, space-separated, in an FTS5 table keyed by rowid
(``models.SearchDocument``).

The ``unicode61`` tokenizer splits on the spaces and punctuation that
segmentation leaves, so each jieba word is one FTS5 token.  Ranking is FTS5's
bm25 with the title weighing ten times the rest.  The ranked window is the
newest matches by rowid (the story's primary key: the order stories were
filed), because FTS5 hands out matches in rowid order for free; sorting every
hit by publish time first would cost as much as ranking them all.
"""

from articles.search.backends.base import SearchBackend
from articles.search.models import SearchDocument

TITLE_WEIGHT, BODY_WEIGHT = 10.0, 1.0


def match_expression(terms):
    """Every term must occur: quoted FTS5 strings, implicitly ANDed."""
    return " ".join('"{}"'.format(term.replace('"', '""')) for term in terms)


class SQLiteBackend(SearchBackend):
    def __init__(self, connection):
        super().__init__(connection)
        opts = SearchDocument._meta
        self.table = opts.db_table
        self.key = opts.pk.column  # rowid
        self.title = opts.get_field("title").column
        self.body = opts.get_field("body").column

    def upsert(self, documents):
        # FTS5 tables cannot gain columns; labels are matched with the body here.
        rows = [(d.pk, d.title, f"{d.labels} {d.body}") for d in documents]
        with self.connection.cursor() as cursor:
            cursor.executemany(
                f"DELETE FROM {self.table} WHERE {self.key} = %s", [(r[0],) for r in rows]
            )
            cursor.executemany(
                f"INSERT INTO {self.table} ({self.key}, {self.title}, {self.body}) "
                "VALUES (%s, %s, %s)",
                rows,
            )

    def remove(self, pks):
        with self.connection.cursor() as cursor:
            cursor.executemany(
                f"DELETE FROM {self.table} WHERE {self.key} = %s", [(pk,) for pk in pks]
            )

    def clear(self):
        with self.connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {self.table}")

    def _matches(self, visible):
        # CROSS JOIN fixes the join order: FTS5 finds the matches, then each is looked up
        # among the visible stories by primary key (the other way round runs MATCH per story).
        visible_sql, params = visible
        sql = (
            f"FROM {self.table} CROSS JOIN ({visible_sql}) a ON a.pk = {self.table}.{self.key} "
            f"WHERE {self.table} MATCH %s"
        )
        return sql, params

    def count(self, terms, visible):
        # Exact (the default ``estimate``): SQLite serves development and small sites.
        matches, params = self._matches(visible)
        with self.connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) {matches}", (*params, match_expression(terms)))
            return cursor.fetchone()[0]

    def scored(self, terms, visible, limit):
        matches, params = self._matches(visible)
        with self.connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {self.table}.{self.key}, "
                f"bm25({self.table}, {TITLE_WEIGHT}, {BODY_WEIGHT}), a.published_at {matches} "
                f"ORDER BY {self.table}.{self.key} DESC LIMIT %s",
                (*params, match_expression(terms), limit),
            )
            # bm25 is lower for better matches; readers' rank grows with relevance.
            return [(pk, -score, published_at) for pk, score, published_at in cursor.fetchall()]

    def newest(self, terms, visible, offset, limit):
        matches, params = self._matches(visible)
        with self.connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {self.table}.{self.key}, a.published_at {matches} "
                f"ORDER BY {self.table}.{self.key} DESC LIMIT %s OFFSET %s",
                (*params, match_expression(terms), limit, offset),
            )
            return cursor.fetchall()
