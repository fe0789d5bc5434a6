"""Riders, one row each, changed by compare-and-set on ``version``: the row is updated only
if it still has the version the change was made from, so of two dispatchers claiming one
free rider exactly one succeeds. A city's free riders come from ``ix_riders_free`` (city,
order, id: the NULL orders first), the rider holding an order from ``ix_riders_by_order``,
the busy ones by their last change from ``ix_riders_by_updated_at``."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa

from adapters.sql.database import Database, insert_new
from adapters.sql.tables import riders
from food_core.model import Position, Rider

_r = riders.c


def _row(rider: Rider) -> dict[str, object]:
    return {
        "rider_id": rider.rider_id,
        "rider_name": rider.rider_name,
        "phone": rider.phone,
        "city_pincode": rider.city_pincode,
        "lat": rider.position.lat,
        "lng": rider.position.lng,
        "updated_at": rider.updated_at,
        "order_id": rider.order_id,
        "version": rider.version,
    }


def _rider(m: sa.RowMapping) -> Rider:
    return Rider(
        rider_id=m["rider_id"],
        rider_name=m["rider_name"],
        phone=m["phone"],
        city_pincode=m["city_pincode"],
        position=Position(m["lat"], m["lng"]),
        updated_at=m["updated_at"],
        order_id=m["order_id"],
        version=m["version"],
    )


def _limit(limit: int) -> int:
    # SQLite reads a negative LIMIT as "no limit" and PostgreSQL refuses it.
    return max(limit, 0)


class SqlRiders:
    def __init__(self, db: Database) -> None:
        self._db = db

    def _many(self, statement: sa.Select[*tuple[object, ...]]) -> list[Rider]:
        with self._db.reading() as c:
            return [_rider(m) for m in c.execute(statement).mappings()]

    def add(self, rider: Rider) -> None:
        with self._db.writing() as c:
            insert_new(c, riders, _row(rider))

    def get(self, rider_id: int) -> Rider | None:
        found = self._many(sa.select(riders).where(_r.rider_id == rider_id))
        return found[0] if found else None

    def save(self, rider: Rider, expected_version: int) -> bool:
        with self._db.writing() as c:
            moved = c.execute(
                sa.update(riders)
                .where(_r.rider_id == rider.rider_id, _r.version == expected_version)
                .values(_row(rider))
            )
            return moved.rowcount == 1

    def list_free(self, city_pincode: str, limit: int) -> list[Rider]:
        return self._many(
            sa.select(riders)
            .where(_r.city_pincode == city_pincode, _r.order_id.is_(None))
            .order_by(_r.rider_id)
            .limit(_limit(limit))
        )

    def holding(self, order_id: int) -> Rider | None:
        # Two riders hold one order only while a lost hand-over gives one back: either.
        found = self._many(
            sa.select(riders).where(_r.order_id == order_id).order_by(_r.rider_id).limit(1)
        )
        return found[0] if found else None

    def list_busy(self, updated_before: datetime, limit: int) -> list[Rider]:
        return self._many(
            sa.select(riders)
            .where(_r.order_id.is_not(None), _r.updated_at < updated_before)
            .order_by(_r.updated_at, _r.rider_id)
            .limit(_limit(limit))
        )
