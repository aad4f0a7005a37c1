"""The readers' search page: the HTTP adapter over ``search()`` and ``SearchFilter``.

Kept beside the package it adapts so that the rest of ``articles.search`` stays
free of requests; ``articles/urls.py`` routes ``/search/`` here.
"""

from django.views.generic import ListView

from ..filters import SearchFilter
from ..models import Article
from .query import search

MAX_QUERY_LENGTH = 100


class SearchView(ListView):
    template_name = "articles/search.html"
    context_object_name = "results"
    paginate_by = 20

    def get_queryset(self):
        self.query = self.request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
        self.filterset = SearchFilter(self.request.GET, queryset=Article.objects.published())
        return search(self.query, self.filterset.qs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            query=self.query,
            terms=self.object_list.terms,
            truncated=self.object_list.truncated,
            filterset=self.filterset,
            **kwargs,
        )
