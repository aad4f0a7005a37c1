"""How the busy pages and actions grow with the archive: 20 k, 100 k, 1 M stories.

Measures every row below in-process (Django's test ``Client``, production settings:
DEBUG off, no page cache, Django's dummy cache, so nothing is kept between
requests) against archives built by ``bench/archive_corpus.py``, one worker
process per database, alternating between them run by run so that the machine's
load falls on every size alike.  Each row gets ``--requests`` timed requests in
all (after a warm-up), split over ``--runs`` runs; the report gives the median
and 95th percentile in milliseconds and the number of queries of one request, per
row and database, and the growth (median of the largest archive over the
smallest).  The targets are chosen the same way at every size: the newest
edition and its district page, the most prolific reporter, the 区县新闻 section
(16 % of the stories) and 石峰区 below it, the 技能人才 tag, the newest published
story with a photo, the newest submitted story for the editorial save.

    .venv/bin/python bench/archive_bench.py \\
        postgres://postgres@127.0.0.1:5432/newsroom_archive_20k \\
        postgres://postgres@127.0.0.1:5432/newsroom_archive_100k \\
        postgres://postgres@127.0.0.1:5432/newsroom_archive_1m

writes the growth table into docs/performance.md between the archive-growth
markers (``--no-docs``: print only).  A bare database name means
postgres://postgres@127.0.0.1:5432/<name>.  A row whose address answers 404 (a
page that does not exist at that size) is skipped with a note.
"""

import argparse
import io
import json
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "performance.md"
START, END = "<!-- archive-growth:start -->", "<!-- archive-growth:end -->"
HEADING = "## Archive growth (issue 12)"
BENCH_USER = "archive-bench"


