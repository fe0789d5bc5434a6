"""Unpaid orders expire: one that has waited for a payment longer than its time, with no
payment in flight, is cancelled (CancelReason.UNPAID, which the customer is shown).

An attempt whose outcome is unknown is reconciled first; while a charge may have gone
through (the gateway cannot be asked, or still says nothing) the order is left alone.
"""

from __future__ import annotations

from datetime import timedelta

from food_core.errors import PaymentUnavailable
from food_core.model import CancelReason, Order
from food_core.usecases.changing import change_order
from food_core.usecases.context import Ports
from food_core.usecases.reconciling import reconcile_order

UNPAID_ORDER_TTL = timedelta(minutes=15)


def expire_unpaid_orders(
    ports: Ports, *, waited: timedelta = UNPAID_ORDER_TTL, limit: int = 100
) -> int:
    """The sweep's step; returns how many orders it cancelled."""
    now = ports.clock.now()
    cutoff = now - waited
    cancelled = 0
    for order in ports.orders.list_unpaid(cutoff, limit):
        if order.unresolved_attempts:
            try:
                order = reconcile_order(ports, order.order_id)
            except PaymentUnavailable:
                continue  # cannot tell whether money moved: never cancel then

        def expire(current: Order) -> Order:
            if not current.is_payable or current.unresolved_attempts:
                return current  # paid, cancelled, or a charge still in flight
            if current.updated_at >= cutoff:
                return current  # something happened since it was listed
            return current.cancelled(now, CancelReason.UNPAID)

        if change_order(ports, order.order_id, expire, current=order).cancel_reason is (
            CancelReason.UNPAID
        ):
            cancelled += 1
    return cancelled
