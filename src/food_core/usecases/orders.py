"""Reading and cancelling orders, and the partner's view of its restaurant's."""

from __future__ import annotations

from collections.abc import Collection
from contextlib import suppress

from food_core.errors import Forbidden, NotFound, PaymentUnavailable
from food_core.model import KITCHEN_STATUSES, Order, OrderStatus, UserRole
from food_core.search import MAX_PAGE_SIZE
from food_core.usecases.changing import change_order, load_order
from food_core.usecases.context import Ports
from food_core.usecases.ownership import existing_user, own_order
from food_core.usecases.reconciling import reconcile_order
from food_core.usecases.settlement import refund_payment


def get_order(ports: Ports, user_id: int, order_id: int) -> Order:
    """Reconciles on read: an order with a payment of unknown outcome (or a refund due)
    is settled here when the gateway can be asked."""
    order = own_order(ports, user_id, order_id)
    if order.needs_attention:
        with suppress(PaymentUnavailable):  # show what we know; the sweep settles it later
            order = reconcile_order(ports, order_id)
    return order


def list_orders(
    ports: Ports, user_id: int, *, limit: int = 20, before: int | None = None
) -> list[Order]:
    return ports.orders.list_for_user(user_id, min(max(limit, 1), MAX_PAGE_SIZE), before)


def cancel_order(ports: Ports, user_id: int, order_id: int) -> Order:
    """Customers cancel before the kitchen starts; a paid order is refunded, a cash
    promise voided (in the same write as the cancellation)."""

    def cancel(order: Order) -> Order:
        if order.order_status is OrderStatus.CANCELLED:
            return order  # cancelling twice is harmless
        return order.cancelled(ports.clock.now())

    return give_refunds(ports, change_order(ports, order_id, cancel, owner=user_id))


def give_refunds(ports: Ports, order: Order) -> Order:
    """Refund what the order owes back now; one the gateway cannot take now stays due
    (the order says so) and the sweep retries it. Each refund is keyed by its attempt, so
    however often this runs, an attempt is refunded once."""
    for attempt in order.refunds_due:
        with suppress(PaymentUnavailable):
            order = refund_payment(ports, order.order_id, attempt.payment_id)
    return order


def partner_restaurant(ports: Ports, partner_id: int) -> int:
    partner = existing_user(ports, partner_id)
    if partner.role is not UserRole.PARTNER or partner.restaurant_id is None:
        raise Forbidden("only a restaurant partner may do this")
    return partner.restaurant_id


def list_restaurant_orders(
    ports: Ports,
    partner_id: int,
    *,
    statuses: Collection[OrderStatus] = KITCHEN_STATUSES,
    limit: int = 50,
) -> list[Order]:
    restaurant_id = partner_restaurant(ports, partner_id)
    return ports.orders.list_for_restaurant(
        restaurant_id, statuses, min(max(limit, 1), MAX_PAGE_SIZE)
    )


def partners_order(ports: Ports, partner_id: int, order_id: int) -> Order:
    """The order, if it is the partner's restaurant's (another's is indistinguishable
    from missing)."""
    order = load_order(ports, order_id)
    if order.restaurant.restaurant_id != partner_restaurant(ports, partner_id):
        raise NotFound(f"order {order_id} not found", field="order_id")
    return order
