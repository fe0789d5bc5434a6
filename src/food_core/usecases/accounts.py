"""Signup and login."""

from __future__ import annotations

from food_core.errors import InvalidCredentials, ValidationFailed
from food_core.model import User, UserRole
from food_core.rules import (
    NAME_MAX_LENGTH,
    check_password,
    normalize_email,
    normalize_phone,
    normalize_text,
)
from food_core.usecases.context import Ports

# Verified against when the email is unknown, so a miss costs as much as a wrong password.
_DUMMY_PASSWORD = "not-the-password-of-anyone"  # noqa: S105 (not a credential)


def signup(
    ports: Ports,
    *,
    user_name: str,
    email: str,
    phone: str,
    password: str,
    role: UserRole = UserRole.CUSTOMER,
    restaurant_id: int | None = None,
) -> User:
    user_name = normalize_text(user_name, field="user_name", max_length=NAME_MAX_LENGTH)
    email = normalize_email(email)
    phone = normalize_phone(phone)
    check_password(password)
    if (role is UserRole.PARTNER) != (restaurant_id is not None):
        raise ValidationFailed(
            "a partner account names exactly one restaurant", field="restaurant_id"
        )
    if restaurant_id is not None and ports.catalog.get_restaurant(restaurant_id) is None:
        raise ValidationFailed(f"restaurant {restaurant_id} does not exist", field="restaurant_id")
    user = User(
        user_id=ports.ids.next_id(),
        user_name=user_name,
        email=email,
        phone=phone,
        created_at=ports.clock.now(),
        role=role,
        restaurant_id=restaurant_id,
    )
    ports.users.add(user, ports.hasher.hash(password))
    return user


class _DummyHash:
    """Lazily computed once per hasher, so a failed lookup still pays for a verify."""

    def __init__(self) -> None:
        self._by_hasher: dict[int, str] = {}

    def for_ports(self, ports: Ports) -> str:
        key = id(ports.hasher)
        if key not in self._by_hasher:
            self._by_hasher[key] = ports.hasher.hash(_DUMMY_PASSWORD)
        return self._by_hasher[key]


_dummy = _DummyHash()


def login(ports: Ports, *, email: str, password: str) -> User:
    """One generic error for unknown email and wrong password alike."""
    try:
        normalized = normalize_email(email)
    except ValidationFailed:
        normalized = None
    user = ports.users.get_by_email(normalized) if normalized else None
    stored = ports.users.password_hash(user.user_id) if user else None
    if user is None or stored is None:
        ports.hasher.verify(_dummy.for_ports(ports), password)
        raise InvalidCredentials("email or password is incorrect")
    if not ports.hasher.verify(stored, password):
        raise InvalidCredentials("email or password is incorrect")
    if ports.hasher.needs_rehash(stored):
        ports.users.set_password_hash(user.user_id, ports.hasher.hash(password))
    return user
