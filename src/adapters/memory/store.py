"""In-memory repositories: thread-safe, the reference behaviour every adapter must match,
and the fakes the core's tests run on.

All repositories of one :class:`MemoryStore` share one lock, so a confirming transition
and the customer's ``total_orders`` move together, as a SQL transaction would.
Entities are immutable, so they are stored and returned without copying.
"""

from __future__ import annotations

import threading
from collections.abc import Collection, Iterable
from datetime import datetime

from attrs import evolve

from food_core.errors import EmailTaken, PhoneTaken
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
from food_core.search import RestaurantQuery, matches, sort_key


class MemoryStore:
    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.users: dict[int, User] = {}
        self.user_ids_by_email: dict[str, int] = {}
        self.user_ids_by_phone: dict[str, int] = {}
        self.password_hashes: dict[int, str] = {}
        self.cities: dict[str, City] = {}
        self.restaurants: dict[int, Restaurant] = {}
        self.food_items: dict[int, FoodItem] = {}
        # Indexes the queries need, so no read scans the whole store.
        self.food_ids_by_restaurant: dict[int, set[int]] = {}
        self.restaurant_ids_by_city: dict[str, set[int]] = {}
        self.carts: dict[int, Cart] = {}
        self.addresses: dict[int, Address] = {}
        self.address_ids_by_user: dict[int, set[int]] = {}
        self.orders: dict[int, Order] = {}
        self.order_ids_by_key: dict[tuple[int, str], int] = {}
        self.order_ids_by_user: dict[int, list[int]] = {}
        self.payments: dict[int, Payment] = {}
        self.payment_ids_by_key: dict[tuple[int, str], int] = {}
        self.payment_ids_by_order: dict[int, list[int]] = {}


class MemoryUsers:
    def __init__(self, store: MemoryStore) -> None:
        self._s = store

    def add(self, user: User, password_hash: str) -> None:
        s = self._s
        with s.lock:
            if user.email in s.user_ids_by_email:
                raise EmailTaken("an account with this email already exists", field="email")
            if user.phone in s.user_ids_by_phone:
                raise PhoneTaken("an account with this phone already exists", field="phone")
            s.users[user.user_id] = user
            s.user_ids_by_email[user.email] = user.user_id
            s.user_ids_by_phone[user.phone] = user.user_id
            s.password_hashes[user.user_id] = password_hash

    def get(self, user_id: int) -> User | None:
        return self._s.users.get(user_id)

    def get_by_email(self, email: str) -> User | None:
        with self._s.lock:
            user_id = self._s.user_ids_by_email.get(email)
            return None if user_id is None else self._s.users[user_id]

    def password_hash(self, user_id: int) -> str | None:
        return self._s.password_hashes.get(user_id)

    def set_password_hash(self, user_id: int, password_hash: str) -> None:
        with self._s.lock:
            if user_id in self._s.password_hashes:
                self._s.password_hashes[user_id] = password_hash


class MemoryCatalog:
    def __init__(self, store: MemoryStore) -> None:
        self._s = store

    def add_city(self, city: City) -> None:
        with self._s.lock:
            self._s.cities[city.pincode] = city

    def add_restaurant(self, restaurant: Restaurant) -> None:
        s = self._s
        with s.lock:
            previous = s.restaurants.get(restaurant.restaurant_id)
            if previous is not None:
                s.restaurant_ids_by_city[previous.city.pincode].discard(previous.restaurant_id)
            s.restaurants[restaurant.restaurant_id] = restaurant
            s.restaurant_ids_by_city.setdefault(restaurant.city.pincode, set()).add(
                restaurant.restaurant_id
            )

    def add_food_items(self, items: Iterable[FoodItem]) -> None:
        s = self._s
        with s.lock:
            for item in items:
                previous = s.food_items.get(item.food_id)
                if previous is not None:
                    s.food_ids_by_restaurant[previous.restaurant_id].discard(item.food_id)
                s.food_items[item.food_id] = item
                s.food_ids_by_restaurant.setdefault(item.restaurant_id, set()).add(item.food_id)

    def set_availability(self, food_id: int, availability: bool) -> None:
        with self._s.lock:
            item = self._s.food_items.get(food_id)
            if item is not None:
                self._s.food_items[food_id] = evolve(item, availability=availability)

    def is_empty(self) -> bool:
        return not self._s.cities

    def list_cities(self) -> list[City]:
        with self._s.lock:
            return sorted(self._s.cities.values(), key=lambda c: (c.city_name, c.pincode))

    def get_city(self, pincode: str) -> City | None:
        return self._s.cities.get(pincode)

    def search_restaurants(self, query: RestaurantQuery) -> list[Restaurant]:
        s = self._s
        with s.lock:
            in_city = (s.restaurants[i] for i in s.restaurant_ids_by_city.get(query.pincode, ()))
            found = [r for r in in_city if matches(r, query)]
        found.sort(key=lambda r: sort_key(r, query.sort))
        return found[: query.limit]

    def get_restaurant(self, restaurant_id: int) -> Restaurant | None:
        return self._s.restaurants.get(restaurant_id)

    def menu(self, restaurant_id: int) -> list[FoodItem]:
        s = self._s
        with s.lock:
            items = [s.food_items[i] for i in s.food_ids_by_restaurant.get(restaurant_id, ())]
        return sorted(items, key=lambda i: (i.food_category, i.food_name, i.food_id))

    def get_food_items(self, food_ids: Collection[int]) -> dict[int, FoodItem]:
        items = self._s.food_items
        return {fid: items[fid] for fid in food_ids if fid in items}


