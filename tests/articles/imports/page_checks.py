"""What the page-text tests read of a parsed page: the pinned pages under ``pages/`` and
the few views of a story an editor checks (kind, column, title parts, dateline, credits,
photos; paragraphs, intertitles; the lines skipped and why)."""

from pathlib import Path

from articles.imports.page_text import parse_page_text

PAGES = Path(__file__).parent / "pages"


def parse(name, **options):
    return parse_page_text((PAGES / name).read_text(encoding="utf-8"), **options)


def story(article):
    """What an editor checks of a story: kind, column, title parts, dateline, credits, photos."""
    return (
        article.kind,
        article.column,
        article.kicker,
        article.headline,
        article.subheadline,
        article.dateline,
        [(c.unit, c.role, c.names) for c in article.credits],
        len(article.photos),
    )


def paragraphs(article):
    return [block["text"] for block in article.body if block["type"] == "paragraph"]


def intertitles(article):
    return [block["text"] for block in article.body if block["type"] == "intertitle"]


def photo_credits(photo):
    return [(c.unit, c.role, c.names, c.photo) for c in photo.credits]


def skipped(page):
    return [(line.line, line.reason) for line in page.skipped]


def titles_and_openings(articles, length=6):
    """Each story's title and the first characters of its text: how a run of briefs reads."""
    return [(article.headline, paragraphs(article)[0][:length]) for article in articles]
