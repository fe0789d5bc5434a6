"""The address book."""

from __future__ import annotations

import sqlalchemy as sa

from adapters.sql.database import Database, upsert
from adapters.sql.tables import addresses
from food_core.model import Address


def _address(m: sa.RowMapping) -> Address:
    return Address(
        address_id=m["address_id"],
        user=m["user_id"],
        label=m["label"],
        line1=m["line1"],
        line2=m["line2"],
        landmark=m["landmark"],
        city_name=m["city_name"],
        pincode=m["pincode"],
    )


class SqlAddresses:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, address: Address) -> None:
        row = {
            "address_id": address.address_id,
            "user_id": address.user,
            "label": address.label,
            "line1": address.line1,
            "line2": address.line2,
            "landmark": address.landmark,
            "city_name": address.city_name,
            "pincode": address.pincode,
        }
        with self._db.writing() as c:
            upsert(c, addresses, [row], ["address_id"])

    def get(self, address_id: int) -> Address | None:
        with self._db.reading() as c:
            m = (
                c.execute(sa.select(addresses).where(addresses.c.address_id == address_id))
                .mappings()
                .first()
            )
        return None if m is None else _address(m)

    def list_for_user(self, user_id: int) -> list[Address]:
        with self._db.reading() as c:
            rows = c.execute(
                sa.select(addresses)
                .where(addresses.c.user_id == user_id)
                .order_by(addresses.c.address_id)
            ).mappings()
            return [_address(m) for m in rows]

    def delete(self, address_id: int, user_id: int) -> bool:
        with self._db.writing() as c:
            result = c.execute(
                sa.delete(addresses).where(
                    addresses.c.address_id == address_id, addresses.c.user_id == user_id
                )
            )
            return result.rowcount == 1
