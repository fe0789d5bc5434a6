"""The request size limit: 413 for bodies over 1 MiB, whether announced or streamed.

A declared ``Content-Length`` over the limit is refused before anything else runs. A
chunked body is counted as it is received; the handler reading it gets a 413 problem the
moment the count passes the limit, so the rest is never buffered.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from services.api.problems import ApiProblem, problem_response

MAX_BODY_BYTES = 1024 * 1024


def _too_large() -> ApiProblem:
    return ApiProblem(
        413, "payload_too_large", f"the request body must be at most {MAX_BODY_BYTES} bytes"
    )


class BodyLimitMiddleware:
    def __init__(self, app: ASGIApp, max_bytes: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = -1
                if declared < 0 or declared > self.max_bytes:
                    problem = (
                        _too_large()
                        if declared > self.max_bytes
                        else ApiProblem(400, "bad_request", "Content-Length is not a number")
                    )
                    await problem_response(problem)(scope, receive, send)
                    return
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise _too_large()
            return message

        await self.app(scope, limited_receive, send)
