"""Signals the articles app sends itself.

``stories_changed`` covers bulk changes that bypass ``post_save`` (QuerySet
``publish()`` and ``withdraw()`` use ``update()``), so side effects such as page
caches and the search index can follow them.  Receivers get ``queryset``: the
stories the bulk change was applied to.
"""

from django.dispatch import Signal

stories_changed = Signal()
