from django.contrib import admin

from people.models import Person


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "disambiguation", "unit", "is_staff"]
    list_filter = ["is_staff", "unit"]
    search_fields = ["name", "disambiguation", "unit"]
    ordering = ["name", "disambiguation", "pk"]
