"""Search latency over a generated corpus (bench/search_corpus.py, bench/archive_corpus.py),
snippets included.

Each run does what the search page does for a page of results: for the first
page, rank the newest matches (one statement, which also counts them when few
match; on PostgreSQL after one EXPLAIN for the planner's estimates), fetch the
ranked first 20 stories (what the result list shows: stored credit line,
section, page, body and photo captions) and cut a highlighted snippet for each,
then the count or its estimate; for a deeper page (``--deep-page``), the slice
of the newest matches at that depth instead of the ranking.  Prints the number of
stories that match (counted exactly, outside the timing) and what the page shows
(约 when estimated), the median and 95th percentile per query and per kind of query,
and the median of the two phases (the page: statements, rows and snippets; then the
count).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsroom_search_bench \\
        DJANGO_DEBUG=1 .venv/bin/python bench/search_bench.py --runs 200 --deep-page 50

On a corpus built by another tree (bench/archive_corpus.py) whose fragment templates
differ, add ``--stored-fragments``, or each result is rendered again in memory.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402

from articles import search  # noqa: E402
from articles.models import Article, Section  # noqa: E402
from articles.search.backends.postgres import PostgresBackend  # noqa: E402

QUERIES = {"topical": ["技能人才", "阳光增收", "技能人才 株洲"], "broad": ["株洲"]}
PAGE_SIZE = 20


def one_page(query, queryset=None, phases=None, page=1):
    """What the search page does: the page's results (one more, to know if a next page
    exists) with their snippets, then the count (exact, or estimated: 约)."""
    start = time.perf_counter()
    results = search.search(query, queryset)
    bottom = (page - 1) * PAGE_SIZE
    hits = results[bottom : bottom + PAGE_SIZE + 1]
    snippets = [hit.search_snippet for hit in hits[:PAGE_SIZE]]
    fetched = time.perf_counter()
    total = results.count()
    shown = f"约{total}" if results.count_is_estimate else str(total)
    if phases is not None:
        phases["page"].append((fetched - start) * 1000)
        phases["count"].append((time.perf_counter() - fetched) * 1000)
    return shown, snippets


def percentile(samples, fraction):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def all_hits(query, queryset=None):
    """Every match, counted exactly (for the hit rate, outside the timing)."""
    results = search.search(query, queryset)
    return results._backend.count(results.terms, results._visible)


def measure(query, runs, queryset=None, page=1):
    for _ in range(5):  # warm caches and the connection
        one_page(query, queryset, page=page)
    timings, phases = [], {"count": [], "page": []}
    for _ in range(runs):
        start = time.perf_counter()
        shown, snippets = one_page(query, queryset, phases, page=page)
        timings.append((time.perf_counter() - start) * 1000)
    assert snippets, f"no results for {query} on page {page}"
    return shown, timings, phases


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument(
        "--rank-window",
        type=int,
        help=f"PostgreSQL: rank this many newest hits (default {PostgresBackend.rank_window}); "
        "a huge value ranks every hit",
    )
    parser.add_argument(
        "--deep-page", type=int, default=0, help="time this page too (page 50: matches 981-1000)"
    )
    parser.add_argument(
        "--stored-fragments",
        action="store_true",
        help="take the stored fragments as current even when this tree's templates changed "
        "since the corpus was built (otherwise every result is rendered again in memory)",
    )
    args = parser.parse_args()
    if args.stored_fragments:
        from articles.public import fragments

        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT listing ->> 'v' FROM articles_article GROUP BY 1 ORDER BY count(*) DESC"
            )
            stored_version = cursor.fetchone()[0]
        fragments.version = lambda: stored_version
    if args.rank_window:
        PostgresBackend.rank_window = args.rank_window
    articles = Article.objects.published().count()
    print(f"{connection.vendor} {connection.settings_dict['NAME']}: {articles} published stories")
    if connection.vendor == "postgresql":
        print(f"rank window: {PostgresBackend.rank_window}")
    district = Section.objects.filter(slug="shifeng").first()
    cases = [(kind, q, None, q) for kind, queries in QUERIES.items() for q in queries]
    if district:
        filtered = Article.objects.published().in_section(district)
        cases.append(("broad", "株洲 in 石峰区", filtered, "株洲"))
    pages = [1] + ([args.deep_page] if args.deep_page > 1 else [])
    by_kind = {}
    print(
        f"{'query':<20}{'page':>5}{'hits':>8}{'share':>7}{'shown':>10}{'median ms':>11}"
        f"{'p95 ms':>8}{'page ms':>9}{'count ms':>10}"
    )
    for kind, label, queryset, query in cases:
        total = all_hits(query, queryset)
        for page in pages:
            shown, timings, phases = measure(query, args.runs, queryset, page=page)
            by_kind.setdefault((kind, page), []).extend(timings)
            print(
                f"{label:<20}{page:>5}{total:>8}{total / articles:>7.1%}{shown:>10}"
                f"{statistics.median(timings):>11.1f}{percentile(timings, 0.95):>8.1f}"
                f"{statistics.median(phases['page']):>9.1f}"
                f"{statistics.median(phases['count']):>10.1f}"
            )
    for (kind, page), timings in by_kind.items():
        print(
            f"all {kind:<16}{page:>5}{'':>25}"
            f"{statistics.median(timings):>11.1f}{percentile(timings, 0.95):>8.1f}"
        )


if __name__ == "__main__":
    main()
