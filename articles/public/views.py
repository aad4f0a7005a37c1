"""The readers' site: thin views over ``Article.objects.published()``."""

import calendar
import datetime
from itertools import groupby

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.safestring import mark_safe
from django.views.generic import DetailView, ListView, TemplateView, View
from taggit.models import Tag, TaggedItem

from articles.models import Article, Byline, Edition, Page, Photo, RosterEntry, Section
from articles.paging import KeysFirstPaginator, UncountedPaginator
from articles.photos import renditions
from articles.public import fragments, queries, structured_data
from people.models import Person


def published_articles():
    return Article.objects.published()


def as_cards(queryset, *keys):
    """Stories for a list: their stored card (and ``keys``), section and page, nothing else."""
    return fragments.with_fragments(
        queryset.select_related("section", "page__edition"), "card", *keys
    )


def in_print_order(articles):
    return articles.order_by("page__order", "page__label", "page_position", "pk")


def pages_with_articles(articles):
    """``[(page, [stories…]), …]`` from stories already in print order."""
    return [(page, list(group)) for page, group in groupby(articles, key=lambda a: a.page)]


class HomeView(TemplateView):
    """The latest edition by page and section, its lead story, and the latest commentary.

    Read in one prepared query (``queries.py``) of stored cards.
    """

    template_name = "articles/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        front = queries.front_page()
        context.update(
            edition=front.edition,
            lead=front.lead,
            pages=front.pages,
            latest=front.latest,
            commentary=front.commentary,
        )
        return context


def edition_months():
    """The months from the latest edition readers may see back to the first, newest first.

    Found from those two editions (a walk of the editions' date index each way), not by
    grouping every edition of the archive by month.
    """
    dates = Edition.objects.published().values_list("date", flat=True)
    first, last = dates.order_by("date").first(), dates.order_by("-date").first()
    if first is None:
        return []
    months, month = [], last.replace(day=1)
    while month >= first.replace(day=1):
        months.append(month)
        month = (month - datetime.timedelta(days=1)).replace(day=1)
    return months


