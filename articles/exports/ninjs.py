"""Stories as IPTC ninjs 3.1 documents (one per story), valid against the official schema.

Mapping: ``by`` is the printed credit line; ``headlines`` carry the kicker
(role ``kicker``), headline (``main``), subheadline (``subheadline``) and the column
label printed above them (``column``); ``bodies`` the text as HTML and plain text
with 字数 as ``charCount``, the HTML opening with the 编者按 (``p.editor-note``) and
closing with the author's note (``p.author-note``), as printed (``edNote`` is a note
to editors, not for readers);
``descriptions`` of each picture hold its ``caption`` and ``creditline``;
pictures are ``associations`` of type ``picture``, identified by the URL of
their largest JPEG rendition and listing every rendition (never the original
upload, which may carry metadata; the site serves renditions once the story is
published); every URI is absolute under the base URL, or a ``urn:newsroom:``
URN without one; tags
are ``subjects``; the print page is given as ``altIds`` (``printEdition``,
``printPage``, ``printPosition``) and the ``slugline``.  Request-free.
"""

from django.urls import reverse
from django.utils.html import escape

NINJS_SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#"
LANGUAGE = "zh-Hans"
TYPE_BY_KIND = {"photo": "composite"}
GENRE_BY_KIND = {
    "commentary": "Opinion",
    "photo": "Photo story",
    "news": "Current",
    "brief": "Current",
}


def _uri(base_url, path):
    """``path`` under ``base_url`` (a URN without one); an absolute URL is left as it is."""
    if "://" in path:
        return path
    base = (base_url or "urn:newsroom").rstrip("/")
    if base.startswith("urn:"):
        return f"{base}:{path.strip('/').replace('/', ':')}"
    return f"{base}{path}"


def _html(blocks, dateline="", editor_note=(), author_note=""):
    """The text as HTML; the 编者按 before it and the author's note after it are
    paragraphs of their own class (ninjs has no property for either)."""
    parts = [f'<p class="editor-note">{escape(paragraph)}</p>' for paragraph in editor_note]
    for number, block in enumerate(blocks):
        text = escape(block["text"])
        if block["type"] == "intertitle":
            parts.append("<h2>" + text.replace("\n", "<br>") + "</h2>")
        elif block["type"] == "verse":
            parts.append('<p class="verse">' + text.replace("\n", "<br>") + "</p>")
        elif number == 0 and dateline:
            parts.append(f"<p><b>{escape(dateline)}</b> {text}</p>")
        else:
            parts.append(f"<p>{text}</p>")
    if author_note:
        parts.append(f'<p class="author-note">{escape(author_note)}</p>')
    return "".join(parts)


def _picture(article, photo, base_url, publication):
    # The picture is identified by, and served as, its renditions: never the original.
    renditions = [
        {
            "name": f"{r['content_type'].split('/')[1]}-{r['width']}",
            "href": _uri(base_url, r["url"]),
            "contentType": r["content_type"],
            "width": r["width"],
            "height": r["height"],
        }
        for r in photo["renditions"]
    ]
    uri = _uri(base_url, photo["image"]) if photo["image"] else f"urn:newsroom:photo:{photo['id']}"
    picture = {
        "name": f"picture{photo['order'] + 1}",
        "rel": "picture",
        "uri": uri,
        "type": "picture",
        "language": LANGUAGE,
        "renditions": renditions,
        "descriptions": [],
    }
    if photo["credit"]:
        picture["by"] = photo["credit"]
    if photo["caption"]:
        picture["descriptions"].append(
            {"role": "caption", "contentType": "text/plain", "value": photo["caption"]}
        )
    if photo["credit"]:
        picture["descriptions"].append(
            {"role": "creditline", "contentType": "text/plain", "value": photo["credit"]}
        )
    if photo["alt_text"]:
        picture["descriptions"].append(
            {"role": "alt", "contentType": "text/plain", "value": photo["alt_text"]}
        )
    if not picture["descriptions"]:
        del picture["descriptions"]
    picture["copyrightHolder"] = publication
    return picture


