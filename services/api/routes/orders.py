"""Placing, reading and cancelling the signed-in customer's orders."""

from __future__ import annotations

from food_core.usecases import cancel_order, get_order, list_orders, place_order
from services.api.calls import Call, Reply, ok
from services.api.paths import PREFIX
from services.api.routing import Keys, Operation
from services.api.schemas.orders import (
    OrderOut,
    OrdersOut,
    OrdersQuery,
    PlaceOrderIn,
    order_out,
    orders_out,
)


def required_key(call: Call) -> str:
    key = call.idempotency_key
    assert key is not None  # Keys.REQUIRED: the dispatcher refused a request without one
    return key


async def place(call: Call) -> Reply:
    body = call.body_as(PlaceOrderIn)
    placement = await call.run(
        place_order,
        call.ports,
        call.user_id,
        idempotency_key=required_key(call),
        address_id=body.address_id,
        payment_mode=body.payment_mode,
        expected_total=body.expected_total,
    )
    if not placement.replayed:
        call.container.metrics().orders_placed.labels(body.payment_mode.value).inc()
    return ok(order_out(placement.order, call.accept_window), 201, replayed=placement.replayed)


async def list_mine(call: Call) -> Reply:
    query = call.query_as(OrdersQuery)
    found = await call.run(
        list_orders, call.ports, call.user_id, limit=query.limit, before=query.before
    )
    return ok(orders_out(found, call.accept_window))


async def get_one(call: Call) -> Reply:
    # Reconciles on read: an order whose payment outcome was unknown is settled here.
    order = await call.run(get_order, call.ports, call.user_id, call.id("order_id"))
    return ok(order_out(order, call.accept_window))


async def cancel(call: Call) -> Reply:
    order = await call.run(cancel_order, call.ports, call.user_id, call.id("order_id"))
    return ok(order_out(order, call.accept_window))


OPERATIONS = [
    Operation(
        "placeOrder",
        "POST",
        f"{PREFIX}/orders",
        "Order what your cart holds",
        "orders",
        place,
        status=201,
        request=PlaceOrderIn,
        response=OrderOut,
        keys=Keys.REQUIRED,
        errors=(404, 409, 422),
        description=(
            "Send one Idempotency-Key (a UUID) per checkout attempt and keep it across "
            "retries: the same key and body answer with the same order "
            "(Idempotent-Replayed: true), never a second one. A second placement of a "
            "cart already ordered — another tab or device, any key — answers the same "
            "way, with the order placed from it. A COD order is CONFIRMED once the "
            "payments service records the cash promise (within the request unless it is "
            "unreachable: then it stays PENDING_PAYMENT until a retry or the sweep); "
            "others wait in PENDING_PAYMENT; an order that waits longer than "
            "FOOD_UNPAID_ORDER_TTL_S (15 min) with no payment in flight is cancelled "
            "(cancel_reason payment_not_completed). With expected_total, a total that "
            "changed is 409 cart_changed with the lines that changed (old and new price, "
            "availability) and the new total_amount; nothing is ordered. 409 cart_empty, "
            "item_unavailable, restaurant_closed (with opens_at); 422 "
            "address_not_serviceable (the restaurant does not deliver to that address)."
        ),
    ),
    Operation(
        "listOrders",
        "GET",
        f"{PREFIX}/orders",
        "Your orders, newest first",
        "orders",
        list_mine,
        response=OrdersOut,
        query=OrdersQuery,
        errors=(422,),
    ),
    Operation(
        "getOrder",
        "GET",
        f"{PREFIX}/orders/{{order_id}}",
        "One of your orders",
        "orders",
        get_one,
        response=OrderOut,
        errors=(404,),
    ),
    Operation(
        "cancelOrder",
        "POST",
        f"{PREFIX}/orders/{{order_id}}/cancel",
        "Cancel an order before the kitchen starts (a paid one is refunded)",
        "orders",
        cancel,
        response=OrderOut,
        keys=Keys.OPTIONAL,
        errors=(404, 409),
    ),
]
