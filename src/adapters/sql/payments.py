"""Payment attempts: claimed under the unique (order, idempotency key), updated by
compare-and-set on ``payment_status``."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from adapters.sql.database import Database
from adapters.sql.tables import payments
from food_core.model import CardSummary, Payment, PaymentMode, PaymentStatus

_p = payments.c


def _row(payment: Payment) -> dict[str, object]:
    card = payment.card
    return {
        "payment_id": payment.payment_id,
        "order_id": payment.order_id,
        "idempotency_key": payment.idempotency_key,
        "request_fingerprint": payment.request_fingerprint,
        "payment_mode": payment.payment_mode.value,
        "amount": payment.amount,
        "currency": payment.currency,
        "payment_status": payment.payment_status.value,
        "failure_code": payment.failure_code,
        "card_brand": None if card is None else card.brand,
        "card_last4": None if card is None else card.last4,
        "gateway_reference": payment.gateway_reference,
        "created_at": payment.created_at,
        "updated_at": payment.updated_at,
    }


def _payment(m: sa.RowMapping) -> Payment:
    brand = m["card_brand"]
    return Payment(
        payment_id=m["payment_id"],
        order_id=m["order_id"],
        payment_mode=PaymentMode(m["payment_mode"]),
        amount=m["amount"],
        payment_status=PaymentStatus(m["payment_status"]),
        idempotency_key=m["idempotency_key"],
        request_fingerprint=m["request_fingerprint"],
        created_at=m["created_at"],
        updated_at=m["updated_at"],
        failure_code=m["failure_code"],
        card=None if brand is None else CardSummary(brand, m["card_last4"]),
        gateway_reference=m["gateway_reference"],
        currency=m["currency"],
    )


class SqlPayments:
    def __init__(self, db: Database) -> None:
        self._db = db

    def claim(self, payment: Payment) -> Payment:
        try:
            with self._db.writing() as c:
                c.execute(sa.insert(payments).values(_row(payment)))
        except IntegrityError:
            stored = self.get_by_key(payment.order_id, payment.idempotency_key)
            if stored is None:
                raise  # not the idempotency key (a reused payment_id): a real error
            return stored
        return payment

    def _select(self, statement: sa.Select[*tuple[object, ...]]) -> list[Payment]:
        with self._db.reading() as c:
            return [_payment(m) for m in c.execute(statement).mappings()]

    def get(self, payment_id: int) -> Payment | None:
        found = self._select(sa.select(payments).where(_p.payment_id == payment_id))
        return found[0] if found else None

    def get_by_key(self, order_id: int, idempotency_key: str) -> Payment | None:
        found = self._select(
            sa.select(payments).where(
                _p.order_id == order_id, _p.idempotency_key == idempotency_key
            )
        )
        return found[0] if found else None

    def list_for_order(self, order_id: int) -> list[Payment]:
        return self._select(
            sa.select(payments).where(_p.order_id == order_id).order_by(_p.payment_id)
        )

    def list_pending(self, created_before: datetime, limit: int) -> list[Payment]:
        return self._select(
            sa.select(payments)
            .where(
                _p.payment_status == PaymentStatus.PENDING.value,
                # Outcome unknown: a payment the gateway recorded (COD) has a reference.
                _p.gateway_reference.is_(None),
                _p.created_at < created_before,
            )
            .order_by(_p.payment_id)
            .limit(max(limit, 0))
        )

    def update(self, payment: Payment, expected: PaymentStatus) -> bool:
        with self._db.writing() as c:
            result = c.execute(
                sa.update(payments)
                .where(_p.payment_id == payment.payment_id, _p.payment_status == expected.value)
                .values(_row(payment))
            )
            return result.rowcount == 1
