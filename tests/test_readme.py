"""The README's commands run exactly as printed on a checkout set up by `make demo`,
and the development default they rely on never reaches a production server."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
VENV = ROOT / ".venv"
# What `make demo` runs before it serves (Makefile, "demo").
DEMO_SETUP = ["migrate --noinput -v0", "load_seed", "create_demo_users"]


def printed_commands():
    """Every `manage.py` line of the README's shell blocks, as printed."""
    blocks = re.findall(r"```sh\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    return [
        line.strip()
        for block in blocks
        for line in block.splitlines()
        if line.strip().startswith(".venv/bin/python manage.py")
    ]


def bare_environment(tmp_path, **extra):
    """A shell with nothing of ours set: no DJANGO_*, no DATABASE_URL, var/ in tmp_path."""
    return {
        "PATH": os.environ.get("PATH", ""),
        "HOME": os.environ.get("HOME", ""),
        "NEWSROOM_VAR_DIR": str(tmp_path / "var"),
        **extra,
    }


def shell(command, cwd, env):
    return subprocess.run(
        ["bash", "-c", command], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )


def test_the_readme_prints_manage_py_commands():
    assert len(printed_commands()) >= 4


@pytest.mark.skipif(not VENV.exists(), reason="the README's commands use .venv/ (make setup)")
def test_every_readme_command_runs_as_printed(tmp_path):
    # The checkout seen from a scratch folder, so files the commands write land there.
    for name in ("manage.py", ".venv", "fixtures"):
        (tmp_path / name).symlink_to(ROOT / name)
    env = bare_environment(tmp_path)
    for step in DEMO_SETUP:
        result = shell(f".venv/bin/python manage.py {step}", tmp_path, env)
        assert result.returncode == 0, result.stderr
    for command in printed_commands():
        result = shell(command, tmp_path, env)
        assert result.returncode == 0, f"{command}\n{result.stderr}"
    assert (tmp_path / "A06.html").stat().st_size > 0
    assert (tmp_path / "2023-12-26.zip").stat().st_size > 0


PRINT_DEBUG = "from django.conf import settings; print(settings.DEBUG)"


def test_manage_py_without_a_key_runs_in_development_mode(tmp_path):
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", PRINT_DEBUG],
        cwd=ROOT,
        env=bare_environment(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "True"


def test_manage_py_with_a_production_key_keeps_debug_off(tmp_path):
    env = bare_environment(
        tmp_path,
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        NEWSROOM_PAGE_CACHE_SECONDS="0",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", PRINT_DEBUG],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "False"


@pytest.mark.parametrize("module", ["newsroom.wsgi", "newsroom.asgi"])
def test_a_production_server_still_refuses_to_start_without_a_key(tmp_path, module):
    result = subprocess.run(
        [sys.executable, "-c", f"import {module}"],
        cwd=ROOT,
        env=bare_environment(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr
