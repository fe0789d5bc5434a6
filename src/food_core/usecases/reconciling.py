"""Reconciliation: settle attempts whose outcome we never heard, and refunds still due.

Runs on read (an unpaid order is looked at) and on a periodic sweep. It asks the gateway
what it knows of the order and applies that with the same idempotent steps as paying.
"""

from __future__ import annotations

from datetime import timedelta

from food_core.errors import InvalidPaymentDetails, NotFound, OrderAlreadyPaid, PaymentUnavailable
from food_core.model import Order, OrderStatus, Payment, PaymentMode, PaymentStatus
from food_core.ports import GatewayPayment
from food_core.usecases.context import Ports
from food_core.usecases.settlement import (
    PAYABLE,
    apply_outcome,
    charge,
    cod_request,
    refund_payment,
)

# An attempt the gateway has never heard of after this long never reached it.
LOST_AFTER = timedelta(minutes=2)


def reconcile_order(ports: Ports, order_id: int, *, lost_after: timedelta = LOST_AFTER) -> Order:
    """Raises ``PaymentUnavailable`` when the gateway cannot be asked; nothing changes then."""
    order = ports.orders.get(order_id)
    if order is None:
        raise NotFound(f"order {order_id} not found", field="order_id")
    attempts = ports.payments.list_for_order(order_id)
    pending = [a for a in attempts if a.payment_status is PaymentStatus.PENDING]
    # A COD payment the gateway recorded stays PENDING until delivery: settled already
    # once its order is confirmed. Everything else pending has an outcome to find out,
    # including a COD attempt that never reached the gateway on an order paid by card.
    unresolved = [a for a in pending if a.gateway_reference is None or not order.is_confirmed]
    if unresolved:
        known = {g.merchant_reference: g for g in ports.gateway.payments_for_order(order_id)}
        now = ports.clock.now()
        for attempt in unresolved:
            outcome = known.get(str(attempt.payment_id))
            if outcome is not None:
                if outcome.payment_status is not PaymentStatus.PENDING or (
                    attempt.payment_mode is PaymentMode.COD
                ):
                    apply_outcome(ports, attempt, outcome)
            elif attempt.payment_mode is PaymentMode.COD:
                _resend_cash_on_delivery(ports, attempt)
            elif now - attempt.created_at >= lost_after:
                _close(ports, attempt, "payment_not_received")
    current = ports.orders.get(order_id)
    assert current is not None
    if current.order_status is OrderStatus.CANCELLED:
        for attempt in ports.payments.list_for_order(order_id):
            if attempt.payment_status is PaymentStatus.SUCCEEDED:
                refund_payment(ports, attempt)
        current = ports.orders.get(order_id)
        assert current is not None
    return current


def _close(ports: Ports, attempt: Payment, failure_code: str) -> None:
    """Record an attempt that never reached the gateway as failed."""
    never_charged = GatewayPayment(
        reference="",
        order_id=attempt.order_id,
        amount=attempt.amount,
        payment_mode=attempt.payment_mode,
        payment_status=PaymentStatus.FAILED,
        merchant_reference=str(attempt.payment_id),
        failure_code=failure_code,
    )
    apply_outcome(ports, attempt, never_charged)


def _resend_cash_on_delivery(ports: Ports, attempt: Payment) -> None:
    """A COD record carries no card data, so it can simply be sent again (same key)."""
    order = ports.orders.get(attempt.order_id)
    assert order is not None
    if order.order_status not in PAYABLE:
        _close(ports, attempt, "superseded")  # paid another way, or cancelled
        return
    try:
        charge(ports, attempt, cod_request(order, attempt))
    except (OrderAlreadyPaid, InvalidPaymentDetails) as refused:
        _close(ports, attempt, refused.code)


def needs_reconciliation(ports: Ports, order: Order) -> bool:
    if order.order_status is OrderStatus.CANCELLED:
        return order.payment is not None and order.payment.payment_status is PaymentStatus.SUCCEEDED
    if order.order_status in (OrderStatus.PENDING_PAYMENT, OrderStatus.PAYMENT_FAILED):
        return any(
            a.payment_status is PaymentStatus.PENDING
            for a in ports.payments.list_for_order(order.order_id)
        )
    return False


def reconcile_pending(
    ports: Ports, *, older_than: timedelta = timedelta(seconds=30), limit: int = 100
) -> int:
    """The periodic sweep. Returns how many orders it looked at."""
    cutoff = ports.clock.now() - older_than
    order_ids = {p.order_id for p in ports.payments.list_pending(cutoff, limit)}
    order_ids.update(o.order_id for o in ports.orders.list_refunds_due(limit))
    for order_id in sorted(order_ids):
        try:
            reconcile_order(ports, order_id)
        except PaymentUnavailable:
            break  # the gateway is down; the next sweep tries again
    return len(order_ids)
