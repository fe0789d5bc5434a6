"""The OpenAPI 3.1 document, generated from the operations and their schema classes.

Nothing here repeats a path or a shape by hand: paths, methods, parameters, bodies and
responses come from the :class:`~services.api.routing.Operation` list, and their JSON
Schemas from the attrs classes (:mod:`services.api.schemas.jsonschema`). The error
responses each operation can give are derived from what it declares (authentication, a
body, path or query parameters, an idempotency key) plus the statuses its use case maps
to; every one is a problem document.
"""

from __future__ import annotations

import http
from collections.abc import Sequence
from typing import Any

from services.api.auth.csrf import CSRF_COOKIE, CSRF_HEADER
from services.api.auth.sessions import SESSION_COOKIE
from services.api.params import PATH_PARAMS, path_names, query_schema
from services.api.problems import PROBLEM_MEDIA_TYPE
from services.api.request_context import REQUEST_ID_HEADER
from services.api.routing import IDEMPOTENCY_HEADER, REPLAYED_HEADER, Auth, Keys, Operation
from services.api.schemas.common import ProblemOut
from services.api.schemas.jsonschema import Direction, JsonSchema, SchemaRegistry
from services.api.sse import event_schema

TITLE = "Food ordering API"
VERSION = "1.0.0"
KEY_PATTERN = r"^[A-Za-z0-9_.:\-]{8,128}$"  # food_core.usecases.idempotency.check_key
EVENT_ID_DESCRIPTION = "The version sent: when it last changed (ISO 8601), for Last-Event-ID"

_STATUS_NOTES = {
    400: "Malformed request: the body is not JSON, or a required header is missing",
    401: "Not signed in, an invalid or expired token, or wrong credentials",
    402: "The payment was declined; failure_code says why",
    403: "Not allowed: a partner- or rider-only action, or a cookie session without its CSRF token",
    404: "Not found (another user's resources are not found either)",
    409: "Conflicts with the current state; code says which",
    413: "The request body is larger than 1 MiB",
    415: "The request body is not application/json",
    422: "A field is not valid; errors names each one",
    429: "Too many failed logins, or event streams open; wait Retry-After seconds",
    500: "An error on our side",
    503: "A dependency did not answer; retry after Retry-After seconds",
}


# What an Idempotency-Key adds to an operation's answers (services.api.idempotency, and
# the core's own keys for orders and payments).
_KEY_NOTES = {
    409: "request_in_progress: a request with this Idempotency-Key is still running",
    422: "idempotency_key_reused: this Idempotency-Key was used for another request",
}
_KEY_DESCRIPTION = (
    "One UUID per attempt, kept across retries of it: the same request again is answered "
    "as the first time (Idempotent-Replayed: true). Another request with the same key is "
    "a 422 idempotency_key_reused; while the first is still running, a 409 "
    "request_in_progress."
)


def _header(description: str, schema: JsonSchema | None = None) -> JsonSchema:
    return {"description": description, "schema": schema or {"type": "string"}}


_REQUEST_ID = _header("The request's id (echoes a well-formed incoming X-Request-ID)")
_RETRY_AFTER = _header("Seconds to wait before retrying", {"type": "string", "pattern": "^[0-9]+$"})


def error_statuses(operation: Operation) -> list[int]:
    statuses = set(operation.errors) | {500}
    if operation.auth is not Auth.NONE:
        statuses.add(401)
        if operation.takes_body or operation.auth in (Auth.PARTNER, Auth.RIDER):
            statuses.add(403)
    if path_names(operation.path):
        statuses.add(404)
    if operation.takes_body:
        statuses |= {400, 413, 415, 422}
    if operation.query is not None:
        statuses.add(422)
    if operation.keys is Keys.REQUIRED:
        statuses |= {400, 409, 422}
    elif operation.keys is Keys.OPTIONAL:
        statuses |= {409, 422}
    return sorted(statuses)


