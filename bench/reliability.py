"""Load and fault test: gunicorn + PostgreSQL + Redis under wrk, with Redis and PostgreSQL
taken away mid-load.

Starts its OWN PostgreSQL cluster (initdb/pg_ctl) and redis-server on spare ports in a
temporary folder, so stopping them disturbs nothing else, and removes them afterwards.

    .venv/bin/python bench/reliability.py [--duration 60] [--workers 4] [--out docs/reliability.md]

Phases:
  steady    wrk for --duration seconds on the story page and the front page (cached) and on
            the story page with a fresh query string per request (every request a cache miss);
  redis     wrk on the story page; Redis is stopped a third of the way in and started again
            at two thirds: pages must keep coming (uncached), with no 5xx;
  postgres  wrk on cache-missing story requests while an editor saves a story over and
            over; PostgreSQL is restarted mid-load. Requests during the outage must be
            503 (never another error), the site must answer 200 again within seconds, and
            every save must be whole (story text and its roster changed together) or absent.
"""

import argparse
import contextlib
import glob
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable

STATUS_LUA = r"""
local counter = 1
local threads = {}
function setup(thread)
  thread:set("id", counter)
  table.insert(threads, thread)
  counter = counter + 1
end
function init(args)
  c2 = 0; c503 = 0; c5xx = 0; cother = 0
  fresh = args[1] == "fresh"
  n = 0
end
function request()
  if fresh then
    n = n + 1
    return wrk.format(nil, wrk.path .. "?r=" .. id .. "-" .. n)
  end
  return wrk.format(nil, wrk.path)
end
function response(status, headers, body)
  if status >= 200 and status < 400 then c2 = c2 + 1
  elseif status == 503 then c503 = c503 + 1
  elseif status >= 500 then c5xx = c5xx + 1
  else cother = cother + 1 end
end
function done(summary, latency, requests)
  local t2, t503, t5, to = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    t2 = t2 + t:get("c2"); t503 = t503 + t:get("c503")
    t5 = t5 + t:get("c5xx"); to = to + t:get("cother")
  end
  io.write(string.format("STATUS ok=%d s503=%d s5xx=%d other=%d\n", t2, t503, t5, to))
  io.write(string.format("LATENCY p50=%.2f p99=%.2f\n", latency:percentile(50) / 1000,
    latency:percentile(99) / 1000))
end
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def pg_bin(name):
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:
        raise SystemExit(f"{name} not found: install PostgreSQL's server package")
    return found[-1]


def as_postgres(command):
    """PostgreSQL refuses to run as root: run its tools as the postgres user then."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *map(str, command)]
    return list(map(str, command))


