"""The one place where errors become HTTP responses.

Domain errors carry a stable ``code``; :data:`DOMAIN_STATUS` maps each code to its HTTP
status. The exception handlers installed by :func:`exception_handlers` turn domain errors,
the edge's own :class:`ApiProblem` and Starlette's routing errors (404, 405) into problem
responses. Anything else is a 500 problem, answered by the access middleware.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from food_core.errors import DomainError
from services.api.problems import ApiProblem, FieldError, problem_response

DOMAIN_STATUS: Mapping[str, int] = {
    "validation_failed": 422,
    "not_found": 404,
    "email_taken": 409,
    "phone_taken": 409,
    "invalid_credentials": 401,
    "cart_restaurant_conflict": 409,
    "quantity_out_of_range": 422,
    "cart_too_large": 422,
    "item_unavailable": 409,
    "cart_empty": 409,
    "concurrent_update": 409,
    "idempotency_key_reused": 422,
    "request_in_progress": 409,
    "payment_declined": 402,
    "invalid_payment_details": 422,
    "order_already_paid": 409,
    "payment_unavailable": 503,
    "invalid_transition": 409,
    "forbidden": 403,
    "address_not_serviceable": 422,
    "restaurant_closed": 409,
    "cart_changed": 409,
    "conflict": 409,
}
# Seconds a client should wait before retrying when the payments service did not answer.
PAYMENT_RETRY_AFTER_S = 5
# Answers that say "not now" rather than "no": a replayable request must not keep them.
TRANSIENT_CODES = frozenset({"request_in_progress", "concurrent_update", "payment_unavailable"})


def problem_from_domain(error: DomainError) -> ApiProblem:
    status = DOMAIN_STATUS.get(error.code, 409 if error.code.endswith("conflict") else 400)
    errors = (FieldError(error.field, error.message),) if error.field else ()
    headers: dict[str, str] = {}
    extra: dict[str, object] = error.details()
    if error.code == "payment_unavailable":
        headers["Retry-After"] = str(PAYMENT_RETRY_AFTER_S)
    if error.code == "invalid_credentials":
        headers["WWW-Authenticate"] = 'Bearer realm="food"'
    return ApiProblem(
        status, error.code, error.message, errors=errors, headers=headers, extra=extra
    )


def as_problem(error: Exception) -> ApiProblem | None:
    """The problem an expected exception stands for; None for a bug."""
    if isinstance(error, ApiProblem):
        return error
    if isinstance(error, DomainError):
        return problem_from_domain(error)
    return None


def _routing_problem(error: HTTPException) -> ApiProblem:
    if error.status_code == 404:
        return ApiProblem(404, "not_found", "there is nothing at this address")
    if error.status_code == 405:
        headers = dict(error.headers or {})
        return ApiProblem(
            405,
            "method_not_allowed",
            f"this resource allows {headers.get('Allow', 'other methods')} only",
            headers=headers,
        )
    return ApiProblem(error.status_code, "http_error", str(error.detail), headers=error.headers)


Handler = Callable[[Request, Exception], Awaitable[Response]]


def exception_handlers(
    not_found_fallback: Callable[[Request], Awaitable[Response | None]] | None = None,
) -> dict[type[Exception], Handler]:
    """``not_found_fallback`` may answer an unmatched path (the web app's pages)."""

    async def on_problem(_request: Request, error: Exception) -> Response:
        problem = as_problem(error)
        assert problem is not None
        return problem_response(problem)

    async def on_http(request: Request, error: Exception) -> Response:
        assert isinstance(error, HTTPException)
        if error.status_code == 404 and not_found_fallback is not None:
            page = await not_found_fallback(request)
            if page is not None:
                return page
        return problem_response(_routing_problem(error))

    return {ApiProblem: on_problem, DomainError: on_problem, HTTPException: on_http}
