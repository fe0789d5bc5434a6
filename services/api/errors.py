"""The one place where errors become HTTP responses.

Domain errors carry a stable ``code``; :data:`DOMAIN_STATUS` maps error *classes* to HTTP
statuses, and an error takes the status of the nearest class in its hierarchy that the
table names (every ``Conflict`` is a 409 unless a subclass says otherwise), the way
Starlette picks an exception handler. The exception handlers installed by
:func:`exception_handlers` turn domain errors, the edge's own :class:`ApiProblem` and
Starlette's routing errors (404, 405) into problem responses. Anything else is a 500
problem, answered by the access middleware.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from food_core.errors import (
    AddressNotServiceable,
    CartTooLarge,
    ConcurrentUpdate,
    Conflict,
    CouponInvalid,
    DomainError,
    Forbidden,
    IdempotencyKeyReused,
    InvalidCredentials,
    InvalidPaymentDetails,
    ItemUnavailable,
    NotFound,
    OptionsInvalid,
    PaymentDeclined,
    PaymentUnavailable,
    QuantityOutOfRange,
    RequestInProgress,
    TipOutOfRange,
    ValidationFailed,
)
from services.api.problems import ApiProblem, FieldError, problem_response

DOMAIN_STATUS: Mapping[type[DomainError], int] = {
    DomainError: 400,
    ValidationFailed: 422,
    QuantityOutOfRange: 422,
    CartTooLarge: 422,
    IdempotencyKeyReused: 422,
    InvalidPaymentDetails: 422,
    AddressNotServiceable: 422,
    CouponInvalid: 422,
    TipOutOfRange: 422,
    OptionsInvalid: 422,
    InvalidCredentials: 401,
    PaymentDeclined: 402,
    Forbidden: 403,
    NotFound: 404,
    Conflict: 409,
    ItemUnavailable: 409,
    PaymentUnavailable: 503,
}
# Answers that say "not now" rather than "no": a replayable request must not keep them.
TRANSIENT_ERRORS: tuple[type[DomainError], ...] = (
    RequestInProgress,
    ConcurrentUpdate,
    PaymentUnavailable,
)
TRANSIENT_CODES = frozenset(error.code for error in TRANSIENT_ERRORS)


def status_of(error: type[DomainError]) -> int:
    """The status of the nearest class in the error's hierarchy that the table names."""
    return next(DOMAIN_STATUS[cls] for cls in error.__mro__ if cls in DOMAIN_STATUS)


# Seconds a client should wait before retrying when the payments service did not answer.
PAYMENT_RETRY_AFTER_S = 5


def problem_from_domain(error: DomainError) -> ApiProblem:
    errors = (FieldError(error.field, error.message),) if error.field else ()
    headers: dict[str, str] = {}
    if isinstance(error, PaymentUnavailable):
        headers["Retry-After"] = str(PAYMENT_RETRY_AFTER_S)
    if isinstance(error, InvalidCredentials):
        headers["WWW-Authenticate"] = 'Bearer realm="food"'
    return ApiProblem(
        status_of(type(error)),
        error.code,
        error.message,
        errors=errors,
        headers=headers,
        extra=error.details(),
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
