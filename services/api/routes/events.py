"""``GET /orders/{order_id}/events``: an order's status changes as server-sent events."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.responses import Response, StreamingResponse

from food_core.model import Order, OrderStatus
from food_core.usecases.ownership import own_order
from services.api import sse
from services.api.calls import Call
from services.api.routes.orders import PREFIX
from services.api.routing import Operation
from services.api.schemas.converter import unstructure
from services.api.schemas.orders import order_out

FINAL = frozenset({OrderStatus.DELIVERED, OrderStatus.CANCELLED})


def _render(order: Order) -> str:
    return sse.event("status", unstructure(order_out(order)), event_id=order.updated_at.isoformat())


async def order_events(call: Call) -> Response:
    ports, user_id, order_id = call.ports, call.user_id, call.id("order_id")
    # Ownership is checked before the stream starts, so a stranger gets a plain 404.
    first = await call.run(own_order, ports, user_id, order_id)
    settings = call.edge.settings

    async def poll() -> Order:
        # Plain reads, no reconciliation: polling must not call the payments service.
        return await run_in_threadpool(own_order, ports, user_id, order_id)

    stream = sse.watch(
        first,
        poll,
        version=lambda o: (o.order_status, o.updated_at),
        is_final=lambda o: o.order_status in FINAL,
        render=_render,
        timing=sse.Timing(settings.sse_poll_s, settings.sse_heartbeat_s, settings.sse_max_s),
    )
    return StreamingResponse(
        stream,
        media_type=sse.MEDIA_TYPE,
        headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
    )


OPERATIONS = [
    Operation(
        "orderEvents",
        "GET",
        f"{PREFIX}/orders/{{order_id}}/events",
        "Watch an order's status (server-sent events)",
        "orders",
        order_events,
        media_type=sse.MEDIA_TYPE,
        errors=(404,),
        description=(
            "A text/event-stream: an event `status` with the order as JSON now and at "
            "every change, a heartbeat comment every 15 s; it ends once the order is "
            "DELIVERED or CANCELLED, or after a bounded time (reconnect to go on)."
        ),
    ),
]
