"""Installed apps of other projects that need a word of wiring."""

from axes.apps import AppConfig as AxesAppConfig
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_tasks_db.apps import TasksAppConfig


class BackgroundTasksConfig(TasksAppConfig):
    """django-tasks-db (the queue of background tasks), named in Chinese in the admin."""

    verbose_name = _("Background tasks")


def _when(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M:%S") if moment else ""


class LoginSecurityConfig(AxesAppConfig):
    """django-axes (failed logins and lockouts), named in Chinese in the admin, with its
    records named in Chinese where the admin shows them (titles, checkboxes, history)."""

    verbose_name = _("Login security")

    def ready(self):
        super().ready()
        from axes.models import AccessAttempt, AccessFailureLog, AccessLog

        AccessAttempt.__str__ = lambda self: (
            gettext("Login attempts at %(when)s") % {"when": _when(self.attempt_time)}
        )
        AccessFailureLog.__str__ = lambda self: (
            gettext("Failed login of %(username)s at %(when)s from %(address)s")
            % {
                "username": self.username,
                "when": _when(self.attempt_time),
                "address": self.ip_address,
            }
        )
        AccessLog.__str__ = lambda self: (
            gettext("Login of %(username)s at %(when)s")
            % {
                "username": self.username,
                "when": _when(self.attempt_time),
            }
        )
