"""Signals the articles app sends itself.

``stories_changed`` covers bulk changes that bypass ``post_save`` (QuerySet
``publish()`` and ``withdraw()`` use ``update()``), so side effects such as page
caches, stored renderings and the search index can follow them.  Receivers get
``queryset``: the stories the bulk change was applied to, and ``rendered``: True
when the sender already rendered them again (a single-story transition saves, and
``post_save`` did it).
"""

from django.dispatch import Signal

stories_changed = Signal()
