"""Chinese word segmentation for the search index, with jieba.

Text is indexed in jieba's search mode (``cut_for_search``): every word of the
precise segmentation plus the shorter dictionary words inside it, so that
技能人才 is found by 技能 and 人才 and 高新朋友圈 by 朋友圈.  A query is cut in
precise mode; since search mode emits every precise word, a query word is found
wherever the same characters were segmented the same way in the text.

Request-free and database-free; the rest of the package sees only word lists.
"""

import functools
import logging

import jieba

# Runs of characters that carry no word (punctuation, spaces) are dropped.
_MAX_TERM_LENGTH = 60


@functools.cache
def _tokenizer():
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


def _is_word(token):
    return any(char.isalnum() for char in token) and len(token) <= _MAX_TERM_LENGTH


def _normalise(token):
    return token.strip().lower()


def index_terms(text):
    """The words of ``text`` in search mode, in text order (repeats kept, for ranking)."""
    return list(_index_terms(text or ""))


# A story is reindexed on every save of it, its bylines, photos and tags, mostly
# with its paragraphs unchanged: remembering recent ones saves most of the work.
@functools.lru_cache(maxsize=2048)
def _index_terms(text):
    terms = (_normalise(t) for t in _tokenizer().cut_for_search(text))
    return tuple(t for t in terms if _is_word(t))


def query_terms(query):
    """The distinct words of a reader's query, in precise mode; every one must match."""
    seen = []
    for token in _tokenizer().cut(query or ""):
        token = _normalise(token)
        if _is_word(token) and token not in seen:
            seen.append(token)
    return seen


def segmented(text):
    """``text`` as space-separated search-mode words: what the database tokenizers index."""
    return " ".join(index_terms(text))