def wait_for(check, timeout=30.0, interval=0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(Exception):
            if check():
                return True
        time.sleep(interval)
    return False


def http_status(url, timeout=2.0):
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except Exception:
        return None


class Services:
    def __init__(self, workdir, workers):
        self.workdir = Path(workdir)
        self.workers = workers
        self.pg_port, self.redis_port, self.web_port = free_port(), free_port(), free_port()
        self.pg_data = self.workdir / "pg"
        self.redis = self.gunicorn = None
        self.env = {
            **os.environ,
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:{self.pg_port}/newsroom_bench",
            "REDIS_URL": f"redis://127.0.0.1:{self.redis_port}/0",
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DJANGO_SECURE_SSL_REDIRECT": "0",
            "DJANGO_SECURE_COOKIES": "0",
            "DJANGO_SECURE_HSTS_SECONDS": "0",
            "DJANGO_MEDIA_ROOT": str(self.workdir / "media"),
            "DJANGO_STATIC_ROOT": str(self.workdir / "static"),
            "NEWSROOM_VAR_DIR": str(self.workdir / "var"),
            "AXES_FAILURE_LIMIT": "1000",
        }

    # PostgreSQL ---------------------------------------------------------------
    def start_postgres(self, first=False):
        if first:
            self.pg_data.mkdir()
            if os.geteuid() == 0:
                shutil.chown(self.pg_data, "postgres", "postgres")
            subprocess.run(
                as_postgres(
                    [
                        pg_bin("initdb"),
                        "-D",
                        self.pg_data,
                        "-U",
                        "postgres",
                        "--auth=trust",
                        "-E",
                        "UTF8",
                        "--locale=C.UTF-8",
                    ]
                ),
                check=True,
                capture_output=True,
            )
        subprocess.run(
            as_postgres(
                [
                    pg_bin("pg_ctl"),
                    "-D",
                    self.pg_data,
                    "-l",
                    self.pg_data / "server.log",
                    "-w",
                    "-o",
                    f"-p {self.pg_port} -k {self.pg_data} -c listen_addresses=127.0.0.1",
                    "start",
                ]
            ),
            check=True,
            capture_output=True,
        )

    def stop_postgres(self, mode="fast"):
        subprocess.run(
            as_postgres([pg_bin("pg_ctl"), "-D", self.pg_data, "-m", mode, "-w", "stop"]),
            capture_output=True,
        )

    # Redis --------------------------------------------------------------------
    def start_redis(self):
        self.redis = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.redis_port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.workdir),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for(lambda: socket.create_connection(("127.0.0.1", self.redis_port), 0.2))

    def stop_redis(self):
        if self.redis:
            self.redis.terminate()
            self.redis.wait(10)
            self.redis = None

    # The site -----------------------------------------------------------------
    def manage(self, *args):
        subprocess.run(
            [PYTHON, "manage.py", *args], cwd=ROOT, env=self.env, check=True, capture_output=True
        )

    def prepare(self):
        subprocess.run([PYTHON, "scripts/create_database.py"], cwd=ROOT, env=self.env, check=True)
        self.manage("migrate", "--noinput")
        self.manage("load_seed")
        self.manage("create_demo_users")
        self.manage("collectstatic", "--noinput")

    def start_gunicorn(self):
        self.gunicorn = subprocess.Popen(
            [
                str(Path(PYTHON).parent / "gunicorn"),
                "newsroom.wsgi",
                "-w",
                str(self.workers),
                "-b",
                f"127.0.0.1:{self.web_port}",
                "--log-level",
                "warning",
                "--timeout",
                "30",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=open(self.workdir / "gunicorn.log", "w"),  # noqa: SIM115 - lives with the server
        )
        if not wait_for(lambda: http_status(self.url("/")) == 200, timeout=60):
            raise SystemExit("gunicorn did not come up; see " + str(self.workdir / "gunicorn.log"))

    def url(self, path):
        return f"http://127.0.0.1:{self.web_port}{path}"

    def close(self):
        if self.gunicorn:
            self.gunicorn.send_signal(signal.SIGTERM)
            with contextlib.suppress(Exception):
                self.gunicorn.wait(15)
        self.stop_redis()
        self.stop_postgres("immediate")


def wrk(url, seconds, connections=16, fresh=False, workdir="."):
    script = Path(workdir) / "status.lua"
    script.write_text(STATUS_LUA)
    result = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{connections}",
            f"-d{seconds}s",
            "--timeout",
            "10s",
            "-s",
            str(script),
            url,
            "--",
            "fresh" if fresh else "cached",
        ],
        capture_output=True,
        text=True,
    )
    out = result.stdout
    figures = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))}
    figures.update({k: int(v) for k, v in re.findall(r"(ok|s503|s5xx|other)=(\d+)", out)})
    figures.update({k: float(v) for k, v in re.findall(r"(p50|p99)=([\d.]+)", out)})
    socket_errors = re.search(r"Socket errors: (.*)", out)
    figures["socket_errors"] = socket_errors.group(1) if socket_errors else "none"
    return figures


