"""The restaurant partner's side: incoming orders and their progress."""

from __future__ import annotations

from food_core.model import OrderStatus
from food_core.usecases import advance_order, list_restaurant_orders
from services.api.calls import Call, Reply, ok
from services.api.paths import PREFIX
from services.api.routing import Auth, Keys, Operation
from services.api.schemas.orders import (
    OrderOut,
    OrdersOut,
    OrderStatusIn,
    order_out,
    orders_out,
)

PARTNER = f"{PREFIX}/partner"


async def incoming(call: Call) -> Reply:
    found = await call.run(list_restaurant_orders, call.ports, call.user_id)
    return ok(orders_out(found))


async def set_status(call: Call) -> Reply:
    body = call.body_as(OrderStatusIn)
    order = await call.run(
        advance_order,
        call.ports,
        call.user_id,
        call.id("order_id"),
        OrderStatus(body.order_status.value),
    )
    return ok(order_out(order))


OPERATIONS = [
    Operation(
        "listPartnerOrders",
        "GET",
        f"{PARTNER}/orders",
        "Your restaurant's open orders, oldest first",
        "partner",
        incoming,
        response=OrdersOut,
        auth=Auth.PARTNER,
    ),
    Operation(
        "setPartnerOrderStatus",
        "POST",
        f"{PARTNER}/orders/{{order_id}}/status",
        "Move an order on: PREPARING → OUT_FOR_DELIVERY → DELIVERED",
        "partner",
        set_status,
        request=OrderStatusIn,
        response=OrderOut,
        auth=Auth.PARTNER,
        keys=Keys.OPTIONAL,
        errors=(404, 409),
    ),
]
