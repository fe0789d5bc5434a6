"""The outermost layer of every request: request id, access log, metrics, last-resort 500.

- ``X-Request-ID`` is taken from the request when well formed, otherwise generated, kept
  in the request context (the payments adapter forwards it) and echoed in the response.
- One JSON access-log line per request, labelled by route template.
- An unexpected exception is logged once, with its traceback and the request id, and
  answered with a 500 problem carrying that id.
- API responses are marked ``Cache-Control: no-store`` (they carry personal data and
  tokens) and every response ``X-Content-Type-Options: nosniff``.
"""

from __future__ import annotations

import logging
import time

from starlette.datastructures import MutableHeaders
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from services.api import request_context
from services.api.logs import ACCESS_LOGGER
from services.api.metrics import UNMATCHED_ROUTE, Metrics
from services.api.problems import ApiProblem, problem_response

access_log = logging.getLogger(ACCESS_LOGGER)
error_log = logging.getLogger("food.api")
API_PREFIX = "/api/"


def route_template(scope: Scope) -> str:
    route = scope.get("route")
    return route.path if isinstance(route, Route) else UNMATCHED_ROUTE


class AccessMiddleware:
    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = None
        for name, value in scope.get("headers", []):
            if name == b"x-request-id":
                incoming = value.decode("latin-1")
        context = request_context.begin(incoming)
        started = time.perf_counter()
        status = 500
        response_started = False
        is_api = scope["path"].startswith(API_PREFIX)

        async def send_with_headers(message: Message) -> None:
            nonlocal status, response_started
            if message["type"] == "http.response.start":
                response_started = True
                status = message["status"]
                headers = MutableHeaders(scope=message)
                headers[request_context.REQUEST_ID_HEADER] = context.request_id
                headers.setdefault("X-Content-Type-Options", "nosniff")
                if is_api:
                    headers.setdefault("Cache-Control", "no-store")
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            status = 500
            error_log.exception("unhandled error", extra={"request_id": context.request_id})
            if not response_started:
                problem = ApiProblem(500, "internal_error", "something went wrong on our side")
                await problem_response(problem)(scope, receive, send_with_headers)
        finally:
            elapsed = time.perf_counter() - started
            route = route_template(scope)
            method = scope["method"]
            self.metrics.observe_request(route, method, status, elapsed)
            access_log.info(
                "request",
                extra={
                    "method": method,
                    "route": route,
                    "status": status,
                    "duration_ms": round(elapsed * 1000, 3),
                    "request_id": context.request_id,
                    "user_id": context.user_id,
                },
            )
