"""Roles, sections, rosters, and each person's credits."""

from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from people.admin import PersonAdmin

from ..models import AwardRoster, Byline, Role, RosterEntry, Section, check_roster_count
from .base import ReadOnlyInline


@admin.register(Role)
class RoleAdmin(admin.ModelAdmin):
    list_display = ["name", "print_label", "is_photo", "order"]
    list_editable = ["print_label", "is_photo", "order"]
    search_fields = ["name"]


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "parent", "slug", "order"]
    list_editable = ["order"]
    list_filter = ["kind"]
    list_select_related = ["parent"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


class RosterEntryInline(admin.TabularInline):
    model = RosterEntry
    fields = ["order", "name", "person"]
    autocomplete_fields = ["person"]
    extra = 0


@admin.register(AwardRoster)
class AwardRosterAdmin(admin.ModelAdmin):
    list_display = ["display_title", "article", "stated_count", "entry_count"]
    list_select_related = ["article"]
    search_fields = ["title", "entries__name"]
    ordering = ["article", "order", "pk"]
    autocomplete_fields = ["article"]
    inlines = [RosterEntryInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(entry_total=Count("entries"))

    @admin.display(description=_("names listed"), ordering="entry_total")
    def entry_count(self, roster):
        return roster.entry_total

    def get_formsets_with_inlines(self, request, obj=None):
        for formset, inline in super().get_formsets_with_inlines(request, obj):
            yield _count_checked(formset), inline


def _count_checked(formset_class):
    """Wrap the names formset so that a roster whose count differs from its names is refused."""

    class CountCheckedFormSet(formset_class):
        def clean(self):
            super().clean()
            stated = self.instance.stated_count
            if stated is None or any(self.errors):
                return
            kept = [
                form
                for form in self.forms
                if form.cleaned_data
                and not form.cleaned_data.get("DELETE")
                and form.cleaned_data.get("name")
            ]
            check_roster_count(stated, len(kept))

    return CountCheckedFormSet


class PersonBylineInline(ReadOnlyInline):
    """Every credit a person has, on their admin page (people/ cannot know about stories)."""

    model = Byline
    fields = ["article", "role", "unit", "photo"]
    readonly_fields = fields
    verbose_name = _("credit")
    verbose_name_plural = _("credits on stories and photos")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article", "role", "photo")


PersonAdmin.inlines = [*PersonAdmin.inlines, PersonBylineInline]
