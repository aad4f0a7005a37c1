"""What search engines and sharing read: description, Open Graph, NewsArticle JSON-LD.

Request-free: callers pass ``absolute``, a function turning a path into a full URL.
"""

import json

from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.timezone import localtime

from articles.models import publication_name
from articles.photos import renditions
from articles.photos.renditions import rendition_url

DESCRIPTION_LENGTH = 120
_JSON_SCRIPT_ESCAPES = ((">", "\\u003E"), ("<", "\\u003C"), ("&", "\\u0026"))


def description(article):
    """The first paragraph, shortened: what a search result or a shared link shows."""
    paragraphs = article.paragraphs
    text = paragraphs[0] if paragraphs else article.title
    return Truncator(strip_tags(text)).chars(DESCRIPTION_LENGTH)


def image_urls(article, absolute):
    """The largest JPEG rendition of each photo, in order."""
    urls = []
    for photo in article.photos.all():
        largest = renditions.renditions(photo, "jpg")[-1]
        urls.append(absolute(rendition_url(photo, largest)))
    return urls


def authors(article):
    """People credited for the text (the photographers of a photo story)."""
    seen, people = set(), []
    for byline in article.credited_bylines:
        if byline.person_id not in seen:
            seen.add(byline.person_id)
            people.append(byline.person)
    return people


def news_article_parts(article):
    """The parts of the NewsArticle that come from the story itself, with site paths.

    Stored with the story's rendering (articles/rendering.py); ``news_article``
    adds dates, print location and full URLs per request.
    """
    parts = {
        "headline": article.headline,
        "description": description(article),
        "author": [
            {"@type": "Person", "name": person.name, "url": person.get_absolute_url()}
            for person in authors(article)
        ],
        "image": [
            rendition_url(photo, renditions.renditions(photo, "jpg")[-1])
            for photo in article.photos.all()
        ],
        "wordCount": article.char_count,
        "keywords": [tag.name for tag in article.tags.all()],
    }
    alternative = " ".join(part for part in (article.kicker, article.subheadline) if part)
    if alternative:
        parts["alternativeHeadline"] = alternative
    return parts


def news_article(article, absolute, parts=None):
    """schema.org NewsArticle for ``article``, as a dict."""
    parts = parts if parts is not None else news_article_parts(article)
    url = absolute(article.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        **parts,
        "inLanguage": "zh-Hans",
        "mainEntityOfPage": url,
        "url": url,
        "datePublished": localtime(article.published_at).isoformat(),
        "dateModified": localtime(max(article.updated_at, article.published_at)).isoformat(),
        "author": [{**author, "url": absolute(author["url"])} for author in parts["author"]],
        "image": [absolute(image) for image in parts["image"]],
        "publisher": {"@type": "Organization", "name": publication_name()},
    }
    if article.section_id:
        data["articleSection"] = article.section.name
    page = article.page
    if page is not None:
        data["printEdition"] = page.edition.date.isoformat()
        data["printPage"] = page.label
        data["printSection"] = page.name or (article.section.name if article.section_id else "")
    return data


def json_ld(data):
    """``data`` as the text of a ``<script type="application/ld+json">`` element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    # str.replace, not str.translate: translate walks a long non-ASCII string ~50x slower.
    for character, escaped in _JSON_SCRIPT_ESCAPES:
        text = text.replace(character, escaped)
    return text
