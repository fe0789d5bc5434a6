"""The restaurant's side of an order: accept it with a preparation time (which plans
its delivery and dispatches a rider) or reject it with a reason, mark the food ready, or
move it on itself; and, when it does not answer within the acceptance window, the
sweep's cancellation. A rejected or unanswered order is refunded in full.

Every step is a compare-and-set of the order (``change_order``), so two replicas'
sweeps, or a sweep racing the restaurant's click, change it once: whichever write lands
first decides, and the other finds the order no longer waiting. Refunds are keyed by the
attempt they give back, so running them again refunds nothing twice.
"""

from __future__ import annotations

from contextlib import suppress
from datetime import datetime, timedelta

from food_core.errors import ConcurrentUpdate, ValidationFailed
from food_core.model import CancelReason, Order, OrderStatus
from food_core.usecases.changing import change_order, load_order
from food_core.usecases.context import Ports
from food_core.usecases.dispatching import delivery_plan, dispatch, finish_delivery
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
    current = partners_order(ports, partner_id, order_id)
    return accept_as_system(ports, current, prep_minutes)


def accept_as_system(ports: Ports, current: Order, prep_minutes: int | None) -> Order:
    """Accept ``current`` (the partner checked), plan its delivery, and dispatch a rider."""
    now = ports.clock.now()
    city, drop_km = delivery_plan(ports, current)

    def accept(order: Order) -> Order:
        if order.order_status is OrderStatus.PREPARING and order.prep_minutes == prep_minutes:
            return order  # a second click
        return order.accepted(prep_minutes, now).planned(city, drop_km, now)

    accepted = change_order(ports, current.order_id, accept, current=current)
    with suppress(ConcurrentUpdate):  # still waiting: the sweep dispatches it
        accepted = dispatch(ports, accepted)
    return accepted


def advance_order(ports: Ports, partner_id: int, order_id: int, status: OrderStatus) -> Order:
    """PREPARING → OUT_FOR_DELIVERY → DELIVERED, by the restaurant's partner (or the
    simulator acting as one via :func:`advance_order_as_system`)."""
    partners_order(ports, partner_id, order_id)
    return advance_order_as_system(ports, order_id, status)


def advance_order_as_system(ports: Ports, order_id: int, status: OrderStatus) -> Order:
    """Starting to prepare is accepting (without a preparation time: a delivery is
    planned and a rider dispatched); delivering frees the order's rider."""
    if status is OrderStatus.PREPARING:
        current = load_order(ports, order_id)
        if current.order_status is OrderStatus.CONFIRMED:
            return accept_as_system(ports, current, None)

    def advance(order: Order) -> Order:
        if order.order_status is status:
            return order  # already there: advancing twice is harmless
        return order.advanced(status, ports.clock.now())

    advanced = change_order(ports, order_id, advance)
    finish_delivery(ports, advanced)
    return advanced


def mark_ready(ports: Ports, partner_id: int, order_id: int) -> Order:
    """The kitchen has the food ready for the rider."""
    current = partners_order(ports, partner_id, order_id)
    now = ports.clock.now()
    return change_order(ports, order_id, lambda order: order.food_ready(now), current=current)


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
