"""A deterministic in-process payment gateway: the test cards, UPI and COD rules of
docs/design.md §7, idempotency per key, one success per order, and injectable faults."""

from __future__ import annotations

import enum
import hashlib
import threading
import time
from collections.abc import Callable

from adapters import cards
from food_core.errors import (
    IdempotencyKeyReused,
    NotFound,
    OrderAlreadyPaid,
    PaymentUnavailable,
)
from food_core.model import CardSummary, PaymentMode, PaymentStatus
from food_core.ports import ChargeRequest, Clock, GatewayPayment


class Fault(enum.Enum):
    """What a fault hook may make of one charge."""

    UNAVAILABLE = "unavailable"  # refused before anything happened
    TIMEOUT_AFTER_CHARGE = "timeout_after_charge"  # charged, but the answer is lost


FaultHook = Callable[[ChargeRequest], Fault | None]


def _request_digest(request: ChargeRequest) -> str:
    card = request.card
    parts = [
        str(request.order_id),
        str(request.amount),
        request.payment_mode.value,
        request.merchant_reference,
        cards.normalize_number(card.number) if card else "",
        f"{card.exp_month}/{card.exp_year}/{card.cvc}" if card else "",
        request.upi.vpa if request.upi else "",
    ]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


class FakePaymentGateway:
    def __init__(
        self,
        clock: Clock,
        *,
        latency_s: float = 0.0,
        fault: FaultHook | None = None,
    ) -> None:
        self._clock = clock
        self._latency_s = latency_s
        self._fault = fault
        self._lock = threading.Lock()
        self._by_key: dict[str, tuple[str, GatewayPayment]] = {}
        self._by_reference: dict[str, GatewayPayment] = {}
        self._by_order: dict[int, list[str]] = {}
        self._paid_orders: set[int] = set()
        self._refund_keys: set[str] = set()
        self._next = 0

    def charge(self, request: ChargeRequest) -> GatewayPayment:
        if self._latency_s:
            time.sleep(self._latency_s)
        fault = self._fault(request) if self._fault else None
        if fault is Fault.UNAVAILABLE:
            raise PaymentUnavailable("the payment service did not answer")
        digest = _request_digest(request)
        with self._lock:
            stored = self._by_key.get(request.idempotency_key)
            if stored is not None:
                if stored[0] != digest:
                    raise IdempotencyKeyReused(
                        "this Idempotency-Key was already used for a different payment",
                        field="Idempotency-Key",
                    )
                result = stored[1]
            else:
                result = self._process(request)
                self._by_key[request.idempotency_key] = (digest, result)
        if fault is Fault.TIMEOUT_AFTER_CHARGE:
            raise PaymentUnavailable("the payment service did not answer in time")
        return result

    def _process(self, request: ChargeRequest) -> GatewayPayment:
        today = self._clock.now().date()
        card_summary = None
        failure: str | None = None
        if request.payment_mode is PaymentMode.CARD:
            assert request.card is not None
            brand = cards.check_card(request.card, today)
            card_summary = CardSummary(brand, request.card.number[-4:])
            failure = cards.card_decline(request.card)
        elif request.payment_mode is PaymentMode.UPI:
            assert request.upi is not None
            cards.check_vpa(request.upi)
            failure = "upi_declined" if request.upi.vpa == cards.FAILING_VPA else None
        if request.order_id in self._paid_orders:
            raise OrderAlreadyPaid(f"order {request.order_id} is already paid", field="order_id")
        if request.payment_mode is PaymentMode.COD:
            status = PaymentStatus.PENDING
        elif failure is None:
            status = PaymentStatus.SUCCEEDED
            self._paid_orders.add(request.order_id)
        else:
            status = PaymentStatus.FAILED
        self._next += 1
        payment = GatewayPayment(
            reference=f"pay_fake{self._next:012d}",
            order_id=request.order_id,
            amount=request.amount,
            payment_mode=request.payment_mode,
            payment_status=status,
            merchant_reference=request.merchant_reference,
            failure_code=failure,
            card=card_summary,
        )
        self._by_reference[payment.reference] = payment
        self._by_order.setdefault(request.order_id, []).append(payment.reference)
        return payment

    def payments_for_order(self, order_id: int) -> list[GatewayPayment]:
        with self._lock:
            return [self._by_reference[r] for r in self._by_order.get(order_id, [])]

    def refund(self, reference: str, idempotency_key: str) -> GatewayPayment:
        with self._lock:
            payment = self._by_reference.get(reference)
            if payment is None:
                raise NotFound(f"payment {reference} not found", field="payment_id")
            if payment.payment_status is PaymentStatus.SUCCEEDED:
                payment = GatewayPayment(
                    reference=payment.reference,
                    order_id=payment.order_id,
                    amount=payment.amount,
                    payment_mode=payment.payment_mode,
                    payment_status=PaymentStatus.REFUNDED,
                    merchant_reference=payment.merchant_reference,
                    card=payment.card,
                )
                self._by_reference[reference] = payment
                self._refund_keys.add(idempotency_key)
            return payment

    def close(self) -> None:
        return None  # nothing held outside this object

    # --- for audits in tests and simulations -----------------------------------------

    def successful_charges(self) -> dict[int, int]:
        """order_id → number of SUCCEEDED or REFUNDED charges the gateway holds."""
        counts: dict[int, int] = {}
        with self._lock:
            for payment in self._by_reference.values():
                if payment.payment_status in (PaymentStatus.SUCCEEDED, PaymentStatus.REFUNDED):
                    counts[payment.order_id] = counts.get(payment.order_id, 0) + 1
        return counts
