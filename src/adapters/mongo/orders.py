"""Orders, one document each holding the whole aggregate (items, delivery, every payment
attempt): placed by an insert under two unique claims, (user, idempotency key) and
(user, cart version), then changed by compare-and-set on ``version`` (``moves``).

Lookups on the checkout path are by ``_id`` only — the one lookup FerretDB 1.24 answers
from an index. The rest are filters on top-level copies (``restaurant_id``,
``needs_attention``, ``awaiting_rider``, ``ever_confirmed``): index seeks on MongoDB; on
FerretDB a sequential scan of the collection in PostgreSQL (its pushdown cannot use an
index), which only the order history, the kitchen list and day, the sweep, dispatch's
queue and a replay whose cart has changed pay (docs/performance.md).
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from pymongo import DESCENDING
from pymongo.cursor import Cursor
from pymongo.database import Database
from pymongo.errors import PyMongoError

from adapters.mongo.codec import from_document, to_document
from adapters.mongo.moves import Versioned
from adapters.mongo.schema import (
    ORDER_MOVES,
    ORDERS,
    Document,
    is_duplicate_key,
    no_coupon_claim,
)
from adapters.stored_time import datetime_text
from food_core.errors import CouponUseTaken
from food_core.model import PAYABLE_STATUSES, Order, OrderStatus, coupon_claims


def order_fields(order: Order) -> Document:
    """The order's own fields plus the top-level copies its queries filter on."""
    return {
        **to_document(order),
        "restaurant_id": order.restaurant.restaurant_id,
        "needs_attention": order.needs_attention,
        "awaiting_rider": order.awaiting_rider,
        "ever_confirmed": order.confirmed_at is not None,
        "coupon_claim": _coupon_claim(order),
    }


def _coupon_claim(order: Order) -> str:
    claim = order.coupon_claim
    return no_coupon_claim(order.order_id) if claim is None else claim


class MongoOrders:
    def __init__(self, db: Database[Document]) -> None:
        self._orders = db[ORDERS]
        self._versions = Versioned(self._orders, db[ORDER_MOVES])

    def add(self, order: Order) -> Order:
        try:
            self._versions.insert(order.order_id, order_fields(order))
        except PyMongoError as error:
            if not is_duplicate_key(error):
                raise
            stored = self.get_by_key(order.user, order.idempotency_key) or self.get_by_cart(
                order.user, order.cart_version
            )
            if stored is not None:
                return stored
            claim = {"user_id": order.user, "coupon_claim": _coupon_claim(order)}
            if order.coupon is not None and self._first(claim) is not None:
                raise CouponUseTaken(f"another order holds {claim['coupon_claim']}") from None
            raise  # not a claim (a reused order_id): a real error
        return order

    def coupon_uses_held(self, user_id: int, code: str, slots: int) -> set[int]:
        claims = coupon_claims(code, slots)
        found = self._orders.find(
            {"user_id": user_id, "coupon_claim": {"$in": list(claims)}}, {"coupon_claim": True}
        )
        return {claims[d["coupon_claim"]] for d in found}

    def _first(self, where: Document) -> Order | None:
        document = self._orders.find_one(where)
        return None if document is None else from_document(document, Order)

    def get(self, order_id: int) -> Order | None:
        return self._first({"_id": order_id})

    def get_by_key(self, user_id: int, idempotency_key: str) -> Order | None:
        return self._first({"user_id": user_id, "idempotency_key": idempotency_key})

    def get_by_cart(self, user_id: int, cart_version: int) -> Order | None:
        return self._first({"user_id": user_id, "cart_version": cart_version})

    def save(self, order: Order, expected_version: int) -> bool:
        return self._versions.save(order.order_id, expected_version, order_fields(order))

    def _list(self, found: Cursor[Document], limit: int) -> list[Order]:
        if limit <= 0:
            return []  # pymongo reads limit 0 as "no limit", a negative one as one batch
        return [from_document(d, Order) for d in found.limit(limit)]

    def list_for_user(self, user_id: int, limit: int, before: int | None = None) -> list[Order]:
        where: Document = {"user_id": user_id}
        if before is not None:
            where["_id"] = {"$lt": before}
        return self._list(self._orders.find(where).sort("_id", DESCENDING), limit)

    def list_for_restaurant(
        self, restaurant_id: int, statuses: Collection[OrderStatus], limit: int
    ) -> list[Order]:
        where = {
            "restaurant_id": restaurant_id,
            "order_status": {"$in": [status.value for status in statuses]},
        }
        return self._list(self._orders.find(where).sort("_id", 1), limit)

    def list_unpaid(self, updated_before: datetime, limit: int) -> list[Order]:
        return self._waiting(PAYABLE_STATUSES, updated_before, limit)

    def list_unaccepted(self, updated_before: datetime, limit: int) -> list[Order]:
        return self._waiting({OrderStatus.CONFIRMED}, updated_before, limit)

    def _waiting(
        self, statuses: Collection[OrderStatus], updated_before: datetime, limit: int
    ) -> list[Order]:
        """Orders in ``statuses`` unchanged since ``updated_before`` (index "unpaid":
        status, updated_at, _id)."""
        where = {
            "order_status": {"$in": [s.value for s in statuses]},
            # Fixed-width UTC text compares in time order (see codec).
            "updated_at": {"$lt": datetime_text(updated_before)},
        }
        found = self._orders.find(where).sort([("updated_at", 1), ("_id", 1)])
        return self._list(found, limit)

    def list_needing_attention(self, limit: int) -> list[Order]:
        return self._list(self._orders.find({"needs_attention": True}).sort("_id", 1), limit)

    def list_awaiting_rider(self, limit: int, city_pincode: str | None = None) -> list[Order]:
        """Index "awaiting_rider"; the city, if given, is filtered among the few waiting."""
        where: Document = {"awaiting_rider": True}
        if city_pincode is not None:
            where["delivery.city_pincode"] = city_pincode
        return self._list(self._orders.find(where).sort("_id", 1), limit)

    def list_placed_since(self, restaurant_id: int, since: datetime, limit: int) -> list[Order]:
        """Index "placed_since" (restaurant, created_at, _id): a range of one restaurant's
        orders, sorted by id (a day's, at most a few thousand)."""
        where = {"restaurant_id": restaurant_id, "created_at": {"$gte": datetime_text(since)}}
        return self._list(self._orders.find(where).sort("_id", 1), limit)

    def count_confirmed(self, user_id: int) -> int:
        """How many of the user's orders were ever confirmed (users.total_orders)."""
        return self._orders.count_documents({"user_id": user_id, "ever_confirmed": True})
