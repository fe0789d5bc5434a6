"""In-memory repositories: thread-safe, the reference behaviour every adapter must match,
and the fakes the core's tests run on.

All repositories of one :class:`MemoryStore` share one lock, so every write is whole, as
a SQL transaction would be. Entities are immutable, so they are stored and returned
without copying.
"""

from __future__ import annotations

import threading
from collections.abc import Collection, Iterable
from datetime import datetime

from attrs import evolve

from food_core.errors import CouponUseTaken, EmailTaken, PhoneTaken
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
    coupon_claims,
)
from food_core.search import RestaurantQuery, dish_matches, matches, sort_key


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
        self.coupons: dict[str, Coupon] = {}
        # Indexes the queries need, so no read scans the whole store.
        self.food_ids_by_restaurant: dict[int, set[int]] = {}
        self.restaurant_ids_by_city: dict[str, set[int]] = {}
        self.carts: dict[int, Cart] = {}
        self.addresses: dict[int, Address] = {}
        self.address_ids_by_user: dict[int, set[int]] = {}
        self.orders: dict[int, Order] = {}
        self.order_ids_by_key: dict[tuple[int, str], int] = {}
        self.order_ids_by_cart: dict[tuple[int, int], int] = {}
        # (user, coupon claim) → the order holding that use of the coupon.
        self.order_ids_by_coupon_claim: dict[tuple[int, str], int] = {}
        self.order_ids_by_user: dict[int, list[int]] = {}
        self.order_ids_by_restaurant: dict[int, set[int]] = {}
        self.order_ids_needing_attention: set[int] = set()
        self.order_ids_unpaid: set[int] = set()
        self.order_ids_unaccepted: set[int] = set()
        self.order_ids_awaiting_rider: set[int] = set()
        self.confirmed_counts: dict[int, int] = {}
        self.ratings: dict[int, Rating] = {}  # by order id
        self.rating_ids_by_restaurant: dict[int, set[int]] = {}
        self.riders: dict[int, Rider] = {}
        # user → restaurant id → when it was saved
        self.favourites: dict[int, dict[int, datetime]] = {}


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

    def _counted(self, user: User | None) -> User | None:
        if user is None:
            return None
        total = self._s.confirmed_counts.get(user.user_id, 0)
        return user if user.total_orders == total else evolve(user, total_orders=total)

    def get(self, user_id: int) -> User | None:
        with self._s.lock:
            return self._counted(self._s.users.get(user_id))

    def get_by_email(self, email: str) -> User | None:
        with self._s.lock:
            user_id = self._s.user_ids_by_email.get(email)
            return None if user_id is None else self._counted(self._s.users[user_id])

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

    def set_price(self, food_id: int, price: int) -> None:
        with self._s.lock:
            item = self._s.food_items.get(food_id)
            if item is not None:
                self._s.food_items[food_id] = evolve(item, price=price)

    def is_empty(self) -> bool:
        return not self._s.cities

    def add_coupons(self, coupons: Iterable[Coupon]) -> None:
        with self._s.lock:
            for coupon in coupons:
                self._s.coupons[coupon.code] = coupon

    def get_coupon(self, code: str) -> Coupon | None:
        return self._s.coupons.get(code)

    def list_cities(self) -> list[City]:
        with self._s.lock:
            return sorted(self._s.cities.values(), key=lambda c: (c.city_name, c.pincode))

    def get_city(self, pincode: str) -> City | None:
        return self._s.cities.get(pincode)

    def search_restaurants(self, query: RestaurantQuery) -> list[Restaurant]:
        s = self._s
        with s.lock:
            in_city = (s.restaurants[i] for i in s.restaurant_ids_by_city.get(query.pincode, ()))
            found = [r for r in in_city if matches(r, query, self._dish_names(r.restaurant_id))]
        found.sort(key=lambda r: sort_key(r, query.sort))
        return found[: query.limit]

    def _dish_names(self, restaurant_id: int) -> list[str]:
        s = self._s
        return [s.food_items[i].food_name for i in s.food_ids_by_restaurant.get(restaurant_id, ())]

    def dishes_matching(self, restaurant_ids: Collection[int], text: str) -> dict[int, list[str]]:
        found: dict[int, list[str]] = {}
        for restaurant_id in restaurant_ids:
            names = [
                i.food_name for i in self.menu(restaurant_id) if dish_matches(i.food_name, text)
            ]
            if names:
                found[restaurant_id] = names
        return found

    def set_rating(self, restaurant_id: int, totals: RatingTotals) -> None:
        with self._s.lock:
            restaurant = self._s.restaurants.get(restaurant_id)
            if restaurant is not None:
                self._s.restaurants[restaurant_id] = evolve(
                    restaurant, restaurant_rating=totals.score, rating_count=totals.count
                )

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

    def add(self, order: Order) -> Order:
        s = self._s
        key = (order.user, order.idempotency_key)
        cart = (order.user, order.cart_version)
        with s.lock:
            existing = s.order_ids_by_key.get(key, s.order_ids_by_cart.get(cart))
            if existing is not None:
                return s.orders[existing]
            claim = order.coupon_claim
            if claim is not None and (order.user, claim) in s.order_ids_by_coupon_claim:
                raise CouponUseTaken(f"another order holds the use {claim}")
            s.orders[order.order_id] = order
            s.order_ids_by_key[key] = order.order_id
            s.order_ids_by_cart[cart] = order.order_id
            s.order_ids_by_user.setdefault(order.user, []).append(order.order_id)
            s.order_ids_by_restaurant.setdefault(order.restaurant.restaurant_id, set()).add(
                order.order_id
            )
            self._index(None, order)
            return order

    def _index(self, before: Order | None, after: Order) -> None:
        s = self._s
        was, now = None if before is None else before.coupon_claim, after.coupon_claim
        if was is not None and was != now:  # a cancelled order gives its use back
            s.order_ids_by_coupon_claim.pop((after.user, was), None)
        if now is not None:
            s.order_ids_by_coupon_claim[(after.user, now)] = after.order_id
        for ids, holds in (
            (s.order_ids_needing_attention, after.needs_attention),
            (s.order_ids_unpaid, after.is_payable),
            (s.order_ids_unaccepted, after.order_status is OrderStatus.CONFIRMED),
            (s.order_ids_awaiting_rider, after.awaiting_rider),
        ):
            if holds:
                ids.add(after.order_id)
            else:
                ids.discard(after.order_id)
        if after.confirmed_at is not None and (before is None or before.confirmed_at is None):
            s.confirmed_counts[after.user] = s.confirmed_counts.get(after.user, 0) + 1

    def get(self, order_id: int) -> Order | None:
        return self._s.orders.get(order_id)

    def get_by_key(self, user_id: int, idempotency_key: str) -> Order | None:
        with self._s.lock:
            order_id = self._s.order_ids_by_key.get((user_id, idempotency_key))
            return None if order_id is None else self._s.orders[order_id]

    def get_by_cart(self, user_id: int, cart_version: int) -> Order | None:
        with self._s.lock:
            order_id = self._s.order_ids_by_cart.get((user_id, cart_version))
            return None if order_id is None else self._s.orders[order_id]

    def save(self, order: Order, expected_version: int) -> bool:
        s = self._s
        with s.lock:
            stored = s.orders.get(order.order_id)
            if stored is None or stored.version != expected_version:
                return False
            s.orders[order.order_id] = order
            self._index(stored, order)
            return True

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
            ids = self._s.order_ids_by_restaurant.get(restaurant_id, set())
            found = [o for o in map(self._s.orders.__getitem__, ids) if o.order_status in wanted]
        return sorted(found, key=lambda o: o.order_id)[: max(limit, 0)]

    def list_unpaid(self, updated_before: datetime, limit: int) -> list[Order]:
        return self._waiting(self._s.order_ids_unpaid, updated_before, limit)

    def list_unaccepted(self, updated_before: datetime, limit: int) -> list[Order]:
        return self._waiting(self._s.order_ids_unaccepted, updated_before, limit)

    def _waiting(self, ids: set[int], updated_before: datetime, limit: int) -> list[Order]:
        with self._s.lock:
            found = [self._s.orders[i] for i in ids]
        due = [o for o in found if o.updated_at < updated_before]
        return sorted(due, key=lambda o: (o.updated_at, o.order_id))[: max(limit, 0)]

    def list_needing_attention(self, limit: int) -> list[Order]:
        with self._s.lock:
            ids = sorted(self._s.order_ids_needing_attention)[: max(limit, 0)]
            return [self._s.orders[i] for i in ids]

    def list_awaiting_rider(self, limit: int, city_pincode: str | None = None) -> list[Order]:
        with self._s.lock:
            waiting = map(self._s.orders.__getitem__, sorted(self._s.order_ids_awaiting_rider))
            found = [o for o in waiting if city_pincode in (None, o.delivery_city)]
        return found[: max(limit, 0)]

    def list_placed_since(self, restaurant_id: int, since: datetime, limit: int) -> list[Order]:
        with self._s.lock:
            ids = self._s.order_ids_by_restaurant.get(restaurant_id, set())
            found = [o for o in map(self._s.orders.__getitem__, ids) if o.created_at >= since]
        return sorted(found, key=lambda o: o.order_id)[: max(limit, 0)]

    def coupon_uses_held(self, user_id: int, code: str, slots: int) -> set[int]:
        claims = self._s.order_ids_by_coupon_claim
        with self._s.lock:
            return {n for c, n in coupon_claims(code, slots).items() if (user_id, c) in claims}
