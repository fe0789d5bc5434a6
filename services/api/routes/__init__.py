"""Routes per resource; :func:`api_operations` is every operation of the API, in order."""

from __future__ import annotations

from services.api.routes import (
    accounts,
    addresses,
    cart,
    catalog,
    events,
    favourites,
    ops,
    orders,
    partner,
    payments,
    ratings,
    rider,
)
from services.api.routing import Operation


def api_operations() -> list[Operation]:
    return [
        *accounts.OPERATIONS,
        *catalog.OPERATIONS,
        *cart.OPERATIONS,
        *addresses.OPERATIONS,
        *orders.OPERATIONS,
        *ratings.OPERATIONS,
        *favourites.OPERATIONS,
        *payments.OPERATIONS,
        *events.OPERATIONS,
        *partner.OPERATIONS,
        *rider.OPERATIONS,
        *ops.OPERATIONS,
    ]