class EditionArchiveView(TemplateView):
    """Editions by month, as a calendar of the dates that have one."""

    template_name = "articles/edition_archive.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        months = edition_months()
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
            for e in Edition.objects.published().filter(
                date__year=month.year, date__month=month.month
            )
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
        return get_object_or_404(Edition.objects.published(), date=self.kwargs["date"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        articles = list(
            in_print_order(as_cards(published_articles().filter(page__edition=self.object)))
        )
        context["pages"] = pages_with_articles(fragments.ensure_fragments(articles, "card"))
        return context


class SectionView(ListView):
    """A section or district, newest first; a district includes its sub-districts."""

    template_name = "articles/section.html"
    context_object_name = "articles"
    paginate_by = 20
    paginator_class = UncountedPaginator

    def get_queryset(self):
        self.section = get_object_or_404(
            Section.objects.select_related("parent"), slug=self.kwargs["slug"]
        )
        return as_cards(published_articles().in_section(self.section))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(
            section=self.section, subsections=list(self.section.children.all()), **kwargs
        )
        fragments.ensure_fragments(context["articles"], "card")
        return context


class ArticleDetailView(View):
    """A story from its stored fragments, with what depends on other stories looked up now.

    The busiest page: two prepared queries (``queries.py``) and a short template.
    """

    template_name = "articles/article_detail.html"

    def get(self, request, pk):
        article = queries.article(pk)
        if article is None:
            # A withdrawn story's address answers 410 Gone with a notice and nothing of the story.
            if Article.objects.withdrawn().filter(pk=pk).exists():
                return TemplateResponse(request, "articles/withdrawn.html", status=410)
            raise Http404
        main_article, companions, related = queries.neighbours(article)
        previous_story, next_story = queries.page_order(article)
        fragments = article.rendered
        absolute = request.build_absolute_uri
        images = fragments["ld"]["image"]
        context = {
            "article": article,
            "url": absolute(article.get_absolute_url()),
            "main_story": main_article,
            "companions": companions,
            "related": related,
            "previous_story": previous_story,
            "next_story": next_story,
            "json_ld": mark_safe(  # json_ld() escapes <, > and &
                structured_data.json_ld(
                    structured_data.news_article(article, absolute, fragments["ld"])
                )
            ),
            "og_image": absolute(images[0]) if images else "",
        }
        return TemplateResponse(request, self.template_name, context)


PAGE_STAFF = ("chief_editor", "art_editor", "proofreader")


def crediting(articles, person):
    """``articles`` that credit ``person``: a byline, a roster name, or page staff."""
    staffed = Q()
    for field in PAGE_STAFF:
        staffed |= Q(**{f"page__{field}": person})
    return articles.linked_from(
        (Byline.objects.filter(person=person), "article"),
        (RosterEntry.objects.filter(person=person), "roster__article"),
        also=staffed,
    )


def visible_people():
    """People readers may look up: credited on, or on the staff of a page of, a published story.

    A person named only on drafts, submitted, scheduled or withdrawn stories has no public
    page: their name and number would tell what is coming.
    """
    published = published_articles()
    bylined = Byline.objects.filter(person=OuterRef("pk"), article__in=published)
    listed_in_roster = RosterEntry.objects.filter(
        person=OuterRef("pk"), roster__article__in=published
    )
    staffed = Q()
    for field in PAGE_STAFF:
        staffed |= Q(Exists(published.filter(**{f"page__{field}": OuterRef("pk")})))
    return Person.objects.filter(Q(Exists(bylined)) | Q(Exists(listed_in_roster)) | staffed)


class PersonView(ListView):
    """A person's published stories with the role in which they were credited."""

    template_name = "articles/person.html"
    context_object_name = "articles"
    paginate_by = 20
    paginator_class = UncountedPaginator

    def get_queryset(self):
        self.person = get_object_or_404(visible_people(), pk=self.kwargs["pk"])
        return as_cards(crediting(published_articles(), self.person))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(person=self.person, **kwargs)
        articles = fragments.ensure_fragments(list(context["articles"]), "card")
        roles = {}

        def credit(article_id, role):
            names = roles.setdefault(article_id, [])
            if role not in names:
                names.append(role)

        shown = [a.pk for a in articles]
        bylines = Byline.objects.filter(person=self.person, article__in=shown)
        for byline in bylines.select_related("role"):
            credit(byline.article_id, byline.role.name)
        entries = RosterEntry.objects.filter(person=self.person, roster__article__in=shown)
        for entry in entries.select_related("roster"):
            credit(entry.roster.article_id, entry.roster.display_title)
        for article in articles:
            for field in PAGE_STAFF:
                if article.page and getattr(article.page, f"{field}_id") == self.person.pk:
                    credit(article.pk, Page._meta.get_field(field).verbose_name)
            article.person_roles = roles.get(article.pk, [])
        context["articles"] = articles
        return context


class TagView(ListView):
    template_name = "articles/tag.html"
    context_object_name = "articles"
    paginate_by = 20
    paginator_class = KeysFirstPaginator

    def get_queryset(self):
        # A tag used only on unpublished stories does not exist for readers: its name could
        # tell what is coming.
        tagged = published_articles().filter(tags=OuterRef("pk"))
        self.tag = get_object_or_404(Tag.objects.filter(Exists(tagged)), slug=self.kwargs["slug"])
        tagged_items = TaggedItem.objects.filter(
            tag=self.tag, content_type=ContentType.objects.get_for_model(Article)
        )
        return published_articles().linked_from((tagged_items, "object_id"))

    def get_paginator(self, queryset, per_page, *args, **kwargs):
        # A popular tag's stories are found by walking the newest-first index: its keys
        # first, then the cards of the page's twenty stories only.
        return KeysFirstPaginator(queryset, per_page, *args, present=as_cards, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(tag=self.tag, **kwargs)
        fragments.ensure_fragments(context["articles"], "card")
        return context


def edition_archive_redirect(request):
    return redirect("articles:edition_archive")


def rendition(request, pk, token, width, fmt):
    """One image rendition, only for a photo of a published story."""
    photo = get_object_or_404(Photo.objects.filter(article__in=published_articles()), pk=pk)
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
