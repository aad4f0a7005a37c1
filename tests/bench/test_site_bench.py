"""bench/site_bench.py's report and its Wagtail venv, checked without running either site."""

import argparse
import importlib.util
import tomllib
from pathlib import Path

from bench import site_bench

RESULTS = {
    "uncached": {
        "trivial": 1700.0,
        "story": 170.0,
        "front": 85.0,
        "edition": 51.0,
        "epaper": 102.0,
    },
    "cached": {"trivial": 1100.0, "story": 630.0, "front": 650.0, "edition": 550, "epaper": 660},
}
WAGTAIL_RESULTS = {
    "uncached": {"trivial": 940.0, "story": 28.0},
    "cached": {"trivial": 900.0, "story": 440.0},
}
ARGS = argparse.Namespace(
    connections=16, duration=5, database="postgres://postgres@127.0.0.1:5432/x"
)


def test_newsroom_table_keeps_its_columns():
    lines = site_bench.report(RESULTS, ARGS).splitlines()
    assert lines[2] == (
        "| run | trivial view req/s | story req/s | story ratio | front req/s | front ratio "
        "| edition req/s | edition ratio | epaper req/s | epaper ratio |"
    )
    assert lines[4] == "| uncached | 1700 | 170 | 0.10 | 85 | 0.05 | 51 | 0.03 | 102 | 0.06 |"
    assert lines[5] == "| cached | 1100 | 630 | 0.57 | 650 | 0.59 | 550 | 0.50 | 660 | 0.60 |"


def test_comparison_puts_each_site_against_its_own_uncached_floor():
    versions = {"wagtail": "8.0.1", "django": "6.1.3"}
    lines = site_bench.comparison(RESULTS, WAGTAIL_RESULTS, versions).splitlines()
    assert "Wagtail 8.0.1" in lines[0] and "Django 6.1.3" in lines[0]
    assert lines[2].startswith("| run | newsroom story ratio | newsroom front ratio |")
    assert lines[4] == "| uncached | 0.100 | 0.050 | 0.030 | 28 | 940 |"
    # Wagtail's cached story against its trivial view with no cache (440 / 940).
    assert lines[5] == "| cached | 0.573 | 0.591 | 0.468 | 440 | 900 |"


def test_venv_is_remade_for_another_interpreter():
    assert site_bench.wagtail_stamp("/usr/bin/python3.13") != site_bench.wagtail_stamp(
        "/usr/bin/python3.12"
    )


def test_wagtail_is_an_extra_the_test_suite_never_sees():
    pyproject = tomllib.loads((Path(site_bench.ROOT) / "pyproject.toml").read_text())
    extras = pyproject["project"]["optional-dependencies"]
    assert any(r.startswith("wagtail>=8") for r in extras[site_bench.WAGTAIL_EXTRA])
    assert not any("wagtail" in r for r in extras["dev"])
    assert importlib.util.find_spec("wagtail") is None
