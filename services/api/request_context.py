"""What the edge knows about the request being served, reachable without passing it around.

The access-log middleware puts a fresh :class:`RequestContext` in a context variable for
each request; later layers fill it in (``user_id`` once the caller is authenticated).
It is a mutable object rather than separate variables because a value *set* in an inner
task or worker thread would not flow back out, while a mutation of a shared object does.
Worker threads see it because Starlette's thread pool copies the context.

``current_request_id`` is what the payments adapter calls to forward ``X-Request-ID``.
"""

from __future__ import annotations

import re
import uuid
from contextvars import ContextVar

from attrs import define

REQUEST_ID_HEADER = "X-Request-ID"
# Accept a caller's id only if it is short and harmless in a log line or a header.
_VALID_REQUEST_ID = re.compile(r"[A-Za-z0-9._:\-]{1,128}")


@define
class RequestContext:
    request_id: str
    user_id: int | None = None


_current: ContextVar[RequestContext | None] = ContextVar("food_request_context", default=None)


def begin(incoming_id: str | None) -> RequestContext:
    """Start the context of a new request, keeping a well-formed incoming id."""
    request_id = incoming_id if incoming_id and _VALID_REQUEST_ID.fullmatch(incoming_id) else ""
    context = RequestContext(request_id or uuid.uuid4().hex)
    _current.set(context)
    return context


def current() -> RequestContext | None:
    return _current.get()


def current_request_id() -> str | None:
    context = _current.get()
    return context.request_id if context is not None else None


def set_user(user_id: int) -> None:
    context = _current.get()
    if context is not None:
        context.user_id = user_id
