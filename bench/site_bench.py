"""Requests per second of the readers' site under gunicorn (2 workers) and wrk, same machine.

    .venv/bin/python bench/site_bench.py [--duration 15] [--connections 16]
        [--database postgres://postgres@127.0.0.1:5432/newsroom_sitebench]
        [--redis redis://127.0.0.1:6379/12]

Loads the seed edition into the database (PostgreSQL by default), then serves the site
twice with production settings (DEBUG off, persistent connections):

  uncached  no cache at all (page cache off, local-memory default cache unused);
  cached    the whole-page cache on Redis (articles/cache.py).

In each run wrk loads a trivial Django view behind the same middleware (the floor), the
story page (/stories/6/, 技能天下 with three photos and a 35-name roster) and the front
page, and each page's requests per second is printed as a ratio of the floor measured on
the same server in the same run.  Targets: uncached >= 0.15, cached >= 0.5.
"""

import argparse
import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PAGES = {"trivial": "/bench/trivial/", "story": "/stories/6/", "front": "/"}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def environment(args, cached):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.site_settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(40),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": args.database,
        "NEWSROOM_VAR_DIR": str(args.var),
        "PYTHONPATH": str(ROOT),
    }
    env.pop("REDIS_URL", None)
    if cached:
        env["REDIS_URL"] = args.redis
        env["NEWSROOM_CACHE_PREFIX"] = f"sitebench{os.getpid()}"
        env["NEWSROOM_PAGE_CACHE_SECONDS"] = "600"
    else:
        env["NEWSROOM_PAGE_CACHE_SECONDS"] = "0"
    return env


def prepare(args):
    env = environment(args, cached=False)
    if args.database.startswith("postgres"):
        name = args.database.rsplit("/", 1)[1]
        subprocess.run(
            ["createdb", "-h", "127.0.0.1", "-U", "postgres", name],
            capture_output=True,
            check=False,
        )
    manage = [PYTHON, "manage.py"]
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    subprocess.run([*manage, "load_seed"], cwd=ROOT, env=env, check=True, capture_output=True)


def serve(args, cached):
    port = free_port()
    process = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
            "newsroom.wsgi:application",
        ],
        cwd=ROOT,
        env=environment(args, cached),
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + PAGES["trivial"], timeout=1)
            return process, base
        except OSError:
            time.sleep(0.1)
    process.terminate()
    raise SystemExit("gunicorn did not start")


def wrk(url, args):
    for _ in range(20):  # warm both workers and their connections
        urllib.request.urlopen(url, timeout=5).read()
    output = subprocess.run(
        [
            "wrk",
            "--threads",
            "2",
            "--connections",
            str(args.connections),
            "--duration",
            f"{args.duration}s",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    if "Non-2xx" in output:
        raise SystemExit(f"errors from {url}:\n{output}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


def run(args):
    results = {}
    for mode in ("uncached", "cached"):
        process, base = serve(args, cached=mode == "cached")
        try:
            results[mode] = {name: wrk(base + path, args) for name, path in PAGES.items()}
        finally:
            process.terminate()
            process.wait()
    return results


def report(results, args):
    lines = [
        f"gunicorn 2 workers, wrk 2 threads {args.connections} connections {args.duration} s, "
        f"database {args.database.split('://')[0]}, {os.cpu_count()} CPUs",
        "",
        "| run | trivial view req/s | story req/s | story ratio | front req/s | front ratio |",
        "|---|---|---|---|---|---|",
    ]
    for mode, figures in results.items():
        floor = figures["trivial"]
        lines.append(
            f"| {mode} | {floor:.0f} | {figures['story']:.0f} | "
            f"{figures['story'] / floor:.2f} | {figures['front']:.0f} | "
            f"{figures['front'] / floor:.2f} |"
        )
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=int, default=15)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument(
        "--database", default="postgres://postgres@127.0.0.1:5432/newsroom_sitebench"
    )
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/12")
    parser.add_argument("--var", type=Path, default=Path("/tmp/newsroom_sitebench"))
    args = parser.parse_args()
    args.var.mkdir(parents=True, exist_ok=True)
    prepare(args)
    print(report(run(args), args))


if __name__ == "__main__":
    main()
