"""``manage.py check --deploy``: is PostgreSQL kept fit for a large archive?

A million stories stay fast only while PostgreSQL knows what the story table holds.
Without autovacuum nobody analyzes it: after a bulk import the planner still plans
for the empty table it last measured (a sequential scan where an index would do, or
the reverse), and dead rows from edits are never reclaimed.  These checks ask the
database, so they run only with ``--deploy`` (not before every command), under the
``postgresql`` tag; an unreachable database is skipped quietly, as Django's own
database checks do, because the site's 503 page already says so.
"""

from django.apps import apps
from django.core.checks import Warning, register
from django.db import Error, connections
from django.utils.translation import gettext as _

# Statistics are stale once this share of the rows changed since the last ANALYZE, plus a
# floor so that a small table (a new site, the seed edition) never warns.
STALE_SHARE = 0.2
STALE_FLOOR = 1000

OFF = {"off", "false", "no", "0", "f", "n"}

STATISTICS = """
    SELECT c.reloptions, s.n_live_tup, s.n_mod_since_analyze,
           s.last_analyze IS NOT NULL OR s.last_autoanalyze IS NOT NULL
    FROM pg_class c LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid
    WHERE c.oid = to_regclass(%s)
"""


def stale_statistics(live_rows, changed_rows, analyzed):
    """Whether the planner's picture of a table is too old to plan by."""
    if not analyzed:
        return live_rows > STALE_FLOOR
    return changed_rows > STALE_SHARE * live_rows + STALE_FLOOR


def autovacuum_disabled(reloptions):
    """Whether a table's own storage options turn autovacuum off (``autovacuum_enabled``)."""
    for option in reloptions or ():
        name, _sep, value = option.partition("=")
        if name.strip() == "autovacuum_enabled" and value.strip().lower() in OFF:
            return True
    return False


def _read(connection, table):
    with connection.cursor() as cursor:
        cursor.execute("SHOW autovacuum")
        (autovacuum,) = cursor.fetchone()
        cursor.execute(STATISTICS, [table])
        return autovacuum, cursor.fetchone()


@register("postgresql", deploy=True)
def check_postgresql_maintenance(app_configs=None, databases=None, **kwargs):
    """Warn when autovacuum is off, or the story table's statistics are stale."""
    table = apps.get_model("articles", "Article")._meta.db_table
    found = []
    for alias in list(connections) if databases is None else databases:
        connection = connections[alias]
        if connection.vendor != "postgresql":
            continue
        try:
            autovacuum, statistics = _read(connection, table)
        except Error:
            continue
        if autovacuum.lower() in OFF:
            found.append(
                Warning(
                    _("PostgreSQL (database %(alias)s) runs with autovacuum off.")
                    % {"alias": alias},
                    hint=_(
                        "Set autovacuum = on in postgresql.conf: without it dead rows are "
                        "never reclaimed and the planner's statistics go stale. See "
                        "docs/operations.md, A million stories."
                    ),
                    id="newsroom.W101",
                )
            )
        if statistics is None:
            continue  # not migrated yet
        reloptions, live_rows, changed_rows, analyzed = statistics
        if autovacuum_disabled(reloptions):
            found.append(
                Warning(
                    _("Autovacuum is turned off for the story table %(table)s.") % {"table": table},
                    hint=_("Turn it back on: ALTER TABLE %(table)s RESET (autovacuum_enabled);")
                    % {"table": table},
                    id="newsroom.W103",
                )
            )
        if live_rows is not None and stale_statistics(live_rows, changed_rows, analyzed):
            found.append(
                Warning(
                    _(
                        "The statistics of the story table %(table)s are stale: %(changed)s "
                        "of %(live)s rows changed since it was last analyzed."
                    )
                    % {"table": table, "changed": changed_rows, "live": live_rows}
                    if analyzed
                    else _("The story table %(table)s (%(live)s rows) has never been analyzed.")
                    % {"table": table, "live": live_rows},
                    hint=_(
                        "Run ANALYZE %(table)s; now (after every bulk import), and turn "
                        "autovacuum on so that it runs by itself."
                    )
                    % {"table": table},
                    id="newsroom.W102",
                )
            )
    return found
