"""Paging through lists of stories without counting them (request-free).

A section, person or tag of a 30-year archive holds tens of thousands of stories;
counting them for "page 3 of 1,742" reads every one, on every request, to print a
number no reader needs.  ``UncountedPaginator`` reads one story more than a page
holds to know whether an older page exists, so a page costs what its depth costs,
never what the archive's size costs.  Pages are numbered as before (``?page=2``).
"""

from functools import cached_property

from django.core.paginator import EmptyPage, InvalidPage, Page, PageNotAnInteger, Paginator
from django.utils.translation import gettext_lazy as _


class UncountedPage(Page):
    """A page that knows whether an older one follows, without a total."""

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


class UncountedPaginator(Paginator):
    """A ``Paginator`` for ``ListView`` that never counts its list.

    ``count`` and ``num_pages`` are unknown (None); templates show the page number and
    links to the newer and the older page.  A page past the end raises ``EmptyPage``
    (the view's 404), page 1 of an empty list is an empty page.
    """

    counted = False
    last_possible_page = 1_000_000

    def __init__(self, object_list, per_page, orphans=0, allow_empty_first_page=True, **kwargs):
        # Orphans would need the total to know that a page is the last but one.
        super().__init__(object_list, per_page, 0, allow_empty_first_page, **kwargs)

    @property
    def count(self):
        return None

    @property
    def num_pages(self):
        return None

    def validate_number(self, number):
        try:
            if isinstance(number, float) and not number.is_integer():
                raise ValueError
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger(_("That page number is not an integer")) from None
        if number < 1:
            raise EmptyPage(_("That page number is less than 1"))
        if number > self.last_possible_page:  # no list is this long; the offset would overflow
            raise EmptyPage(_("That page contains no results"))
        return number

    def rows(self, start, stop):
        """The rows ``start`` to ``stop`` of the list (a slice of it)."""
        return self.object_list[start:stop]

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        rows = list(self.rows(bottom, bottom + self.per_page + 1))
        if not rows and (number > 1 or not self.allow_empty_first_page):
            raise EmptyPage(_("That page contains no results"))
        return UncountedPage(rows[: self.per_page], number, self, len(rows) > self.per_page)

    def get_page(self, number):
        try:
            return self.page(number)
        except InvalidPage:
            return self.page(1)


class KeysFirstPaginator(UncountedPaginator):
    """An ``UncountedPaginator`` that finds a page's keys before it reads the page's rows.

    For a list found by walking an index and checking each row on the way (the stories
    of a tag on tens of thousands of them): the walk reads keys alone, which the index
    holds, so the rows it passes over are never read; then only the page's own rows are
    read, by key.  ``present`` turns a queryset of those rows into what the page shows
    (the cards of a list).  Still one query: the keys are a subquery.
    """

    def __init__(self, object_list, per_page, *args, present=None, **kwargs):
        super().__init__(object_list, per_page, *args, **kwargs)
        self.present = present or (lambda rows: rows)

    def rows(self, start, stop):
        keys = self.object_list.values("pk")[start:stop]
        rows = self.object_list.model._default_manager.filter(pk__in=keys)
        if self.object_list.query.order_by:
            rows = rows.order_by(*self.object_list.query.order_by)
        return self.present(rows)


class CappedCountPaginator(Paginator):
    """A ``Paginator`` for the admin's lists that counts no further than ``cap``.

    Counting a filtered list of a 30-year archive reads every matching row; counting up
    to ``cap`` reads at most that many, through the list's own index.  ``capped`` says
    that more rows exist than were counted (the list then offers ``cap`` rows' worth of
    pages; filters and the search narrow it further).
    """

    cap = 1000

    @cached_property
    def count(self):
        return self.object_list.values("pk")[: self.cap + 1].count()

    @property
    def capped(self):
        return self.count > self.cap
