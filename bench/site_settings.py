"""Settings for bench/site_bench.py: the real settings plus a trivial view to compare against."""

from newsroom.settings import *  # noqa: F403

ROOT_URLCONF = "bench.site_urls"
