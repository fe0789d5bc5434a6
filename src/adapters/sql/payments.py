"""Payment attempts as rows of the ``payments`` table: written only with their order
(``orders``), read with it, one query for a whole page of orders."""

from __future__ import annotations

from collections.abc import Collection

import sqlalchemy as sa

from adapters.sql.tables import payments
from food_core.model import CardSummary, Payment, PaymentMode, PaymentStatus

_p = payments.c


def attempt_row(payment: Payment) -> dict[str, object]:
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


def _attempt(m: sa.RowMapping) -> Payment:
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


def attempts_by_order(
    connection: sa.Connection, order_ids: Collection[int]
) -> dict[int, list[Payment]]:
    """The attempts of these orders, oldest first, by order id."""
    if not order_ids:
        return {}
    found: dict[int, list[Payment]] = {}
    rows = connection.execute(
        sa.select(payments).where(_p.order_id.in_(order_ids)).order_by(_p.payment_id)
    ).mappings()
    for m in rows:
        found.setdefault(m["order_id"], []).append(_attempt(m))
    return found
