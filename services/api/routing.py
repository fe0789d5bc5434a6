"""Operations: each endpoint declared once, from which both the Starlette routes and the
OpenAPI document are made.

An :class:`Operation` names its method and path, its request/response/query classes, who
may call it, its idempotency policy and the error statuses its use case can answer. The
dispatcher does what every operation needs — authenticate, parse path, query and body,
enforce ``Idempotency-Key`` — then calls the handler with a :class:`Call` and renders its
:class:`Reply`. Operations sharing a path become one route, so a wrong method gets a 405
whose ``Allow`` lists every method of the path.
"""

from __future__ import annotations

import enum
from collections.abc import Awaitable, Callable, Mapping, Sequence

from attrs import frozen
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from food_core.model import UserRole
from services.api import idempotency
from services.api.auth.csrf import SAFE_METHODS
from services.api.auth.sessions import Caller, authenticate, start_session
from services.api.body import EMPTY, read_json
from services.api.calls import Call, Handler, Reply
from services.api.container import Container
from services.api.params import parse_path, parse_query
from services.api.problems import PROBLEM_MEDIA_TYPE, ApiProblem, FieldError, encode_json
from services.api.schemas.converter import structure
from services.api.schemas.unions import OneOf

IDEMPOTENCY_HEADER = "Idempotency-Key"
REPLAYED_HEADER = "Idempotent-Replayed"


class Auth(enum.Enum):
    NONE = "none"
    USER = "user"  # any signed-in account
    PARTNER = "partner"  # a restaurant partner's account
    RIDER = "rider"  # a rider's account


class Keys(enum.Enum):
    """The operation's use of ``Idempotency-Key``."""

    NONE = "none"
    OPTIONAL = "optional"  # replayed from the request log when sent
    REQUIRED = "required"  # the core itself keys the work (orders, payments)


@frozen
class Operation:
    operation_id: str
    method: str
    path: str
    summary: str
    tag: str
    handler: Handler
    status: int = 200
    request: type | OneOf | None = None  # a OneOf: a body of one of several shapes
    response: type | None = None
    query: type | None = None
    auth: Auth = Auth.USER
    keys: Keys = Keys.NONE
    errors: tuple[int, ...] = ()  # statuses the use case can answer besides the generic ones
    starts_session: bool = False
    media_type: str = "application/json"
    # text/event-stream: the name of the events, whose data is ``response`` as JSON.
    event: str = ""
    description: str = ""
    include_in_schema: bool = True

    @property
    def takes_body(self) -> bool:
        return self.method not in SAFE_METHODS


# --- dispatch --------------------------------------------------------------------------


async def _caller(operation: Operation, request: Request, container: Container) -> Caller | None:
    if operation.auth is Auth.NONE:
        return None
    caller = await authenticate(request, container)
    if operation.auth is Auth.PARTNER and caller.role is not UserRole.PARTNER:
        raise ApiProblem(403, "forbidden", "only a restaurant partner may do this")
    if operation.auth is Auth.RIDER and caller.role is not UserRole.RIDER:
        raise ApiProblem(403, "forbidden", "only a rider may do this")
    return caller


def _body(operation: Operation, raw: object) -> object:
    if operation.request is not None:
        if raw is EMPTY:
            raise ApiProblem(
                422,
                "validation_failed",
                "this request needs a JSON body",
                errors=[FieldError("body", "is required")],
            )
        return structure(raw, operation.request)
    if raw is EMPTY or raw == {}:
        return None
    if isinstance(raw, dict):
        raise ApiProblem(
            422,
            "validation_failed",
            "this request takes no fields",
            errors=[FieldError(str(k), "is not a field a client may set") for k in raw],
        )
    raise ApiProblem(
        422,
        "validation_failed",
        "this request takes no body",
        errors=[FieldError("body", "must be empty or {}")],
    )


def _render(reply: Reply) -> Response:
    headers = dict(reply.headers)
    if reply.replayed:
        headers[REPLAYED_HEADER] = "true"
    if reply.body is None:
        return Response(status_code=reply.status, headers=headers)
    media_type = PROBLEM_MEDIA_TYPE if reply.is_problem else "application/json"
    return Response(
        encode_json(reply.body), status_code=reply.status, headers=headers, media_type=media_type
    )


def _with_session(container: Container, reply: Reply, call: Call) -> Response:
    """Set the session cookies for a ``{user}`` reply — also on a replay, so a retried
    signup still ends signed in — and add the token to the body only if the request
    asked for bearer auth (``bearer: true``): the web app never needs it there."""
    if reply.status >= 300 or not isinstance(reply.body, dict):
        return _render(reply)
    user = reply.body["user"]
    response = _render(reply)
    token = start_session(container, response, int(user["user_id"]), UserRole(user["role"]))
    if getattr(call.body, "bearer", False) is True:
        response.body = encode_json({**reply.body, "token": token})
        response.headers["content-length"] = str(len(response.body))
    return response


async def dispatch(operation: Operation, request: Request, container: Container) -> Response:
    caller = await _caller(operation, request, container)
    params = parse_path(operation.path, request.path_params)
    query = parse_query(operation.query, request.query_params) if operation.query else None
    raw = await read_json(request) if operation.takes_body else EMPTY
    body = _body(operation, raw)
    key = request.headers.get(IDEMPOTENCY_HEADER)
    if operation.keys is Keys.REQUIRED and key is None:
        raise ApiProblem(
            400,
            "idempotency_key_missing",
            f"this request needs an {IDEMPOTENCY_HEADER} header (a UUID per attempt)",
            errors=[FieldError(IDEMPOTENCY_HEADER, "is required")],
        )
    call = Call(request, container, caller, params, body, raw, query, key)
    if operation.keys is Keys.OPTIONAL and key is not None:
        reply: Reply | Response = await idempotency.replayable(call, operation.handler)
    else:
        reply = await operation.handler(call)
    if isinstance(reply, Response):
        return reply
    if reply.replayed:
        container.metrics().replays.labels(operation.path).inc()
    if operation.starts_session:
        return _with_session(container, reply, call)
    return _render(reply)


def _endpoint(
    operations: Mapping[str, Operation], container: Container
) -> Callable[[Request], Awaitable[Response]]:
    async def endpoint(request: Request) -> Response:
        method = "GET" if request.method == "HEAD" else request.method
        return await dispatch(operations[method], request, container)

    return endpoint


def build_routes(operations: Sequence[Operation], container: Container) -> list[Route]:
    by_path: dict[str, dict[str, Operation]] = {}
    for operation in operations:
        methods = by_path.setdefault(operation.path, {})
        if operation.method in methods:
            raise ValueError(f"{operation.method} {operation.path} is declared twice")
        methods[operation.method] = operation
    return [
        Route(path, _endpoint(methods, container), methods=list(methods))
        for path, methods in by_path.items()
    ]
