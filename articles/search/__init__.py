"""Chinese full-text search for stories, behind one small interface.

    search(query, queryset=None)   ranked published stories with highlighted snippets
    newest_matching(query, limit)  pks of stories of any status that match, newest first
    index_article(article)         (re)index one story; index_articles(pks) for several
    remove_article(pk)             drop a story from the index
    rebuild(progress=None)         index every story again

Text is segmented with jieba (``segment``); one backend per database stores and
matches the words (``backends``: PostgreSQL full-text search, SQLite FTS5) in
the index's table, declared in ``models`` with per-database fields.
The editorial core (``articles.editorial``) indexes the stories each change
touched, once its transaction commits.  Only ``query`` and
``indexing`` know the articles app; the rest works on plain text and could be
lifted out as is.
"""

# The package is also the app that owns the index's tables (``apps``, ``models``), so
# importing it must not import the stories' models before Django has loaded the apps:
# the interface above is imported when first used.
_INTERFACE = {
    "SearchResults": "articles.search.query",
    "search": "articles.search.query",
    "newest_matching": "articles.search.query",
    "index_article": "articles.search.indexing",
    "index_articles": "articles.search.indexing",
    "rebuild": "articles.search.indexing",
    "remove_article": "articles.search.indexing",
}

__all__ = sorted(_INTERFACE)


def __getattr__(name):
    if name not in _INTERFACE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(_INTERFACE[name]), name)
