"""Page-text files kept on the server between a dry run and its save, and the save's state.

The admin's dry run keeps the uploaded bytes here (``NEWSROOM_IMPORT_DIR``, never
served), so the confirming request carries a short name, not the file.  A large
save runs in the background worker (``jobs.py``): it reads the same file and
writes its progress and outcome beside it as JSON, which the admin's status page
reads.  Files are named by a random hex name; those older than ``MAX_AGE`` go.
Request-free.
"""

import json
import os
import re
import time
import uuid
from pathlib import Path

from django.conf import settings

MAX_AGE = 3600
# A finished save's outcome stays readable for a day (its page may be reloaded).
STATUS_MAX_AGE = 24 * 3600
NAME = re.compile(r"[0-9a-f]{32}")


def folder():
    return Path(settings.NEWSROOM_IMPORT_DIR)


def _path(name, suffix):
    if not NAME.fullmatch(name or ""):
        raise ValueError("not an upload name")
    return folder() / f"{name}{suffix}"


def _prune(directory):
    now = time.time()
    for pattern, age in (("*.txt", MAX_AGE), ("*.json", STATUS_MAX_AGE)):
        for old in directory.glob(pattern):
            try:
                if old.stat().st_mtime < now - age:
                    old.unlink(missing_ok=True)
            except OSError:
                continue


def keep(data):
    """Keep ``data`` (bytes); returns its name."""
    directory = folder()
    directory.mkdir(parents=True, exist_ok=True)
    _prune(directory)
    name = uuid.uuid4().hex
    _path(name, ".txt").write_bytes(data)
    return name


def read(name):
    """The kept bytes; ``OSError`` when they are gone."""
    return _path(name, ".txt").read_bytes()


def forget(name):
    _path(name, ".txt").unlink(missing_ok=True)


def write_status(name, **state):
    """Record the background save's state (replacing the file whole, so a reader never
    sees half of it)."""
    state["updated"] = time.time()
    path = _path(name, ".json")
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.tmp")
    partial.write_text(json.dumps(state, ensure_ascii=False), encoding="utf-8")
    partial.replace(path)


def read_status(name):
    """The state ``write_status`` recorded, or None when there is none."""
    try:
        return json.loads(_path(name, ".json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
