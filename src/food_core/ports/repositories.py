"""Persistence ports. Each is small: add/get plus the few queries a use case needs.

Commit points (DESIGN §4): a use case commits with one atomic write — an insert under a
unique key (``claim``) or a compare-and-set on a status/version — so no adapter needs a
multi-document transaction.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import datetime
from typing import Protocol

from food_core.model import (
    Address,
    Cart,
    City,
    FoodItem,
    Order,
    OrderStatus,
    Payment,
    PaymentStatus,
    Restaurant,
    User,
)
from food_core.search import RestaurantQuery


class UserRepository(Protocol):
    def add(self, user: User, password_hash: str) -> None:
        """Insert; raise ``EmailTaken`` / ``PhoneTaken`` if either is already used."""
        ...

    def get(self, user_id: int) -> User | None: ...

    def get_by_email(self, email: str) -> User | None: ...

    def password_hash(self, user_id: int) -> str | None: ...

    def set_password_hash(self, user_id: int, password_hash: str) -> None: ...


class CatalogRepository(Protocol):
    def add_city(self, city: City) -> None: ...

    def add_restaurant(self, restaurant: Restaurant) -> None: ...

    def add_food_items(self, items: Iterable[FoodItem]) -> None: ...

    def set_availability(self, food_id: int, availability: bool) -> None: ...

    def is_empty(self) -> bool: ...

    def list_cities(self) -> list[City]:
        """Ordered by city name."""
        ...

    def get_city(self, pincode: str) -> City | None: ...

    def search_restaurants(self, query: RestaurantQuery) -> list[Restaurant]:
        """At most ``query.limit`` matches (see ``search.matches``), in ``search.sort_key``
        order, strictly after ``query.after``."""
        ...

    def get_restaurant(self, restaurant_id: int) -> Restaurant | None: ...

    def menu(self, restaurant_id: int) -> list[FoodItem]:
        """Ordered by category, then name, then food_id."""
        ...

    def get_food_items(self, food_ids: Collection[int]) -> dict[int, FoodItem]: ...


class CartRepository(Protocol):
    def get(self, user_id: int) -> Cart | None: ...

    def save(self, cart: Cart, expected_version: int | None) -> bool:
        """Compare-and-set: store ``cart`` only if the stored cart's version is
        ``expected_version`` (``None``: only if the user has no cart yet)."""
        ...


class AddressRepository(Protocol):
    def add(self, address: Address, limit: int | None = None) -> bool:
        """Store ``address`` (replacing one with its id) and return True — unless a
        ``limit`` is given and the user already has that many other addresses: then store
        nothing and return False. The count and the insert are one atomic step, so
        concurrent adds cannot take a user past the limit."""
        ...

    def get(self, address_id: int) -> Address | None: ...

    def list_for_user(self, user_id: int) -> list[Address]:
        """Ordered by address_id (creation order)."""
        ...

    def delete(self, address_id: int, user_id: int) -> bool: ...


class OrderRepository(Protocol):
    def claim(self, order: Order) -> Order:
        """Insert ``order`` under the unique key (user, idempotency_key) and return it;
        if that key is already taken, insert nothing and return the stored order."""
        ...

    def get(self, order_id: int) -> Order | None: ...

    def get_by_key(self, user_id: int, idempotency_key: str) -> Order | None: ...

    def list_for_user(self, user_id: int, limit: int, before: int | None = None) -> list[Order]:
        """Newest first; ``before`` is an order_id to page from."""
        ...

    def list_for_restaurant(
        self, restaurant_id: int, statuses: Collection[OrderStatus], limit: int
    ) -> list[Order]:
        """Oldest first (the kitchen works in arrival order)."""
        ...

    def list_refunds_due(self, limit: int) -> list[Order]:
        """Cancelled orders whose payment still stands as SUCCEEDED."""
        ...

    def transition(self, order: Order, expected: OrderStatus) -> bool:
        """Compare-and-set: replace the stored order by ``order`` only if the stored
        status is ``expected``. When ``order`` moves into CONFIRMED, the customer's
        ``total_orders`` is incremented in the same atomic step (or by an idempotent
        follow-up the adapter guarantees), so it counts each order exactly once."""
        ...


class PaymentRepository(Protocol):
    def claim(self, payment: Payment) -> Payment:
        """Insert under the unique key (order_id, idempotency_key); if taken, return
        the stored attempt instead."""
        ...

    def get(self, payment_id: int) -> Payment | None: ...

    def get_by_key(self, order_id: int, idempotency_key: str) -> Payment | None: ...

    def list_for_order(self, order_id: int) -> list[Payment]:
        """Oldest first."""
        ...

    def list_pending(self, created_before: datetime, limit: int) -> list[Payment]:
        """Attempts whose outcome is unknown — PENDING with no ``gateway_reference`` —
        created before ``created_before``, oldest first. (A cash-on-delivery payment the
        gateway has recorded stays PENDING until delivery but has a reference.)"""
        ...

    def update(self, payment: Payment, expected: PaymentStatus) -> bool:
        """Compare-and-set on ``payment_status``."""
        ...
