"""Loading things on behalf of a user: someone else's is indistinguishable from missing."""

from __future__ import annotations

from food_core.errors import NotFound
from food_core.model import Order, User
from food_core.usecases.changing import load_order
from food_core.usecases.context import Ports


def own_order(ports: Ports, user_id: int, order_id: int) -> Order:
    return load_order(ports, order_id, owner=user_id)


def existing_user(ports: Ports, user_id: int) -> User:
    user = ports.users.get(user_id)
    if user is None:
        raise NotFound(f"user {user_id} not found", field="user_id")
    return user
