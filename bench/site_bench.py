"""Requests per second of the readers' site, and of a Wagtail 8 peer, under gunicorn and wrk.

Both served by gunicorn (2 workers) and loaded by wrk from the same machine, in one run.

    .venv/bin/python bench/site_bench.py [--duration 15] [--connections 16]
        [--database postgres://postgres@127.0.0.1:5432/newsroom_sitebench]
        [--redis redis://127.0.0.1:6379/12]
        [--no-wagtail] [--wagtail-database postgres://postgres@127.0.0.1:5432/newsroom_wagtailbench]
        [--wagtail-redis redis://127.0.0.1:6379/13] [--wagtail-venv var/bench-wagtail-venv]

Loads the seed edition into the database (PostgreSQL by default), then serves the site
twice with production settings (DEBUG off, persistent connections):

  uncached  no cache at all (Django's dummy cache: the section menu is read every request);
  cached    the whole-page cache on Redis (articles/cache.py).

In each run wrk loads a trivial Django view behind the same middleware (the floor), the
story page (/stories/6/, 技能天下 with three photos and a 35-name roster), the front
page, the edition page (/editions/2023-12-26/) and the A06 数字报 page
(/editions/2023-12-26/A06/, its page images and areas made by make_epaper as
``make demo`` does), and each page's requests per second is printed as a ratio of the
floor measured on the same server in the same run.  Targets: uncached >= 0.15, cached
>= 0.5.

The peer: after newsroom's runs, the same wrk parameters load a minimal Wagtail 8 site
(bench/wagtail_site/: Wagtail's project template and middleware, the story as a
StoryPage whose body is a StreamField, photos as renditions, PostgreSQL database
newsroom_wagtailbench made and dropped here) serving the same story at /stories/6/,
uncached (no page cache; local-memory default cache, as Wagtail's template leaves it) and
cached (Django's UpdateCacheMiddleware/FetchFromCacheMiddleware on its Redis backend),
each as a ratio of a trivial view behind Wagtail's middleware on that server.  Both
sites' ratios are printed side by side.  Wagtail is the optional extra `bench-wagtail`
of pyproject.toml, installed not into the project's venv (the test suite must not see
it) but into its own, --wagtail-venv, made with the interpreter this script runs on and
reused while pyproject.toml is unchanged.  If that install fails (no network, say) the
comparison is skipped with a message and newsroom's figures are still printed;
--no-wagtail skips it on purpose.
"""

