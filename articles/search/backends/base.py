"""The contract every backend keeps.

A backend stores segmented documents keyed by story primary key and answers
questions for a list of query words, always inside the SQL of a queryset the
caller gives it (``Article.objects.published()`` plus the reader's filters,
compiled once per search by ``visible()``): which primary keys are the newest
matches, scored or in a slice further back, and how many stories match.
Backends never decide what readers may see; the queryset does.

What is ranked: scoring every hit of a word that most stories contain (株洲)
costs far more than finding them (about 15 µs a hit with ``ts_rank_cd``), so
only the ``rank_window`` newest matches are scored and ordered by relevance;
matches beyond the window follow, newest first, as far back as the archive
goes.  A topical query's hits mostly fit in the window; a broad one gives the
most relevant of the recent stories first, which is what a newspaper's readers
look for.  Each backend says what "newest" costs least for it.

One statement serves the first page: the newest ``rank_window + 1`` matches
with their scores are the window and, when no more than ``rank_window`` match,
the exact count too.  Beyond that the count is what ``estimate()`` says, which
may be an estimate (PostgreSQL) so that counting never reads the archive.
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

    def count(self, terms, visible):
        """How many stories match, exactly."""
        raise NotImplementedError

    def estimate(self, terms, visible, known, since):
        """``(count, is_estimate)``: how many stories match, at a cost that does not grow
        with the archive where the backend can (then ``is_estimate`` is true), knowing
        that the ``known`` newest matches go back to the publish time ``since``.  The
        default counts exactly."""
        return self.count(terms, visible), False

    def window(self, terms, visible):
        """``(count, [(pk, rank), ...], since)``: the ranked window, best first (``rank``
        grows with relevance); the exact count when it is known from the window alone (no
        more than ``rank_window`` match), else ``None``; and the publish time of the
        oldest match read.  One statement."""
        rows = self.scored(terms, visible, self.rank_window + 1)
        count = len(rows) if len(rows) <= self.rank_window else None
        since = rows[-1][2] if rows else None
        rows = rows[: self.rank_window]
        # Best first; on equal scores the newer story, then the later filed.
        rows.sort(key=lambda row: (row[1], row[2] is not None, row[2], row[0]), reverse=True)
        return count, [(pk, rank) for pk, rank, _published_at in rows], since

    def scored(self, terms, visible, limit):
        """The ``limit`` newest matches in the order that defines the window, scored:
        ``[(pk, rank, published_at), ...]``."""
        raise NotImplementedError

    def newest(self, terms, visible, offset, limit):
        """Slice of all matches, newest first, in the order that defines the window:
        ``[(pk, published_at), ...]``."""
        raise NotImplementedError
