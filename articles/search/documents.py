"""What of a story is searchable, as plain text.

The title fields weigh more than the rest.  Byline names and tags are indexed
whole as well as segmented, so that a name jieba does not know (何春林) or a tag
written as one word (高新朋友圈) is always found when typed as printed.
"""

from dataclasses import dataclass

from .segment import index_terms


@dataclass(frozen=True)
class Document:
    pk: int
    title: str  # kicker, headline, subheadline: space-separated search-mode words
    body: str  # body, captions, byline names, tags: likewise


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
    body = [
        *_terms(article.body_text, *captions),
        *_terms(*names),
        *_whole(*names),
        *_terms(*tags),
        *_whole(*tags),
    ]
    return Document(pk=article.pk, title=" ".join(title), body=" ".join(body))
