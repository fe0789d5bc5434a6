"""The stores the contract suite runs on, and how each is emptied between tests.

One store per backend is opened for the whole session (SQL: migrated once); every test
starts from empty tables/collections, which is much faster than a database per test.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Callable

from attrs import frozen

from adapters.memory.requests import MemoryLoginAttempts, MemoryRequestLog, MemoryRevokedTokens
from adapters.memory.store import MemoryStore
from adapters.mongo import MongoStore
from adapters.mongo.schema import COLLECTIONS
from adapters.sql import SqlStore
from adapters.sql.tables import metadata
from adapters.stores import MemoryBackedStore, Store

NAMES = ("memory", "sqlite", "postgresql", "mongodb")
SERVER_BACKED = frozenset({"postgresql", "mongodb"})
CONTRACT_DATABASE = "food_contract"


@frozen
class Backend:
    """A store under test. ``url`` opens another client of the same data (for the
    multi-process race tests); the memory store has none, being one process's state."""

    name: str
    url: str | None
    store: Store
    reset: Callable[[], None]


def memory_backend() -> Backend:
    store = MemoryBackedStore()

    def reset() -> None:
        # Re-initialise the state in place: the repositories keep pointing at it.
        MemoryStore.__init__(store.memory)
        MemoryRequestLog.__init__(store.request_log)
        MemoryLoginAttempts.__init__(store.login_attempts)
        MemoryRevokedTokens.__init__(store.revoked_tokens)

    return Backend("memory", None, store, reset)


def sql_backend(name: str, store: SqlStore, url: str) -> Backend:
    def reset() -> None:
        with store.engine.begin() as c:
            for table in reversed(metadata.sorted_tables):
                c.execute(table.delete())

    return Backend(name, url, store, reset)


def mongo_backend(store: MongoStore, url: str) -> Backend:
    def reset() -> None:
        for name in COLLECTIONS:
            store.db[name].delete_many({})

    return Backend("mongodb", url, store, reset)


def with_database(url: str, database: str) -> str:
    """``url`` naming ``database`` unless it already names one."""
    parts = urllib.parse.urlsplit(url)
    if parts.path.strip("/"):
        return url
    return urllib.parse.urlunsplit(parts._replace(path="/" + database))
