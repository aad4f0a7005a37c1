"""What each speed-up layer of the readers' read path saves, measured by switching it off.

    .venv/bin/python bench/read_path_bench.py [--rounds 5] [--requests 200]
        [--database postgres://postgres@127.0.0.1:5432/newsroom_sitebench]

Loads the seed edition as bench/site_bench.py does (same database, production settings:
DEBUG off, no cache at all, so nothing is kept between requests but the layers), then
times the story page (/stories/6/) and the front page through Django's test client,
in-process, one variant after another in each round, so that the machine's load falls
on all of them alike.  Variants:

  all layers     the site as it is
  no prepared    each reader query built and compiled on every call (prepared.py's
                 memo emptied before each run): what plain ORM querysets cost
  no stored      every story's rendering made for the request (fragments.version()
                 never matches what is stored): rendering on the fly
  no chrome      masthead, menu and footer rendered on every page (no per-process memo)

Each figure is the median over the rounds of each round's median wall time per request,
in milliseconds (lowest and highest round median in brackets), and its difference from
"all layers"; "no stored" runs a tenth of the requests.  The same switches, as the
environment variable NEWSROOM_BENCH_WITHOUT (comma-separated: prepared, stored, chrome),
apply to gunicorn serving ``bench.read_path_bench:application`` for a wrk run.
"""

import argparse
import contextlib
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PAGES = {"story": "/stories/6/", "front": "/"}
VARIANTS = ("all layers", "no prepared", "no stored", "no chrome")


def without(*layers):
    """Switch the named layers off for the life of the process (or the ``with`` block)."""
    from articles.public import context_processors, fragments, prepared

    stack = contextlib.ExitStack()
    if "prepared" in layers:
        compile_once = prepared.PreparedQuery._compile

        def compile_every_time(self, using):
            self._compiled.pop(using, None)
            return compile_once(self, using)

        stack.enter_context(_patched(prepared.PreparedQuery, "_compile", compile_every_time))
    if "stored" in layers:
        stack.enter_context(_patched(fragments, "version", lambda: "made-for-this-request"))
    if "chrome" in layers:

        def every_time(language, publication, navigation):
            return context_processors._render_chrome(publication, navigation)

        stack.enter_context(_patched(context_processors, "_stored_chrome", every_time))
    return stack


@contextlib.contextmanager
def _patched(owner, name, value):
    original = getattr(owner, name)
    setattr(owner, name, value)
    try:
        yield
    finally:
        setattr(owner, name, original)


def timed(client, url, requests, clock=time.perf_counter):
    """The median time of ``requests`` GETs of ``url`` on ``clock``, in milliseconds."""
    times = []
    for _ in range(requests):
        start = clock()
        response = client.get(url)
        times.append(clock() - start)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(times) * 1000


def main():
    from bench import site_bench

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument(
        "--database", default="postgres://postgres@127.0.0.1:5432/newsroom_sitebench"
    )
    parser.add_argument("--var", type=Path, default=Path("/tmp/newsroom_sitebench"))
    parser.add_argument("--no-load", dest="load", action="store_false", help="seed loaded")
    parser.add_argument("--variants", nargs="+", choices=VARIANTS, default=VARIANTS)
    parser.add_argument(
        "--clock",
        choices=("wall", "cpu"),
        default="wall",
        help="cpu: this process's CPU time only (not the database's), steadier on a busy machine",
    )
    args = parser.parse_args()
    args.var.mkdir(parents=True, exist_ok=True)
    if args.load:
        site_bench.prepare(args)
    os.environ.update(site_bench.environment(args, cached=False))
    os.environ["DJANGO_ALLOWED_HOSTS"] = "testserver"

    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    call_command("render_articles", verbosity=0)  # as a deploy does: no stale rendering
    client = Client()
    clock = time.process_time if args.clock == "cpu" else time.perf_counter
    variants = ["all layers", *(v for v in args.variants if v != "all layers")]
    results = {variant: {page: [] for page in PAGES} for variant in variants}
    for _round in range(args.rounds):
        for variant in variants:
            layers = variant.removeprefix("no ").split() if variant != "all layers" else ()
            # Rendering on the fly is a hundred times slower: a tenth of the requests.
            requests = max(10, args.requests // 10) if "stored" in layers else args.requests
            with without(*layers):
                for page, url in PAGES.items():
                    timed(client, url, 10)  # warm: compile, connect, fill the memo
                    results[variant][page].append(timed(client, url, requests, clock))
            print(
                _round,
                variant,
                {p: f"{t[-1]:.2f}" for p, t in results[variant].items()},
                file=sys.stderr,
                flush=True,
            )
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")
    print(
        f"{args.rounds} rounds x {args.requests} requests, median of round medians, ms {args.clock}"
    )
    print()
    print("| variant | story | vs all layers | front | vs all layers |")
    print("|---|---|---|---|---|")
    base = {page: statistics.median(results["all layers"][page]) for page in PAGES}
    for variant in variants:
        cells = []
        for page in PAGES:
            median = statistics.median(results[variant][page])
            spread = f"{min(results[variant][page]):.2f}-{max(results[variant][page]):.2f}"
            cells += [f"{median:.2f} ({spread})", f"{median - base[page]:+.2f}"]
        print(f"| {variant} | " + " | ".join(cells) + " |")


def application(environ, start_response):
    """The site's WSGI application with NEWSROOM_BENCH_WITHOUT's layers switched off."""
    return _application()(environ, start_response)


_app = None


def _application():
    global _app
    if _app is None:
        from django.core.wsgi import get_wsgi_application

        _app = get_wsgi_application()
        layers = [name for name in os.environ.get("NEWSROOM_BENCH_WITHOUT", "").split(",") if name]
        without(*layers).__enter__()  # for the life of the worker
    return _app


if __name__ == "__main__":
    main()
