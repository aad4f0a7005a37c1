from django.apps import AppConfig


class SearchConfig(AppConfig):
    """The search index is an app of its own: its tables have their own migrations.

    The index is derived data with no foreign key to the stories, so its history
    does not depend on the articles app's, and either can be migrated alone.
    """

    name = "articles.search"
    label = "search"
    default_auto_field = "django.db.models.BigAutoField"
