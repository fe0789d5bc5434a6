"""The SQL store: one engine, the eight repositories and the HTTP edge's shared state, and
the schema brought up to date."""

from __future__ import annotations

import sqlalchemy as sa

from adapters.sql.addresses import SqlAddresses
from adapters.sql.carts import SqlCarts
from adapters.sql.catalog import SqlCatalog
from adapters.sql.database import Database, create_engine
from adapters.sql.favourites import SqlFavourites
from adapters.sql.migrate import migrate as run_migrations
from adapters.sql.orders import SqlOrders
from adapters.sql.ratings import SqlRatings
from adapters.sql.requests import SqlLoginAttempts, SqlRequestLog, SqlRevokedTokens
from adapters.sql.riders import SqlRiders
from adapters.sql.users import SqlUsers


class SqlStore:
    def __init__(self, url: str | sa.URL, *, migrate: bool = True) -> None:
        self.engine = create_engine(url)
        if migrate:
            try:
                run_migrations(self.engine)
            except BaseException:
                self.engine.dispose()
                raise
        db = Database(self.engine)
        self.users = SqlUsers(db)
        self.catalog = SqlCatalog(db)
        self.carts = SqlCarts(db)
        self.addresses = SqlAddresses(db)
        self.orders = SqlOrders(db)
        self.ratings = SqlRatings(db)
        self.favourites = SqlFavourites(db)
        self.riders = SqlRiders(db)
        self.request_log = SqlRequestLog(db)
        self.login_attempts = SqlLoginAttempts(db)
        self.revoked_tokens = SqlRevokedTokens(db)

    def ping(self) -> None:
        """Raise if the database does not answer."""
        with self.engine.connect() as c:
            c.execute(sa.text("SELECT 1"))

    def close(self) -> None:
        self.engine.dispose()
