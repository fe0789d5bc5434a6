"""The payment gateway port (the payments microservice, or a fake)."""

from __future__ import annotations

from typing import Protocol

from attrs import frozen

from food_core.model import CardDetails, CardSummary, PaymentMode, PaymentStatus, UpiDetails


@frozen
class ChargeRequest:
    order_id: int
    amount: int  # paise
    payment_mode: PaymentMode
    idempotency_key: str
    # Our payment_id, echoed back so reconciliation can match gateway records to attempts.
    merchant_reference: str
    card: CardDetails | None = None
    upi: UpiDetails | None = None
    currency: str = "INR"


@frozen
class GatewayPayment:
    reference: str  # the gateway's payment id
    order_id: int
    amount: int
    payment_mode: PaymentMode
    payment_status: PaymentStatus
    merchant_reference: str | None = None
    failure_code: str | None = None
    card: CardSummary | None = None


class PaymentGateway(Protocol):
    def charge(self, request: ChargeRequest) -> GatewayPayment:
        """Charge once per idempotency key. A decline is a FAILED result, not an error.

        Raises ``InvalidPaymentDetails`` (bad card/UPI data, nothing charged),
        ``OrderAlreadyPaid`` (the gateway holds a success for this order),
        ``RequestInProgress`` (same key still running) and ``PaymentUnavailable``
        (no answer: the outcome is unknown and must be reconciled)."""
        ...

    def payments_for_order(self, order_id: int) -> list[GatewayPayment]:
        """What the gateway knows of this order; raises ``PaymentUnavailable``."""
        ...

    def refund(self, reference: str, idempotency_key: str) -> GatewayPayment:
        """Refund in full, once per key; raises ``PaymentUnavailable``."""
        ...

    def close(self) -> None:
        """Let go of what the gateway holds (an HTTP client's connections); it is not
        used afterwards. Nothing to do for an in-process gateway."""
        ...