class MemoryCarts:
    def __init__(self, store: MemoryStore) -> None:
        self._s = store

    def get(self, user_id: int) -> Cart | None:
        return self._s.carts.get(user_id)

    def save(self, cart: Cart, expected_version: int | None) -> bool:
        with self._s.lock:
            stored = self._s.carts.get(cart.user)
            if (stored.version if stored is not None else None) != expected_version:
                return False
            self._s.carts[cart.user] = cart
            return True


class MemoryAddresses:
    def __init__(self, store: MemoryStore) -> None:
        self._s = store

    def add(self, address: Address, limit: int | None = None) -> bool:
        with self._s.lock:
            mine = self._s.address_ids_by_user.setdefault(address.user, set())
            if limit is not None and len(mine - {address.address_id}) >= limit:
                return False  # counted and refused under the lock the add takes
            self._s.addresses[address.address_id] = address
            mine.add(address.address_id)
            return True

    def get(self, address_id: int) -> Address | None:
        return self._s.addresses.get(address_id)

    def list_for_user(self, user_id: int) -> list[Address]:
        s = self._s
        with s.lock:
            mine = [s.addresses[i] for i in s.address_ids_by_user.get(user_id, ())]
        return sorted(mine, key=lambda a: a.address_id)

    def delete(self, address_id: int, user_id: int) -> bool:
        with self._s.lock:
            address = self._s.addresses.get(address_id)
            if address is None or address.user != user_id:
                return False
            del self._s.addresses[address_id]
            self._s.address_ids_by_user[user_id].discard(address_id)
            return True


class MemoryOrders:
    def __init__(self, store: MemoryStore) -> None:
        self._s = store

    def claim(self, order: Order) -> Order:
        s = self._s
        key = (order.user, order.idempotency_key)
        with s.lock:
            existing = s.order_ids_by_key.get(key)
            if existing is not None:
                return s.orders[existing]
            s.orders[order.order_id] = order
            s.order_ids_by_key[key] = order.order_id
            s.order_ids_by_user.setdefault(order.user, []).append(order.order_id)
            return order

    def get(self, order_id: int) -> Order | None:
        return self._s.orders.get(order_id)

    def get_by_key(self, user_id: int, idempotency_key: str) -> Order | None:
        with self._s.lock:
            order_id = self._s.order_ids_by_key.get((user_id, idempotency_key))
            return None if order_id is None else self._s.orders[order_id]

    def list_for_user(self, user_id: int, limit: int, before: int | None = None) -> list[Order]:
        with self._s.lock:
            ids = sorted(self._s.order_ids_by_user.get(user_id, []), reverse=True)
            if before is not None:
                ids = [i for i in ids if i < before]
            return [self._s.orders[i] for i in ids[:limit]]

    def list_for_restaurant(
        self, restaurant_id: int, statuses: Collection[OrderStatus], limit: int
    ) -> list[Order]:
        wanted = frozenset(statuses)
        with self._s.lock:
            found = [
                o
                for o in self._s.orders.values()
                if o.restaurant.restaurant_id == restaurant_id and o.order_status in wanted
            ]
        return sorted(found, key=lambda o: o.order_id)[:limit]

    def list_refunds_due(self, limit: int) -> list[Order]:
        with self._s.lock:
            due = [
                o
                for o in self._s.orders.values()
                if o.order_status is OrderStatus.CANCELLED
                and o.payment is not None
                and o.payment.payment_status is PaymentStatus.SUCCEEDED
            ]
        return sorted(due, key=lambda o: o.order_id)[:limit]

    def transition(self, order: Order, expected: OrderStatus) -> bool:
        s = self._s
        with s.lock:
            stored = s.orders.get(order.order_id)
            if stored is None or stored.order_status is not expected:
                return False
            s.orders[order.order_id] = order
            if (
                order.order_status is OrderStatus.CONFIRMED
                and expected is not OrderStatus.CONFIRMED
            ):
                user = s.users.get(order.user)
                if user is not None:
                    s.users[user.user_id] = evolve(user, total_orders=user.total_orders + 1)
            return True


class MemoryPayments:
    def __init__(self, store: MemoryStore) -> None:
        self._s = store

    def claim(self, payment: Payment) -> Payment:
        s = self._s
        key = (payment.order_id, payment.idempotency_key)
        with s.lock:
            existing = s.payment_ids_by_key.get(key)
            if existing is not None:
                return s.payments[existing]
            s.payments[payment.payment_id] = payment
            s.payment_ids_by_key[key] = payment.payment_id
            s.payment_ids_by_order.setdefault(payment.order_id, []).append(payment.payment_id)
            return payment

    def get(self, payment_id: int) -> Payment | None:
        return self._s.payments.get(payment_id)

    def get_by_key(self, order_id: int, idempotency_key: str) -> Payment | None:
        with self._s.lock:
            payment_id = self._s.payment_ids_by_key.get((order_id, idempotency_key))
            return None if payment_id is None else self._s.payments[payment_id]

    def list_for_order(self, order_id: int) -> list[Payment]:
        with self._s.lock:
            ids = self._s.payment_ids_by_order.get(order_id, [])
            return sorted((self._s.payments[i] for i in ids), key=lambda p: p.payment_id)

    def list_pending(self, created_before: datetime, limit: int) -> list[Payment]:
        with self._s.lock:
            pending = [
                p
                for p in self._s.payments.values()
                if p.payment_status is PaymentStatus.PENDING
                and p.gateway_reference is None
                and p.created_at < created_before
            ]
        return sorted(pending, key=lambda p: p.payment_id)[:limit]

    def update(self, payment: Payment, expected: PaymentStatus) -> bool:
        with self._s.lock:
            stored = self._s.payments.get(payment.payment_id)
            if stored is None or stored.payment_status is not expected:
                return False
            self._s.payments[payment.payment_id] = payment
            return True
