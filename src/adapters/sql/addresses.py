"""The address book.

``add`` with a ``limit`` counts the user's addresses and inserts in one write
transaction that concurrent adds for the same user cannot interleave with: SQLite's
write transactions are serialized (``BEGIN IMMEDIATE``), and on PostgreSQL the
transaction first takes an advisory lock on the user's address book (READ COMMITTED
alone would let two adds both count 19 and both insert).
"""

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


# PostgreSQL advisory locks: (namespace, key); users sharing a key merely wait for each
# other.
_ADDRESS_BOOK_LOCKS = 0x0ADD
_LOCK_KEYS = 1 << 31


class SqlAddresses:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, address: Address, limit: int | None = None) -> bool:
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
        a = addresses.c
        with self._db.writing() as c:
            if limit is not None:
                if c.dialect.name == "postgresql":
                    c.execute(
                        sa.select(
                            sa.func.pg_advisory_xact_lock(
                                _ADDRESS_BOOK_LOCKS, address.user % _LOCK_KEYS
                            )
                        )
                    )
                others = c.execute(
                    sa.select(sa.func.count()).where(
                        a.user_id == address.user, a.address_id != address.address_id
                    )
                ).scalar_one()
                if others >= limit:
                    return False
            upsert(c, addresses, [row], ["address_id"])
        return True

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
