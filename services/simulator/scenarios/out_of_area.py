"""out-of-area: customers give addresses their restaurant does not deliver to.

Every customer fills a cart at an open restaurant of a city and gives an address: most
at home in that city (its main PIN code or another it serves), some in another city,
some with a PIN code no city serves, some with a served PIN code but another city's
name. They ask whether it delivers there (the delivery check), place the order anyway,
and when refused most add their real home address and place again.

The invariant (docs/design.md §3, service area): no order delivers to an address its
restaurant's city does not serve — the address's PIN code is one the city serves and
its city is that city — and the delivery check gave the answer placing then gave.
"""

from __future__ import annotations

import random
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

from adapters.memory import MemoryStore
from food_core.errors import AddressNotServiceable, DomainError
from food_core.model import City, PaymentMode, Restaurant
from food_core.usecases import check_delivery, place_order
from services.simulator.audit import Finding
from services.simulator.config import SimConfig
from services.simulator.scenarios.common import (
    Journey,
    ScenarioError,
    ScenarioOutcome,
    arrivals,
    available_dishes,
    fill_cart,
    home_address,
    interleave,
    new_customer,
    outcome,
    restaurants_open_at,
)
from services.simulator.world import World, build_world, settle

NAME = "out-of-area"
SUMMARY = "some addresses are in another city, at an unserved PIN code or misnamed"
DELIVERS_THERE = "delivers_in_its_area"
CHECK_AGREES = "delivery_check_agrees"
DESCRIPTIONS = {
    DELIVERS_THERE: "no order delivers to an address its restaurant's city does not "
    "serve (a PIN code it serves, in that city)",
    CHECK_AGREES: "the delivery check answered what placing the order then answered",
}
# Where a customer says they are, with how many customers say so.
HOME, OTHER_CITY, UNSERVED_PIN, WRONG_NAME = "home", "other city", "unserved PIN", "wrong name"
KINDS = ((HOME, 0.5), (OTHER_CITY, 0.2), (UNSERVED_PIN, 0.15), (WRONG_NAME, 0.15))
FIX_ADDRESS = 0.7  # refused customers who add their real address and place again


class Placing(NamedTuple):
    """One delivery check and the placement that followed it, for one address."""

    user_id: int
    address_id: int
    kind: str
    check_serviceable: bool
    order_id: int | None
    code: str | None


@dataclass
class AreaLedger:
    placings: list[Placing] = field(default_factory=list)
    fixed: int = 0  # customers who gave their real address after a refusal


def unserved_pincode(cities: list[City], near: City) -> str:
    """A PIN code no city serves: the first one above ``near``'s own that none serves
    (bounded: a city serves a finite list)."""
    first = int(near.pincode)
    for n in range(first + 1, min(first + 100_000, 1_000_000)):
        pincode = f"{n:06d}"
        if not any(c.serves(pincode) for c in cities):
            return pincode
    raise ScenarioError(f"every PIN code above {near.pincode} is served by some city")


def _pick(rng: random.Random) -> str:
    u, total = rng.random(), 0.0
    for kind, share in KINDS:
        total += share
        if u < total:
            return kind
    return KINDS[-1][0]


class _Customer:
    def __init__(
        self,
        world: World,
        ledger: AreaLedger,
        index: int,
        seed: int,
        restaurants: list[Restaurant],
        unserved: dict[str, str],
    ) -> None:
        self.world = world
        self.ledger = ledger
        self.index = index
        self.restaurants = restaurants
        self.unserved = unserved  # city's main PIN → a PIN code nobody serves
        self.rng = random.Random(f"{NAME}:{seed}:{index}")
        self.user_id = 0

    def journey(self) -> Journey:
        world, rng = self.world, self.rng
        self.user_id = new_customer(world, NAME, self.index)
        restaurant = rng.choice(self.restaurants)
        city = world.store.cities[restaurant.city.pincode]
        yield rng.expovariate(1 / 20)
        fill_cart(world, self.user_id, rng, available_dishes(world, restaurant.restaurant_id), 2)
        yield rng.expovariate(1 / 15)
        kind = _pick(rng)
        name, pincode = self._where(kind, city)
        address_id = home_address(world, self.user_id, self.index, name, pincode)
        yield rng.expovariate(1 / 10)
        placing = self._check_and_place(address_id, kind, f"{NAME}-{self.index:07d}")
        if placing.order_id is not None or rng.random() >= FIX_ADDRESS:
            return
        yield rng.expovariate(1 / 30)
        self.ledger.fixed += 1
        home = home_address(world, self.user_id, self.index, city.city_name, city.pincode)
        self._check_and_place(home, HOME, f"{NAME}-{self.index:07d}-home")

    def _where(self, kind: str, city: City) -> tuple[str, str]:
        """(city name, PIN code) of an address of this kind, for a cart in ``city``."""
        rng, cities = self.rng, self.world.store.cities
        others = [c for c in cities.values() if c.pincode != city.pincode]
        if kind == HOME:
            return city.city_name, rng.choice((city.pincode, *city.served_pincodes))
        if kind == OTHER_CITY:
            other = rng.choice(others)
            return other.city_name, other.pincode
        if kind == UNSERVED_PIN:
            return city.city_name, self.unserved[city.pincode]
        return rng.choice(others).city_name, rng.choice((city.pincode, *city.served_pincodes))

    def _check_and_place(self, address_id: int, kind: str, key: str) -> Placing:
        ports = self.world.ports
        serviceable = check_delivery(ports, self.user_id, address_id).serviceable
        try:
            order = place_order(
                ports,
                self.user_id,
                idempotency_key=key,
                address_id=address_id,
                payment_mode=PaymentMode.COD,
            ).order
        except DomainError as error:
            placing = Placing(self.user_id, address_id, kind, serviceable, None, error.code)
        else:
            placing = Placing(self.user_id, address_id, kind, serviceable, order.order_id, None)
        self.ledger.placings.append(placing)
        return placing


