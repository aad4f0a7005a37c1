"""Chinese full-text search for stories, behind one small interface.

    search(query, queryset=None)   ranked published stories with highlighted snippets
    index_article(article)         (re)index one story; index_articles(pks) for several
    remove_article(pk)             drop a story from the index
    rebuild(progress=None)         index every story again

Text is segmented with jieba (``segment``); one backend per database stores and
matches the words (``backends``: PostgreSQL full-text search, SQLite FTS5).
The editorial core (``articles.editorial``) indexes the stories each change
touched, once its transaction commits.  Only ``query`` and
``indexing`` know the articles app; the rest works on plain text and could be
lifted out as is.
"""

from articles.search.indexing import index_article, index_articles, rebuild, remove_article
from articles.search.query import SearchResults, search

__all__ = [
    "SearchResults",
    "index_article",
    "index_articles",
    "rebuild",
    "remove_article",
    "search",
]
