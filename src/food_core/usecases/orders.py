"""Reading, cancelling and (for restaurant partners) advancing orders."""

from __future__ import annotations

from collections.abc import Collection
from contextlib import suppress

from food_core.errors import ConcurrentUpdate, Forbidden, NotFound, PaymentUnavailable
from food_core.model import Order, OrderStatus, PaymentMode, PaymentStatus, UserRole
from food_core.usecases.context import Ports
from food_core.usecases.ownership import existing_user, own_order
from food_core.usecases.reconciling import needs_reconciliation, reconcile_order
from food_core.usecases.settlement import refund_payment

MAX_PAGE = 50
_ATTEMPTS = 8


def get_order(ports: Ports, user_id: int, order_id: int) -> Order:
    """Reconciles on read: an order with a payment of unknown outcome is settled here
    when the gateway can be asked."""
    order = own_order(ports, user_id, order_id)
    if needs_reconciliation(ports, order):
        with suppress(PaymentUnavailable):  # show what we know; the sweep settles it later
            order = reconcile_order(ports, order_id)
    return order


def list_orders(
    ports: Ports, user_id: int, *, limit: int = 20, before: int | None = None
) -> list[Order]:
    return ports.orders.list_for_user(user_id, min(max(limit, 1), MAX_PAGE), before)


def cancel_order(ports: Ports, user_id: int, order_id: int) -> Order:
    """Customers cancel before the kitchen starts; a paid order is refunded."""
    for _ in range(_ATTEMPTS):
        order = own_order(ports, user_id, order_id)
        if order.order_status is OrderStatus.CANCELLED:
            break  # cancelling twice is harmless
        cancelled = order.cancelled(ports.clock.now())
        if ports.orders.transition(cancelled, order.order_status):
            break
    else:
        raise ConcurrentUpdate("the order changed while it was being cancelled")
    payment = order.payment
    if payment is not None:
        if payment.payment_status is PaymentStatus.SUCCEEDED:
            with suppress(PaymentUnavailable):  # the refund stays due; the sweep retries it
                refund_payment(ports, payment)
        elif (
            payment.payment_mode is PaymentMode.COD
            and payment.payment_status is PaymentStatus.PENDING
        ):
            _void_cash_on_delivery(ports, order_id)
    result = ports.orders.get(order_id)
    assert result is not None
    return result


def _void_cash_on_delivery(ports: Ports, order_id: int) -> None:
    for _ in range(_ATTEMPTS):
        order = ports.orders.get(order_id)
        assert order is not None and order.payment is not None
        payment = order.payment
        if payment.payment_status is not PaymentStatus.PENDING:
            return
        now = ports.clock.now()
        voided = payment.failed(now, failure_code="order_cancelled")
        ports.payments.update(voided, PaymentStatus.PENDING)
        if ports.orders.transition(order.with_payment(voided, now), order.order_status):
            return


def _partner_restaurant(ports: Ports, partner_id: int) -> int:
    partner = existing_user(ports, partner_id)
    if partner.role is not UserRole.PARTNER or partner.restaurant_id is None:
        raise Forbidden("only a restaurant partner may do this")
    return partner.restaurant_id


def list_restaurant_orders(
    ports: Ports,
    partner_id: int,
    *,
    statuses: Collection[OrderStatus] = (
        OrderStatus.CONFIRMED,
        OrderStatus.PREPARING,
        OrderStatus.OUT_FOR_DELIVERY,
    ),
    limit: int = 50,
) -> list[Order]:
    restaurant_id = _partner_restaurant(ports, partner_id)
    return ports.orders.list_for_restaurant(restaurant_id, statuses, min(max(limit, 1), MAX_PAGE))


def advance_order(ports: Ports, partner_id: int, order_id: int, status: OrderStatus) -> Order:
    """PREPARING → OUT_FOR_DELIVERY → DELIVERED, by the restaurant's partner (or the
    simulator acting as one via :func:`advance_order_as_system`)."""
    restaurant_id = _partner_restaurant(ports, partner_id)
    order = ports.orders.get(order_id)
    if order is None or order.restaurant.restaurant_id != restaurant_id:
        raise NotFound(f"order {order_id} not found", field="order_id")
    return advance_order_as_system(ports, order_id, status)


def advance_order_as_system(ports: Ports, order_id: int, status: OrderStatus) -> Order:
    for _ in range(_ATTEMPTS):
        order = ports.orders.get(order_id)
        if order is None:
            raise NotFound(f"order {order_id} not found", field="order_id")
        if order.order_status is status:
            return order  # already there: advancing twice is harmless
        advanced = order.advanced(status, ports.clock.now())
        if ports.orders.transition(advanced, order.order_status):
            before, after = order.payment, advanced.payment
            if before is not None and after is not None and after != before:
                ports.payments.update(after, before.payment_status)  # COD paid on delivery
            return advanced
    raise ConcurrentUpdate("the order changed while it was being advanced")