class Editor(threading.Thread):
    """Saves one story again and again through the real admin: text and roster together."""

    def __init__(self, services, article_id):
        super().__init__(daemon=True)
        self.services, self.article_id = services, article_id
        self.stop = threading.Event()
        self.saved = self.failed = 0
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))

    def _get(self, path):
        with self.opener.open(self.services.url(path), timeout=10) as response:
            return response.read().decode()

    def _csrf(self, html):
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)

    def login(self):
        html = self._get("/admin/login/")
        data = urlencode(
            {
                "csrfmiddlewaretoken": self._csrf(html),
                "username": "chief",
                "password": "newsroom-demo",
                "next": "/admin/",
            }
        ).encode()
        self.opener.open(
            urllib.request.Request(
                self.services.url("/admin/login/"),
                data=data,
                headers={"Referer": self.services.url("/admin/login/")},
            ),
            timeout=10,
        ).read()

    def save(self, n):
        path = f"/admin/articles/article/{self.article_id}/change/"
        html = self._get(path)
        revision = re.search(r'name="revision" value="(\d+)"', html).group(1)
        roster_id = re.search(r'name="rosters-0-id" value="(\d+)"', html).group(1)
        fields = {
            "csrfmiddlewaretoken": self._csrf(html),
            "kicker": "",
            "headline": "压力测试稿件",
            "subheadline": "",
            "kind": "news",
            "section": "",
            "tags": "",
            "dateline": "",
            "body": f"第{n}次保存。",
            "page": "",
            "page_position": "0",
            "main_article": "",
            "revision": revision,
            "correction_note": f"第{n}次更正。",
            "rosters-TOTAL_FORMS": "1",
            "rosters-INITIAL_FORMS": "1",
            "rosters-MIN_NUM_FORMS": "0",
            "rosters-MAX_NUM_FORMS": "1000",
            "rosters-0-id": roster_id,
            "rosters-0-article": str(self.article_id),
            "rosters-0-title": f"第{n}次",
            "rosters-0-stated_count": "1",
            "rosters-0-names": f"张{n}",
            "rosters-0-order": "0",
        }
        for prefix in ("bylines", "photos", "companions", "corrections", "status_changes"):
            fields.update(
                {
                    f"{prefix}-TOTAL_FORMS": "0",
                    f"{prefix}-INITIAL_FORMS": "0",
                    f"{prefix}-MIN_NUM_FORMS": "0",
                    f"{prefix}-MAX_NUM_FORMS": "1000",
                }
            )
        request = urllib.request.Request(
            self.services.url(path),
            data=urlencode(fields).encode(),
            headers={"Referer": self.services.url(path)},
        )
        with self.opener.open(request, timeout=10) as response:
            return response.status

    def run(self):
        n = 0
        while not self.stop.is_set():
            n += 1
            try:
                self.save(n)
                self.saved += 1
            except Exception:
                self.failed += 1
                time.sleep(0.2)


def make_article(services):
    code = (
        "import django; django.setup();"
        "from django.utils import timezone;"
        "from articles.models import Article, AwardRoster;"
        "a = Article.objects.create(headline='压力测试稿件', status='published',"
        " published_at=timezone.now(), body=[{'type': 'paragraph', 'text': '第0次保存。'}]);"
        "r = AwardRoster.objects.create(article=a, title='第0次', stated_count=1);"
        "r.set_names(['张0']); print(a.pk)"
    )
    out = subprocess.run(
        [PYTHON, "-c", code],
        cwd=ROOT,
        env={**services.env, "DJANGO_SETTINGS_MODULE": "newsroom.settings"},
        check=True,
        capture_output=True,
        text=True,
    )
    return int(out.stdout.strip().splitlines()[-1])


