"""Search latency over the generated corpus (bench/search_corpus.py), snippets included.

Each run does what the search page does for its first page of results: count
the hits and rank the window (one statement), fetch the ranked first 20 stories
(what the result list shows: stored credit line, section, page, body and photo
captions), and cut a highlighted snippet for each.  Prints the number of stories
that match, the median and 95th percentile per query and per kind of query, and
the median of the two phases (count with ranked window; page with snippets).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsroom_search_bench \\
        DJANGO_DEBUG=1 .venv/bin/python bench/search_bench.py --runs 200
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

QUERIES = {"topical": ["技能人才", "阳光增收"], "broad": ["株洲"]}
PAGE_SIZE = 20


def first_page(query, queryset=None, phases=None):
    start = time.perf_counter()
    results = search.search(query, queryset)
    total = results.count()
    counted = time.perf_counter()
    snippets = [article.search_snippet for article in results[:PAGE_SIZE]]
    if phases is not None:
        phases["count"].append((counted - start) * 1000)
        phases["page"].append((time.perf_counter() - counted) * 1000)
    return total, snippets


def percentile(samples, fraction):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def all_hits(query, queryset=None):
    """Every match, uncounted by the page's cap (for the hit rate, outside the timing)."""
    results = search.search(query, queryset)
    results.max_results = 10**9
    return results.count()


def measure(query, runs, queryset=None):
    for _ in range(5):  # warm caches and the connection
        first_page(query, queryset)
    timings, phases = [], {"count": [], "page": []}
    for _ in range(runs):
        start = time.perf_counter()
        total, snippets = first_page(query, queryset, phases)
        timings.append((time.perf_counter() - start) * 1000)
    assert snippets, f"no results for {query}"
    return total, timings, phases


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument(
        "--rank-window",
        type=int,
        help=f"PostgreSQL: rank this many newest hits (default {PostgresBackend.rank_window}); "
        "a huge value ranks every hit",
    )
    args = parser.parse_args()
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
    by_kind = {}
    print(
        f"{'query':<16}{'hits':>8}{'share':>8}{'median ms':>12}{'p95 ms':>10}"
        f"{'count+rank':>12}{'page ms':>10}"
    )
    for kind, label, queryset, query in cases:
        _served, timings, phases = measure(query, args.runs, queryset)
        total = all_hits(query, queryset)
        by_kind.setdefault(kind, []).extend(timings)
        print(
            f"{label:<16}{total:>8}{total / articles:>8.1%}"
            f"{statistics.median(timings):>12.1f}{percentile(timings, 0.95):>10.1f}"
            f"{statistics.median(phases['count']):>12.1f}{statistics.median(phases['page']):>10.1f}"
        )
    for kind, timings in by_kind.items():
        print(
            f"all {kind:<12}{'':>16}"
            f"{statistics.median(timings):>12.1f}{percentile(timings, 0.95):>10.1f}"
        )


if __name__ == "__main__":
    main()
