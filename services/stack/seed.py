"""First-run data for the local stack: the demo catalog, two demo accounts (a customer
and a restaurant partner) and a pool of demo riders in every city."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import suppress
from datetime import datetime, timedelta

from attrs import evolve

from adapters.clock import SystemClock
from adapters.demo_catalog import generate, load_if_empty
from adapters.demo_map import rider_start
from adapters.ids import SnowflakeIds
from adapters.security.passwords import Argon2Hasher
from adapters.stores import open_store, ports_for
from food_core.errors import EmailTaken
from food_core.model import Restaurant, UserRole
from food_core.model.hours import IST
from food_core.ports import PasswordHasher
from food_core.usecases import Ports, enrol_rider, signup

DEMO_EMAIL = "demo@example.com"
PARTNER_EMAIL = "partner@example.com"
RIDERS_PER_CITY = 2
# The demo riders' names, by their number in their city's pool.
RIDER_NAMES = ("Ravi Kumar", "Asha Nair", "Imran Shaikh", "Priya Das")
# The id generator's worker reserved for seeding (replicas use 1 and 2).
SEED_WORKER_ID = 30
# A Monday; the partner's restaurant is open at this hour on it and the six days after.
_LUNCH = datetime(2026, 11, 30, 12, 30, tzinfo=IST)


def partner_restaurant(restaurants: Sequence[Restaurant]) -> Restaurant:
    """The demo partner's restaurant: the first one open for lunch on every day of the
    week, so the partner's demo (and a test at lunchtime) can always take an order."""
    week = [_LUNCH + timedelta(days=day) for day in range(7)]
    return next(r for r in restaurants if all(r.open_hours.is_open(at) for at in week))


def rider_email(city_pincode: str, number: int) -> str:
    """The demo login of the city's ``number``-th rider (from 1)."""
    return f"rider{number}.{city_pincode}@example.com"


def _rider_phone(city_index: int, number: int) -> str:
    return f"70{city_index:04d}{number:04d}"


class _OneHash:
    """Hashes the demo password once for all the demo riders (one Argon2 run, not one per
    account): they share the password, so they may share its hash."""

    def __init__(self, inner: PasswordHasher) -> None:
        self._inner = inner
        self._hashes: dict[str, str] = {}

    def hash(self, password: str) -> str:
        if password not in self._hashes:
            self._hashes[password] = self._inner.hash(password)
        return self._hashes[password]

    def verify(self, password_hash: str, password: str) -> bool:
        return self._inner.verify(password_hash, password)

    def needs_rehash(self, password_hash: str) -> bool:
        return self._inner.needs_rehash(password_hash)


def _seed_riders(ports: Ports, password: str) -> None:
    """Every demo city's rider pool, each rider free at a place of the city's map."""
    ports = evolve(ports, hasher=_OneHash(ports.hasher))
    for index, city in enumerate(ports.catalog.list_cities()):
        for number in range(1, RIDERS_PER_CITY + 1):
            email = rider_email(city.pincode, number)
            if ports.users.get_by_email(email) is not None:
                continue  # made on an earlier run
            enrol_rider(
                ports,
                user_name=RIDER_NAMES[(index + number) % len(RIDER_NAMES)],
                email=email,
                phone=_rider_phone(index, number),
                password=password,
                city_pincode=city.pincode,
                position=rider_start(city.pincode, number),
            )


def seed(store_url: str, password: str) -> bool:
    """Load the demo catalog if the store is empty and make sure the demo customer and a
    partner of ``partner_restaurant`` exist. Returns whether the catalog was loaded."""
    store = open_store(store_url)
    try:
        loaded = load_if_empty(store.catalog, ratings=store.ratings)
        # Signing up takes no payment: ports without a gateway (any payment call raises).
        ports = ports_for(
            store,
            hasher=Argon2Hasher(),
            clock=SystemClock(),
            ids=SnowflakeIds(SEED_WORKER_ID),
        )
        first = partner_restaurant(generate().restaurants)  # the same on every run
        accounts = [
            (DEMO_EMAIL, "Demo Customer", "9000000001", UserRole.CUSTOMER, None),
            (
                PARTNER_EMAIL,
                f"{first.restaurant_name} Kitchen",
                "9000000002",
                UserRole.PARTNER,
                first.restaurant_id,
            ),
        ]
        _seed_riders(ports, password)
        for email, name, phone, role, restaurant_id in accounts:
            with suppress(EmailTaken):  # made on an earlier run
                signup(
                    ports,
                    user_name=name,
                    email=email,
                    phone=phone,
                    password=password,
                    role=role,
                    restaurant_id=restaurant_id,
                )
        return loaded
    finally:
        store.close()
