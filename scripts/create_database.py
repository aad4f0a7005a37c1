"""Create the PostgreSQL database named by DATABASE_URL if it does not exist yet.

`make demo` and `make test` migrate before anything else; on a fresh server the
database itself is missing. SQLite files are created by Django; nothing to do.
"""

import os
import sys

import dj_database_url


def main():
    url = os.environ.get("DATABASE_URL")
    if not url:
        return 0
    config = dj_database_url.parse(url)
    if config["ENGINE"] != "django.db.backends.postgresql":
        return 0
    import psycopg
    from psycopg import sql

    params = {
        "host": config.get("HOST") or None,
        "port": config.get("PORT") or None,
        "user": config.get("USER") or None,
        "password": config.get("PASSWORD") or None,
        "dbname": "postgres",
        "autocommit": True,
    }
    with psycopg.connect(**{k: v for k, v in params.items() if v is not None}) as conn:
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [config["NAME"]]
        ).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(config["NAME"])))
            print(f"Created database {config['NAME']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
