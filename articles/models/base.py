"""What every model module shares: the JSON encoder, the fetch-mode manager, the paper's name."""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models


class UnicodeJSONEncoder(DjangoJSONEncoder):
    """Stores Chinese as characters, not \\u escapes, so the database can search it."""

    def __init__(self, *args, **kwargs):
        kwargs["ensure_ascii"] = False
        super().__init__(*args, **kwargs)


FETCH_MODES = {"one": models.FETCH_ONE, "peers": models.FETCH_PEERS, "raise": models.FETCH_RAISE}


class FetchModeManager(models.Manager):
    """The default manager of the newsroom's models; its fetch mode is a setting.

    A related object or deferred field that a queryset did not load is fetched
    as ``settings.NEWSROOM_FETCH_MODE`` says, read each time a queryset is made:

    - ``"peers"`` (production): Django 6.1's FETCH_PEERS, so a listing that
      forgot a ``select_related`` costs one query for the whole list instead of
      one per row.  A safety net for readers, not a way to write querysets.
    - ``"raise"`` (the test suite, ``tests/conftest.py``): FETCH_RAISE, so the
      same forgotten ``select_related`` fails the test with ``FieldFetchBlocked``
      where the query-count pins alone would pass it.  The fix belongs where the
      queryset is built (``select_related``, ``prefetch_related``, ``only()``).
    - ``"one"``: Django's default, one query per lazy load.
    """

    def get_queryset(self):
        return super().get_queryset().fetch_mode(fetch_mode())


def fetch_mode():
    name = getattr(settings, "NEWSROOM_FETCH_MODE", "peers")
    try:
        return FETCH_MODES[name]
    except KeyError:
        raise ImproperlyConfigured(
            f"NEWSROOM_FETCH_MODE is {name!r}; it must be one of {', '.join(FETCH_MODES)}."
        ) from None


def publication_name():
    return settings.NEWSROOM_PUBLICATION
