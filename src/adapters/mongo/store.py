"""The MongoDB store: one client, indexes ensured, the eight repositories and the HTTP
edge's shared state.

Works on MongoDB 6/7 and on FerretDB 1.24: no transactions, no ``$lookup``, no
``$expr``, no text, partial or TTL indexes; every compare-and-set commits by an insert
under a unique ``_id`` (see ``moves``), the one write FerretDB makes atomic.
"""

from __future__ import annotations

from typing import Any

from pymongo import MongoClient
from pymongo.write_concern import WriteConcern

from adapters.mongo.addresses import MongoAddresses
from adapters.mongo.carts import MongoCarts
from adapters.mongo.catalog import MongoCatalog, backfill_dishes
from adapters.mongo.favourites import MongoFavourites
from adapters.mongo.orders import MongoOrders
from adapters.mongo.ratings import MongoRatings
from adapters.mongo.requests import MongoLoginAttempts, MongoRequestLog, MongoRevokedTokens
from adapters.mongo.riders import MongoRiders
from adapters.mongo.schema import Document, ensure_indexes
from adapters.mongo.users import MongoUsers

DEFAULT_DATABASE = "food"
# An acknowledged write has reached a majority and their journals: it survives a
# failover, so an order we answered for is never rolled back.
DEFAULT_WRITE_CONCERN = WriteConcern(w="majority", j=True)


class MongoStore:
    def __init__(
        self,
        url: str,
        *,
        write_concern: WriteConcern | None = None,
        database: str | None = None,
        server_selection_timeout_ms: int = 10_000,
        **client_options: Any,
    ) -> None:
        """``database`` defaults to the one named in the URL, else ``food``.
        ``write_concern`` defaults to the URL's (``?w=…&journal=…``), else majority and
        journaled."""
        if "serverselectiontimeoutms" not in url.lower():  # the URL's own value wins
            client_options.setdefault("serverSelectionTimeoutMS", server_selection_timeout_ms)
        self.client: MongoClient[Document] = MongoClient(
            url, appname="food-ordering", **client_options
        )
        try:
            concern = write_concern or self._url_write_concern() or DEFAULT_WRITE_CONCERN
            if not concern.acknowledged:
                # Unacknowledged writes cannot tell a compare-and-set's winner (and break
                # FerretDB's connection).
                raise ValueError("the store needs acknowledged writes (w=0 is not supported)")
            default = self.client.get_default_database(default=database or DEFAULT_DATABASE)
            self.db = self.client.get_database(database or default.name, write_concern=concern)
            ensure_indexes(self.db)
            backfill_dishes(self.db)
            self.users = MongoUsers(self.db)
            self.catalog = MongoCatalog(self.db)
            self.carts = MongoCarts(self.db)
            self.addresses = MongoAddresses(self.db)
            self.orders = MongoOrders(self.db)
            self.ratings = MongoRatings(self.db)
            self.favourites = MongoFavourites(self.db)
            self.riders = MongoRiders(self.db)
            self.request_log = MongoRequestLog(self.db)
            self.login_attempts = MongoLoginAttempts(self.db)
            self.revoked_tokens = MongoRevokedTokens(self.db)
        except BaseException:
            self.client.close()
            raise

    def _url_write_concern(self) -> WriteConcern | None:
        concern = self.client.write_concern
        return None if concern.is_server_default else concern

    def ping(self) -> None:
        """Raise if the server does not answer."""
        self.client.admin.command("ping")

    def close(self) -> None:
        self.client.close()
