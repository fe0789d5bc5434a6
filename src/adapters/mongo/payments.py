"""Payment attempts: claimed under the unique (order_id, idempotency_key), updated by
compare-and-set on ``payment_status`` (``moves``: atomic on MongoDB and FerretDB alike)."""

from __future__ import annotations

from datetime import datetime

from pymongo.database import Database
from pymongo.errors import PyMongoError

from adapters.mongo.codec import datetime_text, from_document, to_document
from adapters.mongo.moves import REV, Moves
from adapters.mongo.schema import PAYMENT_MOVES, PAYMENTS, Document, is_duplicate_key
from food_core.model import Payment, PaymentStatus


class MongoPayments:
    def __init__(self, db: Database[Document]) -> None:
        self._payments = db[PAYMENTS]
        self._moves = Moves(self._payments, db[PAYMENT_MOVES])

    def claim(self, payment: Payment) -> Payment:
        try:
            self._payments.insert_one({"_id": payment.payment_id, **to_document(payment), REV: 0})
        except PyMongoError as error:
            if not is_duplicate_key(error):
                raise
            stored = self.get_by_key(payment.order_id, payment.idempotency_key)
            if stored is None:
                raise  # not the idempotency key (a reused payment_id): a real error
            return stored
        return payment

    def get(self, payment_id: int) -> Payment | None:
        document = self._payments.find_one({"_id": payment_id})
        return None if document is None else from_document(document, Payment)

    def get_by_key(self, order_id: int, idempotency_key: str) -> Payment | None:
        document = self._payments.find_one(
            {"order_id": order_id, "idempotency_key": idempotency_key}
        )
        return None if document is None else from_document(document, Payment)

    def list_for_order(self, order_id: int) -> list[Payment]:
        found = self._payments.find({"order_id": order_id}).sort("_id", 1)
        return [from_document(d, Payment) for d in found]

    def list_pending(self, created_before: datetime, limit: int) -> list[Payment]:
        if limit <= 0:
            return []  # pymongo reads limit 0 as "no limit"
        found = (
            self._payments.find(
                {
                    "payment_status": PaymentStatus.PENDING.value,
                    # Outcome unknown: a payment the gateway recorded (COD) has a reference.
                    "gateway_reference": None,
                    # Fixed-width UTC text compares in time order (see codec).
                    "created_at": {"$lt": datetime_text(created_before)},
                }
            )
            .sort("_id", 1)
            .limit(limit)
        )
        return [from_document(d, Payment) for d in found]

    def update(self, payment: Payment, expected: PaymentStatus) -> bool:
        return self._moves.compare_and_set(
            payment.payment_id,
            lambda current: current["payment_status"] == expected.value,
            to_document(payment),
        )

    def settle(self) -> int:
        return self._moves.settle()
