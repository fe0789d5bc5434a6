"""Accounts: signup, login and the user as the API shows it (never a password hash)."""

from __future__ import annotations

from datetime import datetime

from attrs import frozen

from food_core.model import User, UserRole
from food_core.rules import PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH
from services.api.schemas import fields as f

# The core's email rule (food_core.rules), in a dialect both Python and ECMA-262 read.
EMAIL_PATTERN = (
    r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$"
)
# A 10-digit Indian mobile number, optionally with +91, 91 or 0 in front.
PHONE_PATTERN = r"^(?:\+91|91|0)?[6-9][0-9]{9}$"


BEARER_DESCRIPTION = (
    "true: also return the session token in the body, for a client that sends it as "
    "`Authorization: Bearer` (an app, a script). Left out (the web app), the session is "
    "only the HttpOnly cookie, which no script can read"
)


@frozen(kw_only=True)
class SignupIn:
    user_name: str = f.text(80, description="How the restaurant and the rider address you")
    email: str = f.pattern(
        EMAIL_PATTERN, "must be a valid address like name@example.com", max_length=254
    )
    phone: str = f.pattern(
        PHONE_PATTERN,
        "must be a 10-digit Indian mobile number starting with 6, 7, 8 or 9",
        max_length=13,
        min_length=10,
    )
    password: str = f.length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, secret=True)
    bearer: bool = f.described(BEARER_DESCRIPTION, default=False)


@frozen(kw_only=True)
class LoginIn:
    # Any one line of text: an address no account has is the same 401 as a wrong password.
    email: str = f.text(254)
    password: str = f.length(1, PASSWORD_MAX_LENGTH, secret=True)
    bearer: bool = f.described(BEARER_DESCRIPTION, default=False)


@frozen(kw_only=True)
class UserOut:
    """A person with an account. ``restaurant_id`` is set for restaurant partners only."""

    user_id: int
    user_name: str
    email: str
    phone: str
    total_orders: int
    role: UserRole
    restaurant_id: int | None
    created_at: datetime


@frozen(kw_only=True)
class SessionOut:
    """The new session, set as the HttpOnly ``food_session`` cookie with ``food_csrf``
    beside it. ``token`` — the same session token, for ``Authorization: Bearer`` — is in
    the body only when the request asked for it with ``bearer: true``."""

    user: UserOut
    token: str = f.described("The session token (only when `bearer` was true)", default="")


def user_out(user: User) -> UserOut:
    return UserOut(
        user_id=user.user_id,
        user_name=user.user_name,
        email=user.email,
        phone=user.phone,
        total_orders=user.total_orders,
        role=user.role,
        restaurant_id=user.restaurant_id,
        created_at=user.created_at,
    )
