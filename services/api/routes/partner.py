"""The restaurant partner's side: incoming orders (listed and streamed), their progress,
the menu, and the day's tally."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from food_core.model import Order, OrderStatus
from food_core.usecases import (
    accept_order,
    advance_order,
    day_tally,
    edit_dish,
    list_restaurant_orders,
    mark_ready,
    partner_menu,
    reject_order,
)
from services.api import sse
from services.api.calls import Call, Reply, ok
from services.api.paths import PREFIX
from services.api.routes.events import guarded_stream
from services.api.routing import Auth, Keys, Operation
from services.api.schemas.catalog import FoodItemOut, food_item_out
from services.api.schemas.converter import unstructure
from services.api.schemas.orders import (
    AcceptIn,
    OrderOut,
    OrdersOut,
    OrderStatusIn,
    RejectIn,
    order_out,
    orders_out,
)
from services.api.schemas.partner import (
    DayTallyOut,
    DishEditIn,
    PartnerMenuOut,
    day_tally_out,
    partner_menu_out,
)

PARTNER = f"{PREFIX}/partner"
ORDERS_EVENT = "orders"


async def incoming(call: Call) -> Reply:
    found = await call.run(list_restaurant_orders, call.ports, call.user_id)
    return ok(orders_out(found, call.accept_window))


async def incoming_events(call: Call) -> Response:
    ports, partner_id, window = call.ports, call.user_id, call.accept_window
    first = await call.run(list_restaurant_orders, ports, partner_id)
    clock = call.container.clock()

    async def poll() -> list[Order]:
        return await run_in_threadpool(list_restaurant_orders, ports, partner_id)

    def render(orders: list[Order]) -> str:
        # The id: the newest change among them (now, when there are none).
        changed = max((o.updated_at for o in orders), default=clock.now())
        data = unstructure(orders_out(orders, window))
        return sse.event(ORDERS_EVENT, data, event_id=changed.isoformat())

    return await guarded_stream(
        call,
        first,
        poll,
        version=lambda orders: tuple((o.order_id, o.version) for o in orders),
        is_final=lambda _orders: False,
        render=render,
    )


async def set_status(call: Call) -> Reply:
    body = call.body_as(OrderStatusIn)
    order = await call.run(
        advance_order,
        call.ports,
        call.user_id,
        call.id("order_id"),
        OrderStatus(body.order_status.value),
    )
    return ok(order_out(order, call.accept_window))


async def accept(call: Call) -> Reply:
    prep_minutes = call.body_as(AcceptIn).prep_minutes
    order = await call.run(
        accept_order, call.ports, call.user_id, call.id("order_id"), prep_minutes
    )
    return ok(order_out(order, call.accept_window))


async def reject(call: Call) -> Reply:
    reason = call.body_as(RejectIn).reason
    order = await call.run(reject_order, call.ports, call.user_id, call.id("order_id"), reason)
    return ok(order_out(order, call.accept_window))


async def ready(call: Call) -> Reply:
    order = await call.run(mark_ready, call.ports, call.user_id, call.id("order_id"))
    return ok(order_out(order, call.accept_window))


async def today(call: Call) -> Reply:
    tally = await call.run(day_tally, call.ports, call.user_id)
    return ok(day_tally_out(tally))


async def menu(call: Call) -> Reply:
    items = await call.run(partner_menu, call.ports, call.user_id)
    return ok(partner_menu_out(items))


async def edit(call: Call) -> Reply:
    body = call.body_as(DishEditIn)
    item = await call.run(
        edit_dish,
        call.ports,
        call.user_id,
        call.id("food_id"),
        availability=body.availability,
        price=body.price,
    )
    return ok(food_item_out(item))


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
        "partnerOrderEvents",
        "GET",
        f"{PARTNER}/events",
        "Watch your restaurant's open orders (server-sent events)",
        "partner",
        incoming_events,
        response=OrdersOut,
        auth=Auth.PARTNER,
        media_type=sse.MEDIA_TYPE,
        event=ORDERS_EVENT,
        errors=(429,),
        description=(
            "A text/event-stream: an event `orders` with the open orders (as GET "
            "/partner/orders) now and whenever any of them changes or a new one arrives; "
            "heartbeats and limits as the order stream."
        ),
    ),
    Operation(
        "setPartnerOrderStatus",
        "POST",
        f"{PARTNER}/orders/{{order_id}}/status",
        "Move an order on yourself: PREPARING → OUT_FOR_DELIVERY → DELIVERED",
        "partner",
        set_status,
        request=OrderStatusIn,
        response=OrderOut,
        auth=Auth.PARTNER,
        keys=Keys.OPTIONAL,
        errors=(404, 409),
        description=(
            "For a restaurant delivering with its own staff. PREPARING accepts the order "
            "without a preparation time (and dispatches a rider, as accepting does)."
        ),
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
            "CONFIRMED → PREPARING, and the nearest free rider of the city is assigned (or "
            "the order waits for one). An order not accepted by its accept_by is cancelled "
            "(not_accepted_in_time) and refunded; after that, or once cancelled, 409 "
            "invalid_transition."
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
    Operation(
        "markPartnerOrderReady",
        "POST",
        f"{PARTNER}/orders/{{order_id}}/ready",
        "Say an accepted order's food is ready for its rider",
        "partner",
        ready,
        response=OrderOut,
        auth=Auth.PARTNER,
        keys=Keys.OPTIONAL,
        errors=(404, 409),
    ),
    Operation(
        "getPartnerDay",
        "GET",
        f"{PARTNER}/today",
        "Today's orders and takings",
        "partner",
        today,
        response=DayTallyOut,
        auth=Auth.PARTNER,
    ),
    Operation(
        "getPartnerMenu",
        "GET",
        f"{PARTNER}/menu",
        "Your restaurant's dishes, unavailable ones included",
        "partner",
        menu,
        response=PartnerMenuOut,
        auth=Auth.PARTNER,
    ),
    Operation(
        "editPartnerDish",
        "PATCH",
        f"{PARTNER}/menu/{{food_id}}",
        "Change a dish's availability or price",
        "partner",
        edit,
        request=DishEditIn,
        response=FoodItemOut,
        auth=Auth.PARTNER,
        keys=Keys.OPTIONAL,
        errors=(404, 422),
        description=(
            "Each replica caches the catalog for FOOD_CATALOG_CACHE_S seconds: the change "
            "shows everywhere within that time."
        ),
    ),
]
