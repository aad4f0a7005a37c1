"""The contract every backend keeps.

A backend stores segmented documents keyed by story primary key and answers
two questions for a list of query words, always inside a queryset the caller
gives it (``Article.objects.published()`` plus the reader's filters): how many
stories match, and which primary keys fill a slice of the ranked results.
Backends never decide what readers may see; the queryset does.
"""


class SearchBackend:
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

    def count(self, terms, queryset):
        raise NotImplementedError

    def ranked(self, terms, queryset, offset, limit):
        """``[(pk, rank), ...]`` for results ``offset`` to ``offset + limit``, best first."""
        raise NotImplementedError
