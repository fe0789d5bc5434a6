"""Server-sent events (text/event-stream) fed by polling the store.

Replicas share nothing but the store, so a change made through one replica reaches a
stream held by the other only through it: the stream polls. It sends an event when the
watched value changes, a comment line as a heartbeat (so proxies keep the connection
open), and ends when the value is final, the stream has lived its maximum time, or
``keep_going`` says why it must stop (its session ended, it lost its slot).
"""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Hashable
from typing import Any, TypeVar

import anyio
from attrs import frozen

T = TypeVar("T")
MEDIA_TYPE = "text/event-stream"
RETRY_MS = 3000  # how long a browser's EventSource waits before reconnecting


@frozen
class Timing:
    poll_s: float
    heartbeat_s: float
    max_s: float


def event_schema(name: str, data: dict[str, Any], id_description: str) -> dict[str, Any]:
    """The JSON Schema of one event that :func:`event` writes with ``event_id``, as an
    SSE parser reads it (``event``, ``id``, ``data``; comments and the ``retry`` line
    are not events). In OpenAPI 3.1 a text/event-stream's schema is that of each event."""
    return {
        "description": f"One `{name}` event; `data` is JSON. Heartbeats are comment lines.",
        "type": "object",
        "properties": {
            "event": {"const": name},
            "id": {"type": "string", "description": id_description},
            "data": {
                "type": "string",
                "contentMediaType": "application/json",
                "contentSchema": data,
            },
        },
        "required": ["event", "id", "data"],
        "additionalProperties": False,
    }


def event(name: str, data: object, event_id: str | None = None) -> str:
    lines = [f"event: {name}"]
    if event_id:
        lines.append(f"id: {event_id}")
    # One data line: json.dumps never emits a newline without indent.
    lines.append("data: " + json.dumps(data, separators=(",", ":"), ensure_ascii=True))
    return "\n".join(lines) + "\n\n"


def comment(text: str) -> str:
    return f": {text}\n\n"


async def watch(
    first: T,
    poll: Callable[[], Awaitable[T]],
    *,
    version: Callable[[T], Hashable],
    is_final: Callable[[T], bool],
    render: Callable[[T], str],
    timing: Timing,
    keep_going: Callable[[], Awaitable[str | None]] | None = None,
) -> AsyncIterator[str]:
    """Yield ``render(value)`` for ``first`` and for every later value whose ``version``
    differs; heartbeat comments in between. Before every poll, ``keep_going`` may end
    the stream by returning the reason, sent as the last comment."""
    yield f"retry: {RETRY_MS}\n\n"
    started = time.monotonic()
    next_beat = started + timing.heartbeat_s
    value, last = first, None
    while True:
        current = version(value)
        if current != last:
            yield render(value)
            last = current
        if is_final(value):
            return
        now = time.monotonic()
        if now - started >= timing.max_s:
            yield comment("stream time limit reached; reconnect to keep watching")
            return
        if now >= next_beat:
            yield comment("heartbeat")
            next_beat = now + timing.heartbeat_s
        await anyio.sleep(min(timing.poll_s, max(0.0, next_beat - now)))
        if keep_going is not None:
            reason = await keep_going()
            if reason is not None:
                yield comment(reason)
                return
        value = await poll()
