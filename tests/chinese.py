"""Finding English a person would read on a page meant to be all Chinese.

What is read: the text of the page's body (not its scripts, styles or the text typed
into a textarea, which is data) and the attributes a screen shows or reads out
(placeholder, title, aria-label, the label of a button).  Names and data the
newsroom keeps in Latin letters (format names, the demo accounts' user names) are
allowed by name.
"""

import re

import lxml.html

# Formats, standards and brands that are names, and the demo accounts' user names.
NAMES = {
    "RSS",
    "JSON",
    "json",
    "HTML",
    "html",
    "ninjs",
    "IPTC",
    "Markdown",
    "markdown",
    "PDF",
    "ZIP",
    "zip",
    "CSV",
    "XML",
    "URL",
    "LDAP",
    "IP",
    "HTTP",
    "Accept",
    "GET",
    "POST",
    # Keys as Django's help for multiple choices names them.
    "Control",
    "Command",
    "Mac",
    "UTF",
    "GBK",
    "GB",
    "Django",
    "admin",
    "reporter",
    "editor",
    "arteditor",
    "proofreader",
    "chief",
    "newsroom",
    "demo",
}
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
READ_ATTRIBUTES = ("placeholder", "title", "aria-label", "data-placeholder")
SILENT = {"script", "style", "textarea", "template", "noscript"}
# Elements whose text is data: the summary of a stored password hash (algorithm, salt).
DATA_CLASSES = ("field-password",)


def _is_data(element):
    for node in (element, *element.iterancestors()):
        classes = (node.get("class") or "").split()
        if any(name in classes for name in DATA_CLASSES):
            return True
    return False


def _shown_text(root):
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag in SILENT or any(a.tag in SILENT for a in element.iterancestors()):
            continue
        if _is_data(element):
            continue
        if element.text:
            yield element.text, element
        for name in READ_ATTRIBUTES:
            if element.get(name):
                yield element.get(name), element
        if element.tag == "input" and element.get("type") in {"submit", "button", "reset"}:
            yield element.get("value") or "", element
    for element in root.iter():
        if element.tail and isinstance(element.tag, str):
            parent = element.getparent()
            if parent is not None and (
                parent.tag in SILENT
                or any(a.tag in SILENT for a in parent.iterancestors())
                or _is_data(parent)
            ):
                continue
            yield element.tail, parent if parent is not None else element


def english_words(html, allowed=()):
    """``[(word, text it was read in), …]`` of English words shown on ``html``'s page."""
    document = lxml.html.document_fromstring(html)
    body = document.find("body")
    root = body if body is not None else document
    title = document.find(".//title")
    texts = list(_shown_text(root))
    if title is not None and title.text:
        texts.append((title.text, title))
    allowed = NAMES | set(allowed)
    found = []
    for text, _element in texts:
        for word in WORD.findall(text):
            if word not in allowed and word.strip("'’-") not in allowed:
                found.append((word, " ".join(text.split())[:80]))
    return found
