"""Backup and restore with the documented scripts (docs/operations.md)."""

import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg
import pytest

ROOT = Path(__file__).resolve().parent.parent
SERVER = "postgres://postgres@127.0.0.1:5432"


def postgres_available():
    if not (shutil.which("pg_dump") and shutil.which("pg_restore")):
        return False
    try:
        with psycopg.connect(f"{SERVER}/postgres", connect_timeout=2):
            return True
    except psycopg.OperationalError:
        return False


def require_postgres():
    if postgres_available():
        return
    if os.environ.get("NEWSROOM_REQUIRE_SERVICES"):
        pytest.fail("PostgreSQL on 127.0.0.1:5432 with pg_dump/pg_restore is required here")
    pytest.skip("needs the PostgreSQL server on 127.0.0.1:5432 and pg_dump/pg_restore")


def admin_sql(statement):
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as conn:
        conn.execute(statement)


def run(command, env):
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.fixture
def scratch_databases():
    require_postgres()
    names = [f"newsroom_backup_{uuid.uuid4().hex[:8]}", f"newsroom_restore_{uuid.uuid4().hex[:8]}"]
    for name in names:
        admin_sql(f'CREATE DATABASE "{name}"')
    yield names
    for name in names:
        admin_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_backup_restores_into_a_fresh_database_with_the_seed_edition_whole(
    scratch_databases, tmp_path
):
    source, target = scratch_databases
    media, restored_media, backup = tmp_path / "media", tmp_path / "restored", tmp_path / "backup"
    env = {
        **os.environ,
        "DJANGO_DEBUG": "1",
        "DATABASE_URL": f"{SERVER}/{source}",
        "DJANGO_MEDIA_ROOT": str(media),
    }
    run([sys.executable, "manage.py", "migrate", "--noinput"], env)
    run([sys.executable, "manage.py", "load_seed"], env)
    run(["bash", "scripts/backup.sh", str(backup), str(media)], env)
    assert (backup / "newsroom.dump").stat().st_size > 0

    run(
        ["bash", "scripts/restore.sh", str(backup), str(restored_media)],
        {**env, "DATABASE_URL": f"{SERVER}/{target}"},
    )
    with psycopg.connect(f"{SERVER}/{target}") as conn:

        def one(sql):
            return conn.execute(sql).fetchone()[0]

        assert one("SELECT date::text FROM articles_edition") == "2023-12-26"
        assert one("SELECT count(*) FROM articles_article WHERE status = 'published'") == 9
        assert one("SELECT count(*) FROM people_person") == 16
        assert one("SELECT count(*) FROM articles_byline") == 21
        assert one("SELECT count(*) FROM articles_photo") == 5
        assert one("SELECT count(*) FROM articles_rosterentry") == 35
        assert one("SELECT headline FROM articles_article WHERE kind = 'commentary'") == (
            "制造业当家 需要高技能人才支撑"
        )
        photos = [row[0] for row in conn.execute("SELECT image FROM articles_photo")]
    assert all((restored_media / name).is_file() for name in photos)
