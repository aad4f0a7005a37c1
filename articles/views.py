"""The readers' site: thin views over ``Article.objects.published()``."""

import calendar
import datetime
from itertools import groupby

from django.db.models import Exists, OuterRef, Prefetch
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.views.generic import DetailView, ListView, TemplateView
from taggit.models import Tag

from people.models import Person

from . import renditions, structured_data
from .models import Article, Byline, Edition, Page, Photo, Section

RELATED_STORIES = 5


def published_stories():
    return Article.objects.published()


def visible_editions():
    """Editions with at least one published story; an edition of drafts does not exist yet."""
    return Edition.objects.filter(
        Exists(published_stories().filter(page__edition=OuterRef("pk")))
    ).order_by("-date")


def in_print_order(articles):
    return articles.order_by("page__order", "page__label", "page_position", "pk")


def pages_with_stories(articles):
    """``[(page, [stories…]), …]`` from stories already in print order."""
    return [(page, list(stories)) for page, stories in groupby(articles, key=lambda a: a.page)]


class HomeView(TemplateView):
    """The latest edition by page and section, its lead story, and the latest commentary."""

    template_name = "articles/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        edition = visible_editions().first()
        if edition is None:
            articles = list(published_stories().for_listing()[:20])
            context.update(edition=None, lead=articles[0] if articles else None, pages=[])
            context["latest"] = articles[1:]
        else:
            articles = list(
                in_print_order(published_stories().filter(page__edition=edition).for_listing())
            )
            lead = next((a for a in articles if a.photos.all()), articles[0])
            context.update(edition=edition, lead=lead, pages=pages_with_stories(articles))
        context["commentary"] = (
            published_stories()
            .filter(kind=Article.Kind.COMMENTARY)
            .select_related("main_story")
            .first()
        )
        return context


class EditionArchiveView(TemplateView):
    """Editions by month, as a calendar of the dates that have one."""

    template_name = "articles/edition_archive.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        months = list(visible_editions().dates("date", "month", order="DESC"))
        if "year" in self.kwargs:
            try:
                month = datetime.date(self.kwargs["year"], self.kwargs["month"], 1)
            except ValueError:
                raise Http404 from None
            if month not in months:
                raise Http404
        elif months:
            month = months[0]
        else:
            month = None
        context.update(months=months, month=month)
        if month is None:
            return context
        editions = {
            e.date: e
            for e in visible_editions().filter(date__year=month.year, date__month=month.month)
        }
        weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(month.year, month.month)
        context["weeks"] = [
            [(day, day.month == month.month, editions.get(day)) for day in week] for week in weeks
        ]
        context["weekdays"] = [datetime.date(2024, 1, day) for day in range(1, 8)]  # Mon…Sun
        position = months.index(month)
        context["newer"] = months[position - 1] if position > 0 else None
        context["older"] = months[position + 1] if position + 1 < len(months) else None
        context["editions"] = sorted(editions.values(), key=lambda e: e.date, reverse=True)
        return context


