"""Persistence ports. Each is small: add/get plus the few queries a use case needs.

Commit points (docs/design.md §4): a use case commits with one atomic write — an insert
under a unique key (``OrderRepository.add``) or a compare-and-set on an aggregate's
version (``CartRepository.save``, ``OrderRepository.save``) — so no adapter needs a
multi-document transaction. An order and its payment attempts are one aggregate: every
change to either is one compare-and-set of the order.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import datetime
from typing import Protocol

from food_core.model import (
    Address,
    Cart,
    City,
    Coupon,
    FoodItem,
    Order,
    OrderStatus,
    Rating,
    RatingTotals,
    Restaurant,
    Rider,
    User,
)
from food_core.search import RestaurantQuery


class UserRepository(Protocol):
    def add(self, user: User, password_hash: str) -> None:
        """Insert; raise ``EmailTaken`` / ``PhoneTaken`` if either is already used."""
        ...

    def get(self, user_id: int) -> User | None:
        """``total_orders`` is derived, never stored: the number of the user's orders that
        were ever confirmed (so it changes in the very write that confirms an order)."""
        ...

    def get_by_email(self, email: str) -> User | None: ...

    def password_hash(self, user_id: int) -> str | None: ...

    def set_password_hash(self, user_id: int, password_hash: str) -> None: ...


class CatalogRepository(Protocol):
    def add_city(self, city: City) -> None: ...

    def add_restaurant(self, restaurant: Restaurant) -> None: ...

    def add_food_items(self, items: Iterable[FoodItem]) -> None: ...

    def set_availability(self, food_id: int, availability: bool) -> None: ...

    def set_price(self, food_id: int, price: int) -> None:
        """The dish's new base price (paise); its options' deltas stay."""
        ...

    def is_empty(self) -> bool: ...

    def list_cities(self) -> list[City]:
        """Ordered by city name."""
        ...

    def get_city(self, pincode: str) -> City | None: ...

    def search_restaurants(self, query: RestaurantQuery) -> list[Restaurant]:
        """At most ``query.limit`` matches (see ``search.matches``: the text matches the
        restaurant or one of its dishes' names), in ``search.sort_key`` order, strictly
        after ``query.after``."""
        ...

    def dishes_matching(self, restaurant_ids: Collection[int], text: str) -> dict[int, list[str]]:
        """The names of those restaurants' dishes that contain ``text`` (case-folded),
        each restaurant's in menu order; restaurants with none are left out."""
        ...

    def set_rating(self, restaurant_id: int, totals: RatingTotals) -> None:
        """Store the restaurant's ``restaurant_rating`` (``totals.score``) and
        ``rating_count``."""
        ...

    def get_restaurant(self, restaurant_id: int) -> Restaurant | None: ...

    def menu(self, restaurant_id: int) -> list[FoodItem]:
        """Ordered by category, then name, then food_id."""
        ...

    def get_food_items(self, food_ids: Collection[int]) -> dict[int, FoodItem]: ...

    def add_coupons(self, coupons: Iterable[Coupon]) -> None:
        """Insert or replace, by code."""
        ...

    def get_coupon(self, code: str) -> Coupon | None:
        """By its (upper-case) code."""
        ...


class RatingRepository(Protocol):
    def add(self, rating: Rating) -> bool:
        """Insert, unless the order has a rating already: then insert nothing, return False."""
        ...

    def get(self, order_id: int) -> Rating | None: ...

    def replace(self, rating: Rating) -> None:
        """Overwrite the order's stored rating (an edit)."""
        ...

    def totals(self, restaurant_id: int) -> RatingTotals:
        """How many ratings the restaurant has and their stars' sum (read from an index)."""
        ...


class FavouriteRepository(Protocol):
    def add(self, user_id: int, restaurant_id: int, at: datetime) -> None:
        """Idempotent: saving a saved restaurant again changes nothing."""
        ...

    def remove(self, user_id: int, restaurant_id: int) -> bool:
        """False if it was not a favourite."""
        ...

    def list_for_user(self, user_id: int, limit: int) -> list[int]:
        """Restaurant ids, the most recently saved first."""
        ...


class CartRepository(Protocol):
    def get(self, user_id: int) -> Cart | None: ...

    def save(self, cart: Cart, expected_version: int | None) -> bool:
        """Compare-and-set: store ``cart`` only if the stored cart's version is
        ``expected_version`` (``None``: only if the user has no cart yet). Every edit
        increments the version, so ``cart.version`` is greater than ``expected_version``."""
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
    def add(self, order: Order) -> Order:
        """The placement's commit: insert ``order`` (version 0) unless the customer
        already has an order under the same idempotency key, or one placed from the same
        cart version (``order.cart_version``); then insert nothing and return the order
        stored under that claim (the key's, when both are taken). Failing those, if
        another of the customer's orders holds the same coupon use (``order.coupon.claim``)
        insert nothing and raise ``CouponUseTaken``."""
        ...

    def coupon_uses_held(self, user_id: int, code: str, slots: int) -> set[int]:
        """Which of the customer's uses 1..``slots`` of coupon ``code`` their orders hold
        (a cancelled order gives its use back)."""
        ...

    def get(self, order_id: int) -> Order | None: ...

    def get_by_key(self, user_id: int, idempotency_key: str) -> Order | None: ...

    def get_by_cart(self, user_id: int, cart_version: int) -> Order | None:
        """The order placed from that version of the customer's cart."""
        ...

    def save(self, order: Order, expected_version: int) -> bool:
        """Compare-and-set: replace the stored order by ``order`` only if the stored one's
        version is ``expected_version`` (which ``order.version``, incremented by every
        change, is greater than). Attempts, delivery and status go together."""
        ...

    def list_for_user(self, user_id: int, limit: int, before: int | None = None) -> list[Order]:
        """Newest first; ``before`` is an order_id to page from."""
        ...

    def list_for_restaurant(
        self, restaurant_id: int, statuses: Collection[OrderStatus], limit: int
    ) -> list[Order]:
        """Oldest first (the kitchen works in arrival order)."""
        ...

    def list_unpaid(self, updated_before: datetime, limit: int) -> list[Order]:
        """Orders waiting for a payment (PENDING_PAYMENT or PAYMENT_FAILED) not changed
        since before ``updated_before``, oldest first: what the sweep may expire."""
        ...

    def list_unaccepted(self, updated_before: datetime, limit: int) -> list[Order]:
        """CONFIRMED orders (waiting for their restaurant to accept) not changed since
        before ``updated_before``, oldest first: what the acceptance deadline may cancel."""
        ...

    def list_needing_attention(self, limit: int) -> list[Order]:
        """Orders whose ``needs_attention`` holds (a payment of unknown outcome, or a
        refund due), oldest first: the reconciliation sweep's work."""
        ...

    def list_awaiting_rider(self, limit: int, city_pincode: str | None = None) -> list[Order]:
        """Orders whose ``awaiting_rider`` holds (accepted, no rider yet), oldest first
        (by order_id): dispatch's queue; only the city's (``Delivery.city_pincode``) if
        given, so that a rider freed in one city is not kept from its orders by another
        city's older ones."""
        ...

    def list_placed_since(self, restaurant_id: int, since: datetime, limit: int) -> list[Order]:
        """The restaurant's orders created at or after ``since``, in any status, oldest
        first (by order_id): its day's tally."""
        ...


class RiderRepository(Protocol):
    """The riders of every city. A rider's assignment changes only by compare-and-set on
    its version, so a rider carries one order at a time however many dispatchers run."""

    def add(self, rider: Rider) -> None:
        """Insert a new rider (version 0); one already there under that id is kept."""
        ...

    def get(self, rider_id: int) -> Rider | None: ...

    def save(self, rider: Rider, expected_version: int) -> bool:
        """Compare-and-set: replace the stored rider only if its version is
        ``expected_version``."""
        ...

    def list_free(self, city_pincode: str, limit: int) -> list[Rider]:
        """The city's riders carrying nothing, by rider_id."""
        ...

    def holding(self, order_id: int) -> Rider | None:
        """The rider carrying ``order_id``, if any."""
        ...

    def list_busy(self, updated_before: datetime, limit: int) -> list[Rider]:
        """Riders carrying an order, unchanged since before ``updated_before``, oldest
        change first: what the sweep checks for riders left holding a finished order."""
        ...
