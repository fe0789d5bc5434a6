"""Orders: claimed by an insert under the unique (user_id, idempotency_key), moved by
compare-and-set on the status (``moves``: atomic on MongoDB and FerretDB alike).

Counting confirmed orders exactly once, without transactions or ``$inc``: a move into
CONFIRMED records ``counts_for: <user_id>``, and a user's ``total_orders`` is the count
stored at sign-up plus the number of such moves (``users``). The count therefore
changes in the very insert that commits the transition — there is no second write to
lose or repeat — and an order enters CONFIRMED through one move at most, because only
one move can leave each revision. As in the reference, only an existing user is counted.
"""

from __future__ import annotations

from collections.abc import Collection

from pymongo import DESCENDING
from pymongo.cursor import Cursor
from pymongo.database import Database
from pymongo.errors import PyMongoError

from adapters.mongo.codec import from_document, to_document
from adapters.mongo.moves import REV, Moves
from adapters.mongo.schema import ORDER_MOVES, ORDERS, USERS, Document, is_duplicate_key
from food_core.model import Order, OrderStatus, PaymentStatus


def order_fields(order: Order) -> Document:
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
        self._moves = Moves(self._orders, db[ORDER_MOVES])

    def claim(self, order: Order) -> Order:
        try:
            self._orders.insert_one({"_id": order.order_id, **order_fields(order), REV: 0})
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
        note: Document = {}
        confirming = (
            order.order_status is OrderStatus.CONFIRMED and expected is not OrderStatus.CONFIRMED
        )
        if confirming and self._users.find_one({"_id": order.user}, {"_id": True}) is not None:
            note["counts_for"] = order.user
        return self._moves.compare_and_set(
            order.order_id,
            lambda current: current["order_status"] == expected.value,
            order_fields(order),
            note,
        )

    def settle(self) -> int:
        return self._moves.settle()
