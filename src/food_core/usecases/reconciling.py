"""Reconciliation: settle attempts whose outcome we never heard, and refunds still due.

Runs on read (an order that needs attention is looked at) and on a periodic sweep. It
asks the gateway what it knows of the order and applies that with the same idempotent
steps as paying.
"""

from __future__ import annotations

from datetime import timedelta

from food_core.errors import InvalidPaymentDetails, OrderAlreadyPaid, PaymentUnavailable
from food_core.model import Order, Payment, PaymentMode, PaymentStatus
from food_core.usecases.changing import load_order
from food_core.usecases.context import Ports
from food_core.usecases.settlement import (
    charge,
    close_attempt,
    cod_request,
    record_outcome,
    refund_payment,
)

# An attempt the gateway has never heard of after this long never reached it.
LOST_AFTER = timedelta(minutes=2)


def reconcile_order(ports: Ports, order_id: int, *, lost_after: timedelta = LOST_AFTER) -> Order:
    """Raises ``PaymentUnavailable`` when the gateway cannot be asked; nothing changes then."""
    order = load_order(ports, order_id)
    unresolved = order.unresolved_attempts
    if unresolved:
        known = {g.merchant_reference: g for g in ports.gateway.payments_for_order(order_id)}
        now = ports.clock.now()
        for attempt in unresolved:
            outcome = known.get(str(attempt.payment_id))
            if outcome is not None:
                if outcome.payment_status is not PaymentStatus.PENDING or (
                    attempt.payment_mode is PaymentMode.COD
                ):
                    order = record_outcome(ports, order_id, attempt.payment_id, outcome)
            elif attempt.payment_mode is PaymentMode.COD:
                order = _resend_cash_on_delivery(ports, order, attempt)
            elif now - attempt.created_at >= lost_after:
                order = close_attempt(ports, order_id, attempt.payment_id, "payment_not_received")
    for attempt in order.refunds_due:
        order = refund_payment(ports, order_id, attempt.payment_id)
    return order


def _resend_cash_on_delivery(ports: Ports, order: Order, attempt: Payment) -> Order:
    """A COD record carries no card data, so it can simply be sent again (same key)."""
    if not order.is_payable:
        # Paid another way, or cancelled.
        return close_attempt(ports, order.order_id, attempt.payment_id, "superseded")
    try:
        return charge(ports, order, attempt, cod_request(order, attempt))
    except (OrderAlreadyPaid, InvalidPaymentDetails):
        return load_order(ports, order.order_id)  # charge() closed the attempt


def reconcile_pending(
    ports: Ports, *, older_than: timedelta = timedelta(seconds=30), limit: int = 100
) -> int:
    """The periodic sweep. Returns how many orders it looked at: those with a refund
    due, or an attempt of unknown outcome older than ``older_than`` (a younger one may
    still be in flight in a request)."""
    cutoff = ports.clock.now() - older_than
    due = [
        order
        for order in ports.orders.list_needing_attention(limit)
        if order.refunds_due or any(p.created_at < cutoff for p in order.unresolved_attempts)
    ]
    for order in due:
        try:
            reconcile_order(ports, order.order_id)
        except PaymentUnavailable:
            break  # the gateway is down; the next sweep tries again
    return len(due)