class _Builder:
    def __init__(self) -> None:
        self.registry = SchemaRegistry()
        self.problem = self.registry.ref(ProblemOut, Direction.OUTPUT)

    def parameters(self, operation: Operation) -> list[JsonSchema]:
        parameters: list[JsonSchema] = [
            {
                "name": name,
                "in": "path",
                "required": True,
                "description": PATH_PARAMS[name].description,
                "schema": PATH_PARAMS[name].schema,
            }
            for name in path_names(operation.path)
        ]
        if operation.query is not None:
            parameters += query_schema(
                operation.query, lambda tp: self.registry.describe(tp, Direction.INPUT)
            )
        if operation.keys is not Keys.NONE:
            parameters.append(
                {
                    "name": IDEMPOTENCY_HEADER,
                    "in": "header",
                    "required": operation.keys is Keys.REQUIRED,
                    "description": _KEY_DESCRIPTION,
                    "schema": {"type": "string", "pattern": KEY_PATTERN},
                }
            )
        if operation.auth is not Auth.NONE and operation.takes_body:
            parameters.append(
                {
                    "name": CSRF_HEADER,
                    "in": "header",
                    "required": False,
                    "description": f"With cookie sessions: the {CSRF_COOKIE} cookie's value",
                    "schema": {"type": "string"},
                }
            )
        return parameters

    def success(self, operation: Operation) -> JsonSchema:
        headers: dict[str, JsonSchema] = {REQUEST_ID_HEADER: _REQUEST_ID}
        if operation.keys is not Keys.NONE:
            headers[REPLAYED_HEADER] = _header(
                "true when this is the stored answer to an earlier request with the same key",
                {"type": "string", "enum": ["true"]},
            )
        if operation.starts_session:
            headers["Set-Cookie"] = _header(
                f"{SESSION_COOKIE} (HttpOnly, SameSite=Strict) and {CSRF_COOKIE}"
            )
        response: JsonSchema = {
            "description": http.HTTPStatus(operation.status).phrase,
            "headers": headers,
        }
        if operation.status == 204:
            return response
        if operation.response is not None:
            schema = self.registry.ref(operation.response, Direction.OUTPUT)
            if operation.event:
                schema = event_schema(operation.event, schema, EVENT_ID_DESCRIPTION)
        else:
            schema = {"type": "string"}
        response["content"] = {operation.media_type: {"schema": schema}}
        return response

    def error(self, operation: Operation, status: int) -> JsonSchema:
        headers: dict[str, JsonSchema] = {REQUEST_ID_HEADER: _REQUEST_ID}
        if status in (429, 503):
            headers["Retry-After"] = _RETRY_AFTER
        description = _STATUS_NOTES.get(status, http.HTTPStatus(status).phrase)
        if operation.keys is not Keys.NONE and status in _KEY_NOTES:
            description = f"{description}; or {_KEY_NOTES[status]}"
        return {
            "description": description,
            "headers": headers,
            "content": {PROBLEM_MEDIA_TYPE: {"schema": self.problem}},
        }

    def operation(self, operation: Operation) -> JsonSchema:
        result: JsonSchema = {
            "operationId": operation.operation_id,
            "summary": operation.summary,
            "tags": [operation.tag],
        }
        if operation.description:
            result["description"] = operation.description
        parameters = self.parameters(operation)
        if parameters:
            result["parameters"] = parameters
        if operation.request is not None:
            result["requestBody"] = {
                "required": True,
                "content": {
                    "application/json": {
                        "schema": self.registry.ref(operation.request, Direction.INPUT)
                    }
                },
            }
        if operation.auth is not Auth.NONE:
            result["security"] = [{"bearerAuth": []}, {"cookieAuth": []}]
        responses: dict[str, Any] = {str(operation.status): self.success(operation)}
        for status in error_statuses(operation):
            responses[str(status)] = self.error(operation, status)
        result["responses"] = responses
        return result


def build_openapi(operations: Sequence[Operation]) -> dict[str, Any]:
    builder = _Builder()
    paths: dict[str, dict[str, Any]] = {}
    tags: dict[str, None] = {}
    for operation in operations:
        if not operation.include_in_schema:
            continue
        item = paths.setdefault(operation.path, {})
        item[operation.method.lower()] = builder.operation(operation)
        tags[operation.tag] = None
    return {
        "openapi": "3.1.0",
        "info": {
            "title": TITLE,
            "version": VERSION,
            "description": (
                "Customers browse, fill a cart, order and pay; restaurant partners accept "
                "and prepare orders; riders carry them. Money is integer paise with "
                "currency INR; ids are integers. Errors are application/problem+json "
                "with a stable code."
            ),
        },
        "servers": [{"url": "/"}],
        "tags": [{"name": tag} for tag in tags],
        "paths": paths,
        "components": {
            "schemas": builder.registry.components,
            "securitySchemes": {
                "bearerAuth": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"},
                "cookieAuth": {
                    "type": "apiKey",
                    "in": "cookie",
                    "name": SESSION_COOKIE,
                    "description": (
                        f"Set by signup/login. Unsafe methods also need the {CSRF_COOKIE} "
                        f"cookie's value in {CSRF_HEADER}."
                    ),
                },
            },
        },
    }
