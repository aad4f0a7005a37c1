"""A Redis cache that degrades to "no cache" while Redis is down.

Django's RedisCache raises when the server is gone, which would turn a cache
outage into a site outage.  Here every failed call is logged and answered as a
miss (reads) or dropped (writes); the next call tries Redis again, so the site
recovers by itself when Redis returns.  A write lost while Redis was out of
reach (say, marking pages stale after an edit) would leave stale entries
behind, so the first call that succeeds after a lost write empties the cache.
"""

import functools
import logging

from django.core.cache.backends.redis import RedisCache, RedisCacheClient

logger = logging.getLogger("newsroom.cache")

_READS_DEFAULT = {"get": None, "get_many": {}, "has_key": False, "incr": None, "decr": None}
_READS = {"get", "get_many", "has_key"}


def _tolerant(name):
    method = getattr(RedisCache, name)

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            result = method(self, *args, **kwargs)
        except Exception as error:  # redis.exceptions.* and socket errors alike
            import redis

            if not isinstance(error, (redis.exceptions.RedisError, OSError)):
                raise
            if name not in _READS:
                self._lost_writes = True
            logger.warning("cache %s failed, serving without cache: %s", name, error)
            if name == "get":
                return kwargs.get("default", args[1] if len(args) > 1 else None)
            if name in ("incr", "decr"):
                raise ValueError("cache unavailable") from error
            return _READS_DEFAULT.get(name)
        if self._lost_writes and name != "clear":
            self._lost_writes = False
            logger.warning("cache reachable again after lost writes: emptying it")
            self.clear()
        return result

    return wrapper


class ReusingRedisCacheClient(RedisCacheClient):
    """Keeps one redis.Redis per connection pool instead of building one per cache call.

    Building the client object is about half of what a cached page hit costs.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient
        self._lost_writes = False


for _name in (
    "get",
    "set",
    "add",
    "touch",
    "delete",
    "get_many",
    "set_many",
    "delete_many",
    "has_key",
    "incr",
    "decr",
    "clear",
):
    setattr(ResilientRedisCache, _name, _tolerant(_name))
