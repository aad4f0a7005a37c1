from django.apps import AppConfig


class StoriesConfig(AppConfig):
    name = "bench.wagtail_site.stories"
    label = "stories"
    default_auto_field = "django.db.models.BigAutoField"
