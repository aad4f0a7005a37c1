"""What every model module shares: the JSON encoder, the peer-fetching manager, the paper's name."""

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models


class UnicodeJSONEncoder(DjangoJSONEncoder):
    """Stores Chinese as characters, not \\u escapes, so the database can search it."""

    def __init__(self, *args, **kwargs):
        kwargs["ensure_ascii"] = False
        super().__init__(*args, **kwargs)


class PeerFetchingManager(models.Manager):
    """Lazy related lookups load for all rows of the same queryset at once.

    Django 6.1's FETCH_PEERS: a related object that a listing forgot to
    select costs one query for the whole list instead of one per row.
    """

    def get_queryset(self):
        return super().get_queryset().fetch_mode(models.FETCH_PEERS)


def publication_name():
    return settings.NEWSROOM_PUBLICATION
