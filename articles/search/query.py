"""Searching: a reader's words in, ranked published stories with snippets out."""

from functools import cached_property

from ..models import Article
from .backends import get_backend
from .backends.base import RANK_WINDOW
from .highlight import highlight, snippet
from .segment import query_terms

# Counting every hit of a word that most stories contain (株洲) costs more than the rest of
# the search, in proportion to how far it counts.  Readers are served the ranked window
# (the newest matches, ordered by relevance) and narrow the search, by date for instance,
# to reach further back.
MAX_RESULTS = RANK_WINDOW


class SearchResults:
    """Ranked stories matching ``query`` within ``queryset``, sliced lazily.

    Always restricted to ``Article.objects.published()``, whatever queryset is
    given, so filters can narrow the results but never widen them.  Behaves as
    a sequence for ``Paginator``: ``count()`` and slicing.  Each story of a slice
    carries ``search_rank`` (higher is better, ``None`` beyond the ranked
    window), ``search_title`` and ``search_snippet`` (escaped HTML with the
    matched words in ``<mark>``).  At most ``max_results`` are counted and
    served; ``truncated`` says whether more stories match.
    """

    max_results = MAX_RESULTS

    def __init__(self, query, queryset=None, using="default"):
        self.query = (query or "").strip()
        self.terms = query_terms(self.query)
        base = Article.objects.all() if queryset is None else queryset
        self.queryset = base.published()
        self.using = using

    @cached_property
    def _backend(self):
        return get_backend(self.using)

    def count(self):
        return min(self._count, self.max_results)

    @property
    def truncated(self):
        """Whether more stories match than are counted and served."""
        return self._count > self.max_results

    @cached_property
    def _count(self):
        if not self.terms:
            return 0
        return self._backend.count(self.terms, self.queryset, self.max_results + 1)

    def __len__(self):
        return self.count()

    def __bool__(self):
        return self.count() > 0

    def __getitem__(self, key):
        if isinstance(key, int):
            return self[key : key + 1][0]
        start, stop, step = key.indices(self.count())
        if step != 1:
            raise ValueError("Search results are sliced with a step of 1.")
        if stop <= start:
            return []
        ranked = self._backend.ranked(self.terms, self.queryset, start, stop - start)
        # The stored rendering is the whole story page; results show their own snippet instead.
        stories = (
            self.queryset.for_listing().defer("rendered").in_bulk([pk for pk, _rank in ranked])
        )
        hits = []
        for pk, rank in ranked:
            story = stories.get(pk)
            if story is None:  # changed between the two queries
                continue
            story.search_rank = rank
            story.search_title = highlight(story.headline, self.terms)
            story.search_snippet = snippet(
                [*story.paragraphs, *(photo.caption for photo in story.photos.all())],
                self.terms,
            )
            hits.append(story)
        return hits


def search(query, queryset=None, using="default"):
    """Published stories matching every word of ``query``, best first (see SearchResults)."""
    return SearchResults(query, queryset, using=using)
