"""The readers' search page: the HTTP adapter over ``search()`` and ``SearchFilter``.

Kept beside the package it adapts so that the rest of ``articles.search`` stays
free of requests; ``articles/urls.py`` routes ``/search/`` here.
"""

import re

from django.views.generic import ListView

from articles.models import Article
from articles.public.filters import SearchFilter
from articles.search.paging import SearchPaginator
from articles.search.query import search

MAX_QUERY_LENGTH = 100
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


class SearchView(ListView):
    template_name = "articles/search.html"
    context_object_name = "results"
    paginate_by = 20
    paginator_class = SearchPaginator

    def get_queryset(self):
        # No one searches for a NUL or a tab; they separate words like a space.
        query = CONTROL_CHARACTERS.sub(" ", self.request.GET.get("q", ""))
        self.query = query.strip()[:MAX_QUERY_LENGTH]
        self.filterset = SearchFilter(self.request.GET, queryset=Article.objects.published())
        return search(self.query, self.filterset.qs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(
            query=self.query, terms=self.object_list.terms, filterset=self.filterset, **kwargs
        )
        # After the page: its statement may have shown the exact count, saving the estimate.
        context["count_is_estimate"] = self.object_list.count_is_estimate
        return context