@dataclass
class AreaRun:
    world: World
    ledger: AreaLedger
    started: float


def play(cfg: SimConfig) -> AreaRun:
    started = time.perf_counter()
    world = build_world(cfg)
    ledger = AreaLedger()
    cities = sorted(world.store.cities.values(), key=lambda c: c.pincode)
    if len(cities) < 2:
        raise ScenarioError("the catalog has one city: there is no other city to be in")
    unserved = {c.pincode: unserved_pincode(cities, c) for c in cities}
    restaurants = restaurants_open_at(world, world.clock.now())
    starts = arrivals(random.Random(f"{NAME}:{cfg.seed}"), cfg.customers, cfg.arrival_rate)
    interleave(
        world.clock,
        [
            (t, _Customer(world, ledger, i, cfg.seed, restaurants, unserved).journey())
            for i, t in enumerate(starts)
        ],
    )
    settle(world)
    return AreaRun(world, ledger, started)


def run(cfg: SimConfig) -> ScenarioOutcome:
    played = play(cfg)
    store, ledger = played.world.store, played.ledger
    return outcome(
        NAME,
        cfg,
        played.world,
        audit_out_of_area(store, ledger),
        numbers(store, ledger),
        started=played.started,
    )


def outside_area(store: MemoryStore, order_id: int) -> str | None:
    """Why the order's address is outside its restaurant's area, or None if it is not."""
    order = store.orders[order_id]
    restaurant = store.restaurants[order.restaurant.restaurant_id]
    city = store.cities.get(restaurant.city.pincode, restaurant.city)
    address = order.delivery_address
    if not city.serves(address.pincode):
        return (
            f"delivers to PIN code {address.pincode} ({address.city_name}), which "
            f"{city.city_name}'s {restaurant.restaurant_name} does not serve"
        )
    if address.city_name.casefold() != city.city_name.casefold():
        return (
            f"delivers to an address in {address.city_name}, but PIN code "
            f"{address.pincode} is in {city.city_name}"
        )
    return None


def audit_out_of_area(store: MemoryStore, ledger: AreaLedger) -> list[Finding]:
    delivers = Finding(DELIVERS_THERE, DESCRIPTIONS[DELIVERS_THERE])
    agrees = Finding(CHECK_AGREES, DESCRIPTIONS[CHECK_AGREES])
    for order_id in sorted(store.orders):
        why = outside_area(store, order_id)
        if why is not None:
            delivers.add(f"order {order_id} (customer {store.orders[order_id].user}) {why}")
    for p in ledger.placings:
        refused = p.code == AddressNotServiceable.code
        if p.check_serviceable == refused:
            said = "serviceable" if p.check_serviceable else "not serviceable"
            then = "refused it" if refused else f"answered {p.code or f'order {p.order_id}'}"
            agrees.add(
                f"customer {p.user_id}, address {p.address_id} ({p.kind}): the delivery "
                f"check said {said}, placing {then}"
            )
    return [delivers, agrees]


def numbers(store: MemoryStore, ledger: AreaLedger) -> dict[str, int]:
    first: dict[int, str] = {}  # each customer's first address, by kind
    for p in ledger.placings:
        first.setdefault(p.user_id, p.kind)
    kinds = Counter(first.values())
    codes = Counter(p.code for p in ledger.placings if p.code is not None)
    return {
        "customers": len(store.users),
        **{f"  first address: {kind}": kinds[kind] for kind, _ in KINDS},
        "delivery checks: not serviceable": sum(not p.check_serviceable for p in ledger.placings),
        "placements refused (address_not_serviceable)": codes[AddressNotServiceable.code],
        "placements refused otherwise": sum(
            n for code, n in codes.items() if code != AddressNotServiceable.code
        ),
        "customers who then gave their home address": ledger.fixed,
        "orders": len(store.orders),
        "  to an address outside the area": sum(
            outside_area(store, order_id) is not None for order_id in store.orders
        ),
    }
