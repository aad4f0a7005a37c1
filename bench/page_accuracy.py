"""How many stories of held-out pages the page parser reads right (issue 13).

    .venv/bin/python bench/page_accuracy.py DIR_OR_KEY [...] [--verbose]

Each key is ``NAME.key.json`` next to the page text it names (``"file"``), written by
someone who has not read the importer::

    {"file": "page.txt", "edition_date": "2026-11-28" | null,
     "stories": [{"kind": "news", "column": "", "kicker": "", "headline": "...",
                  "subheadline": "", "credits": [["记者", ["张三"]]],
                  "photo_credits": [["记者", ["李四"]]], "photos": 1,
                  "body_first": "first characters", "body_last": "last characters"}],
     "no_story": ["every line that belongs to no story"]}

A story is *right* when the parser gives a story with the same title parts, the same
people (writers and photographers together, as a set of role and names, units
aside), the same number of pictures, a body that opens with ``body_first`` and ends
(in one of its paragraphs) with ``body_last``, and nothing in its title, body or
captions that the key lists under ``no_story`` or that opens another story of the
key.  Kind, column and units are counted apart: they are conventions more than
reading; so is the title of a brief printed with none (a key whose title is the
brief's first words), which is matched by its first paragraph instead.  Titles and
text are compared without spaces and with half-width punctuation made full-width,
as the parser prints them.

Per page it prints each story that is not right and why, then ``right/stories``;
stories the parser made that the key does not have are counted as *extra*; the
total line gives right/stories and the strict figure right/(stories + extra).
"""

import argparse
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

_FULL = str.maketrans({",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"})


def norm(text):
    """Text as compared: no whitespace, half-width punctuation made full-width."""
    return "".join((text or "").split()).translate(_FULL)


def key_files(paths):
    for path in map(Path, paths):
        if path.is_dir():
            yield from sorted(path.glob("*.key.json"))
        else:
            yield path


def people(credits):
    """Who is credited, and as what: a writer who took the pictures too counts once."""
    return {(norm(role), tuple(norm(n) for n in names)) for role, names in credits if names}


def parsed_people(article):
    found = [(c.role, c.names) for c in article.credits]
    for photo in article.photos:
        found += [(c.role, c.names) for c in photo.credits]
    return people(found)


def texts(article):
    """Everything a reader would read as the story's: title, paragraphs, captions."""
    parts = [article.kicker, article.headline, article.subheadline]
    parts += [block.get("text", "") for block in article.body]
    parts += [photo.caption for photo in article.photos]
    return [norm(part) for part in parts if part]


def paragraphs(article):
    """The text blocks: paragraphs, and a poem's stanzas."""
    return [
        norm(b["text"])
        for b in article.body
        if b.get("type") in ("paragraph", "verse") and b.get("text")
    ]


def _derived_title(story):
    """A piece whose key title is only its first words (a brief, a one-line notice, a comment
    of a run): no title was printed."""
    title, first = norm(story.get("headline", "")), norm(story.get("body_first", ""))
    return bool(title) and first.startswith(title[:12])


def faults(expected, article, foreign, openings):
    """Why ``article`` is not the key's ``expected`` story ([] when it is)."""
    found = []
    for part in ("kicker", "headline", "subheadline"):
        if part == "headline" and _derived_title(expected):
            continue  # each side titles an untitled brief its own way
        if norm(expected.get(part, "")) != norm(getattr(article, part)):
            found.append(f"{part}: want {expected.get(part)!r} got {getattr(article, part)!r}")
    want = people(expected.get("credits", []) + expected.get("photo_credits", []))
    got = parsed_people(article)
    if want != got:
        found.append(f"people: want {sorted(want)} got {sorted(got)}")
    if expected.get("photos", 0) != len(article.photos):
        found.append(f"photos: want {expected.get('photos', 0)} got {len(article.photos)}")
    body = paragraphs(article)
    if article.kind == "photo":
        # A photo story's text is its captions (and a paragraph over them, if any).
        body = body + [norm(photo.caption) for photo in article.photos]
    first, last = norm(expected.get("body_first", "")), norm(expected.get("body_last", ""))
    # A date opening the lead is kept as the dateline, printed before the first paragraph.
    opening = (
        [body[0], norm(article.dateline + "，" + body[0]), norm(article.dateline) + body[0]]
        if body
        else []
    )
    if first and not any(text.startswith(first) for text in opening):
        found.append(f"body opens {body[0][:20] if body else ''!r}, want {first!r}")
    # A caption printed under the last paragraph (图为…（记者 X 摄）) may close the story.
    closing = body + [norm(photo.caption) for photo in article.photos]
    if last and not any(p.endswith(last) for p in closing):
        found.append(f"body ends {body[-1][-20:] if body else ''!r}, want {last!r}")
    own = norm(expected.get("body_first", ""))
    for text in texts(article):
        for line in foreign:
            if line in text:
                found.append(f"foreign text in story: {line!r}")
        for opening in openings:
            if opening != own and opening in text:
                found.append(f"another story's text inside: {opening!r}")
    return found


