"""List filters that cost the same on a 30-year archive as on a new one.

Django's related-only and date-hierarchy filters find their choices by reading every
row of the list (``SELECT DISTINCT`` over a million stories) and would offer tens of
thousands of pages.  These offer what a desk works with: the latest editions (any
other by its date in the address), the pages of the chosen edition, and the years
between the oldest and the newest story (two index probes).
"""

import datetime

from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.db.models import Max, Min, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.editorial import workflow
from articles.models import Article, Edition, Page

LATEST_EDITIONS = 14


def _date(value):
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise IncorrectLookupParameters(_("Not a date: %(value)s") % {"value": value}) from None


class EditionFilter(admin.SimpleListFilter):
    """The edition of the page a story is placed on: the latest ones, or any by its date."""

    title = _("edition")
    parameter_name = "edition"
    field = "edition__date"

    def lookups(self, request, model_admin):
        latest = Edition.objects.order_by("-date").values_list("date", flat=True)
        dates = list(latest[:LATEST_EDITIONS])
        chosen = self.value()
        if chosen and _date(chosen) not in dates:
            dates.insert(0, _date(chosen))
        return [(day.isoformat(), day.isoformat()) for day in dates]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(**{self.field: _date(self.value())})
        return queryset


class StoryEditionFilter(EditionFilter):
    field = "page__edition__date"


class PageOfEditionFilter(admin.SimpleListFilter):
    """The page of the chosen edition (offered once an edition is chosen)."""

    title = _("page")
    parameter_name = "page_label"

    def lookups(self, request, model_admin):
        edition = request.GET.get(StoryEditionFilter.parameter_name)
        if not edition:
            return []
        pages = Page.objects.filter(edition__date=_date(edition)).order_by("order", "label")
        return [(page.label, f"{page.label} {page.name}".strip()) for page in pages]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(page__label=self.value())
        return queryset


class PublishedYearFilter(admin.SimpleListFilter):
    """The year a story was published, from the newest year back to the oldest."""

    title = _("year published")
    parameter_name = "year"

    def lookups(self, request, model_admin):
        span = Article.objects.order_by().aggregate(
            first=Min("published_at"), last=Max("published_at")
        )
        if span["first"] is None:
            return []
        first = timezone.localtime(span["first"]).year
        last = timezone.localtime(span["last"]).year
        return [(str(year), str(year)) for year in range(last, first - 1, -1)]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        try:
            year = int(self.value())
            start = timezone.make_aware(datetime.datetime(year, 1, 1))
            end = timezone.make_aware(datetime.datetime(year + 1, 1, 1))
        except (TypeError, ValueError, OverflowError):
            raise IncorrectLookupParameters(
                _("Not a year: %(value)s") % {"value": self.value()}
            ) from None
        return queryset.filter(published_at__gte=start, published_at__lt=end)


class DeskFilter(admin.SimpleListFilter):
    """我的稿件 (stories this user filed) and 待我处理 (stories waiting for their step, the
    longest waiting first: ``ArticleAdmin.get_ordering`` sorts by the time each entered its
    status).  What waits for whom is the workflow's rule (``workflow.waiting_for``); a
    reporter's own drafts wait for them too."""

    title = _("my desk")
    parameter_name = "desk"
    MINE, WAITING = "mine", "waiting"

    def lookups(self, request, model_admin):
        return [(self.MINE, _("my stories")), (self.WAITING, _("waiting for me"))]

    def queryset(self, request, queryset):
        user = request.user
        if self.value() == self.MINE:
            return queryset.filter(created_by=user)
        if self.value() == self.WAITING:
            own_drafts = Q(status=workflow.DRAFT, created_by=user)
            return queryset.filter(Q(status__in=workflow.waiting_for(user)) | own_drafts)
        return queryset
