"""Carts, one per user, saved by compare-and-set on ``version``."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from adapters.sql.codec import from_json, to_json
from adapters.sql.database import Database
from adapters.sql.tables import carts
from food_core.model import Cart, CartLine, RestaurantRef


def _row(cart: Cart) -> dict[str, object]:
    restaurant = cart.restaurant
    return {
        "user_id": cart.user,
        "cart_id": cart.cart_id,
        "version": cart.version,
        "restaurant_id": None if restaurant is None else restaurant.restaurant_id,
        "restaurant_name": None if restaurant is None else restaurant.restaurant_name,
        "lines": to_json(cart.food_items),
        "placed_order": cart.placed_order,
        "coupon": cart.coupon,
        "tip": cart.tip,
    }


def _cart(m: sa.RowMapping) -> Cart:
    restaurant_id = m["restaurant_id"]
    return Cart(
        cart_id=m["cart_id"],
        user=m["user_id"],
        restaurant=None
        if restaurant_id is None
        else RestaurantRef(restaurant_id, m["restaurant_name"]),
        food_items=from_json(m["lines"], tuple[CartLine, ...]),
        version=m["version"],
        placed_order=m["placed_order"],
        coupon=m["coupon"],
        tip=m["tip"],
    )


class SqlCarts:
    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self, user_id: int) -> Cart | None:
        with self._db.reading() as c:
            m = c.execute(sa.select(carts).where(carts.c.user_id == user_id)).mappings().first()
        return None if m is None else _cart(m)

    def save(self, cart: Cart, expected_version: int | None) -> bool:
        row = _row(cart)
        if expected_version is None:
            # "Only if there is no cart yet" is the primary key refusing a second insert.
            try:
                with self._db.writing() as c:
                    c.execute(sa.insert(carts).values(row))
            except IntegrityError:
                return False
            return True
        with self._db.writing() as c:
            result = c.execute(
                sa.update(carts)
                .where(carts.c.user_id == cart.user, carts.c.version == expected_version)
                .values(row)
            )
            return result.rowcount == 1
