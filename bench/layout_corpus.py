"""Large page-text files for the import benchmark and tests, made from the seed's own text.

``story_file(n)`` writes ``n`` stories in the seed's form (a page heading with its staff
line every ``per_page`` stories; each story a heading, a lead credit with a dateline,
and two paragraphs cut from the seed's), every title different; ``labels(pages)`` gives
a label per page.  ``repeated_headings(n)`` and ``spaced_title(n)`` are the parser's
worst cases: thousands of headings in a row, and one title of ``n`` spaces.
"""

import json
import re
from functools import cache
from pathlib import Path

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "seed_pages.txt"
# Lead credits as the seed prints them (unit, role/name), rotated through the stories.
CREDITS = [
    "株洲日报(全媒体记者/何春林 通讯员/王付银)",
    "株洲日报(全媒体记者/杨凌霄)",
    "株洲日报(全媒体记者/李逸峰 通讯员/罗文娟)",
    "株洲日报(全媒体记者/杨如 通讯员/赵媛)",
]
SECTIONS = ["就业·创业", "区县新闻", "经济", "民生"]


@cache
def sentences():
    """The seed's body sentences (no headings, credits or names)."""
    text = SEED.read_text(encoding="utf-8")
    found = []
    for paragraph in text.split("\n\n"):
        paragraph = paragraph.strip()
        if len(paragraph) < 40 or paragraph.startswith("#") or "株洲日报" in paragraph:
            continue
        found += [s + "。" for s in re.split(r"。", paragraph) if 12 <= len(s) <= 60]
    return found


def story_file(stories, per_page=20):
    """The text of ``stories`` stories on ``ceil(stories / per_page)`` pages."""
    pool = sentences()
    out = []
    for number in range(stories):
        if number % per_page == 0:
            section = SECTIONS[(number // per_page) % len(SECTIONS)]
            out.append(f"## {section}\n\n责任编辑:王建设 美术编辑:王玺\n")
        first, second = pool[number % len(pool)], pool[(number * 7 + 3) % len(pool)]
        out.append(
            f"## 第{number + 1}号稿件：{pool[(number * 3) % len(pool)][:12]}\n\n"
            f"{CREDITS[number % len(CREDITS)]} 12月{number % 28 + 1}日,{first}\n\n{second}\n"
        )
    return "\n".join(out)


def page_count(stories, per_page=20):
    return -(-stories // per_page)


def labels(pages):
    """A01, A02, … (three digits once there are more than 99 pages)."""
    width = 3 if pages > 99 else 2
    return [f"A{number:0{width}d}" for number in range(1, pages + 1)]


def repeated_headings(count):
    """A story, then ``count`` headings in a row (a parser that looks back would be slow)."""
    return (
        "## 标题\n\n株洲日报(全媒体记者/何春林)正文第一句。\n\n"
        + "## 小标题\n\n" * count
        + "正文最后一句。\n"
    )


def spaced_title(spaces):
    """A story whose title holds ``spaces`` spaces between two words."""
    return f"## 标题{' ' * spaces}结束\n\n株洲日报(全媒体记者/何春林)正文第一句。\n"


KEYED = Path(__file__).resolve().parent.parent / "tests" / "articles" / "imports" / "keyed"


def plain_pages(stories):
    """Other papers' plain page texts (the held-out pages the tests keep), repeated to
    about ``stories`` stories: no Markdown, titles found by their shape alone."""
    pages = [path.read_text(encoding="utf-8") for path in sorted(KEYED.glob("*.txt"))]
    each = sum(
        len(json.loads(path.read_text(encoding="utf-8"))["stories"])
        for path in sorted(KEYED.glob("*.key.json"))
    )
    text = "\n\n".join(pages)
    return "\n\n".join([text] * max(1, round(stories / max(each, 1))))
