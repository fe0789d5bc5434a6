"""Changing an order: load it, compute the next value, compare-and-set — retried on a race.

The one retry policy for the order aggregate (carts have theirs in ``carts``): a change
that loses the race to another writer is computed again from what that writer stored.
The writer whose compare-and-set wins hands the change's notice, if it is one, to the
notifier (docs/design.md, "Notifications"): one notice per transition.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from food_core.errors import ConcurrentUpdate, NotFound
from food_core.model import Order
from food_core.model.notices import notice_for
from food_core.usecases.context import Ports

ATTEMPTS = 8

log = logging.getLogger("food.core")


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
            _announce(ports, order, changed)
            return changed
    raise ConcurrentUpdate("the order changed while it was being updated; try again")


def _announce(ports: Ports, before: Order, after: Order) -> None:
    """Hand the stored change's notice to the notifier. The port returns at once and
    never raises; should an adapter break that promise, the order (already stored) still
    answers: a notice may be lost, a change may not."""
    notice = notice_for(before, after)
    if notice is None:
        return
    try:
        ports.notifier.notify(notice)
    except Exception:
        log.exception("notice %s not handed over", notice.key)
