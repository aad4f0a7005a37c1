"""Filters readers apply to lists of stories (django-filter).

A FilterSet receives the view's queryset, already restricted to
``Article.objects.published()``, and only ever narrows it.

Whatever a reader (or a crawler) puts in the query string is validated here:
a value that cannot be meant (an impossible or out-of-range date, a section
slug with a NUL byte, which Django's ModelChoiceField already refuses) makes
that filter invalid, the form says why, and the filter is not applied.
Nothing reaches the database that it would refuse.
"""

import datetime

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from articles.models import Article, Section


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")  # what <input type="date"> reads


class DateRangeInputs(django_filters.widgets.DateRangeWidget):
    """Two date pickers, ``date_after`` and ``date_before``."""

    def __init__(self, attrs=None):
        django_filters.widgets.SuffixedMultiWidget.__init__(self, (DateInput, DateInput), attrs)


EARLIEST = datetime.date(1900, 1, 1)
LATEST = datetime.date(9999, 12, 31)


class ReaderDateField(forms.DateField):
    """A date from 1900 to 9999.

    Earlier ones cannot be converted from Shanghai time to UTC (0001-01-01 overflowed
    on SQLite), and the paper holds nothing older.
    """

    default_error_messages = {
        "out_of_range": _("Choose a date from 1900-01-01 to 9999-12-31."),
    }

    def validate(self, value):
        super().validate(value)
        if value and not EARLIEST <= value <= LATEST:
            raise ValidationError(self.error_messages["out_of_range"], code="out_of_range")


class ReaderDateRangeField(django_filters.fields.DateRangeField):
    def __init__(self, *args, **kwargs):
        fields = (ReaderDateField(), ReaderDateField())
        django_filters.fields.RangeField.__init__(self, fields, *args, **kwargs)


class ReaderDateRangeFilter(django_filters.DateFromToRangeFilter):
    field_class = ReaderDateRangeField


class SearchFilter(django_filters.FilterSet):
    """Narrowing search results: section or district (with what lies below it), kind, dates."""

    section = django_filters.ModelChoiceFilter(
        label=_("Section or district"),
        queryset=Section.objects.order_by("order", "name"),
        to_field_name="slug",
        empty_label=_("All sections and districts"),
        method="filter_section",
    )
    kind = django_filters.ChoiceFilter(
        label=_("Story kind"), choices=Article.Kind.choices, empty_label=_("All story kinds")
    )
    date = ReaderDateRangeFilter(
        label=_("Published between"),
        field_name="published_at",
        widget=DateRangeInputs,
    )

    class Meta:
        model = Article
        fields = ["section", "kind", "date"]

    def filter_section(self, queryset, name, value):
        # 石峰区 includes 响石岭街道.
        return queryset.in_section(value)

    @property
    def is_narrowed(self):
        """Whether the reader chose any filter (for saying so when nothing matches)."""
        return self.is_bound and any(self.form.cleaned_data.get(name) for name in self.filters)
