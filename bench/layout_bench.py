"""Timings of the layout import and exports (issues 4 and 13), in one warm process.

    .venv/bin/python bench/layout_bench.py [--database sqlite:////tmp/newsroom_layoutbench.sqlite3]
        [--repeat 20] [--stories 10000] [--large-repeat 3] [--save-large] [--large-only]

Uses its own database (created and migrated; SQLite file by default, or a PostgreSQL
URL) and its own media folder, so it never touches development data.

  import  the seed file (fixtures/seed_pages.txt, two pages, nine stories): parsing alone,
          a dry run, a real import into an empty edition (first time: creates people,
          photos and their renditions), and importing the same text again (warm update);
  export  a 60-story edition (the seed text imported onto seven page pairs, less three
          stories) in each format and in all formats as one zip.

  large   (issue 13) a file of --stories stories made from the seed's text
          (bench/layout_corpus.py: 20 stories a page, every title different): parsing,
          the dry run into a new edition, the report as the command prints it and as the
          admin renders it; as many stories of other papers' plain pages (the held-out
          pages under tests/articles/imports/keyed, repeated) parsed; 20,000 headings
          in a row and a title of 60,000 spaces parsed;
          with --save-large, the file saved once (what the background worker does) and
          the dry run again over the stored stories.

Each figure is the median of --repeat runs (--large-repeat for the large file; min in
brackets), after one warm-up run.  Targets: seed import under 50 ms warm; the 60-story
edition in all formats under 1 s; the 10,000-story file parsed and dry-run in under 10 s;
20,000 headings or 60,000 spaces parsed in well under a second.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def timed(function, repeat):
    function()  # warm-up
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples), min(samples)


def show(name, figures):
    median, fastest = figures
    print(f"  {name:<42} {median:8.1f} ms  (min {fastest:.1f})")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database", default="sqlite:////tmp/newsroom_layoutbench.sqlite3")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--stories", type=int, default=10000)
    parser.add_argument("--large-repeat", type=int, default=3)
    parser.add_argument("--save-large", action="store_true")
    parser.add_argument("--large-only", action="store_true", help="skip the seed and exports")
    args = parser.parse_args()
    media = tempfile.mkdtemp(prefix="newsroom-layoutbench-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    os.environ.setdefault("DJANGO_DEBUG", "1")
    os.environ["DATABASE_URL"] = args.database
    os.environ["DJANGO_MEDIA_ROOT"] = media
    if args.database.startswith("sqlite:///"):
        Path(args.database.removeprefix("sqlite:///")).unlink(missing_ok=True)

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor == "postgresql":
        # A clean database each run, with the roles the data migration makes.
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    call_command("migrate", verbosity=0)

    from articles.exports.formats import FORMATS, export_edition
    from articles.imports.encoding import decode_page_bytes
    from articles.imports.importer import import_page_bytes
    from articles.imports.page_text import parse_page_text
    from articles.management.demo import ensure_demo_users
    from articles.models import Article, Edition

    # Imports run as a named user through the editorial core, as the admin and command do.
    editor = next(user for user in ensure_demo_users() if user.username == "editor")
    seed = (ROOT / "fixtures" / "seed_pages.txt").read_bytes()
    print(f"database: {connection.vendor}; python {sys.version.split()[0]}; repeat {args.repeat}")
    if args.large_only:
        large(args, editor)
        return
    print("import of the seed file (2 pages, 9 stories):")
    show(
        "parse only (decode + parse_page_text)",
        timed(lambda: parse_page_text(decode_page_bytes(seed)[0]), args.repeat),
    )
    show(
        "dry run (report, nothing written)",
        timed(
            lambda: import_page_bytes(
                seed, "2023-12-26", ["A05", "A06"], user=editor, dry_run=True
            ),
            args.repeat,
        ),
    )
    start = time.perf_counter()
    import_page_bytes(seed, "2023-12-26", ["A05", "A06"], user=editor)
    elapsed = (time.perf_counter() - start) * 1000
    print(f"  {'first import (creates people, 5 photos)':<42} {elapsed:8.1f} ms  (once, cold)")
    show(
        "import again (warm, updates in place)",
        timed(
            lambda: import_page_bytes(seed, "2023-12-26", ["A05", "A06"], user=editor),
            args.repeat,
        ),
    )

    for pair in range(7):
        labels = [f"A{pair * 2 + 1:02d}", f"A{pair * 2 + 2:02d}"]
        import_page_bytes(seed, "2024-01-01", labels, user=editor)
    edition = Edition.objects.get(date="2024-01-01")
    extra = Article.objects.filter(page__edition=edition).order_by("-pk")[:3]
    Article.objects.filter(pk__in=[a.pk for a in extra]).delete()
    articles = Article.objects.filter(page__edition=edition).count()
    pages = edition.pages.count()
    print(f"export of a {articles}-story edition ({pages} pages) as one zip:")
    for fmt in FORMATS:
        show(fmt, timed(lambda fmt=fmt: export_edition(edition, [fmt]), args.repeat))
    show("all formats", timed(lambda: export_edition(edition, FORMATS), args.repeat))
    large(args, editor)


def large(args, editor):
    """Issue 13: a large file, and the parser's worst cases."""
    from django.template.loader import render_to_string

    from articles.admin.layout import mark_details
    from articles.imports.importer import import_page_bytes
    from articles.imports.page_text import parse_page_text
    from bench import layout_corpus

    stories = args.stories
    data = layout_corpus.story_file(stories).encode()
    labels = layout_corpus.labels(layout_corpus.page_count(stories))
    repeat = args.large_repeat
    print(
        f"a {stories}-story file ({len(labels)} pages, {len(data) / 1e6:.1f} MB), "
        f"median of {repeat}:"
    )
    show("parse only (decode + parse_page_text)", timed(lambda: parse(data), repeat))

    def dry_run():
        return import_page_bytes(data, "2024-06-01", labels, user=editor, dry_run=True)

    show("parse + dry run into a new edition", timed(dry_run, repeat))
    report = dry_run()
    show("report as the command prints it", timed(report.lines, repeat))

    def admin_report():
        mark_details(report)
        return render_to_string("admin/articles/_layout_report.html", {"report": report})

    show("report as the admin renders it", timed(admin_report, repeat))
    plain = layout_corpus.plain_pages(stories)
    show(
        "parse: as many stories of plain pages",
        timed(lambda: parse_page_text(plain), repeat),
    )
    for name, text in (
        ("20,000 headings in a row", layout_corpus.repeated_headings(20000)),
        ("a title of 60,000 spaces", layout_corpus.spaced_title(60000)),
    ):
        show(f"parse: {name}", timed(lambda text=text: parse_page_text(text), repeat))
    if args.save_large:
        start = time.perf_counter()
        import_page_bytes(data, "2024-06-01", labels, user=editor)
        elapsed = time.perf_counter() - start
        print(f"  {'save (once, as the background worker does)':<42} {elapsed:8.1f} s")
        show("parse + dry run over the stored stories", timed(dry_run, repeat))


def parse(data):
    from articles.imports.encoding import decode_page_bytes
    from articles.imports.page_text import parse_page_text

    return parse_page_text(decode_page_bytes(data)[0])


if __name__ == "__main__":
    main()
