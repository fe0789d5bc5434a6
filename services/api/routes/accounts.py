"""Signup, login, logout and the signed-in user."""

from __future__ import annotations

import anyio
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from food_core.errors import InvalidCredentials
from food_core.usecases import existing_user, login, signup
from services.api.auth.client_ip import client_ip
from services.api.auth.sessions import end_session
from services.api.auth.throttle import DEVICE_COOKIE
from services.api.calls import Call, Reply, ok
from services.api.paths import PREFIX
from services.api.problems import ApiProblem
from services.api.routing import Auth, Keys, Operation
from services.api.schemas.converter import unstructure
from services.api.schemas.users import LoginIn, SessionOut, SignupIn, UserOut, user_out


async def sign_up(call: Call) -> Reply:
    body = call.body_as(SignupIn)
    user = await call.run(
        signup,
        call.ports,
        user_name=body.user_name,
        email=body.email,
        phone=body.phone,
        password=body.password,
    )
    # The session is added by the dispatcher (also to a replay): never stored for replays.
    # This browser becomes a known device of the new account (not on a replay).
    return Reply(
        201, {"user": unstructure(user_out(user))}, headers=_known_device(call, body.email)
    )


def _known_device(call: Call, email: str) -> dict[str, str]:
    secure = call.container.settings().cookie_secure
    return {"set-cookie": call.container.throttle().device_cookie(email, secure=secure)}


async def log_in(call: Call) -> Reply:
    body = call.body_as(LoginIn)
    container = call.container
    throttle = container.throttle()
    ip = client_ip(call.request.scope, container.settings().trusted_proxies)
    device = call.request.cookies.get(DEVICE_COOKIE)
    try:
        attempt = await run_in_threadpool(throttle.begin, body.email, ip, device)
    except ApiProblem:
        container.metrics().logins_throttled.inc()
        raise
    try:
        user = await call.run(login, call.ports, email=body.email, password=body.password)
    except InvalidCredentials:
        await run_in_threadpool(throttle.failed, attempt)
        raise
    except BaseException:
        with anyio.CancelScope(shield=True):
            await run_in_threadpool(throttle.abandoned, attempt)
        raise
    await run_in_threadpool(throttle.succeeded, attempt)
    return Reply(
        200, {"user": unstructure(user_out(user))}, headers=_known_device(call, body.email)
    )


async def log_out(call: Call) -> Response:
    caller = call.caller
    assert caller is not None
    await call.run(call.container.revoked_tokens().revoke, caller.token_id, caller.expires_at)
    response = Response(status_code=204)
    end_session(call.container, response)
    return response


async def me(call: Call) -> Reply:
    return ok(user_out(await call.run(existing_user, call.ports, call.user_id)))


OPERATIONS = [
    Operation(
        "signup",
        "POST",
        f"{PREFIX}/auth/signup",
        "Create a customer account and start a session",
        "accounts",
        sign_up,
        status=201,
        request=SignupIn,
        response=SessionOut,
        auth=Auth.NONE,
        keys=Keys.OPTIONAL,
        errors=(409,),
        starts_session=True,
        description=(
            "Sets the HttpOnly session cookie (and `food_csrf`). The token is in the body "
            "only with `bearer: true`, for clients that authenticate with "
            "`Authorization: Bearer`; the web app does not ask for it."
        ),
    ),
    Operation(
        "login",
        "POST",
        f"{PREFIX}/auth/login",
        "Start a session",
        "accounts",
        log_in,
        request=LoginIn,
        response=SessionOut,
        auth=Auth.NONE,
        errors=(401, 429),
        starts_session=True,
        description=(
            "Failed attempts are limited (429 with Retry-After) per account and client "
            "network (IPv6: per /64), with a delay that doubles after a few failures; per "
            "client network across accounts; and per account, except from a device that "
            "signed in to it before (the HttpOnly `food_device` cookie this sets), so "
            "guessing elsewhere cannot lock the owner out. A wrong password and an "
            "unknown account are the same 401. As for signup, the token is in the body "
            "only with `bearer: true`."
        ),
    ),
    Operation(
        "logout",
        "POST",
        f"{PREFIX}/auth/logout",
        "End the session: the token is revoked and the cookies cleared",
        "accounts",
        log_out,
        status=204,
    ),
    Operation(
        "getMe",
        "GET",
        f"{PREFIX}/me",
        "The signed-in user",
        "accounts",
        me,
        response=UserOut,
        errors=(404,),
    ),
]
