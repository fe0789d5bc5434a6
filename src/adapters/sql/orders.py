"""Orders and their payment attempts: one ``orders`` row and one ``payments`` row per
attempt, always written together in one transaction.

Placing is an insert under two unique keys — (user, idempotency key) and (user, cart
version) — and every later change a compare-and-set on ``version``: the order row is
updated only if it still has the version the change was made from, and then its
attempts' rows are inserted or updated in the same transaction.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from adapters.sql.codec import from_json, to_json
from adapters.sql.database import Database, upsert
from adapters.sql.payments import attempt_row, attempts_by_order
from adapters.sql.tables import orders, payments
from food_core.errors import CouponUseTaken
from food_core.model import (
    PAYABLE_STATUSES,
    Address,
    Bill,
    CancelReason,
    CouponUse,
    Delivery,
    Order,
    OrderItem,
    OrderStatus,
    Payment,
    PaymentMode,
    RestaurantRef,
    coupon_claims,
)

_o = orders.c


def _row(order: Order) -> dict[str, object]:
    return {
        "order_id": order.order_id,
        "user_id": order.user,
        "idempotency_key": order.idempotency_key,
        "request_fingerprint": order.request_fingerprint,
        "cart_version": order.cart_version,
        "version": order.version,
        "restaurant_id": order.restaurant.restaurant_id,
        "restaurant_name": order.restaurant.restaurant_name,
        "order_status": order.order_status.value,
        "payment_mode": order.payment_mode.value,
        "currency": order.currency,
        "created_at": order.created_at,
        "updated_at": order.updated_at,
        "confirmed_at": order.confirmed_at,
        "paid_by": order.paid_by,
        "cancel_reason": order.cancel_reason,
        "cancel_note": order.cancel_note,
        "accepted_at": order.accepted_at,
        "prep_minutes": order.prep_minutes,
        "ready_at": order.ready_at,
        "needs_attention": order.needs_attention,
        "awaiting_rider": order.awaiting_rider,
        "items": to_json(order.items),
        "delivery_address": to_json(order.delivery_address),
        "delivery": to_json(order.delivery),
        "bill": to_json(order.bill),
        "coupon": to_json(order.coupon),
        "coupon_claim": order.coupon_claim,
    }


def _order(m: sa.RowMapping, attempts: Sequence[Payment]) -> Order:
    delivery, bill, coupon = m["delivery"], m["bill"], m["coupon"]
    before_bills = {} if bill is None else {"bill": from_json(bill, Bill)}
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
        cart_version=m["cart_version"],
        delivery=None if delivery is None else from_json(delivery, Delivery),
        payments=tuple(attempts),
        confirmed_at=m["confirmed_at"],
        paid_by=m["paid_by"],
        cancel_reason=None if m["cancel_reason"] is None else CancelReason(m["cancel_reason"]),
        cancel_note=m["cancel_note"],
        accepted_at=m["accepted_at"],
        prep_minutes=m["prep_minutes"],
        ready_at=m["ready_at"],
        version=m["version"],
        currency=m["currency"],
        coupon=None if coupon is None else from_json(coupon, CouponUse),
        **before_bills,
    )


def _limit(limit: int) -> int:
    # SQLite reads a negative LIMIT as "no limit" and PostgreSQL refuses it.
    return max(limit, 0)


class SqlOrders:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, order: Order) -> Order:
        try:
            with self._db.writing() as c:
                c.execute(sa.insert(orders).values(_row(order)))
                if order.payments:
                    c.execute(sa.insert(payments), [attempt_row(p) for p in order.payments])
        except IntegrityError:
            # A unique claim refused us: the stored order wins (the key's first).
            stored = self.get_by_key(order.user, order.idempotency_key) or self.get_by_cart(
                order.user, order.cart_version
            )
            if stored is not None:
                return stored
            claim = order.coupon_claim
            if claim is not None and self._one(_o.user_id == order.user, _o.coupon_claim == claim):
                raise CouponUseTaken(f"another order holds the use {claim}") from None
            raise  # some other constraint (a reused order_id): a real error
        return order

    def coupon_uses_held(self, user_id: int, code: str, slots: int) -> set[int]:
        claims = coupon_claims(code, slots)
        with self._db.reading() as c:
            held = c.execute(
                sa.select(_o.coupon_claim).where(
                    _o.user_id == user_id, _o.coupon_claim.in_(list(claims))
                )
            ).scalars()
            return {claims[claim] for claim in held}

    def _many(self, statement: sa.Select[*tuple[object, ...]]) -> list[Order]:
        with self._db.reading() as c:
            rows = list(c.execute(statement).mappings())
            attempts = attempts_by_order(c, [m["order_id"] for m in rows])
        return [_order(m, attempts.get(m["order_id"], ())) for m in rows]

    def _one(self, *where: sa.ColumnElement[bool]) -> Order | None:
        found = self._many(sa.select(orders).where(*where))
        return found[0] if found else None

    def get(self, order_id: int) -> Order | None:
        return self._one(_o.order_id == order_id)

    def get_by_key(self, user_id: int, idempotency_key: str) -> Order | None:
        return self._one(_o.user_id == user_id, _o.idempotency_key == idempotency_key)

    def get_by_cart(self, user_id: int, cart_version: int) -> Order | None:
        return self._one(_o.user_id == user_id, _o.cart_version == cart_version)

    def save(self, order: Order, expected_version: int) -> bool:
        with self._db.writing() as c:
            moved = c.execute(
                sa.update(orders)
                .where(_o.order_id == order.order_id, _o.version == expected_version)
                .values(_row(order))
            )
            if moved.rowcount != 1:
                return False  # someone else changed it first, or it is not there
            # The attempts as the order now holds them (an order never drops one).
            upsert(c, payments, [attempt_row(p) for p in order.payments], ["payment_id"])
        return True

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

    def list_unpaid(self, updated_before: datetime, limit: int) -> list[Order]:
        return self._waiting(PAYABLE_STATUSES, updated_before, limit)

    def list_unaccepted(self, updated_before: datetime, limit: int) -> list[Order]:
        return self._waiting({OrderStatus.CONFIRMED}, updated_before, limit)

    def _waiting(
        self, statuses: Collection[OrderStatus], updated_before: datetime, limit: int
    ) -> list[Order]:
        """Orders in ``statuses`` unchanged since ``updated_before`` (index ix_orders_unpaid:
        status, updated_at, id)."""
        return self._many(
            sa.select(orders)
            .where(
                _o.order_status.in_([s.value for s in statuses]),
                _o.updated_at < updated_before,
            )
            .order_by(_o.updated_at, _o.order_id)
            .limit(_limit(limit))
        )

    def list_needing_attention(self, limit: int) -> list[Order]:
        return self._many(
            sa.select(orders)
            .where(_o.needs_attention.is_(True))
            .order_by(_o.order_id)
            .limit(_limit(limit))
        )

    def list_awaiting_rider(self, limit: int, city_pincode: str | None = None) -> list[Order]:
        """From ``ix_orders_awaiting_rider``; the city, if given, is read from the few
        waiting orders' delivery JSON."""
        where = [_o.awaiting_rider.is_(True)]
        if city_pincode is not None:
            where.append(_o.delivery["city_pincode"].as_string() == city_pincode)
        return self._many(
            sa.select(orders).where(*where).order_by(_o.order_id).limit(_limit(limit))
        )

    def list_placed_since(self, restaurant_id: int, since: datetime, limit: int) -> list[Order]:
        """From ``ix_orders_placed_since`` (restaurant, created_at, id): a range of one
        restaurant's orders, sorted by id (a day's, at most a few thousand)."""
        return self._many(
            sa.select(orders)
            .where(_o.restaurant_id == restaurant_id, _o.created_at >= since)
            .order_by(_o.order_id)
            .limit(_limit(limit))
        )
