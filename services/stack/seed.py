"""First-run data for the local stack: the demo catalog and two demo accounts."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import suppress
from datetime import datetime, timedelta

from adapters.clock import SystemClock
from adapters.demo_catalog import generate, load_if_empty
from adapters.ids import SnowflakeIds
from adapters.security.passwords import Argon2Hasher
from adapters.stores import open_store, ports_for
from food_core.errors import EmailTaken
from food_core.model import Restaurant, UserRole
from food_core.model.hours import IST
from food_core.usecases import signup

DEMO_EMAIL = "demo@example.com"
PARTNER_EMAIL = "partner@example.com"
# The id generator's worker reserved for seeding (replicas use 1 and 2).
SEED_WORKER_ID = 30
# A Monday; the partner's restaurant is open at this hour on it and the six days after.
_LUNCH = datetime(2026, 11, 30, 12, 30, tzinfo=IST)


def partner_restaurant(restaurants: Sequence[Restaurant]) -> Restaurant:
    """The demo partner's restaurant: the first one open for lunch on every day of the
    week, so the partner's demo (and a test at lunchtime) can always take an order."""
    week = [_LUNCH + timedelta(days=day) for day in range(7)]
    return next(r for r in restaurants if all(r.open_hours.is_open(at) for at in week))


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
