"""The contract every backend keeps.

A backend stores segmented documents keyed by story primary key and answers
two questions for a list of query words, always inside the SQL of a queryset
the caller gives it (``Article.objects.published()`` plus the reader's
filters, compiled once per search by ``visible()``): how many stories match,
and which primary keys fill a slice of the ranked results.  Backends never
decide what readers may see; the queryset does.

What is ranked: scoring every hit of a word that most stories contain (株洲)
costs far more than finding them (about 15 µs a hit with ``ts_rank_cd``), so
only the ``rank_window`` newest matches are scored and ordered by relevance;
matches beyond the window follow, newest first.  A topical query's hits
mostly fit in the window; a broad one gives the most relevant of the recent
stories first, which is what a newspaper's readers look for.  Each backend
says what "newest" costs least for it.

One statement serves the first page's two questions: the newest
``rank_window + 1`` matches with their scores are the window and, as long as
no more than that is counted, the count too.
"""

RANK_WINDOW = 200


class SearchBackend:
    rank_window = RANK_WINDOW

    def __init__(self, connection):
        self.connection = connection

    def visible(self, queryset):
        """SQL and parameters of ``queryset`` reduced to ``pk`` and ``published_at``.

        Compile it once per search and hand the result to the methods below.
        """
        query = queryset.order_by().values("pk", "published_at").query
        return query.get_compiler(connection=self.connection).as_sql()

    def upsert(self, documents):
        """Store ``documents`` (documents.Document), replacing any stored for the same pk."""
        raise NotImplementedError

    def remove(self, pks):
        raise NotImplementedError

    def clear(self):
        raise NotImplementedError

    def count(self, terms, visible, limit):
        """How many stories match, counting no further than ``limit``."""
        raise NotImplementedError

    def window(self, terms, visible, count_limit):
        """``(count, [(pk, rank), ...])``: the matches counted up to ``count_limit`` and
        the ranked window, best first (``rank`` grows with relevance).

        One round trip unless more than ``rank_window + 1`` stories are to be counted.
        """
        rows = self.scored(terms, visible, self.rank_window + 1)
        if len(rows) <= self.rank_window or count_limit <= len(rows):
            count = min(len(rows), count_limit)
        else:
            count = self.count(terms, visible, count_limit)
        rows = rows[: self.rank_window]
        # Best first; on equal scores the newer story, then the later filed.
        rows.sort(key=lambda row: (row[1], row[2], row[0]), reverse=True)
        return count, [(pk, rank) for pk, rank, _published_at in rows]

    def scored(self, terms, visible, limit):
        """The ``limit`` newest matches in the order that defines the window, scored:
        ``[(pk, rank, published_at), ...]``."""
        raise NotImplementedError

    def newest(self, terms, visible, offset, limit):
        """Slice of all matches, newest first, in the order that defines the window: pks."""
        raise NotImplementedError
