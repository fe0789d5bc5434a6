"""Customers and restaurant partners."""

from __future__ import annotations

from datetime import datetime

from attrs import field, frozen

from food_core.model.status import UserRole


@frozen
class User:
    """A person with an account. The password hash lives with the credentials, never here."""

    user_id: int
    user_name: str
    email: str
    phone: str
    created_at: datetime
    total_orders: int = field(default=0)
    role: UserRole = UserRole.CUSTOMER
    # Set only for partners: the restaurant whose orders they may see and advance.
    restaurant_id: int | None = None

    @total_orders.validator
    def _non_negative(self, _attribute: object, value: int) -> None:
        if value < 0:
            raise ValueError("total_orders cannot be negative")