def article_ninjs(article, page, base_url=""):
    """One ninjs 3.1 document for ``story`` (a story dict of ``export_data``) on ``page``."""
    edition, label = page["edition"]["date"], page["page"]["label"]
    plain = "\n".join(block["text"] for block in article["body"])
    headlines = [{"role": "main", "contentType": "text/plain", "value": article["headline"]}]
    if article["column"]:
        headlines.append(
            {"role": "column", "contentType": "text/plain", "value": article["column"]}
        )
    if article["kicker"]:
        headlines.append(
            {"role": "kicker", "contentType": "text/plain", "value": article["kicker"]}
        )
    if article["subheadline"]:
        headlines.append(
            {"role": "subheadline", "contentType": "text/plain", "value": article["subheadline"]}
        )
    document = {
        "uri": _uri(base_url, article["url"]),
        "type": TYPE_BY_KIND.get(article["kind"], "text"),
        "representationType": "full",
        "profile": "newsroom-print-story",
        "language": LANGUAGE,
        "pubStatus": "usable" if article["status"] == "published" else "withheld",
        "headlines": headlines,
        "bodies": [
            {
                "role": "main",
                "contentType": "text/html",
                "charCount": article["char_count"],
                "value": _html(
                    article["body"],
                    article["dateline"],
                    article["editor_note"],
                    article["author_note"],
                ),
            },
            {
                "role": "plain",
                "contentType": "text/plain",
                "charCount": article["char_count"],
                "value": plain,
            },
        ],
        "slugline": f"{edition} {label} {article['position']}",
        "altIds": [
            {"role": "printEdition", "value": edition},
            {"role": "printPage", "value": label},
            {"role": "printPageName", "value": page["page"]["name"]},
            {"role": "printPosition", "value": str(article["position"])},
            {"role": "newsroomId", "value": str(article["id"])},
        ],
        "genres": [
            {"name": GENRE_BY_KIND.get(article["kind"], "Current"), "literal": article["kind"]}
        ],
        "copyrightHolder": page["publication"],
    }
    if article["corrections"]:
        # Public 更正 notes travel with the story, as descriptions readers may be shown.
        document["descriptions"] = [
            {
                "role": "correction",
                "contentType": "text/plain",
                "value": f"{c['date'][:10]} {c['note']}",
            }
            for c in article["corrections"]
        ]
    if article["byline"]:
        document["by"] = article["byline"]
    if article["dateline"]:
        document["located"] = article["dateline"]
    if article["published_at"]:
        document["versionCreated"] = article["published_at"]
    elif article["updated_at"]:
        document["versionCreated"] = article["updated_at"]
    if article["tags"]:
        document["subjects"] = [
            {"name": tag, "rel": "about", "literal": tag} for tag in article["tags"]
        ]
    if article["section"]:
        document.setdefault("subjects", []).append(
            {
                "name": article["section"]["name"],
                "rel": "section",
                "literal": article["section"]["slug"],
            }
        )
    associations = [
        _picture(article, photo, base_url, page["publication"]) for photo in article["photos"]
    ]
    if article["main_story"]:
        associations.append(
            {
                "name": "mainStory",
                "rel": "mainStory",
                "uri": _uri(base_url, reverse("articles:detail", args=[article["main_story"]])),
            }
        )
    if associations:
        document["associations"] = associations
    if article["rosters"]:
        document["bodies"].append(
            {
                "role": "roster",
                "contentType": "text/plain",
                "value": "\n".join(
                    f"{r['title']}（{r['stated_count']}名）：{'、'.join(r['names'])}"
                    for r in article["rosters"]
                ),
            }
        )
    return document


def page_ninjs(data, base_url=""):
    """The ninjs documents of every story on the page, in page order."""
    return [article_ninjs(article, data, base_url) for article in data["stories"]]
