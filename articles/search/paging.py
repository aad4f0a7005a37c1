"""Pages of search results without an exact count.

Django's ``Paginator`` checks a page number against the number of pages, which
needs an exact count; a search beyond its ranked window knows only an estimate
(``SearchResults.count_is_estimate``).  ``articles.paging.UncountedPaginator``
gives the pages (a page exists when it has results, whether a next one exists is
read from one story more than the page shows); here the count is the search's,
and the number of pages is known only when that count is exact.  Page numbers
stay what they were (``?page=2``), so links already given out keep working.
"""

import math

from articles.paging import UncountedPaginator


class SearchPaginator(UncountedPaginator):
    """Pages of ``SearchResults``: any depth, costing what that depth costs."""

    @property
    def count(self):
        return self.object_list.count()

    @property
    def num_pages(self):
        """The number of pages when the count is exact; ``None`` when it is an estimate."""
        if self.object_list.count_is_estimate:
            return None
        return max(1, math.ceil(self.count / self.per_page))
