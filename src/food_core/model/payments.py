"""Payments: what we record of each attempt, and the card/UPI details we pass through."""

from __future__ import annotations

from datetime import datetime

from attrs import evolve, field, frozen, validators

from food_core.model.status import (
    PAYMENT_TRANSITIONS,
    PaymentMode,
    PaymentStatus,
    check_transition,
)


@frozen
class CardDetails:
    """Card data on its way to the gateway. Never stored, never logged (hidden from repr)."""

    number: str = field(repr=False)
    exp_month: int
    exp_year: int
    cvc: str = field(repr=False)
    name: str = ""

    @property
    def last4(self) -> str:
        return self.number[-4:]


@frozen
class UpiDetails:
    vpa: str


@frozen
class CardSummary:
    """All we ever keep of a card."""

    brand: str
    last4: str


@frozen
class Payment:
    """One payment attempt for one order."""

    payment_id: int
    order_id: int
    payment_mode: PaymentMode
    amount: int = field(validator=validators.gt(0))  # paise
    payment_status: PaymentStatus
    idempotency_key: str
    request_fingerprint: str
    created_at: datetime
    updated_at: datetime
    failure_code: str | None = None
    card: CardSummary | None = None
    gateway_reference: str | None = None
    currency: str = "INR"

    def _moved(self, status: PaymentStatus, now: datetime, **changes: object) -> Payment:
        check_transition(PAYMENT_TRANSITIONS, self.payment_status, status, what="payment_status")
        return evolve(self, payment_status=status, updated_at=now, **changes)  # type: ignore[arg-type]

    def succeeded(
        self, now: datetime, *, gateway_reference: str | None, card: CardSummary | None
    ) -> Payment:
        return self._moved(
            PaymentStatus.SUCCEEDED,
            now,
            gateway_reference=gateway_reference,
            card=card or self.card,
            failure_code=None,
        )

    def failed(
        self, now: datetime, *, failure_code: str, gateway_reference: str | None = None
    ) -> Payment:
        return self._moved(
            PaymentStatus.FAILED,
            now,
            failure_code=failure_code,
            gateway_reference=gateway_reference or self.gateway_reference,
        )

    def refunded(self, now: datetime) -> Payment:
        return self._moved(PaymentStatus.REFUNDED, now)

    def recorded_by_gateway(self, gateway_reference: str, card: CardSummary | None) -> Payment:
        """A still-pending attempt (COD) that the gateway has recorded."""
        return evolve(self, gateway_reference=gateway_reference, card=card or self.card)
