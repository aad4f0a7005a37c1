"""Requests per second of the 数字报 page beside the pages of bench/site_bench.py.

    .venv/bin/python bench/epaper_view_bench.py [--duration 10] [--connections 16]
        [--database postgres://postgres@127.0.0.1:5432/newsroom_epaperbench]
        [--redis redis://127.0.0.1:6379/12]

The same gunicorn and wrk set-up as ``site_bench.py`` (its functions and its seed, with
the page PDFs, images and areas made by ``make_epaper`` as ``make demo`` does); since
``site_bench.py`` now measures the 数字报 page too, this is its shorter run: the trivial
view (the floor), the A06 数字报 page, the edition page (a list of the edition's stories'
cards: what the page view was before the 数字报) and the story page, uncached and
cached, each as a ratio of the floor on the same server in the same run.
"""

import argparse
import shutil
from pathlib import Path

import site_bench

PAGES = {
    "trivial": "/bench/trivial/",
    "epaper": "/editions/2023-12-26/A06/",
    "edition": "/editions/2023-12-26/",
    "story": "/stories/6/",
}


def prepare(args):
    site_bench.prepare(args)  # the seed, with its page PDFs, images and areas
    site_bench.render_stale(args)


def run(args):
    results = {}
    for mode in site_bench.MODES:
        process, base = site_bench.serve(args, cached=mode == "cached")
        try:
            results[mode] = {
                name: site_bench.wrk(base + path, args) for name, path in PAGES.items()
            }
        finally:
            process.terminate()
            process.wait()
    return results


def report(results, args):
    names = [name for name in PAGES if name != "trivial"]
    lines = [
        f"gunicorn 2 workers, wrk 2 threads {args.connections} connections {args.duration} s, "
        f"database {args.database.split('://')[0]}",
        "",
        "| run | trivial req/s | " + " | ".join(f"{n} req/s | {n} ratio" for n in names) + " |",
        "|---|---|" + "---|---|" * len(names),
    ]
    for mode, figures in results.items():
        floor = figures["trivial"]
        cells = " | ".join(f"{figures[n]:.0f} | {figures[n] / floor:.2f}" for n in names)
        lines.append(f"| {mode} | {floor:.0f} | {cells} |")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument(
        "--database", default="postgres://postgres@127.0.0.1:5432/newsroom_epaperbench"
    )
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/12")
    parser.add_argument("--var", type=Path, default=Path("/tmp/newsroom_epaperbench"))
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed; on Debian: apt-get install wrk")
    args.var.mkdir(parents=True, exist_ok=True)
    prepare(args)
    print(report(run(args), args))


if __name__ == "__main__":
    main()
