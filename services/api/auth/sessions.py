"""Who is calling: a token from ``Authorization: Bearer`` or from the session cookie.

The web app uses the HttpOnly, SameSite=Strict ``food_session`` cookie (script cannot read
it); other clients send the same token as a bearer token. Cookie-authenticated unsafe
requests must also pass the CSRF check. A revoked token (logged out) is refused.
"""

from __future__ import annotations

from datetime import datetime

from attrs import frozen
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from food_core.model import UserRole
from services.api.auth.csrf import (
    CSRF_COOKIE,
    CSRF_HEADER,
    SAFE_METHODS,
    csrf_token_for,
    csrf_valid,
)
from services.api.auth.tokens import Claims, InvalidToken
from services.api.container import Container
from services.api.problems import ApiProblem
from services.api.request_context import set_user

SESSION_COOKIE = "food_session"
_CHALLENGE = {"WWW-Authenticate": 'Bearer realm="food"'}


@frozen
class Caller:
    user_id: int
    role: UserRole
    token_id: str
    expires_at: datetime
    via_cookie: bool


def _unauthenticated(detail: str) -> ApiProblem:
    return ApiProblem(401, "unauthenticated", detail, headers=_CHALLENGE)


def _presented_token(request: Request) -> tuple[str, bool]:
    header = request.headers.get("authorization")
    if header is not None:
        scheme, _, token = header.strip().partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise _unauthenticated("the Authorization header must be 'Bearer <token>'")
        return token.strip(), False
    cookie = request.cookies.get(SESSION_COOKIE)
    if not cookie:
        raise _unauthenticated("sign in first: no session token was sent")
    return cookie, True


async def authenticate(request: Request, container: Container) -> Caller:
    token, via_cookie = _presented_token(request)
    tokens = container.tokens()
    try:
        claims = tokens.verify(token)
    except InvalidToken:
        raise _unauthenticated("the session token is not valid or has expired") from None
    needs_csrf = via_cookie and request.method not in SAFE_METHODS
    if needs_csrf and not csrf_valid(
        tokens.keys,
        claims.token_id,
        request.cookies.get(CSRF_COOKIE),
        request.headers.get(CSRF_HEADER),
    ):
        raise ApiProblem(
            403,
            "csrf_failed",
            f"a cookie-authenticated change needs the {CSRF_COOKIE} cookie's value "
            f"in the {CSRF_HEADER} header",
        )
    if await run_in_threadpool(container.revoked_tokens().is_revoked, claims.token_id):
        raise _unauthenticated("this session has ended; sign in again")
    set_user(claims.user_id)
    return _caller(claims, via_cookie)


def _caller(claims: Claims, via_cookie: bool) -> Caller:
    return Caller(claims.user_id, claims.role, claims.token_id, claims.expires_at, via_cookie)


def start_session(container: Container, response: Response, user_id: int, role: UserRole) -> str:
    """Issue a token and set the session and CSRF cookies; return the token."""
    tokens = container.tokens()
    token, claims = tokens.issue(user_id, role)
    max_age = int(tokens.ttl.total_seconds())
    secure = container.settings().cookie_secure
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=max_age,
        path="/",
        secure=secure,
        httponly=True,
        samesite="strict",
    )
    response.set_cookie(
        CSRF_COOKIE,
        csrf_token_for(tokens.keys, claims.token_id),
        max_age=max_age,
        path="/",
        secure=secure,
        httponly=False,  # the page's script reads it to echo it in X-CSRF-Token
        samesite="strict",
    )
    return token


def end_session(container: Container, response: Response) -> None:
    secure = container.settings().cookie_secure
    for name, httponly in ((SESSION_COOKIE, True), (CSRF_COOKIE, False)):
        response.delete_cookie(name, path="/", secure=secure, httponly=httponly, samesite="strict")
