"""``check --deploy`` warns when PostgreSQL is not kept fit for a large archive."""

import io
from unittest import mock

import pytest
from django.core.checks import run_checks
from django.core.checks.registry import registry
from django.core.management import call_command
from django.db import OperationalError, connection

from articles.models import Article
from newsroom import checks
from tests.factories import make_article

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="autovacuum and statistics are PostgreSQL's"
)
TABLE = Article._meta.db_table


def deploy_warnings():
    found = run_checks(include_deployment_checks=True, tags=["postgresql"], databases=["default"])
    return {message.id: message for message in found}


def server_autovacuum():
    with connection.cursor() as cursor:
        cursor.execute("SHOW autovacuum")
        return cursor.fetchone()[0]


def analyze():
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {TABLE}")


def flush_statistics():
    """Make this connection's row counts visible to the next query (PostgreSQL 15+)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_stat_force_next_flush()")


@pytest.mark.parametrize(
    ("live", "changed", "analyzed", "stale"),
    [
        (0, 0, False, False),  # a new site
        (900, 900, False, False),  # the seed edition or a small paper: under the floor
        (5000, 5000, False, True),  # a bulk import never analyzed
        (1_000_000, 100_000, True, False),  # a tenth changed: autovacuum's own threshold
        (1_000_000, 201_001, True, True),  # a fifth, plus the floor
        (100, 1100, True, True),  # a small table emptied and refilled
    ],
)
def test_statistics_are_stale_past_a_fifth_of_the_rows_plus_a_floor(live, changed, analyzed, stale):
    assert checks.stale_statistics(live, changed, analyzed) is stale


@pytest.mark.parametrize(
    ("reloptions", "disabled"),
    [
        (None, False),
        (["fillfactor=90"], False),
        (["autovacuum_enabled=false"], True),
        (["autovacuum_enabled=off"], True),
        (["autovacuum_enabled=true"], False),
    ],
)
def test_a_table_can_turn_autovacuum_off_by_itself(reloptions, disabled):
    assert checks.autovacuum_disabled(reloptions) is disabled


def test_nothing_to_say_on_sqlite(db):
    if connection.vendor == "postgresql":
        pytest.skip("SQLite has no autovacuum to check")
    assert deploy_warnings() == {}


def test_an_unreachable_database_is_skipped_quietly(db):
    refused = OperationalError("connection refused")
    with (
        mock.patch.object(connection, "vendor", "postgresql"),
        mock.patch.object(connection, "cursor", side_effect=refused) as cursor,
    ):
        assert deploy_warnings() == {}
    assert cursor.called


def test_only_check_deploy_runs_them():
    assert checks.check_postgresql_maintenance not in registry.get_checks()
    assert checks.check_postgresql_maintenance in registry.get_checks(True)


@on_postgresql
def test_check_deploy_says_when_the_server_runs_without_autovacuum(db):
    out = io.StringIO()
    call_command("check", "--deploy", "--tag", "postgresql", stdout=out, stderr=out)
    # This server runs with autovacuum off: the warning is there, and goes when it is on.
    assert ("newsroom.W101" in out.getvalue()) is (server_autovacuum() == "off")


@on_postgresql
def test_autovacuum_turned_off_for_the_story_table_is_a_warning(db):
    assert "newsroom.W103" not in deploy_warnings()
    with connection.cursor() as cursor:
        cursor.execute(f"ALTER TABLE {TABLE} SET (autovacuum_enabled = false)")
    assert "newsroom.W103" in deploy_warnings()


@on_postgresql
def test_stale_statistics_warn_until_analyze(transactional_db, monkeypatch):
    monkeypatch.setattr(checks, "STALE_FLOOR", 2)
    analyze()
    flush_statistics()
    assert "newsroom.W102" not in deploy_warnings()
    for _ in range(4):
        make_article()
    flush_statistics()
    warning = deploy_warnings()["newsroom.W102"]
    assert TABLE in warning.msg and "ANALYZE" in warning.hint
    analyze()
    assert "newsroom.W102" not in deploy_warnings()
