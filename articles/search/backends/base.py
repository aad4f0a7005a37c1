"""The contract every backend keeps.

A backend stores segmented documents keyed by story primary key and answers
two questions for a list of query words, always inside a queryset the caller
gives it (``Article.objects.published()`` plus the reader's filters): how many
stories match, and which primary keys fill a slice of the ranked results.
Backends never decide what readers may see; the queryset does.

What is ranked: scoring every hit of a word that most stories contain (株洲)
costs far more than finding them (about 15 µs a hit with ``ts_rank_cd``), so
only the ``rank_window`` newest matches are scored and ordered by relevance;
matches beyond the window follow, newest first.  A topical query's hits
mostly fit in the window; a broad one gives the most relevant of the recent
stories first, which is what a newspaper's readers look for.  Each backend
says what "newest" costs least for it.
"""

RANK_WINDOW = 200


class SearchBackend:
    rank_window = RANK_WINDOW

    def __init__(self, connection):
        self.connection = connection

    def _visible(self, queryset):
        """SQL and parameters of ``queryset`` reduced to ``pk`` and ``published_at``."""
        query = queryset.order_by().values("pk", "published_at").query
        return query.get_compiler(connection=self.connection).as_sql()

    def upsert(self, documents):
        """Store ``documents`` (documents.Document), replacing any stored for the same pk."""
        raise NotImplementedError

    def remove(self, pks):
        raise NotImplementedError

    def clear(self):
        raise NotImplementedError

    def count(self, terms, queryset, limit):
        """How many stories match, counting no further than ``limit``."""
        raise NotImplementedError

    def ranked(self, terms, queryset, offset, limit):
        """``[(pk, rank), ...]`` for results ``offset`` to ``offset + limit``, best first.

        ``rank`` grows with relevance; it is ``None`` beyond the ranked window.
        """
        results, window = [], self.rank_window
        if offset < window:
            results += self.ranked_window(terms, queryset, offset, min(limit, window - offset))
        if offset + limit > window:
            start = max(offset, window)
            results += [
                (pk, None) for pk in self.newest(terms, queryset, start, offset + limit - start)
            ]
        return results

    def ranked_window(self, terms, queryset, offset, limit):
        """Slice of the window's matches in order of relevance: ``[(pk, rank), ...]``."""
        raise NotImplementedError

    def newest(self, terms, queryset, offset, limit):
        """Slice of all matches, newest first, in the order that defines the window: pks."""
        raise NotImplementedError
