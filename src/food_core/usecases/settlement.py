"""Applying a gateway outcome to a payment attempt and its order.

Shared by paying, placing (cash on delivery), cancelling and reconciliation. Every step
is a compare-and-set followed by idempotent follow-up, so running it twice — from a
replayed request and from the reconciliation sweep, say — changes nothing the second time.
"""

from __future__ import annotations

from datetime import datetime

from food_core.errors import ConcurrentUpdate, NotFound, PaymentUnavailable
from food_core.model import Order, OrderStatus, Payment, PaymentMode, PaymentStatus
from food_core.ports import ChargeRequest, GatewayPayment
from food_core.usecases.context import Ports
from food_core.usecases.idempotency import fingerprint

PAYABLE = frozenset({OrderStatus.PENDING_PAYMENT, OrderStatus.PAYMENT_FAILED})
_ATTEMPTS = 8


def gateway_key(order_id: int, client_key: str) -> str:
    """The key the gateway sees: derived from the order and the client's key (DESIGN §5)."""
    return f"order-{order_id}-{client_key}"


def new_attempt(
    ports: Ports, order: Order, mode: PaymentMode, client_key: str, request: str
) -> Payment:
    now = ports.clock.now()
    return Payment(
        payment_id=ports.ids.next_id(),
        order_id=order.order_id,
        payment_mode=mode,
        amount=order.total_amount,
        payment_status=PaymentStatus.PENDING,
        idempotency_key=client_key,
        request_fingerprint=request,
        created_at=now,
        updated_at=now,
    )


def _load(ports: Ports, order_id: int) -> Order:
    order = ports.orders.get(order_id)
    if order is None:
        raise NotFound(f"order {order_id} not found", field="order_id")
    return order


def _store_payment(ports: Ports, before: Payment, after: Payment) -> Payment:
    """CAS the attempt; if someone else moved it first, theirs is the truth."""
    if after == before or ports.payments.update(after, before.payment_status):
        return after
    current = ports.payments.get(before.payment_id)
    assert current is not None  # attempts are never deleted
    return current


def apply_outcome(ports: Ports, attempt: Payment, outcome: GatewayPayment) -> tuple[Order, Payment]:
    now = ports.clock.now()
    status = outcome.payment_status
    if attempt.payment_status is PaymentStatus.PENDING:
        if status in (PaymentStatus.SUCCEEDED, PaymentStatus.REFUNDED):
            moved = attempt.succeeded(now, gateway_reference=outcome.reference, card=outcome.card)
        elif status is PaymentStatus.FAILED:
            moved = attempt.failed(
                now,
                failure_code=outcome.failure_code or "payment_failed",
                gateway_reference=outcome.reference,
            )
        else:  # still PENDING at the gateway: cash on delivery, recorded
            moved = attempt.recorded_by_gateway(outcome.reference, outcome.card)
        attempt = _store_payment(ports, attempt, moved)
    if status is PaymentStatus.REFUNDED and attempt.payment_status is PaymentStatus.SUCCEEDED:
        attempt = _store_payment(ports, attempt, attempt.refunded(now))
    if attempt.payment_status is PaymentStatus.FAILED:
        return _record_failure(ports, attempt, now), attempt
    return _confirm_with(ports, attempt, now)


def _confirm_with(ports: Ports, attempt: Payment, now: datetime) -> tuple[Order, Payment]:
    for _ in range(_ATTEMPTS):
        order = _load(ports, attempt.order_id)
        shown = order.payment
        recorded = shown is not None and shown.payment_id == attempt.payment_id
        if recorded and (order.is_confirmed or order.order_status is OrderStatus.CANCELLED):
            return order, attempt
        if order.order_status not in PAYABLE:
            # Cancelled while the charge ran, or paid by another attempt: give it back.
            if attempt.payment_status is PaymentStatus.SUCCEEDED:
                attempt = refund_payment(ports, attempt)
            return _load(ports, attempt.order_id), attempt
        if attempt.payment_status is PaymentStatus.REFUNDED:
            return order, attempt
        confirmed = order.confirmed(attempt, ports.ids.next_id(), now)
        if ports.orders.transition(confirmed, order.order_status):
            return confirmed, attempt
    raise ConcurrentUpdate("the order changed while its payment was being recorded")


def _record_failure(ports: Ports, attempt: Payment, now: datetime) -> Order:
    for _ in range(_ATTEMPTS):
        order = _load(ports, attempt.order_id)
        if order.order_status not in PAYABLE:
            return order  # confirmed by another attempt, or cancelled
        shown = order.payment
        if shown is not None and (shown == attempt or shown.created_at > attempt.created_at):
            return order  # already recorded, or a newer attempt is shown
        failed = order.payment_failed(attempt, now)
        if ports.orders.transition(failed, order.order_status):
            return failed
    raise ConcurrentUpdate("the order changed while its payment was being recorded")


def refund_payment(ports: Ports, payment: Payment) -> Payment:
    """Refund a succeeded payment in full; idempotent. Raises ``PaymentUnavailable``
    (the refund stays due and the reconciliation sweep retries it)."""
    if payment.payment_status is not PaymentStatus.SUCCEEDED:
        return payment
    if payment.gateway_reference is not None:
        ports.gateway.refund(payment.gateway_reference, f"refund-{payment.payment_id}")
    now = ports.clock.now()
    payment = _store_payment(ports, payment, payment.refunded(now))
    for _ in range(_ATTEMPTS):
        order = _load(ports, payment.order_id)
        shown = order.payment
        if shown is None or shown.payment_id != payment.payment_id or shown == payment:
            break
        if ports.orders.transition(order.with_payment(payment, now), order.order_status):
            break
    return payment


def charge(ports: Ports, attempt: Payment, request: ChargeRequest) -> tuple[Order, Payment]:
    outcome = ports.gateway.charge(request)
    return apply_outcome(ports, attempt, outcome)


def confirm_cash_on_delivery(ports: Ports, order: Order) -> Order:
    """Record a COD payment with the gateway and confirm the order. If the gateway is
    unreachable the order stays PENDING_PAYMENT; a replay or the sweep finishes it."""
    key = f"cod-{order.order_id}"
    request = fingerprint("pay_order", {"order_id": order.order_id, "payment_mode": "COD"})
    attempt = ports.payments.claim(new_attempt(ports, order, PaymentMode.COD, key, request))
    try:
        confirmed, _ = charge(ports, attempt, cod_request(order, attempt))
    except PaymentUnavailable:
        return order
    return confirmed


def cod_request(order: Order, attempt: Payment) -> ChargeRequest:
    return ChargeRequest(
        order_id=order.order_id,
        amount=attempt.amount,
        payment_mode=PaymentMode.COD,
        idempotency_key=gateway_key(order.order_id, attempt.idempotency_key),
        merchant_reference=str(attempt.payment_id),
    )