@dataclass
class PageScore:
    """How a page's stories were read against its key."""

    file: str
    right: int
    stories: int
    extra: int
    conventions: int
    wrong: dict = field(default_factory=dict)  # headline → why (MISSING when no story)
    extras: list = field(default_factory=list)  # titles of stories the key does not have
    notes: list = field(default_factory=list)  # kind/column differences


def read_page(key_path):
    """Parse the page a key names and compare it story by story (``PageScore``)."""
    from articles.imports.page_text import parse_page_text
    from articles.print_labels import LayoutError

    key_path = Path(key_path)
    key = json.loads(key_path.read_text(encoding="utf-8"))
    text = (key_path.parent / key["file"]).read_text(encoding="utf-8")
    expected = key["stories"]
    try:
        pages = parse_page_text(text)
    except LayoutError as error:
        wrong = {s.get("headline", ""): f"refused: {error}" for s in expected}
        return PageScore(key["file"], 0, len(expected), 0, 0, wrong)
    articles = [a for page in pages for a in page.articles]
    # A line of no story that is also a story's title (an e-paper's list of the page's
    # titles) cannot be told from that title inside a story's text.
    titles = {norm(s.get(part, "")) for s in expected for part in ("kicker", "headline")}
    # Nor can one that the page's text also prints inside a longer line (澄江晨报 as the
    # masthead and in 澄江晨报“人物·专访”版面向社会征集…).
    lines = {norm(line) for line in text.split("\n")}
    foreign = [
        norm(line)
        for line in key.get("no_story", [])
        if len(norm(line)) >= 4
        and norm(line) not in titles
        and not any(norm(line) in other and norm(line) != other for other in lines)
    ]
    openings = [
        norm(s.get("body_first", "")) for s in expected if len(norm(s.get("body_first", ""))) >= 8
    ]
    result = PageScore(key["file"], 0, len(expected), 0, 0)
    used = set()
    for want in expected:
        title = norm(want.get("headline", ""))
        match = next(
            (i for i, a in enumerate(articles) if i not in used and norm(a.headline) == title),
            None,
        )
        if match is None:  # the title cut into other parts: the same story read wrong
            match = next(
                (i for i, a in enumerate(articles) if i not in used and title in norm(a.title)),
                None,
            )
        if match is None and _derived_title(want):
            # A brief printed with no title: the parser and the key each make one of its
            # first words; the story is the one that opens with the key's first words.
            first = norm(want.get("body_first", ""))
            match = next(
                (
                    i
                    for i, a in enumerate(articles)
                    if i not in used and first and any(p.startswith(first) for p in paragraphs(a))
                ),
                None,
            )
        if match is None:
            result.wrong[want.get("headline", "")] = "MISSING"
            continue
        used.add(match)
        article = articles[match]
        why = faults(want, article, foreign, openings)
        if why:
            result.wrong[want.get("headline", "")] = "; ".join(why)
        else:
            result.right += 1
        if want.get("kind") != article.kind or norm(want.get("column", "")) != norm(article.column):
            result.conventions += 1
            result.notes.append(
                f"{want.get('headline')!r}: kind {want.get('kind')}/{article.kind}"
                f" column {want.get('column')!r}/{article.column!r}"
            )
    result.extras = [a.title for i, a in enumerate(articles) if i not in used]
    result.extra = len(result.extras)
    return result


def score(key_path, verbose=False):
    """Print a page's figures and every story not read right."""
    result = read_page(key_path)
    print(
        f"{result.file}: {result.right}/{result.stories} right, {result.extra} extra,"
        f" {result.conventions} kind/column differ"
    )
    for headline, why in result.wrong.items():
        print(f"  MISSING {headline!r}" if why == "MISSING" else f"  WRONG {headline!r}: {why}")
    for title in result.extras:
        print(f"  EXTRA {title!r}")
    if verbose:
        for note in result.notes:
            print(f"  (convention) {note}")
    return result.right, result.stories, result.extra, result.conventions


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("keys", nargs="+", help="key files or directories of NAME.key.json")
    parser.add_argument("--verbose", action="store_true", help="also list kind/column differences")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    os.environ.setdefault("DJANGO_DEBUG", "1")
    import django

    django.setup()
    totals = [0, 0, 0, 0]
    for path in key_files(args.keys):
        for i, value in enumerate(score(path, args.verbose)):
            totals[i] += value
    right, stories, extra, conventions = totals
    if stories:
        print(
            f"ALL: {right}/{stories} stories right ({100 * right / stories:.1f} %), {extra} extra,"
            f" strict {right}/{stories + extra} ({100 * right / (stories + extra):.1f} %),"
            f" {conventions} kind/column differ"
        )


if __name__ == "__main__":
    main()
