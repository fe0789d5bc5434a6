"""Orders: claimed by an insert under the unique (user_id, idempotency_key), moved by
``find_one_and_update`` filtered on the expected status.

Counting confirmed orders without a multi-document transaction
--------------------------------------------------------------
The port asks that moving an order into CONFIRMED increments the customer's
``total_orders`` exactly once. The order and the user are two documents, so the count
is an idempotent follow-up of the one atomic write, in three steps:

1. The status compare-and-set also sets ``count_pending: true`` on the order. Only one
   caller can win it, and an order enters CONFIRMED at most once (nothing leads back).
2. ``users.update_one({_id, counted_orders: {$ne: order_id}}, {$inc: {total_orders: 1},
   $push: {counted_orders: order_id}})`` — one atomic single-document update that both
   counts the order and remembers that it did, so running it again is a no-op.
3. ``$unset`` the order's ``count_pending``.

A crash after 1 leaves the flag; :meth:`MongoOrders.settle_pending_counts` (run at
startup and by the reconciliation sweep) re-runs 2 and 3 for every flagged order, and 2
cannot count twice. ``counted_orders`` keeps only the newest ``COUNTED_WINDOW`` ids
(``$slice``) so the user document stays small: double counting would need a crash to
stay unsettled while the same customer confirms that many more orders.
Between 1 and 2 a reader may briefly see the order confirmed but not yet counted.
"""

from __future__ import annotations

from collections.abc import Collection

from pymongo import DESCENDING
from pymongo.cursor import Cursor
from pymongo.database import Database
from pymongo.errors import PyMongoError

from adapters.mongo.codec import from_document, to_document
from adapters.mongo.schema import ORDERS, USERS, Document, is_duplicate_key
from food_core.model import Order, OrderStatus, PaymentStatus

COUNTED_WINDOW = 200


def _fields(order: Order) -> Document:
    """The order's own fields plus the top-level copies its queries filter on."""
    payment = order.payment
    return {
        **to_document(order),
        "restaurant_id": order.restaurant.restaurant_id,
        "payment_status": None if payment is None else payment.payment_status.value,
    }


class MongoOrders:
    def __init__(self, db: Database[Document]) -> None:
        self._orders = db[ORDERS]
        self._users = db[USERS]

    def claim(self, order: Order) -> Order:
        try:
            self._orders.insert_one({"_id": order.order_id, **_fields(order)})
        except PyMongoError as error:
            if not is_duplicate_key(error):
                raise
            stored = self.get_by_key(order.user, order.idempotency_key)
            if stored is None:
                raise  # not the idempotency key (a reused order_id): a real error
            return stored
        return order

    def get(self, order_id: int) -> Order | None:
        document = self._orders.find_one({"_id": order_id})
        return None if document is None else from_document(document, Order)

    def get_by_key(self, user_id: int, idempotency_key: str) -> Order | None:
        document = self._orders.find_one({"user_id": user_id, "idempotency_key": idempotency_key})
        return None if document is None else from_document(document, Order)

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

    def list_refunds_due(self, limit: int) -> list[Order]:
        where = {
            "order_status": OrderStatus.CANCELLED.value,
            "payment_status": PaymentStatus.SUCCEEDED.value,
        }
        return self._list(self._orders.find(where).sort("_id", 1), limit)

    def transition(self, order: Order, expected: OrderStatus) -> bool:
        confirming = (
            order.order_status is OrderStatus.CONFIRMED and expected is not OrderStatus.CONFIRMED
        )
        fields = _fields(order)
        if confirming:
            fields["count_pending"] = True
        # $set (not a replacement) so a count_pending left by a crash survives later moves.
        # No projection: FerretDB 1.24 has not implemented findAndModify's "fields".
        moved = self._orders.find_one_and_update(
            {"_id": order.order_id, "order_status": expected.value}, {"$set": fields}
        )
        if moved is None:
            return False
        if confirming:
            self._count(order.order_id, order.user)
        return True

    def _count(self, order_id: int, user_id: int) -> None:
        """Steps 2 and 3 above; safe to run any number of times."""
        self._users.update_one(
            {"_id": user_id, "counted_orders": {"$ne": order_id}},
            {
                "$inc": {"total_orders": 1},
                "$push": {"counted_orders": {"$each": [order_id], "$slice": -COUNTED_WINDOW}},
            },
        )
        self._orders.update_one({"_id": order_id}, {"$unset": {"count_pending": ""}})

    def settle_pending_counts(self) -> int:
        """Finish counting every order a crash left flagged; returns how many."""
        settled = 0
        for document in self._orders.find({"count_pending": True}, {"user_id": True}):
            self._count(document["_id"], document["user_id"])
            settled += 1
        return settled
