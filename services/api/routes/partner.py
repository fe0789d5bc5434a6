"""The restaurant partner's side: incoming orders and their progress."""

from __future__ import annotations

from food_core.model import OrderStatus
from food_core.usecases import accept_order, advance_order, list_restaurant_orders, reject_order
from services.api.calls import Call, Reply, ok
from services.api.paths import PREFIX
from services.api.routing import Auth, Keys, Operation
from services.api.schemas.orders import (
    AcceptIn,
    OrderOut,
    OrdersOut,
    OrderStatusIn,
    RejectIn,
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


async def accept(call: Call) -> Reply:
    prep_minutes = call.body_as(AcceptIn).prep_minutes
    order = await call.run(
        accept_order, call.ports, call.user_id, call.id("order_id"), prep_minutes
    )
    return ok(order_out(order))


async def reject(call: Call) -> Reply:
    reason = call.body_as(RejectIn).reason
    order = await call.run(reject_order, call.ports, call.user_id, call.id("order_id"), reason)
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
    Operation(
        "acceptPartnerOrder",
        "POST",
        f"{PARTNER}/orders/{{order_id}}/accept",
        "Accept a confirmed order, saying how long the food takes",
        "partner",
        accept,
        request=AcceptIn,
        response=OrderOut,
        auth=Auth.PARTNER,
        keys=Keys.OPTIONAL,
        errors=(404, 409, 422),
        description=(
            "CONFIRMED → PREPARING. An order not accepted within FOOD_PARTNER_ACCEPT_S of "
            "its confirmation is cancelled (not_accepted_in_time) and refunded; after "
            "that, or once cancelled, 409 invalid_transition."
        ),
    ),
    Operation(
        "rejectPartnerOrder",
        "POST",
        f"{PARTNER}/orders/{{order_id}}/reject",
        "Reject a confirmed order with a reason; it is refunded in full",
        "partner",
        reject,
        request=RejectIn,
        response=OrderOut,
        auth=Auth.PARTNER,
        keys=Keys.OPTIONAL,
        errors=(404, 409, 422),
    ),
]
