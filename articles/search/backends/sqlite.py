"""SQLite FTS5: the segmented words, space-separated, in an FTS5 table keyed by rowid.

The ``unicode61`` tokenizer splits on the spaces and punctuation that
segmentation leaves, so each jieba word is one FTS5 token.  Ranking is FTS5's
bm25 with the title weighing ten times the rest.
"""

from .base import SearchBackend

TABLE = "articles_search_fts"
TITLE_WEIGHT, BODY_WEIGHT = 10.0, 1.0


def match_expression(terms):
    """Every term must occur: quoted FTS5 strings, implicitly ANDed."""
    return " ".join('"{}"'.format(term.replace('"', '""')) for term in terms)


class SQLiteBackend(SearchBackend):
    def upsert(self, documents):
        rows = [(d.pk, d.title, d.body) for d in documents]
        with self.connection.cursor() as cursor:
            cursor.executemany(f"DELETE FROM {TABLE} WHERE rowid = %s", [(r[0],) for r in rows])
            cursor.executemany(
                f"INSERT INTO {TABLE} (rowid, title, body) VALUES (%s, %s, %s)", rows
            )

    def remove(self, pks):
        with self.connection.cursor() as cursor:
            cursor.executemany(f"DELETE FROM {TABLE} WHERE rowid = %s", [(pk,) for pk in pks])

    def clear(self):
        with self.connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {TABLE}")

    def count(self, terms, queryset):
        visible, params = self._visible(queryset)
        sql = (
            f"SELECT count(*) FROM {TABLE} JOIN ({visible}) a ON a.pk = {TABLE}.rowid "
            f"WHERE {TABLE} MATCH %s"
        )
        with self.connection.cursor() as cursor:
            cursor.execute(sql, (*params, match_expression(terms)))
            return cursor.fetchone()[0]

    def ranked(self, terms, queryset, offset, limit):
        visible, params = self._visible(queryset)
        sql = (
            f"SELECT {TABLE}.rowid, bm25({TABLE}, {TITLE_WEIGHT}, {BODY_WEIGHT}) AS score "
            f"FROM {TABLE} JOIN ({visible}) a ON a.pk = {TABLE}.rowid "
            f"WHERE {TABLE} MATCH %s "
            f"ORDER BY score, a.published_at DESC, {TABLE}.rowid DESC LIMIT %s OFFSET %s"
        )
        with self.connection.cursor() as cursor:
            cursor.execute(sql, (*params, match_expression(terms), limit, offset))
            # bm25 is lower for better matches; readers' rank grows with relevance.
            return [(pk, -score) for pk, score in cursor.fetchall()]
