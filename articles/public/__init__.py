"""The readers' site: every page a reader sees, over ``Article.objects.published()``.

``urls`` and thin ``views``; ``queries`` reads the busiest pages in few queries;
``fragments`` is a story's stored HTML (made on commit by the editorial core's
effects); ``cache`` keeps whole pages; ``feeds``, ``sitemaps``,
``structured_data`` (JSON-LD), ``filters`` and ``converters`` serve the rest.
"""
