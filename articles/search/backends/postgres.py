"""PostgreSQL full-text search over the segmented words.

The document is ``to_tsvector('simple', ...)`` of the space-separated jieba
words (title weighted A), in a table with a GIN index.  ``simple`` keeps every
word as it is: no stemming or stop words, which mean nothing for Chinese.

Ranking every hit with ``ts_rank_cd`` costs about 15 µs per hit, too slow when a
broad word (株洲) matches most of the archive.  So only a bounded window is
ranked: the ``RANK_WINDOW`` newest matches, ordered by relevance; matches
beyond the window follow by date.  For a topical query the window holds every
hit, so it is ranked completely; for a broad one readers get the most relevant
of the recent stories first, which is what a newspaper's readers look for.
"""

from .base import SearchBackend

TABLE = "articles_search_document"
RANK_WINDOW = 200
# ts_rank_cd normalisation 1: divide by 1 + log(length), so long stories do not win by size.
RANK_NORMALISATION = 1


class PostgresBackend(SearchBackend):
    rank_window = RANK_WINDOW

    def upsert(self, documents):
        rows = [(d.pk, d.title, d.body) for d in documents]
        with self.connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {TABLE} (article_id, document) VALUES (%s, "
                "setweight(to_tsvector('simple', %s), 'A') || to_tsvector('simple', %s)) "
                "ON CONFLICT (article_id) DO UPDATE SET document = EXCLUDED.document",
                rows,
            )

    def remove(self, pks):
        with self.connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {TABLE} WHERE article_id = ANY(%s)", [list(pks)])

    def clear(self):
        with self.connection.cursor() as cursor:
            cursor.execute(f"TRUNCATE {TABLE}")

    def _matches(self, queryset):
        visible, params = self._visible(queryset)
        sql = (
            f"FROM {TABLE} d JOIN ({visible}) a ON a.pk = d.article_id "
            "WHERE d.document @@ plainto_tsquery('simple', %s)"
        )
        return sql, params

    def count(self, terms, queryset):
        matches, params = self._matches(queryset)
        with self.connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) {matches}", (*params, " ".join(terms)))
            return cursor.fetchone()[0]

    def ranked(self, terms, queryset, offset, limit):
        matches, params = self._matches(queryset)
        query = " ".join(terms)
        results = []
        window = self.rank_window
        with self.connection.cursor() as cursor:
            if offset < window:
                cursor.execute(
                    "SELECT w.article_id, ts_rank_cd(w.document, plainto_tsquery('simple', %s), "
                    f"{RANK_NORMALISATION}) AS rank FROM ("
                    f"SELECT d.article_id, d.document, a.published_at {matches} "
                    "ORDER BY a.published_at DESC, d.article_id DESC LIMIT %s) w "
                    "ORDER BY rank DESC, w.published_at DESC, w.article_id DESC "
                    "OFFSET %s LIMIT %s",
                    (query, *params, query, window, offset, min(limit, window - offset)),
                )
                results.extend(cursor.fetchall())
            if offset + limit > window:
                start = max(offset, window)
                cursor.execute(
                    f"SELECT d.article_id, NULL {matches} "
                    "ORDER BY a.published_at DESC, d.article_id DESC OFFSET %s LIMIT %s",
                    (*params, query, start, offset + limit - start),
                )
                results.extend(cursor.fetchall())
        return results
