"""Customers' favourite restaurants: one row per (user, restaurant), its primary key
making a second save of the same restaurant change nothing; listed newest first from
``ix_favourites_by_user`` (user, saved at, restaurant) read backwards."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa

from adapters.sql.database import Database, insert_new
from adapters.sql.tables import favourites

_f = favourites.c


class SqlFavourites:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, user_id: int, restaurant_id: int, at: datetime) -> None:
        row = {"user_id": user_id, "restaurant_id": restaurant_id, "saved_at": at}
        with self._db.writing() as c:
            insert_new(c, favourites, row)

    def remove(self, user_id: int, restaurant_id: int) -> bool:
        with self._db.writing() as c:
            removed = c.execute(
                sa.delete(favourites).where(
                    _f.user_id == user_id, _f.restaurant_id == restaurant_id
                )
            )
            return removed.rowcount == 1

    def list_for_user(self, user_id: int, limit: int) -> list[int]:
        with self._db.reading() as c:
            return list(
                c.execute(
                    sa.select(_f.restaurant_id)
                    .where(_f.user_id == user_id)
                    .order_by(_f.saved_at.desc(), _f.restaurant_id.desc())
                    .limit(max(limit, 0))
                ).scalars()
            )
