"""Readers' queries compiled to SQL once per process, then run with fresh values.

Building and compiling a queryset on the story model costs Django 1-4 ms of Python per
query (measured in docs/performance.md), several times what the database takes to
answer it.  The busiest reader pages run the same few queries on every request with
only a key or the current time changing, so each is built from ordinary querysets
(``Article.objects.published()`` and friends) once per database alias, and each
request only binds its values and runs the SQL.  Rows come back through the
compiler's own converters, exactly as the queryset's ``values_list(named=True)``
gives them: read them by field name (name an expression such as ``KT(…)`` with
``annotate()`` first, or it is called ``kt1``).

    NOW = Parameter("now", models.DateTimeField(), default=timezone.now)
    STORY = PreparedQuery(
        lambda: Article.objects.published(now=NOW)
        .filter(pk=Parameter("pk", models.IntegerField()))
        .values_list("pk", "headline")
    )
    STORY.rows(pk=6)  # [Row(pk=6, headline="…")]

A ``Parameter`` stands for a value given when the query runs.  One with a ``default``
is bound to it on each run unless given (``NOW`` above: a query compiled once still
sees each request's time, so a scheduled story appears on time); it also works in any
ordinary queryset, where it is bound at compile time as a plain value would be.
"""

import contextvars
import threading

from django.db import connections
from django.db.models import Expression
from django.db.models.utils import create_namedtuple_class

_preparing = contextvars.ContextVar("preparing", default=False)


class Parameter(Expression):
    """A value bound when the SQL runs rather than when the queryset is built."""

    def __init__(self, name, output_field, default=None):
        super().__init__(output_field=output_field)
        self.name = name
        self.default = default

    def __repr__(self):
        return f"Parameter({self.name!r})"

    def as_sql(self, compiler, connection):
        if _preparing.get():
            return "%s", [self]
        if self.default is None:
            raise ValueError(f"Parameter {self.name!r} has no value outside a prepared query.")
        return "%s", [self.adapt(self.default(), connection)]

    def adapt(self, value, connection):
        return self.output_field.get_db_prep_value(value, connection, prepared=False)


def parameters(name, size, output_field):
    """``size`` parameters ``name0`` … for an ``__in`` list of up to ``size`` values."""
    return [Parameter(f"{name}{index}", output_field) for index in range(size)]


def fill(name, values, size, filler):
    """Keyword values for ``parameters(name, size, …)``, padded with ``filler``."""
    values = list(values)[:size]
    values += [filler] * (size - len(values))
    return {f"{name}{index}": value for index, value in enumerate(values)}


class PreparedQuery:
    """A ``values_list()`` queryset compiled once per database alias."""

    def __init__(self, build):
        self.build = build
        self._compiled = {}
        self._lock = threading.Lock()

    def _compile(self, using):
        compiled = self._compiled.get(using)
        if compiled is None:
            with self._lock:
                token = _preparing.set(True)
                try:
                    queryset = self.build()
                    compiler = queryset.query.get_compiler(using)
                    sql, params = compiler.as_sql()
                finally:
                    _preparing.reset(token)
                row = create_namedtuple_class(*_names(queryset))
                compiled = self._compiled[using] = (sql, tuple(params), compiler, row)
        return compiled

    def rows(self, using="default", **values):
        """Run the query with ``values`` for its parameters; a list of named rows."""
        sql, template, compiler, row = self._compile(using)
        connection = connections[using]
        params = []
        for param in template:
            if isinstance(param, Parameter):
                if param.name not in values:  # one default value per call, however often used
                    values[param.name] = param.default()
                param = param.adapt(values[param.name], connection)
            params.append(param)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            results = cursor.fetchall()
        new = tuple.__new__
        return [
            new(row, fields)
            for fields in compiler.results_iter(results=[results], tuple_expected=True)
        ]


def _names(queryset):
    """The names of a ``values_list()`` row, as Django's NamedValuesListIterable finds them."""
    if queryset._fields:
        return queryset._fields
    query = queryset.query
    return [*query.extra_select, *query.values_select, *query.annotation_select]