def environment(database, var):
    """Production settings, nothing cached between requests (as bench/site_bench.py)."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(40),
        "DJANGO_ALLOWED_HOSTS": "testserver",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": database,
        "NEWSROOM_VAR_DIR": str(var),
        "NEWSROOM_PAGE_CACHE_SECONDS": "0",
        "NEWSROOM_NO_CACHE": "1",
        "PYTHONPATH": str(ROOT),
    }
    env.pop("REDIS_URL", None)
    return env


# --------------------------------------------------------------------------- targets


class Targets:
    """What the rows ask for, chosen the same way at every size."""

    def __init__(self):
        from django.contrib.auth import get_user_model
        from django.db.models import Count
        from taggit.models import Tag

        from articles.models import Article, Byline, Edition, Section
        from articles.public import fragments

        self.stories = Article.objects.count()
        # Renderings of another version are made again per request: the rows would then
        # measure rendering, not the site (archive_corpus.py --refresh restamps them).
        self.stale = Article.objects.exclude(listing__v=fragments.version()).count()
        user_model = get_user_model()
        self.user = user_model.objects.filter(username=BENCH_USER).first()
        if self.user is None:
            self.user = user_model.objects.create_superuser(BENCH_USER, "bench@example.com", None)
        edition = Edition.objects.published().order_by("-date").first()
        self.edition = edition.date.isoformat()
        page = edition.pages.filter(label="A05").first() or edition.pages.first()
        self.page_label = page.label
        self.person = (
            Byline.objects.values("person")
            .annotate(stories=Count("article", distinct=True))
            .order_by("-stories")
            .values_list("person", flat=True)
            .first()
        )
        self.section = Section.objects.filter(slug="quxian").first() or Section.objects.first()
        self.district = Section.objects.filter(slug="shifeng").first() or self.section
        tag = Tag.objects.filter(name="技能人才").first() or Tag.objects.first()
        self.tag_slug = tag.slug if tag else None
        published = Article.objects.published().order_by("-published_at", "-pk")
        story = published.filter(photos__isnull=False).first() or published.first()
        self.story = story.pk
        draft = (
            Article.objects.filter(status__in=["submitted", "draft"]).order_by("-pk").first()
            or story
        )
        self.draft = draft.pk

    def write_pictures(self):
        """Picture files for the photos the rows show (the archive has photo rows only):
        the newest edition's (exports print them) and the story page's."""
        from django.conf import settings
        from PIL import Image

        from articles.models import Photo

        photos = Photo.objects.filter(article__page__edition__date=self.edition) | (
            Photo.objects.filter(article=self.story)
        )
        for name, width, height in photos.values_list("image", "width", "height"):
            target = Path(settings.MEDIA_ROOT) / name
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                Image.new("RGB", (width or 1200, height or 800), (200, 190, 170)).save(target)

    def sitemap_files(self, client):
        """The first and the last stories file the sitemap index lists, if it lists files."""
        import re

        response = client.get("/sitemap.xml")
        if response.status_code != 200:
            return []
        locations = re.findall(r"<loc>([^<]+)</loc>", response.content.decode())
        paths = [loc.split("://", 1)[-1].split("/", 1)[-1] for loc in locations]
        stories = [f"/{p}" for p in paths if "stories" in p]
        return list(dict.fromkeys(stories[:1] + stories[-1:]))


# --------------------------------------------------------------------------- rows


def get(url, logged_in=False):
    def row(ctx):
        client = ctx["staff"] if logged_in else ctx["reader"]
        return client.get(url)

    return row


def save_row(ctx):
    from articles import editorial
    from articles.models import Article

    article = Article.objects.get(pk=ctx["targets"].draft)
    editorial.save_article(ctx["targets"].user, article)


def render_row(ctx):
    from articles.public import fragments

    fragments.render([ctx["targets"].story])


def export_command_row(ctx):
    from django.core.management import call_command

    call_command(
        "export_layout",
        edition=ctx["targets"].edition,
        output=ctx["scratch"],
        verbosity=0,
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )


def rows(targets, client):
    """``[(name, callable or None, note)]``: what the table lists, in its order."""
    t = targets
    admin = "/admin/articles/article/"
    found = [
        ("admin story list", get(admin, True)),
        ("admin list, search ?q=技能", get(f"{admin}?q=技能", True)),
        ("admin list, by section", get(f"{admin}?section__id__exact={t.section.pk}", True)),
        ("admin change form (recent story)", get(f"{admin}{t.story}/change/", True)),
        ("save a story (editorial core, effects)", save_row),
        ("render one story (fragments.render)", render_row),
        ("front page /", get("/")),
        ("story page", get(f"/stories/{t.story}/")),
        ("person page (most prolific)", get(f"/people/{t.person}/")),
        ("section page (区县新闻)", get(f"/sections/{t.section.slug}/")),
        ("section page ?page=100", get(f"/sections/{t.section.slug}/?page=100")),
        ("district page (石峰区)", get(f"/sections/{t.district.slug}/")),
        ("tag page (技能人才)", get(f"/tags/{t.tag_slug}/") if t.tag_slug else None),
        ("edition page (newest)", get(f"/editions/{t.edition}/")),
        ("RSS /rss/", get("/rss/")),
        ("/sitemap.xml", get("/sitemap.xml")),
    ]
    for n, path in enumerate(t.sitemap_files(client)):
        found.append((f"sitemap file ({'first' if n == 0 else 'last'} stories)", get(path)))
    found += [
        ("news sitemap", get("/news-sitemap.xml")),
        ("export whole edition (staff URL)", get(f"/staff/export/{t.edition}/", True)),
        ("export whole edition (export_layout)", export_command_row),
        (
            "export one page (staff URL, json)",
            get(f"/staff/export/{t.edition}/{t.page_label}/json/", True),
        ),
        ("search 技能人才 (3 %)", get("/search/?q=技能人才")),
        ("search 技能人才 株洲", get("/search/?q=技能人才+株洲")),
        ("search 株洲 (broad)", get("/search/?q=株洲")),
        ("search 株洲 page 50", get("/search/?q=株洲&page=50")),
    ]
    only = [part for part in os.environ.get("ARCHIVE_BENCH_ONLY", "").split("\n") if part]
    if only:
        found = [row for row in found if any(part in row[0] for part in only)]
    return found


def clients(targets):
    from django.test import Client

    reader, staff = Client(), Client()
    staff.force_login(targets.user)
    return reader, staff


def context():
    targets = Targets()
    targets.write_pictures()
    reader, staff = clients(targets)
    scratch = Path(tempfile.mkdtemp(prefix="archive-bench-")) / "edition.zip"
    ctx = {"targets": targets, "reader": reader, "staff": staff, "scratch": str(scratch)}
    ctx["rows"] = rows(targets, reader)
    return ctx


def call(ctx, row):
    """Run ``row`` once; returns None or a note saying why it cannot be measured."""
    try:
        response = row(ctx)
    except Exception as error:  # a row broken by a change elsewhere is reported, not fatal
        return f"error: {type(error).__name__}: {str(error)[:120]}"
    if response is not None:
        if response.status_code == 404:
            return "404"
        if response.status_code != 200:
            return f"HTTP {response.status_code}"
        # A streamed download is read to its end, as a client would.
        if getattr(response, "streaming", False):
            for _chunk in response.streaming_content:
                pass
    return None


def queries_of(ctx, row):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        call(ctx, row)
    return len(captured.captured_queries)


def measure(ctx, requests, warm=2, only=None):
    """``{name: {"times": [...ms], "queries": n} or {"note": ...}}`` for this run."""
    results = {}
    for name, row in ctx["rows"]:
        if only and name not in only:
            continue
        if row is None:
            results[name] = {"note": "no target"}
            continue
        note = None
        for _ in range(warm):
            note = call(ctx, row) or note
        if note:
            results[name] = {"note": note}
            continue
        times = []
        for _ in range(requests):
            start = time.perf_counter()
            note = call(ctx, row)
            times.append((time.perf_counter() - start) * 1000)
            if note:
                break
        if note:
            results[name] = {"note": note}
            continue
        results[name] = {"times": times, "queries": queries_of(ctx, row)}
    return results


# --------------------------------------------------------------------------- worker


def worker():
    """Serve ``{"requests": n}`` lines on stdin with one JSON line of results each."""
    import django

    django.setup()
    from django.db import connection

    if os.environ.get("ARCHIVE_BENCH_REFRESH"):
        # In this process, so that the version stamped is the one this process renders
        # with (others' commits move fragments.version() while a large archive restamps).
        import contextlib

        import archive_corpus

        options = argparse.Namespace(sample=200)
        with contextlib.redirect_stdout(sys.stderr):
            archive_corpus.refresh(options, archive_corpus.Phases())
    ctx = context()
    print(
        json.dumps(
            {
                "stories": ctx["targets"].stories,
                "stale": ctx["targets"].stale,
                "database": connection.settings_dict["NAME"],
                "rows": [name for name, _row in ctx["rows"]],
            }
        ),
        flush=True,
    )
    for line in sys.stdin:
        command = json.loads(line)
        warm = command.get("warm", 0)
        print(json.dumps(measure(ctx, command["requests"], warm)), flush=True)


class Worker:
    def __init__(self, database, var, refresh=False):
        env = environment(database, var)
        if refresh:
            env["ARCHIVE_BENCH_REFRESH"] = "1"
        self.database = database
        self.process = subprocess.Popen(
            [sys.executable, __file__, "--worker"],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )

    def started(self):
        line = self.process.stdout.readline()
        if not line:
            sys.exit(f"the worker for {self.database} stopped before it was ready")
        self.info = json.loads(line)

    def run(self, requests, warm):
        self.process.stdin.write(json.dumps({"requests": requests, "warm": warm}) + "\n")
        self.process.stdin.flush()
        return json.loads(self.process.stdout.readline())

    def close(self):
        self.process.stdin.close()
        self.process.wait(timeout=60)


# --------------------------------------------------------------------------- report


def percentile(samples, fraction):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def size_label(stories):
    if stories >= 1_000_000:
        return f"{stories / 1_000_000:.3g} M"
    return f"{stories / 1000:.3g} k"


def table(workers, merged, names):
    """The growth table as markdown lines."""
    sizes = [size_label(w.info["stories"]) for w in workers]
    header = ["row", "queries", *(f"{s} median / p95 ms" for s in sizes)]
    if len(workers) > 1:
        header.append(f"growth {sizes[-1]} / {sizes[0]}")
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for name in names:
        cells, medians, queries = [], [], []
        for results in merged:
            result = results.get(name, {"note": "not run"})
            if "note" in result:
                cells.append(result["note"])
                medians.append(None)
                continue
            median = statistics.median(result["times"])
            medians.append(median)
            queries.append(str(result["queries"]))
            cells.append(f"{median:.1f} / {percentile(result['times'], 0.95):.1f}")
        row = [name, "/".join(dict.fromkeys(queries)) or "–", *cells]
        if len(workers) > 1:
            first, last = medians[0], medians[-1]
            row.append(f"×{last / first:.1f}" if first and last else "–")
        lines.append("| " + " | ".join(row) + " |")
    return lines


def write_docs(section_lines):
    text = DOCS.read_text(encoding="utf-8") if DOCS.exists() else ""
    block = "\n".join([START, *section_lines, END])
    if START in text and END in text:
        before, rest = text.split(START, 1)
        _old, after = rest.split(END, 1)
        text = before + block + after
    else:
        text = text.rstrip("\n") + f"\n\n{HEADING}\n\n{block}\n"
    DOCS.write_text(text, encoding="utf-8")


def database_url(value):
    return value if "://" in value else f"postgres://postgres@127.0.0.1:5432/{value}"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("databases", nargs="*", help="archive databases, smallest first")
    parser.add_argument("--requests", type=int, default=60, help="timed requests per row")
    parser.add_argument("--runs", type=int, default=3, help="alternating runs")
    parser.add_argument("--warm", type=int, default=3, help="untimed requests per row first")
    parser.add_argument("--no-docs", dest="docs", action="store_false")
    parser.add_argument(
        "--refresh",
        action="store_true",
        help="each worker first migrates its archive and restamps the renderings the code "
        "still makes alike (archive_corpus.refresh): others' commits move fragments.version()",
    )
    parser.add_argument("--note", default="", help="a sentence to print above the table")
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        help="measure only the rows whose name holds this text (repeatable; prints, no docs)",
    )
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.only:
        os.environ["ARCHIVE_BENCH_ONLY"] = "\n".join(args.only)  # the workers inherit it
        args.docs = False
    if args.worker:
        return worker()
    if not args.databases:
        parser.error("give at least one archive database")
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    var = Path(tempfile.mkdtemp(prefix="archive-bench-var-"))
    # Started together: with --refresh each restamps its archive before it answers.
    workers = [Worker(database_url(d), var, args.refresh) for d in args.databases]
    for w in workers:
        w.started()
    workers.sort(key=lambda w: w.info["stories"])
    for w in workers:
        print(
            f"{w.info['database']}: {w.info['stories']} stories, "
            f"{w.info['stale']} stale renderings",
            file=sys.stderr,
            flush=True,
        )
    merged = [{} for _ in workers]
    per_run = [
        args.requests // args.runs + (n < args.requests % args.runs) for n in range(args.runs)
    ]
    for run, requests in enumerate(per_run):
        for index, w in enumerate(workers):
            results = w.run(requests, args.warm if run == 0 else 0)
            for name, result in results.items():
                kept = merged[index].setdefault(name, {"times": [], "queries": None})
                if "note" in result:
                    merged[index][name] = result
                elif "times" in kept:
                    kept["times"] += result["times"]
                    kept["queries"] = result["queries"]
            print(
                f"run {run + 1}/{args.runs} {w.info['database']} done", file=sys.stderr, flush=True
            )
    names = list(dict.fromkeys(n for w in workers for n in w.info["rows"]))
    for w in workers:
        w.close()
    command = "bench/archive_bench.py " + " ".join(
        [
            *args.databases,
            f"--requests {args.requests}",
            f"--runs {args.runs}",
            *(["--refresh"] if args.refresh else []),
        ]
    )
    load = os.getloadavg()
    lines = [
        f"Measured {started} at commit {commit or '?'} with `.venv/bin/python {command}` "
        f"(load average at the end {load[0]:.1f}; two cores shared with other work).",
        "",
        *([args.note, ""] if args.note else []),
        *(
            [
                "Stale renderings (made again per request, so those rows measure rendering): "
                + ", ".join(
                    f"{w.info['database']} {w.info['stale']}" for w in workers if w.info["stale"]
                ),
                "",
            ]
            if any(w.info["stale"] for w in workers)
            else []
        ),
        *table(workers, merged, names),
    ]
    print("\n".join(lines))
    if args.docs:
        write_docs(lines)
        print(f"written to {DOCS}", file=sys.stderr)
    return merged


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "bench"))
    main()
