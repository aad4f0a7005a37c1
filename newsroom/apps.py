"""Installed apps of other projects that need a word of wiring."""

from django.utils.translation import gettext_lazy as _
from django_tasks_db.apps import TasksAppConfig


class BackgroundTasksConfig(TasksAppConfig):
    """django-tasks-db (the queue of background tasks), named in Chinese in the admin."""

    verbose_name = _("Background tasks")
