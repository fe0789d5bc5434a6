"""Loading things on behalf of a user: someone else's is indistinguishable from missing."""

from __future__ import annotations

from food_core.errors import NotFound
from food_core.model import Order, User
from food_core.usecases.context import Ports


def own_order(ports: Ports, user_id: int, order_id: int) -> Order:
    order = ports.orders.get(order_id)
    if order is None or order.user != user_id:
        raise NotFound(f"order {order_id} not found", field="order_id")
    return order


def existing_user(ports: Ports, user_id: int) -> User:
    user = ports.users.get(user_id)
    if user is None:
        raise NotFound(f"user {user_id} not found", field="user_id")
    return user
