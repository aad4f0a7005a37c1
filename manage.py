#!/usr/bin/env python
import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    # A checkout with no secret key in its environment is a developer's laptop: the
    # commands the README prints run there as printed, in development mode.  Production
    # sets DJANGO_SECRET_KEY (so DEBUG stays off unless asked for), and its servers start
    # through wsgi.py/asgi.py, which have no such default and refuse to run without a key.
    if "DJANGO_SECRET_KEY" not in os.environ:
        os.environ.setdefault("DJANGO_DEBUG", "1")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
