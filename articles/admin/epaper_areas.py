"""The art editor's story-area editor (数字报 热区): the page image with its areas, moved,
resized, added and removed with the mouse (static/admin/areas.js, no inline script),
and the page's stories that have no area listed.

One POST replaces the page's areas with what the editor shows: an area whose box
changed, or that is new, becomes ``manual`` (kept when the PDF's areas are found again);
one left as it was keeps its source.  Who may place stories on pages may draw areas.
"""

import json

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from articles.admin.epaper import LayoutStaffAdminMixin
from articles.models import Article, Page, PageImage, StoryArea
from articles.public import cache

EDITOR_WIDTH = 960  # the image the editor shows: the widest not wider than this


class AreasForm(forms.Form):
    """The editor's areas as JSON: ``[{"id"?, "article", "left", "top", "width", "height"}]``."""

    areas = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, page, **kwargs):
        super().__init__(*args, **kwargs)
        self.page = page

    def clean_areas(self):
        try:
            rows = json.loads(self.cleaned_data["areas"] or "[]")
        except ValueError:
            raise forms.ValidationError(_("The areas could not be read.")) from None
        if not isinstance(rows, list):
            raise forms.ValidationError(_("The areas could not be read."))
        on_page = set(Article.objects.filter(page=self.page).values_list("pk", flat=True))
        cleaned = []
        for row in rows:
            try:
                area = {
                    "id": int(row["id"]) if row.get("id") else None,
                    "article": int(row["article"]),
                    **{key: float(row[key]) for key in ("left", "top", "width", "height")},
                }
            except (KeyError, TypeError, ValueError, AttributeError):
                raise forms.ValidationError(_("The areas could not be read.")) from None
            if area["article"] not in on_page:
                raise forms.ValidationError(_("An area belongs to a story not on this page."))
            cleaned.append(clamped(area))
        return cleaned


def clamped(area):
    """``area`` moved and cut to lie inside the page (fractions 0..1, at least 1% a side)."""
    width = min(max(area["width"], 0.01), 1.0)
    height = min(max(area["height"], 0.01), 1.0)
    left = min(max(area["left"], 0.0), 1.0 - width)
    top = min(max(area["top"], 0.0), 1.0 - height)
    return {**area, "left": left, "top": top, "width": width, "height": height}


def replace_areas(page, rows):
    """Make ``page``'s areas those of ``rows``; returns the number kept, changed or new."""
    existing = {area.pk: area for area in StoryArea.objects.filter(page=page)}
    sides = ("left", "top", "width", "height")
    kept = set()
    with transaction.atomic():
        for position, row in enumerate(rows):
            area = existing.get(row["id"]) if row["id"] else None
            box = tuple(round(row[key], 5) for key in sides)
            if area is not None and area.article_id == row["article"]:
                kept.add(area.pk)
                old = tuple(round(getattr(area, key), 5) for key in sides)
                if old == box:  # as it was (up to rounding): only its place in the list
                    if area.position != position:
                        area.position = position
                        area.save(update_fields=["position"])
                    continue
                area.source = StoryArea.Source.MANUAL
            else:
                area = StoryArea(
                    page=page, article_id=row["article"], source=StoryArea.Source.MANUAL
                )
            area.left, area.top, area.width, area.height = box
            area.position = position
            area.save()
        StoryArea.objects.filter(page=page, pk__in=set(existing) - kept).delete()
        # Readers' cached pages show the old areas until the generation moves on.
        transaction.on_commit(cache.bump_generation)
    return len(rows)


@admin.register(StoryArea)
class StoryAreaAdmin(LayoutStaffAdminMixin, admin.ModelAdmin):
    """Story areas are edited on their page's picture (``editor_view``); the list finds them."""

    list_display = ["page", "article", "source", "position"]
    list_filter = ["source"]
    list_select_related = ["page__edition", "article"]
    search_fields = ["article__headline", "page__label"]
    raw_id_fields = ["page", "article"]

    def has_add_permission(self, request):
        return False  # drawn on the page in the editor

    def get_urls(self):
        editor = self.admin_site.admin_view(self.editor_view)
        return [
            path("page/<int:page_id>/", editor, name="articles_storyarea_editor"),
            *super().get_urls(),
        ]

    def editor_view(self, request, page_id):
        page = get_object_or_404(Page.objects.select_related("edition"), pk=page_id)
        if not self.has_view_permission(request):
            raise PermissionDenied
        may_edit = self.has_change_permission(request)
        form = AreasForm(request.POST or None, page=page)
        if request.method == "POST":
            if not may_edit:
                raise PermissionDenied
            if form.is_valid():
                count = replace_areas(page, form.cleaned_data["areas"])
                self.message_user(
                    request,
                    gettext("The story areas of page %(label)s are saved (%(count)d).")
                    % {"label": page.label, "count": count},
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(request.path)
        articles = list(Article.objects.on_page(page).only("pk", "kicker", "headline", "status"))
        areas = list(StoryArea.objects.filter(page=page).order_by("position", "pk"))
        with_area = {area.article_id for area in areas}
        jpegs = PageImage.objects.filter(page=page, format=PageImage.Format.JPEG)
        image = (
            jpegs.filter(width__lte=EDITOR_WIDTH).order_by("-width").first()
            or jpegs.order_by("width").first()
        )
        data = {
            "areas": [
                {
                    "id": area.pk,
                    "article": area.article_id,
                    "left": area.left,
                    "top": area.top,
                    "width": area.width,
                    "height": area.height,
                    "source": area.source,
                }
                for area in areas
            ],
            "stories": {str(a.pk): a.headline for a in articles},
        }
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": gettext("Story areas of page %(label)s") % {"label": page.label},
            "page": page,
            "image": image,
            "articles": articles,
            "missing": [a for a in articles if a.pk not in with_area],
            "form": form,
            "may_edit": may_edit,
            "editor_data": data,
            "reader_url": page.get_absolute_url(),
            "page_url": reverse("admin:articles_page_change", args=[page.pk]),
        }
        return TemplateResponse(request, "admin/articles/storyarea/editor.html", context)
