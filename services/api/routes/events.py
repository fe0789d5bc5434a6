"""``GET /orders/{order_id}/events``: an order's status changes as server-sent events.

A stream holds resources for minutes, so it is bounded three ways: per user, at most
``FOOD_SSE_MAX_PER_USER`` open at once across replicas (slots leased in the store,
:mod:`services.api.stream_slots`; beyond it a 429 problem), in time (``FOOD_SSE_MAX_S``),
and by its session: it ends when the token it was opened with is revoked (logout) or
expires. Traefik adds an in-flight limit per client IP for this route.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Hashable
from datetime import timedelta
from typing import TypeVar

import anyio
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response, StreamingResponse

from food_core.model import FINAL_STATUSES, Order
from food_core.usecases import own_order
from services.api import sse
from services.api.calls import Call
from services.api.paths import PREFIX
from services.api.problems import ApiProblem
from services.api.routing import Operation
from services.api.schemas.converter import unstructure
from services.api.schemas.orders import OrderOut, order_out
from services.api.stream_slots import StreamSlot

STATUS_EVENT = "status"
SESSION_ENDED = "the session has ended; sign in again to keep watching"
SLOT_LOST = "too many streams are open for this account; this one is closed"

T = TypeVar("T")


def _renderer(accept_window: timedelta) -> Callable[[Order], str]:
    def render(order: Order) -> str:
        data = unstructure(order_out(order, accept_window))
        return sse.event(STATUS_EVENT, data, event_id=order.updated_at.isoformat())

    return render


async def order_events(call: Call) -> Response:
    ports, user_id, order_id = call.ports, call.user_id, call.id("order_id")
    # Ownership is checked before the stream starts, so a stranger gets a plain 404.
    first = await call.run(own_order, ports, user_id, order_id)

    async def poll() -> Order:
        # Plain reads, no reconciliation: polling must not call the payments service.
        return await run_in_threadpool(own_order, ports, user_id, order_id)

    return await guarded_stream(
        call,
        first,
        poll,
        version=lambda o: (o.order_status, o.updated_at),
        is_final=lambda o: o.order_status in FINAL_STATUSES,
        render=_renderer(call.accept_window),
    )


async def guarded_stream(
    call: Call,
    first: T,
    poll: Callable[[], Awaitable[T]],
    *,
    version: Callable[[T], Hashable],
    is_final: Callable[[T], bool],
    render: Callable[[T], str],
) -> Response:
    """A stream of ``render(value)`` at every change of ``version``, within the caller's
    stream slots (429 when they are all taken), time limit and session."""
    caller, container = call.caller, call.container
    assert caller is not None
    settings, clock, revoked = container.settings(), container.clock(), container.revoked_tokens()
    slot = StreamSlot(
        container.stream_leases(),
        clock,
        caller.user_id,
        limit=settings.sse_max_per_user,
        period_s=settings.sse_lease_s,
    )
    if not await run_in_threadpool(slot.open):
        raise ApiProblem(
            429,
            "too_many_streams",
            f"at most {settings.sse_max_per_user} event streams may be open at once per "
            "account; close one (or poll instead) and try again",
            headers={"Retry-After": str(slot.retry_after_s)},
        )

    def still_allowed() -> str | None:
        if clock.now() >= caller.expires_at:
            return SESSION_ENDED
        if revoked.is_revoked(caller.token_id):
            return SESSION_ENDED
        if not slot.keep():
            return SLOT_LOST
        return None

    async def keep_going() -> str | None:
        return await run_in_threadpool(still_allowed)

    async def stream() -> AsyncIterator[str]:
        try:
            async for chunk in sse.watch(
                first,
                poll,
                version=version,
                is_final=is_final,
                render=render,
                timing=sse.Timing(
                    settings.sse_poll_s, settings.sse_heartbeat_s, settings.sse_max_s
                ),
                keep_going=keep_going,
            ):
                yield chunk
        finally:
            # Also when the client went away (cancelled): give the slot back regardless.
            with anyio.CancelScope(shield=True):
                await run_in_threadpool(slot.close)

    return StreamingResponse(
        stream(),
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
        response=OrderOut,
        media_type=sse.MEDIA_TYPE,
        event=STATUS_EVENT,
        errors=(404, 429),
        description=(
            "A text/event-stream: an event `status` with the order as JSON now and at "
            "every change, a heartbeat comment every 15 s; it ends once the order is "
            "DELIVERED or CANCELLED, after a bounded time (reconnect to go on), or when "
            "the session ends (logout, expiry). A few streams (4 by default) may be open "
            "at once per account, across replicas: beyond that, 429 `too_many_streams` "
            "with Retry-After."
        ),
    ),
]
