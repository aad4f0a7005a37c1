"""SQLite FTS5: the segmented words, space-separated, in an FTS5 table keyed by rowid.

The ``unicode61`` tokenizer splits on the spaces and punctuation that
segmentation leaves, so each jieba word is one FTS5 token.  Ranking is FTS5's
bm25 with the title weighing ten times the rest.  The ranked window is the
newest matches by rowid (the story's primary key: the order stories were
filed), because FTS5 hands out matches in rowid order for free; sorting every
hit by publish time first would cost as much as ranking them all.
"""

from articles.search.backends.base import SearchBackend

TABLE = "articles_search_fts"
TITLE_WEIGHT, BODY_WEIGHT = 10.0, 1.0


def match_expression(terms):
    """Every term must occur: quoted FTS5 strings, implicitly ANDed."""
    return " ".join('"{}"'.format(term.replace('"', '""')) for term in terms)


class SQLiteBackend(SearchBackend):
    def upsert(self, documents):
        # FTS5 tables cannot gain columns; labels are matched with the body here.
        rows = [(d.pk, d.title, f"{d.labels} {d.body}") for d in documents]
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

    def _matches(self, visible):
        # CROSS JOIN fixes the join order: FTS5 finds the matches, then each is looked up
        # among the visible stories by primary key (the other way round runs MATCH per story).
        visible_sql, params = visible
        sql = (
            f"FROM {TABLE} CROSS JOIN ({visible_sql}) a ON a.pk = {TABLE}.rowid "
            f"WHERE {TABLE} MATCH %s"
        )
        return sql, params

    def count(self, terms, visible, limit):
        matches, params = self._matches(visible)
        with self.connection.cursor() as cursor:
            cursor.execute(
                f"SELECT count(*) FROM (SELECT 1 {matches} LIMIT %s)",
                (*params, match_expression(terms), limit),
            )
            return cursor.fetchone()[0]

    def scored(self, terms, visible, limit):
        matches, params = self._matches(visible)
        with self.connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {TABLE}.rowid, bm25({TABLE}, {TITLE_WEIGHT}, {BODY_WEIGHT}), "
                f"a.published_at {matches} ORDER BY {TABLE}.rowid DESC LIMIT %s",
                (*params, match_expression(terms), limit),
            )
            # bm25 is lower for better matches; readers' rank grows with relevance.
            return [(pk, -score, published_at) for pk, score, published_at in cursor.fetchall()]

    def newest(self, terms, visible, offset, limit):
        matches, params = self._matches(visible)
        with self.connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {TABLE}.rowid {matches} ORDER BY {TABLE}.rowid DESC LIMIT %s OFFSET %s",
                (*params, match_expression(terms), limit, offset),
            )
            return [pk for (pk,) in cursor.fetchall()]
