"""Where the browser tests find Debian's Chromium, how they start it, and how they skip."""

import os
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("NEWSROOM_CHROMIUM", "/usr/bin/chromium"))
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def unavailable(reason):
    """Skip a test whose service or browser is missing; fail instead where CI requires them."""
    if os.environ.get("NEWSROOM_REQUIRE_SERVICES") == "1":
        pytest.fail(f"{reason} (NEWSROOM_REQUIRE_SERVICES=1)")
    pytest.skip(reason)