class EditionView(DetailView):
    """An edition as its pages, each with its stories in page order."""

    template_name = "articles/edition.html"
    context_object_name = "edition"

    def get_object(self, queryset=None):
        return get_object_or_404(visible_editions(), date=self.kwargs["date"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        articles = in_print_order(
            published_stories().filter(page__edition=self.object).for_listing()
        )
        context["pages"] = pages_with_stories(articles)
        return context


class PageView(DetailView):
    """One printed page (数字报): its stories in page order and the edition's other pages."""

    template_name = "articles/page.html"
    context_object_name = "page"

    def get_object(self, queryset=None):
        pages = Page.objects.filter(
            Exists(published_stories().filter(page=OuterRef("pk")))
        ).select_related("edition", "section", "chief_editor", "art_editor", "proofreader")
        return get_object_or_404(
            pages, edition__date=self.kwargs["date"], label=self.kwargs["label"]
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["articles"] = list(published_stories().on_page(self.object).for_listing())
        siblings = list(
            Page.objects.filter(
                Exists(published_stories().filter(page=OuterRef("pk"))),
                edition=self.object.edition_id,
            ).order_by("order", "label")
        )
        position = [p.pk for p in siblings].index(self.object.pk)
        context["edition"] = self.object.edition
        context["sibling_pages"] = siblings
        context["previous_page"] = siblings[position - 1] if position > 0 else None
        context["next_page"] = siblings[position + 1] if position + 1 < len(siblings) else None
        return context


class SectionView(ListView):
    """A section or district, newest first; a district includes its sub-districts."""

    template_name = "articles/section.html"
    context_object_name = "articles"
    paginate_by = 20

    def get_queryset(self):
        self.section = get_object_or_404(
            Section.objects.select_related("parent"), slug=self.kwargs["slug"]
        )
        return published_stories().in_section(self.section).for_listing()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            section=self.section, subsections=list(self.section.children.all()), **kwargs
        )


class ArticleDetailView(DetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        return (
            published_stories()
            .select_related("section__parent", "page__edition", "page__section", "main_story")
            .prefetch_related(
                Prefetch("bylines", queryset=Byline.objects.select_related("person", "role")),
                Prefetch(
                    "photos",
                    queryset=Photo.objects.prefetch_related(
                        Prefetch(
                            "credits", queryset=Byline.objects.select_related("person", "role")
                        )
                    ),
                ),
                "rosters__entries",
                "tags",
                Prefetch(
                    "companions",
                    queryset=published_stories().order_by("page_position", "pk"),
                    to_attr="published_companions",
                ),
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = self.object
        main_story = article.main_story if article.main_story_id else None
        context["main_story"] = main_story if main_story and main_story.is_public else None
        context["related"] = self.related_stories()
        context["description"] = structured_data.description(article)
        absolute = self.request.build_absolute_uri
        context["json_ld"] = structured_data.json_ld(
            structured_data.news_article(article, absolute)
        )
        images = structured_data.image_urls(article, absolute)
        context["og_image"] = images[0] if images else ""
        return context

    def related_stories(self):
        """Stories sharing a tag, else the same section, newest first."""
        article = self.object
        # Its commentary and main story are linked already; don't list them twice.
        shown = [article.pk, article.main_story_id] + [
            companion.pk for companion in article.published_companions
        ]
        others = published_stories().exclude(pk__in=[pk for pk in shown if pk])
        tag_ids = [tag.pk for tag in article.tags.all()]
        related = list(others.filter(tags__in=tag_ids).distinct()[:RELATED_STORIES])
        if len(related) < RELATED_STORIES and article.section_id:
            related += list(
                others.filter(section=article.section_id).exclude(pk__in=[a.pk for a in related])[
                    : RELATED_STORIES - len(related)
                ]
            )
        return related


class PersonView(ListView):
    """A person's published stories with the role in which they were credited."""

    template_name = "articles/person.html"
    context_object_name = "articles"
    paginate_by = 20

    def get_queryset(self):
        self.person = get_object_or_404(Person, pk=self.kwargs["pk"])
        return (
            published_stories()
            .filter(pk__in=Byline.objects.filter(person=self.person).values("article_id"))
            .for_listing()
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(person=self.person, **kwargs)
        for article in context["articles"]:
            roles = []
            for byline in article.bylines.all():
                if byline.person_id == self.person.pk and byline.role.name not in roles:
                    roles.append(byline.role.name)
            article.person_roles = roles
        return context


class TagView(ListView):
    template_name = "articles/tag.html"
    context_object_name = "articles"
    paginate_by = 20

    def get_queryset(self):
        # A tag used only on unpublished stories does not exist for readers: its name could
        # tell what is coming.
        tagged = published_stories().filter(tags=OuterRef("pk"))
        self.tag = get_object_or_404(Tag.objects.filter(Exists(tagged)), slug=self.kwargs["slug"])
        return published_stories().filter(tags=self.tag).for_listing()

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)


def edition_archive_redirect(request):
    return redirect("articles:edition_archive")


def rendition(request, pk, token, width, fmt):
    """One image rendition, only for a photo of a published story."""
    photo = get_object_or_404(Photo.objects.filter(article__in=published_stories()), pk=pk)
    if (
        fmt not in renditions.FORMATS
        or token != renditions.token(photo)
        or width not in renditions.widths(photo)
    ):
        raise Http404
    try:
        target = renditions.ensure(photo, width, fmt)
    except OSError:
        raise Http404 from None
    response = FileResponse(target.open("rb"), content_type=renditions.FORMATS[fmt][1])
    # Short: a withdrawn story's pictures must leave browser caches soon.
    response["Cache-Control"] = "public, max-age=600"
    return response
