from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from .models import Person


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "disambiguation", "unit", "is_staff", "credit_count"]
    list_filter = ["is_staff", "unit"]
    search_fields = ["name", "disambiguation", "unit"]
    ordering = ["name", "disambiguation", "pk"]

    def get_queryset(self, request):
        # "bylines" is the reverse name articles.Byline gives itself; people does not import it.
        return super().get_queryset(request).annotate(credit_total=Count("bylines"))

    @admin.display(description=_("credits"), ordering="credit_total")
    def credit_count(self, person):
        return person.credit_total
