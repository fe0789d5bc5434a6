"""Reconciliation: settle attempts whose outcome we never heard, and refunds still due.

Runs on read (an unpaid order is looked at) and on a periodic sweep. It asks the gateway
what it knows of the order and applies that with the same idempotent steps as paying.
"""

from __future__ import annotations

from datetime import timedelta

from food_core.errors import NotFound, PaymentUnavailable
from food_core.model import Order, OrderStatus, PaymentMode, PaymentStatus
from food_core.ports import GatewayPayment
from food_core.usecases.context import Ports
from food_core.usecases.settlement import apply_outcome, charge, cod_request, refund_payment

# An attempt the gateway has never heard of after this long never reached it.
LOST_AFTER = timedelta(minutes=2)


def reconcile_order(ports: Ports, order_id: int, *, lost_after: timedelta = LOST_AFTER) -> Order:
    """Raises ``PaymentUnavailable`` when the gateway cannot be asked; nothing changes then."""
    order = ports.orders.get(order_id)
    if order is None:
        raise NotFound(f"order {order_id} not found", field="order_id")
    attempts = ports.payments.list_for_order(order_id)
    pending = [a for a in attempts if a.payment_status is PaymentStatus.PENDING]
    unresolved = [
        a for a in pending if not (a.payment_mode is PaymentMode.COD and order.is_confirmed)
    ]
    if unresolved:
        known = {g.merchant_reference: g for g in ports.gateway.payments_for_order(order_id)}
        now = ports.clock.now()
        for attempt in unresolved:
            outcome = known.get(str(attempt.payment_id))
            if outcome is None:
                if attempt.payment_mode is PaymentMode.COD:
                    charge(ports, attempt, cod_request(order, attempt))  # no card data needed
                elif now - attempt.created_at >= lost_after:
                    lost = GatewayPayment(
                        reference="",
                        order_id=order_id,
                        amount=attempt.amount,
                        payment_mode=attempt.payment_mode,
                        payment_status=PaymentStatus.FAILED,
                        merchant_reference=str(attempt.payment_id),
                        failure_code="payment_not_received",
                    )
                    apply_outcome(ports, attempt, lost)
            elif outcome.payment_status is not PaymentStatus.PENDING or (
                attempt.payment_mode is PaymentMode.COD
            ):
                apply_outcome(ports, attempt, outcome)
    current = ports.orders.get(order_id)
    assert current is not None
    if current.order_status is OrderStatus.CANCELLED:
        for attempt in ports.payments.list_for_order(order_id):
            if attempt.payment_status is PaymentStatus.SUCCEEDED:
                refund_payment(ports, attempt)
        current = ports.orders.get(order_id)
        assert current is not None
    return current


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
