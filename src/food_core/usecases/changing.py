"""Changing an order: load it, compute the next value, compare-and-set — retried on a race.

The one retry policy for the order aggregate (carts have theirs in ``carts``): a change
that loses the race to another writer is computed again from what that writer stored.
"""

from __future__ import annotations

from collections.abc import Callable

from food_core.errors import ConcurrentUpdate, NotFound
from food_core.model import Order
from food_core.usecases.context import Ports

ATTEMPTS = 8


def load_order(ports: Ports, order_id: int, *, owner: int | None = None) -> Order:
    """The order, or ``NotFound`` — also when ``owner`` is given and it is someone else's
    (indistinguishable from missing)."""
    order = ports.orders.get(order_id)
    if order is None or (owner is not None and order.user != owner):
        raise NotFound(f"order {order_id} not found", field="order_id")
    return order


def change_order(
    ports: Ports,
    order_id: int,
    change: Callable[[Order], Order],
    *,
    owner: int | None = None,
    current: Order | None = None,
) -> Order:
    """Apply ``change`` to the stored order and store the result by compare-and-set on
    its version. ``change`` returns its argument when there is nothing to do (that
    value is returned, nothing is written) and may raise to refuse. ``current``: the
    order as the caller just read or wrote it, tried first instead of a fresh read (if
    it is stale the compare-and-set says so, and the next try reads)."""
    for attempt in range(ATTEMPTS):
        if attempt == 0 and current is not None and current.order_id == order_id:
            order = current
        else:
            order = load_order(ports, order_id, owner=owner)
        changed = change(order)
        if changed is order:
            return order
        if ports.orders.save(changed, order.version):
            return changed
    raise ConcurrentUpdate("the order changed while it was being updated; try again")
