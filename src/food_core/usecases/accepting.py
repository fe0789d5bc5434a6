"""The restaurant's answer to a confirmed order: accept it with a preparation time, or
reject it with a reason — and, when it does not answer within the acceptance window, the
sweep's cancellation. A rejected or unanswered order is refunded in full.

Every step is a compare-and-set of the order (``change_order``), so two replicas'
sweeps, or a sweep racing the restaurant's click, change it once: whichever write lands
first decides, and the other finds the order no longer waiting. Refunds are keyed by the
attempt they give back, so running them again refunds nothing twice.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from food_core.errors import ValidationFailed
from food_core.model import CancelReason, Order, OrderStatus
from food_core.usecases.changing import change_order
from food_core.usecases.context import Ports
from food_core.usecases.orders import give_refunds, partners_order

ACCEPT_WINDOW = timedelta(minutes=5)
MIN_PREP_MINUTES = 5
MAX_PREP_MINUTES = 120
MAX_REJECT_REASON = 200


def accept_order(ports: Ports, partner_id: int, order_id: int, prep_minutes: int) -> Order:
    """CONFIRMED → PREPARING, saying how long the food takes."""
    if not MIN_PREP_MINUTES <= prep_minutes <= MAX_PREP_MINUTES:
        raise ValidationFailed(
            f"prep_minutes must be between {MIN_PREP_MINUTES} and {MAX_PREP_MINUTES}, "
            f"got {prep_minutes}",
            field="prep_minutes",
        )
    partners_order(ports, partner_id, order_id)
    now = ports.clock.now()

    def accept(order: Order) -> Order:
        if order.order_status is OrderStatus.PREPARING and order.prep_minutes == prep_minutes:
            return order  # a second click
        return order.accepted(prep_minutes, now)

    return change_order(ports, order_id, accept)


def reject_order(ports: Ports, partner_id: int, order_id: int, reason: str) -> Order:
    """CONFIRMED → CANCELLED with the restaurant's reason; a paid order is refunded."""
    reason = " ".join(reason.split())
    if not 1 <= len(reason) <= MAX_REJECT_REASON:
        raise ValidationFailed(f"a reason is 1 to {MAX_REJECT_REASON} characters", field="reason")
    partners_order(ports, partner_id, order_id)
    now = ports.clock.now()

    def reject(order: Order) -> Order:
        if order.cancel_reason is CancelReason.REJECTED:
            return order  # a second click
        return order.rejected(reason, now)

    return give_refunds(ports, change_order(ports, order_id, reject))


def expire_unaccepted_orders(
    ports: Ports, *, window: timedelta = ACCEPT_WINDOW, limit: int = 100
) -> int:
    """The sweep's step: cancel (``not_accepted_in_time``) and refund every confirmed
    order its restaurant has not accepted within ``window``; how many it cancelled."""
    now = ports.clock.now()
    cancelled = 0
    # An order's last change is no earlier than its confirmation, so this finds every
    # order confirmed before the cutoff (one changed since shows up a little later).
    for listed in ports.orders.list_unaccepted(now - window, limit):
        cancelled += _expire(ports, listed, window, now)
    return cancelled


def _expire(ports: Ports, listed: Order, window: timedelta, now: datetime) -> bool:
    """Cancel one listed order if it is still due; refund it (also when another sweep
    cancelled it: refunds are keyed). Whether this call cancelled it."""
    cancelled: list[Order] = []

    def expire(order: Order) -> Order:
        due = order.acceptance_due(window)
        if due is None or due > now:
            return order  # accepted, cancelled, or not due after all
        cancelled.append(order.cancelled(now, CancelReason.NOT_ACCEPTED))
        return cancelled[-1]

    order = change_order(ports, listed.order_id, expire, current=listed)
    if order.cancel_reason is CancelReason.NOT_ACCEPTED:
        give_refunds(ports, order)
    return bool(cancelled) and order is cancelled[-1]
