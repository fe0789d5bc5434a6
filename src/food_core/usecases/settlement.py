"""Applying what the gateway says about a payment attempt to the order that owns it.

Shared by paying, placing (cash on delivery), cancelling and reconciliation. The attempt
and the order are one aggregate, so an outcome and what it does to the order — confirm,
fail, refund due — are one compare-and-set; applying the same outcome again changes
nothing, so a replayed request and the reconciliation sweep may both run it.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from datetime import datetime

from food_core.errors import InvalidPaymentDetails, OrderAlreadyPaid, PaymentUnavailable
from food_core.model import Order, Payment, PaymentMode, PaymentStatus
from food_core.ports import ChargeRequest, GatewayPayment
from food_core.usecases.changing import change_order, load_order
from food_core.usecases.context import Ports
from food_core.usecases.idempotency import fingerprint

_SUCCEEDED = PaymentStatus.SUCCEEDED


def gateway_key(order_id: int, client_key: str) -> str:
    """The key the gateway sees: derived from the order and the client's key
    (docs/design.md §5)."""
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


Settle = Callable[[Payment, datetime], Payment]


def _from_gateway(outcome: GatewayPayment) -> Settle:
    """The attempt's next value given the gateway's answer (itself if nothing changes)."""

    def settle(attempt: Payment, now: datetime) -> Payment:
        status = outcome.payment_status
        if attempt.payment_status is not PaymentStatus.PENDING:
            if status is PaymentStatus.REFUNDED and attempt.payment_status is _SUCCEEDED:
                return attempt.refunded(now)  # refunded at the gateway: say so here too
            return attempt  # decided before: the first answer stands
        if status in (_SUCCEEDED, PaymentStatus.REFUNDED):
            return attempt.succeeded(now, gateway_reference=outcome.reference, card=outcome.card)
        if status is PaymentStatus.FAILED:
            return attempt.failed(
                now,
                failure_code=outcome.failure_code or "payment_failed",
                gateway_reference=outcome.reference,
            )
        if attempt.gateway_reference == outcome.reference:
            return attempt
        return attempt.recorded_by_gateway(outcome.reference, outcome.card)  # COD, recorded

    return settle


def _never_charged(failure_code: str) -> Settle:
    def settle(attempt: Payment, now: datetime) -> Payment:
        if attempt.payment_status is not PaymentStatus.PENDING:
            return attempt
        return attempt.failed(now, failure_code=failure_code)

    return settle


def _settle_attempt(
    ports: Ports, order_id: int, payment_id: int, settle: Settle, current: Order | None = None
) -> Order:
    """Store an attempt's next value with its effect on the order (one write), then give
    back a charge the order cannot keep (cancelled meanwhile, or paid twice)."""

    def change(order: Order) -> Order:
        now = ports.clock.now()
        attempt = order.attempt(payment_id)
        settled = settle(attempt, now)
        if settled == attempt:
            return order
        if attempt.payment_status is _SUCCEEDED:  # refunded at the gateway
            return order.attempt_refunded(payment_id, now)
        changed = order.attempt_settled(settled, ports.ids.next_id(), now)
        if settle(settled, now) != settled:  # reported charged *and* refunded: both steps
            changed = changed.attempt_refunded(payment_id, now)
        return changed

    order = change_order(ports, order_id, change, current=current)
    if any(p.payment_id == payment_id for p in order.refunds_due):
        with suppress(PaymentUnavailable):  # the refund stays due; the sweep retries it
            order = refund_payment(ports, order_id, payment_id)
    return order


def record_outcome(
    ports: Ports,
    order_id: int,
    payment_id: int,
    outcome: GatewayPayment,
    current: Order | None = None,
) -> Order:
    """Store the gateway's answer about one attempt, with what it does to the order
    (``current``: the order as last seen, if the caller has it)."""
    return _settle_attempt(ports, order_id, payment_id, _from_gateway(outcome), current)


def close_attempt(ports: Ports, order_id: int, payment_id: int, failure_code: str) -> Order:
    """Record an attempt that was never charged (refused, lost, superseded) as failed."""
    return _settle_attempt(ports, order_id, payment_id, _never_charged(failure_code))


def refund_payment(ports: Ports, order_id: int, payment_id: int) -> Order:
    """Refund a succeeded attempt in full; idempotent. Raises ``PaymentUnavailable``
    (the refund stays due and the reconciliation sweep retries it)."""

    def change(order: Order) -> Order:
        attempt = order.attempt(payment_id)
        if attempt.payment_status is not PaymentStatus.SUCCEEDED:
            return order
        return order.attempt_refunded(payment_id, ports.clock.now())

    order = load_order(ports, order_id)
    attempt = order.attempt(payment_id)
    if attempt.payment_status is not PaymentStatus.SUCCEEDED:
        return order
    if attempt.gateway_reference is not None:
        ports.gateway.refund(attempt.gateway_reference, f"refund-{payment_id}")
    return change_order(ports, order_id, change)


def charge(ports: Ports, order: Order, attempt: Payment, request: ChargeRequest) -> Order:
    """Ask the gateway to charge ``attempt`` and record the answer. An attempt the gateway
    refuses outright (bad details, the order already paid there) is closed as failed —
    nothing was charged — and the refusal is raised; ``PaymentUnavailable`` leaves the
    attempt pending for a retry with the same key or the sweep."""
    try:
        outcome = ports.gateway.charge(request)
    except (InvalidPaymentDetails, OrderAlreadyPaid) as refused:
        code, now = refused.code, ports.clock.now()
        change_order(
            ports,
            order.order_id,
            lambda current: current.attempt_refused(attempt.payment_id, code, now),
            current=order,
        )
        raise
    return record_outcome(ports, order.order_id, attempt.payment_id, outcome, current=order)


def cod_attempt(ports: Ports, order: Order) -> Payment:
    """The cash-on-delivery attempt an order placed for COD carries from the start."""
    request = fingerprint("pay_order", {"order_id": order.order_id, "payment_mode": "COD"})
    return new_attempt(ports, order, PaymentMode.COD, f"cod-{order.order_id}", request)


def cod_request(order: Order, attempt: Payment) -> ChargeRequest:
    return ChargeRequest(
        order_id=order.order_id,
        amount=attempt.amount,
        payment_mode=PaymentMode.COD,
        idempotency_key=gateway_key(order.order_id, attempt.idempotency_key),
        merchant_reference=str(attempt.payment_id),
    )


def confirm_cash_on_delivery(ports: Ports, order: Order) -> Order:
    """Record the order's COD attempt with the gateway, which confirms the order. If the
    gateway is unreachable the order stays PENDING_PAYMENT; a replay or the sweep
    finishes it."""
    pending = [
        p
        for p in order.unresolved_attempts
        if p.payment_mode is PaymentMode.COD and p.gateway_reference is None
    ]
    if not pending or not order.is_payable:
        return order
    try:
        return charge(ports, order, pending[0], cod_request(order, pending[0]))
    except (PaymentUnavailable, InvalidPaymentDetails, OrderAlreadyPaid):
        return ports.orders.get(order.order_id) or order
