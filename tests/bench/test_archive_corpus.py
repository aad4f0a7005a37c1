"""bench/archive_corpus.py builds a small archive whose stored parts are what the code makes,
and bench/archive_bench.py runs every row of its table against it.

The builder streams rows with COPY over connections of its own and makes its own
database, so it runs in a scratch database (beside the test database), in a
subprocess, as it is used.
"""

import re
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from django.db import connection

from articles.search.segment import query_terms

ROOT = Path(__file__).resolve().parents[2]
STORIES = 2000

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the archive builder writes PostgreSQL (COPY, tsvector search documents)",
)


def scratch_url():
    settings = connection.settings_dict
    user = settings.get("USER") or "postgres"
    host = settings.get("HOST") or "127.0.0.1"
    port = settings.get("PORT") or 5432
    name = f"{settings['NAME']}_archive_scratch"
    return (
        f"postgres://{user}@{host}:{port}/{name}",
        name,
        f"postgres://{user}@{host}:{port}/postgres",
    )


def run(*command):
    result = subprocess.run(
        [sys.executable, *command], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


@pytest.fixture(scope="module")
def archive():
    url, name, maintenance = scratch_url()
    output = run(
        "bench/archive_corpus.py",
        "--database",
        url,
        "--stories",
        str(STORIES),
        "--replace",
        "--sample",
        "150",
    )
    with psycopg.connect(url, autocommit=True) as conn:
        yield conn, url, output
    with psycopg.connect(maintenance, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def count(conn, sql, params=()):
    return conn.execute(sql, params).fetchone()[0]


@postgresql_only
def test_the_archive_has_every_kind_of_row(archive):
    conn, _url, _output = archive
    assert count(conn, "SELECT count(*) FROM articles_article") == STORIES
    editions = count(conn, "SELECT count(*) FROM articles_edition")
    assert 18 <= editions <= 26  # about 91 stories a day
    assert count(conn, "SELECT count(*) FROM articles_page") == editions * 8
    # The newest edition, which the benchmark reads, is a full day (the remainder is the oldest).
    newest = count(
        conn,
        "SELECT count(*) FROM articles_article a JOIN articles_page p ON p.id = a.page_id "
        "WHERE p.edition_id = (SELECT id FROM articles_edition ORDER BY date DESC LIMIT 1)",
    )
    assert 91 - 12 - 12 <= newest <= 91 + 12  # less the day's drafts and scheduled stories
    assert count(conn, "SELECT count(DISTINCT article_id) FROM articles_byline") == STORIES
    assert 0.05 * STORIES < count(conn, "SELECT count(*) FROM articles_photo") < 0.15 * STORIES
    assert count(conn, "SELECT count(*) FROM articles_awardroster") > 0
    assert count(conn, "SELECT count(*) FROM articles_rosterentry") > 0
    assert count(conn, "SELECT count(*) FROM taggit_taggeditem") > STORIES
    assert count(conn, "SELECT count(*) FROM articles_article WHERE main_article_id IS NOT NULL")
    statuses = dict(conn.execute("SELECT status, count(*) FROM articles_article GROUP BY 1"))
    assert statuses["published"] > 0.98 * STORIES and set(statuses) > {"published", "draft"}
    # A few reporters write much of the paper: the most prolific some 3 %.
    top = count(
        conn,
        "SELECT max(c) FROM (SELECT count(DISTINCT article_id) c FROM articles_byline "
        "GROUP BY person_id) x",
    )
    assert 0.015 * STORIES < top < 0.08 * STORIES
    assert count(conn, "SELECT count(DISTINCT person_id) FROM articles_byline") > 200


@postgresql_only
def test_stored_renderings_are_what_the_code_makes(archive):
    conn, _url, output = archive
    assert "mismatches: 0" in output
    assert re.search(r"search documents compared with document_for\(\): \d+, wrong: 0", output)
    stale = re.search(r"is not of version (\w+): (\d+)", output)
    assert stale and stale.group(2) == "0"
    versions = count(conn, "SELECT count(DISTINCT listing->>'v') FROM articles_article")
    assert versions == 1
    assert not count(
        conn,
        "SELECT count(*) FROM articles_article WHERE rendered->>'v' IS DISTINCT FROM "
        "listing->>'v' OR rendered->>'html' IS NULL",
    )


@postgresql_only
def test_every_story_is_indexed_and_a_topical_query_finds_a_few_percent(archive):
    conn, _url, _output = archive
    assert count(conn, "SELECT count(*) FROM articles_search_document") == STORIES
    words = " & ".join(query_terms("技能人才"))
    hits = count(
        conn,
        "SELECT count(*) FROM articles_search_document WHERE document @@ to_tsquery('simple', %s)",
        [words],
    )
    assert 0.01 * STORIES < hits < 0.06 * STORIES
    broad = count(
        conn,
        "SELECT count(*) FROM articles_search_document "
        "WHERE document @@ plainto_tsquery('simple', '株洲')",
    )
    assert broad > 0.8 * STORIES


@postgresql_only
def test_every_row_of_the_growth_table_runs(archive):
    _conn, url, _output = archive
    table = run(
        "bench/archive_bench.py", url, "--requests", "1", "--runs", "1", "--warm", "0", "--no-docs"
    )
    rows = [line for line in table.splitlines() if line.startswith("| ") and "---" not in line]
    assert len(rows) > 20, table
    for line in rows[1:]:
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        name, _queries, measured = cells[:3]
        # A page past the end of so small an archive (section ?page=100) may be 404.
        assert re.fullmatch(r"[\d.]+ / [\d.]+|404", measured), (name, measured)
    assert "Stale renderings" not in table


def test_the_growth_table_replaces_only_its_own_section(tmp_path, monkeypatch):
    from bench import archive_bench

    docs = tmp_path / "performance.md"
    docs.write_text("# Performance\n\nkept\n", encoding="utf-8")
    monkeypatch.setattr(archive_bench, "DOCS", docs)
    archive_bench.write_docs(["first"])
    archive_bench.write_docs(["second"])
    text = docs.read_text(encoding="utf-8")
    assert text.startswith("# Performance\n\nkept\n")
    assert text.count(archive_bench.HEADING) == 1 and "second" in text and "first" not in text
