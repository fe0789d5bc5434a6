"""Orders: claimed by an insert under the unique (user, idempotency key), moved by
compare-and-set on the status; confirming also counts the order in ``total_orders``."""

from __future__ import annotations

from collections.abc import Collection

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from adapters.sql.codec import from_json, to_json
from adapters.sql.database import Database
from adapters.sql.tables import orders, users
from food_core.model import (
    Address,
    Delivery,
    Order,
    OrderItem,
    OrderStatus,
    Payment,
    PaymentMode,
    PaymentStatus,
    RestaurantRef,
)

_o = orders.c


def _row(order: Order) -> dict[str, object]:
    payment = order.payment
    return {
        "order_id": order.order_id,
        "user_id": order.user,
        "idempotency_key": order.idempotency_key,
        "request_fingerprint": order.request_fingerprint,
        "restaurant_id": order.restaurant.restaurant_id,
        "restaurant_name": order.restaurant.restaurant_name,
        "order_status": order.order_status.value,
        "payment_mode": order.payment_mode.value,
        "payment_status": None if payment is None else payment.payment_status.value,
        "currency": order.currency,
        "created_at": order.created_at,
        "updated_at": order.updated_at,
        "items": to_json(order.items),
        "delivery_address": to_json(order.delivery_address),
        "delivery": to_json(order.delivery),
        "payment": to_json(payment),
    }


def _order(m: sa.RowMapping) -> Order:
    delivery, payment = m["delivery"], m["payment"]
    return Order(
        order_id=m["order_id"],
        user=m["user_id"],
        restaurant=RestaurantRef(m["restaurant_id"], m["restaurant_name"]),
        items=from_json(m["items"], tuple[OrderItem, ...]),
        order_status=OrderStatus(m["order_status"]),
        payment_mode=PaymentMode(m["payment_mode"]),
        delivery_address=from_json(m["delivery_address"], Address),
        idempotency_key=m["idempotency_key"],
        request_fingerprint=m["request_fingerprint"],
        created_at=m["created_at"],
        updated_at=m["updated_at"],
        delivery=None if delivery is None else from_json(delivery, Delivery),
        payment=None if payment is None else from_json(payment, Payment),
        currency=m["currency"],
    )


def _limit(limit: int) -> int:
    # SQLite reads a negative LIMIT as "no limit" and PostgreSQL refuses it.
    return max(limit, 0)


class SqlOrders:
    def __init__(self, db: Database) -> None:
        self._db = db

    def claim(self, order: Order) -> Order:
        try:
            with self._db.writing() as c:
                c.execute(sa.insert(orders).values(_row(order)))
        except IntegrityError:
            # The unique (user_id, idempotency_key) refused us: the stored order wins.
            stored = self.get_by_key(order.user, order.idempotency_key)
            if stored is None:
                raise  # some other constraint (a reused order_id): a real error
            return stored
        return order

    def _one(self, *where: sa.ColumnElement[bool]) -> Order | None:
        with self._db.reading() as c:
            m = c.execute(sa.select(orders).where(*where)).mappings().first()
        return None if m is None else _order(m)

    def get(self, order_id: int) -> Order | None:
        return self._one(_o.order_id == order_id)

    def get_by_key(self, user_id: int, idempotency_key: str) -> Order | None:
        return self._one(_o.user_id == user_id, _o.idempotency_key == idempotency_key)

    def _many(self, statement: sa.Select[*tuple[object, ...]]) -> list[Order]:
        with self._db.reading() as c:
            return [_order(m) for m in c.execute(statement).mappings()]

    def list_for_user(self, user_id: int, limit: int, before: int | None = None) -> list[Order]:
        statement = sa.select(orders).where(_o.user_id == user_id)
        if before is not None:
            statement = statement.where(_o.order_id < before)
        return self._many(statement.order_by(_o.order_id.desc()).limit(_limit(limit)))

    def list_for_restaurant(
        self, restaurant_id: int, statuses: Collection[OrderStatus], limit: int
    ) -> list[Order]:
        return self._many(
            sa.select(orders)
            .where(
                _o.restaurant_id == restaurant_id,
                _o.order_status.in_([status.value for status in statuses]),
            )
            .order_by(_o.order_id)
            .limit(_limit(limit))
        )

    def list_refunds_due(self, limit: int) -> list[Order]:
        return self._many(
            sa.select(orders)
            .where(
                _o.order_status == OrderStatus.CANCELLED.value,
                _o.payment_status == PaymentStatus.SUCCEEDED.value,
            )
            .order_by(_o.order_id)
            .limit(_limit(limit))
        )

    def transition(self, order: Order, expected: OrderStatus) -> bool:
        confirming = (
            order.order_status is OrderStatus.CONFIRMED and expected is not OrderStatus.CONFIRMED
        )
        with self._db.writing() as c:
            moved = c.execute(
                sa.update(orders)
                .where(_o.order_id == order.order_id, _o.order_status == expected.value)
                .values(_row(order))
            )
            if moved.rowcount != 1:
                return False  # someone else moved it first, or it is not there
            if confirming:
                # In the same transaction, and relative to the stored value: never a
                # read-modify-write of the count.
                c.execute(
                    sa.update(users)
                    .where(users.c.user_id == order.user)
                    .values(total_orders=users.c.total_orders + 1)
                )
        return True
