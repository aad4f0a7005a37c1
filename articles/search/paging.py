"""Pages of search results without an exact count.

Django's ``Paginator`` checks a page number against the number of pages, which
needs an exact count; a search beyond its ranked window knows only an estimate
(``SearchResults.count_is_estimate``).  Here a page exists when it has results
(the first page always does, empty or not), and whether a next one exists is
read from one story more than the page shows.  Page numbers stay what they were
(``?page=2``), so links already given out keep working.
"""

import math

from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator


class ResultsPage(Page):
    def __init__(self, object_list, number, paginator, has_next):
        super().__init__(object_list, number, paginator)
        self._has_next = has_next

    def has_next(self):
        return self._has_next

    def start_index(self):
        if not self.object_list:
            return 0
        return (self.number - 1) * self.paginator.per_page + 1

    def end_index(self):
        return (self.number - 1) * self.paginator.per_page + len(self.object_list)


class SearchPaginator(Paginator):
    """Pages of ``SearchResults``: any depth, costing what that depth costs."""

    def validate_number(self, number):
        try:
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger(self.error_messages["invalid_page"]) from None
        if number < 1:
            raise EmptyPage(self.error_messages["min_page"])
        return number

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        # One more than the page shows: whether there is a next page.
        items = list(self.object_list[bottom : bottom + self.per_page + 1])
        if not items and number > 1:
            raise EmptyPage(self.error_messages["no_results"])
        return ResultsPage(items[: self.per_page], number, self, len(items) > self.per_page)

    @property
    def num_pages(self):
        """The number of pages when the count is exact; ``None`` when it is an estimate."""
        if self.object_list.count_is_estimate:
            return None
        return max(1, math.ceil(self.count / self.per_page))
