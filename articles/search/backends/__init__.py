"""One search backend per database vendor, chosen by the connection in use."""

from django.db import connections

from articles.search.backends.base import SearchBackend


def get_backend(using="default"):
    connection = connections[using]
    if connection.vendor == "postgresql":
        from articles.search.backends.postgres import PostgresBackend

        return PostgresBackend(connection)
    if connection.vendor == "sqlite":
        from articles.search.backends.sqlite import SQLiteBackend

        return SQLiteBackend(connection)
    raise NotImplementedError(f"No search backend for {connection.vendor}.")


__all__ = ["SearchBackend", "get_backend"]
