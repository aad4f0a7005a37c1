from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Stories and pages")

    def ready(self):
        from articles.editorial import signal_handlers
        from newsroom import checks  # noqa: F401  (registers the deploy checks)

        signal_handlers.connect()
