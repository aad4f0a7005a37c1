from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView

from people.models import Person

from .models import Article, Edition, Page, Section


class HomeView(ListView):
    template_name = "articles/home.html"
    context_object_name = "articles"

    def get_queryset(self):
        return Article.objects.published().for_listing()[:30]


class EditionView(DetailView):
    template_name = "articles/edition.html"
    context_object_name = "edition"

    def get_object(self, queryset=None):
        return get_object_or_404(Edition, date=self.kwargs["date"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        published = Article.objects.published().for_listing()
        context["pages"] = [
            (page, published.on_page(page)) for page in self.object.pages.select_related("section")
        ]
        return context


class PageView(DetailView):
    template_name = "articles/page.html"
    context_object_name = "page"

    def get_object(self, queryset=None):
        return get_object_or_404(
            Page.objects.select_related("edition", "section", "chief_editor", "art_editor"),
            edition__date=self.kwargs["date"],
            label=self.kwargs["label"],
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["articles"] = Article.objects.published().for_listing().on_page(self.object)
        return context


class SectionView(ListView):
    template_name = "articles/section.html"
    context_object_name = "articles"
    paginate_by = 20

    def get_queryset(self):
        self.section = get_object_or_404(Section, slug=self.kwargs["slug"])
        return Article.objects.published().in_section(self.section).for_listing()

    def get_context_data(self, **kwargs):
        return super().get_context_data(section=self.section, **kwargs)


class ArticleDetailView(DetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        return Article.objects.published().for_listing().prefetch_related("rosters__entries")


class PersonView(ListView):
    """A person's published stories; people/ knows nothing of articles, so it lives here."""

    template_name = "articles/person.html"
    context_object_name = "articles"
    paginate_by = 20

    def get_queryset(self):
        self.person = get_object_or_404(Person, pk=self.kwargs["pk"])
        return (
            Article.objects.published().filter(bylines__person=self.person).distinct().for_listing()
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(person=self.person, **kwargs)