import argparse
import hashlib
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PAGES = {
    "trivial": "/bench/trivial/",
    "story": "/stories/6/",
    "front": "/",
    "edition": "/editions/2023-12-26/",
    "epaper": "/editions/2023-12-26/A06/",
}
WAGTAIL_PAGES = {"trivial": "/bench/trivial/", "story": "/stories/6/"}
WAGTAIL_EXTRA = "bench-wagtail"
MODES = ("uncached", "cached")


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
        env["NEWSROOM_NO_CACHE"] = "1"  # Django's dummy cache: nothing kept between requests
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
    # The 数字报 page shows the page images and areas that make_demo makes (make_epaper).
    subprocess.run(
        [*manage, "make_epaper", "--edition", "2023-12-26"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )


def serve(args, cached, python=PYTHON, app="newsroom.wsgi:application", env=None):
    port = free_port()
    process = subprocess.Popen(
        [
            python,
            "-m",
            "gunicorn",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
            app,
        ],
        cwd=ROOT,
        env=env or environment(args, cached),
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


def render_stale(args):
    """Store again any rendering made by other sources than the ones about to be served, as
    a deploy does (a reader's request would otherwise make it in memory every time)."""
    env = environment(args, cached=False)
    subprocess.run([PYTHON, "manage.py", "render_articles", "-v0"], cwd=ROOT, env=env, check=True)


def run(args):
    results = {}
    for mode in MODES:
        render_stale(args)
        process, base = serve(args, cached=mode == "cached")
        try:
            results[mode] = {name: wrk(base + path, args) for name, path in PAGES.items()}
        finally:
            process.terminate()
            process.wait()
    return results


# The Wagtail peer ------------------------------------------------------------------------


def wagtail_stamp(interpreter):
    """What the venv was made from: the interpreter and pyproject.toml (its extra)."""
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    return f"{interpreter}\n{digest}\n"


def wagtail_venv(args):
    """The Python of a venv holding the bench-wagtail extra, made once and reused; or None.

    Not the project's venv: Wagtail brings its own apps, migrations and pinned
    dependencies, and the test suite must run without them.  The venv uses the
    interpreter this script runs on (the one sys.executable resolves to) so that both
    sites run on the same Python and the same Django."""
    venv = args.wagtail_venv
    python = venv / "bin" / "python"
    stamp_file = venv / ".installed"
    interpreter = os.path.realpath(sys.executable)
    stamp = wagtail_stamp(interpreter)
    if python.exists() and stamp_file.exists() and stamp_file.read_text() == stamp:
        return python
    previous = stamp_file.read_text().split("\n")[0] if stamp_file.exists() else None
    try:
        if not python.exists() or previous not in (None, interpreter):
            print(f"Making {venv} with {interpreter}", file=sys.stderr)
            subprocess.run([interpreter, "-m", "venv", "--clear", str(venv)], check=True)
        print(f"Installing .[{WAGTAIL_EXTRA}] into {venv}", file=sys.stderr)
        subprocess.run(
            [python, "-m", "pip", "install", "--quiet", "-e", f"{ROOT}[{WAGTAIL_EXTRA}]"],
            check=True,
        )
    except (OSError, subprocess.CalledProcessError) as error:
        print(
            f"\nWagtail comparison skipped: installing the {WAGTAIL_EXTRA} extra into {venv} "
            f"failed ({error}). Newsroom's figures follow alone; run again when PyPI is "
            "reachable, or pass --no-wagtail.\n",
            file=sys.stderr,
        )
        return None
    stamp_file.write_text(stamp)
    return python


def wagtail_environment(args, cached):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.wagtail_site.settings",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(40),
        "DATABASE_URL": args.wagtail_database,
        "WAGTAIL_BENCH_DIR": str(args.var / "wagtail"),
        "PYTHONPATH": str(ROOT),
    }
    env.pop("WAGTAIL_BENCH_REDIS", None)
    if cached:
        env["WAGTAIL_BENCH_REDIS"] = args.wagtail_redis
        env["WAGTAIL_BENCH_CACHE_PREFIX"] = wagtail_cache_prefix()
    return env


def wagtail_cache_prefix():
    return f"wagtailbench{os.getpid()}"


def postgres(command, database):
    """createdb or dropdb (if it exists) the PostgreSQL database of ``database``'s URL."""
    options = ["--if-exists"] if command == "dropdb" else []
    name = database.rsplit("/", 1)[1]
    subprocess.run(
        [command, "-h", "127.0.0.1", "-U", "postgres", *options, name],
        capture_output=True,
        check=False,
    )


def prepare_wagtail(args, python):
    """A fresh database and media folder with the story built from the seed.

    Returns the Wagtail and Django versions, or None (with a message) if it failed."""
    postgres("dropdb", args.wagtail_database)
    postgres("createdb", args.wagtail_database)
    shutil.rmtree(args.var / "wagtail", ignore_errors=True)
    env = wagtail_environment(args, cached=False)
    django = [python, "-m", "django"]
    try:
        subprocess.run([*django, "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
        subprocess.run([*django, "build_story"], cwd=ROOT, env=env, check=True)
        version = subprocess.run(
            [
                python,
                "-c",
                "import django, wagtail; print(wagtail.__version__, django.__version__)",
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
    except subprocess.CalledProcessError as error:
        print(
            f"\nWagtail comparison skipped: the Wagtail site failed to build ({error}).\n",
            file=sys.stderr,
        )
        postgres("dropdb", args.wagtail_database)
        return None
    return {"wagtail": version[0], "django": version[1]}


def cached_keys(args, pattern="*"):
    import redis  # a dependency of newsroom itself

    client = redis.Redis.from_url(args.wagtail_redis)
    return client, list(client.scan_iter(match=f"{wagtail_cache_prefix()}:{pattern}", count=1000))


def check_page_cache(args):
    """The cached Wagtail run means nothing unless the middleware did store the pages."""
    if not cached_keys(args, "*cache_page*")[1]:
        raise SystemExit("the Wagtail site stored no page in its Redis cache")


def forget_page_cache(args):
    client, keys = cached_keys(args)
    if keys:
        client.delete(*keys)


def run_wagtail(args, python):
    results = {}
    for mode in MODES:
        cached = mode == "cached"
        env = wagtail_environment(args, cached)
        process, base = serve(args, cached, python, "bench.wagtail_site.wsgi:application", env)
        try:
            results[mode] = {}
            for name, path in WAGTAIL_PAGES.items():
                results[mode][name] = wrk(base + path, args)
                if cached and name == "story":
                    check_page_cache(args)
        finally:
            process.terminate()
            process.wait()
            if cached:
                forget_page_cache(args)
    return results


# Report -----------------------------------------------------------------------------------


def report(results, args):
    names = [name for name in PAGES if name != "trivial"]
    lines = [
        f"gunicorn 2 workers, wrk 2 threads {args.connections} connections {args.duration} s, "
        f"database {args.database.split('://')[0]}, {os.cpu_count()} CPUs",
        "",
        "| run | trivial view req/s | "
        + " | ".join(f"{name} req/s | {name} ratio" for name in names)
        + " |",
        "|---|---|" + "---|---|" * len(names),
    ]
    for mode, figures in results.items():
        floor = figures["trivial"]
        cells = " | ".join(f"{figures[name]:.0f} | {figures[name] / floor:.2f}" for name in names)
        lines.append(f"| {mode} | {floor:.0f} | {cells} |")
    return "\n".join(lines)


def comparison(results, wagtail_results, versions):
    """Both sites side by side, each page's figure a ratio of its own site's trivial view.

    The floor is the trivial view with no cache.  Newsroom's trivial view never touches
    the page cache, so each run's own floor is that.  Wagtail's cache is Django's cache
    middleware, which looks every request up in Redis, the trivial view's too: its
    cached-run floor would itself be a cache lookup, so both of Wagtail's ratios are
    taken against its uncached run's trivial view (its cached-run floor is shown too).
    """
    wagtail = f"Wagtail {versions['wagtail']}"
    lines = [
        f"Side by side, same run: newsroom and a minimal {wagtail} site (Django "
        f"{versions['django']}), each as a ratio of its own trivial view with no cache",
        "",
        f"| run | newsroom story ratio | newsroom front ratio | {wagtail} story ratio "
        f"| {wagtail} story req/s | {wagtail} trivial view req/s in this run |",
        "|---|---|---|---|---|---|",
    ]
    peer_floor = wagtail_results["uncached"]["trivial"]
    for mode, figures in results.items():
        floor = figures["trivial"]
        peer = wagtail_results[mode]
        lines.append(
            f"| {mode} | {figures['story'] / floor:.3f} | {figures['front'] / floor:.3f} | "
            f"{peer['story'] / peer_floor:.3f} | {peer['story']:.0f} | "
            f"{peer['trivial']:.0f} |"
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
    parser.add_argument(
        "--no-wagtail", dest="wagtail", action="store_false", help="skip the Wagtail peer"
    )
    parser.add_argument(
        "--wagtail-database", default="postgres://postgres@127.0.0.1:5432/newsroom_wagtailbench"
    )
    parser.add_argument("--wagtail-redis", default="redis://127.0.0.1:6379/13")
    parser.add_argument("--wagtail-venv", type=Path, default=ROOT / "var" / "bench-wagtail-venv")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed; on Debian: apt-get install wrk")
    args.var.mkdir(parents=True, exist_ok=True)
    prepare(args)
    # Install and build the peer before measuring anything: pip and Wagtail's migrations
    # would otherwise share the CPUs with newsroom's runs.
    python = wagtail_venv(args) if args.wagtail else None
    versions = prepare_wagtail(args, python) if python else None
    try:
        results = run(args)
        wagtail_results = run_wagtail(args, python) if versions else None
    finally:
        if versions:
            postgres("dropdb", args.wagtail_database)
    print(report(results, args))
    if wagtail_results:
        print()
        print(comparison(results, wagtail_results, versions))


if __name__ == "__main__":
    main()
