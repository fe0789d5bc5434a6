"""The stream leases (``food_core.ports.requests.StreamLeases``) of an opened store.

A store that offers ``stream_leases`` itself is asked for them; the stores of this
project get theirs here, from the same database as their other edge state, until their
``Store`` lists the port beside ``revoked_tokens`` (one line in each store class). The
in-memory store's leases live as long as that store object, and are shared by every app
serving from it, as a shared database's are.
"""

from __future__ import annotations

import sys
import weakref

from adapters.memory.requests import MemoryStreamLeases
from adapters.stores import MemoryBackedStore, Store
from food_core.ports.requests import StreamLeases

_memory: weakref.WeakKeyDictionary[object, MemoryStreamLeases] = weakref.WeakKeyDictionary()


def stream_leases_for(store: Store) -> StreamLeases:
    offered: StreamLeases | None = getattr(store, "stream_leases", None)
    if offered is not None:
        return offered
    if isinstance(store, MemoryBackedStore):
        leases = _memory.get(store)
        if leases is None:
            leases = _memory[store] = MemoryStreamLeases()
        return leases
    # A store of a kind whose module was never imported cannot be this store: looking in
    # sys.modules keeps drivers unimported unless their kind of store is in use.
    sql = sys.modules.get("adapters.sql.store")
    if sql is not None and isinstance(store, sql.SqlStore):
        from adapters.sql.database import Database
        from adapters.sql.requests import SqlStreamLeases

        return SqlStreamLeases(Database(store.engine))
    mongo = sys.modules.get("adapters.mongo.store")
    if mongo is not None and isinstance(store, mongo.MongoStore):
        from adapters.mongo.requests import MongoStreamLeases

        return MongoStreamLeases(store.db)
    raise TypeError(f"{type(store).__name__} offers no stream_leases")
