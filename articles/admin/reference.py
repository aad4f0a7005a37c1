"""Roles, sections, tags, and each person's credits.

people/ registers a PersonAdmin that knows nothing of stories; the one registered
here replaces it with a subclass that adds the credit count and the credits inline.
"""

from django.contrib import admin, messages
from django.db.models import Count
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from articles.admin.base import ReadOnlyInline
from articles.models import Byline, Role, Section
from people.admin import PersonAdmin
from people.models import Person


class UpdatesStoriesInBackground:
    """Saving a row that many stories show renders them again in the background
    (``editorial/background.py``), not before the page answers: say so."""

    def response_change(self, request, obj):
        response = super().response_change(request, obj)
        message = _("Its stories are being updated in the background, one after another.")
        self.message_user(request, message, messages.INFO)
        return response


@admin.register(Role)
class RoleAdmin(UpdatesStoriesInBackground, admin.ModelAdmin):
    list_display = ["name", "print_label", "is_photo", "order"]
    list_editable = ["print_label", "is_photo", "order"]
    search_fields = ["name"]


@admin.register(Section)
class SectionAdmin(UpdatesStoriesInBackground, admin.ModelAdmin):
    list_display = ["name", "kind", "parent", "slug", "order"]
    list_editable = ["order"]
    list_filter = ["kind"]
    list_select_related = ["parent"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        # A desk that may only look sees the parent section read-only on the change form.
        return super().get_queryset(request).select_related("parent")


# Rosters are edited on their story (AwardRosterInline), through the editorial core: a
# standalone roster admin let anyone with roster permissions change published stories.

# django-taggit's own Tag admin attaches tagged items to any object: replaced by one that
# renames and merges nothing behind a story's back.  Tags are put on stories in the story
# form; renaming a tag (a role allowed to change tags) shows on its stories.
if admin.site.is_registered(Tag):
    admin.site.unregister(Tag)


@admin.register(Tag)
class TagAdmin(UpdatesStoriesInBackground, admin.ModelAdmin):
    list_display = ["name", "slug", "article_count"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(item_total=Count("taggit_taggeditem_items"))

    @admin.display(description=_("stories"), ordering="item_total")
    def article_count(self, tag):
        return tag.item_total

    def has_delete_permission(self, request, obj=None):
        # Deleting a tag takes it off published stories: only administrators.
        return request.user.is_superuser


class NewestFormSet(BaseInlineFormSet):
    """Only the newest ``limit`` rows: a prolific reporter has tens of thousands of credits,
    and the change form would show them all and build a form for each when saved (each
    costs about a millisecond on the save that renames them)."""

    limit = 20

    def get_queryset(self):
        if not hasattr(self, "_newest"):
            self._newest = super().get_queryset().order_by("-pk")[: self.limit]
        return self._newest


class PersonBylineInline(ReadOnlyInline):
    """A person's newest credits, on their admin page (the list counts them all)."""

    model = Byline
    formset = NewestFormSet
    fields = ["article", "role", "unit", "photo"]
    readonly_fields = fields
    verbose_name = _("credit")
    verbose_name_plural = _("newest credits on stories and photos")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article", "role", "photo")


admin.site.unregister(Person)


@admin.register(Person)
class CreditedPersonAdmin(UpdatesStoriesInBackground, PersonAdmin):
    """The people admin with each person's credits, which only articles knows of."""

    list_display = [*PersonAdmin.list_display, "credit_count"]
    inlines = [*PersonAdmin.inlines, PersonBylineInline]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        # Counted for the list only: a prolific reporter's change form (and its save)
        # would otherwise count tens of thousands of credits it never shows.
        match = request.resolver_match
        if match and match.url_name == f"{self.opts.app_label}_{self.opts.model_name}_changelist":
            queryset = queryset.annotate(credit_total=Count("bylines"))
        return queryset

    @admin.display(description=_("credits"), ordering="credit_total")
    def credit_count(self, person):
        return person.credit_total