def check_article_whole(services, article_id):
    code = (
        "import django, json; django.setup();"
        "from articles.models import Article;"
        f"a = Article.objects.get(pk={article_id}); r = a.rosters.get();"
        "print(json.dumps([a.body[0]['text'], r.title, [e.name for e in r.entries.all()],"
        " a.corrections.count()]))"
    )
    out = subprocess.run(
        [PYTHON, "-c", code],
        cwd=ROOT,
        env={**services.env, "DJANGO_SETTINGS_MODULE": "newsroom.settings"},
        check=True,
        capture_output=True,
        text=True,
    )
    body, title, names, corrections = json.loads(out.stdout.strip().splitlines()[-1])
    n = re.search(r"第(\d+)次", body).group(1)
    whole = title == f"第{n}次" and names == [f"张{n}"]
    return {"last_saved": int(n), "whole": whole, "corrections": corrections}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=60)
    parser.add_argument("--fault-duration", type=int, default=30)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--out", default="")
    args = parser.parse_args()
    for tool in ("wrk", "redis-server"):
        if not shutil.which(tool):
            raise SystemExit(
                f"{tool} is needed (apt-get install {'wrk' if tool == 'wrk' else 'redis-server'})"
            )

    workdir = tempfile.mkdtemp(prefix="newsroom-reliability-")
    os.chmod(workdir, 0o755)  # the postgres user must reach its data folder inside
    services = Services(workdir, args.workers)
    results = {}
    try:
        print("starting PostgreSQL, Redis and gunicorn in", workdir, flush=True)
        services.start_postgres(first=True)
        services.start_redis()
        services.prepare()
        article = services.url("/stories/6/")
        services.start_gunicorn()

        print(f"steady load, {args.duration}s each", flush=True)
        results["steady_story_cached"] = wrk(article, args.duration, workdir=workdir)
        results["steady_front_cached"] = wrk(services.url("/"), args.duration, workdir=workdir)
        results["steady_story_uncached"] = wrk(article, args.duration, fresh=True, workdir=workdir)

        print("Redis stopped mid-load", flush=True)
        third = args.fault_duration / 3
        timer_stop = threading.Timer(third, services.stop_redis)
        timer_start = threading.Timer(2 * third, services.start_redis)
        timer_stop.start(), timer_start.start()
        results["redis_outage"] = wrk(article, args.fault_duration, workdir=workdir)
        timer_stop.join(), timer_start.join()
        time.sleep(1)
        before = http_status(article)
        keys = subprocess.run(
            ["redis-cli", "-p", str(services.redis_port), "dbsize"], capture_output=True, text=True
        ).stdout.strip()
        results["redis_recovered"] = {"status_after": before, "keys_in_redis_after": keys}

        print("PostgreSQL restarted mid-load, an editor saving all along", flush=True)
        article_id = make_article(services)
        editor = Editor(services, article_id)
        editor.login()
        editor.start()
        outage = {}

        def restart_postgres():
            outage["down_at"] = time.monotonic()
            services.stop_postgres("fast")
            time.sleep(3)
            services.start_postgres()
            outage["up_at"] = time.monotonic()
            wait_for(
                lambda: http_status(services.url(f"/stories/6/?probe={time.time()}")) == 200,
                timeout=60,
                interval=0.05,
            )
            outage["serving_at"] = time.monotonic()

        timer = threading.Timer(args.fault_duration / 3, restart_postgres)
        timer.start()
        results["postgres_restart"] = wrk(article, args.fault_duration, fresh=True, workdir=workdir)
        timer.join()
        editor.stop.set()
        editor.join(15)
        results["postgres_restart"].update(
            {
                "outage_seconds": round(outage["up_at"] - outage["down_at"], 2),
                "recovered_seconds_after_postgres_up": round(
                    outage["serving_at"] - outage["up_at"], 2
                ),
                "editor_saves_ok": editor.saved,
                "editor_saves_failed": editor.failed,
                **check_article_whole(services, article_id),
            }
        )
    finally:
        services.close()
        shutil.rmtree(workdir, ignore_errors=True)

    print(json.dumps(results, indent=2, ensure_ascii=False))
    if args.out:
        write_report(Path(args.out), results, args)


def write_report(path, results, args):
    steady = [
        (name, results[name])
        for name in ("steady_story_cached", "steady_front_cached", "steady_story_uncached")
    ]
    lines = [
        "## Measured",
        "",
        f"Command: `.venv/bin/python bench/reliability.py --duration {args.duration} "
        f"--fault-duration {args.fault_duration} --workers {args.workers} --out {path}`",
        f"(gunicorn {args.workers} workers, PostgreSQL and Redis of its own; wrk -t2 -c16 from the "
        "same 2-core machine).",
        "",
        "| phase | req/s | 2xx/3xx | 503 | other 5xx | other | p50 ms | p99 ms | socket errors |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for name, r in [
        *steady,
        ("redis_outage", results["redis_outage"]),
        ("postgres_restart", results["postgres_restart"]),
    ]:
        lines.append(
            f"| {name} | {r['rps']:.0f} | {r.get('ok', 0)} | {r.get('s503', 0)} "
            f"| {r.get('s5xx', 0)} | {r.get('other', 0)} | {r.get('p50', 0):.1f} "
            f"| {r.get('p99', 0):.1f} | {r['socket_errors']} |"
        )
    pg = results["postgres_restart"]
    lines += [
        "",
        f"- Redis stopped for a third of the run and started again: status afterwards "
        f"{results['redis_recovered']['status_after']}, keys in Redis afterwards "
        f"{results['redis_recovered']['keys_in_redis_after']} (the cache is in use again).",
        f"- PostgreSQL down for {pg['outage_seconds']} s; the site served 200 again "
        f"{pg['recovered_seconds_after_postgres_up']} s after PostgreSQL was back.",
        f"- Editor saves through the admin during the run: {pg['editor_saves_ok']} answered, "
        f"{pg['editor_saves_failed']} cut off; the story's last saved text (save "
        f"{pg['last_saved']}) and its roster are {'whole' if pg['whole'] else 'NOT whole'}.",
        "",
    ]
    text = path.read_text() if path.exists() else ""
    marker = "## Measured"
    text = text.split(marker)[0] if marker in text else text
    path.write_text(text + "\n".join(lines))


if __name__ == "__main__":
    main()
