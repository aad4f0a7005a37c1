"""What of a story is searchable, as plain text.

Three parts, weighed in that order when ranking: the title (kicker, headline,
subheadline), the labels (byline names and tags) and the body (paragraphs and
photo captions).  Names and tags are indexed whole as well as segmented, so
that a name jieba does not know (何春林) or a tag written as one word
(高新朋友圈) is always found when typed as printed.  The lede, the body's first
``LEDE_WORDS`` words, is what a backend may rank on: news is written with the
essentials first, and scoring a short text is cheap.  The publish time travels
with the text: a backend may keep it beside the words to find recent matches
first (it decides nothing about who may read the story).
"""

import datetime
from dataclasses import dataclass

from articles.search.segment import index_terms

LEDE_WORDS = 80


@dataclass(frozen=True)
class Document:
    pk: int
    title: str  # space-separated search-mode words
    labels: str
    body: str
    published_at: datetime.datetime | None = None

    @property
    def lede(self):
        return " ".join(self.body.split(" ", LEDE_WORDS)[:LEDE_WORDS])


def _terms(*texts):
    return [term for text in texts for term in index_terms(text)]


def _whole(*names):
    # jieba may split a name; the name itself is kept as one more word.
    return [name.strip().lower() for name in names if name and name.strip()]


def document_for(article):
    """The searchable text of ``article``; it needs ``bylines__person``, ``photos``, ``tags``."""
    names = [byline.person.name for byline in article.bylines.all()]
    tags = [tag.name for tag in article.tags.all()]
    captions = [photo.caption for photo in article.photos.all()]
    title = _terms(article.kicker, article.headline, article.subheadline)
    labels = [*_terms(*names), *_whole(*names), *_terms(*tags), *_whole(*tags)]
    body = _terms(article.body_text, *captions)
    return Document(
        pk=article.pk,
        title=" ".join(title),
        labels=" ".join(labels),
        body=" ".join(body),
        published_at=article.published_at,
    )
