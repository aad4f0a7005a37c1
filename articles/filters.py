"""Filters readers apply to lists of stories (django-filter).

A FilterSet receives the view's queryset, already restricted to
``Article.objects.published()``, and only ever narrows it.
"""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Article, Section


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")  # what <input type="date"> reads


class DateRangeInputs(django_filters.widgets.DateRangeWidget):
    """Two date pickers, ``date_after`` and ``date_before``."""

    def __init__(self, attrs=None):
        django_filters.widgets.SuffixedMultiWidget.__init__(self, (DateInput, DateInput), attrs)


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
    date = django_filters.DateFromToRangeFilter(
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
