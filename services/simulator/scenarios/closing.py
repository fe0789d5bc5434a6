"""closing: the clock runs past restaurants' closing time while customers check out.

The scenario finds, from the catalog's open hours, the first time after the simulated
start at which restaurants open then close, starts the clock a little before it, and
sends every customer to one of those restaurants. They arrive over a window around
the closing time and take their time: some fill the cart and place before it, some fill
it before and place after, some come too late to fill it; a few try again later.

The invariant (docs/design.md §3, open hours): no order is created at a restaurant
while it is closed (each order's ``created_at`` is inside its restaurant's hours), and
every ``restaurant_closed`` answer was given while it was closed, naming when it really
opens next.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import NamedTuple

from adapters.memory import MemoryStore
from food_core.errors import DomainError, RestaurantClosed
from food_core.model import IST, CardDetails, OpenHours, PaymentMode, Restaurant
from food_core.usecases import pay_order, place_order, set_cart_quantity
from services.simulator.audit import Finding
from services.simulator.config import SimConfig
from services.simulator.scenarios.common import (
    Journey,
    ScenarioError,
    ScenarioOutcome,
    arrivals,
    available_dishes,
    home_address,
    interleave,
    new_customer,
    outcome,
    restaurants_open_at,
)
from services.simulator.shop import GOOD_CARD
from services.simulator.world import World, build_world, settle

NAME = "closing"
SUMMARY = "the clock moves past restaurants' closing time mid-checkout"
OPEN_WHEN_ORDERED = "ordered_while_open"
TRUE_REFUSALS = "closed_answers_true"
DESCRIPTIONS = {
    OPEN_WHEN_ORDERED: "no order was created at a restaurant while it was closed "
    "(created_at within its open hours)",
    TRUE_REFUSALS: "every restaurant_closed answer came while the restaurant was closed "
    "and named the time it next opens",
}
LEAD = timedelta(minutes=10)  # the clock starts this long before the closing time
WINDOW = timedelta(minutes=15)  # customers arrive over this long from the start
TRY_AGAIN = 0.3  # refused customers who try once more a minute later (same key)
WEEK = timedelta(days=7)
CARD = CardDetails(*GOOD_CARD)


def closes_at(hours: OpenHours, at: datetime) -> datetime | None:
    """When a restaurant open at ``at`` next closes (spans that touch, such as
    ``18:00-24:00`` then ``00:00-02:00``, are one opening); None if it is closed at
    ``at`` or stays open for the whole coming week."""
    midnight = at.astimezone(IST).replace(hour=0, minute=0, second=0, microsecond=0)
    periods = sorted(
        (opens, opens + timedelta(minutes=span.minutes))
        for offset in range(-1, 9)
        for day in (midnight + timedelta(days=offset),)
        for span in hours.week[day.weekday()]
        for opens in (day + timedelta(minutes=span.start),)
    )
    end: datetime | None = None
    for opens, closes in periods:
        if end is None:
            if opens <= at < closes:
                end = closes
        elif opens <= end:
            end = max(end, closes)
    if end is None or end - at > WEEK:
        return None
    return end


def first_closing(restaurants: list[Restaurant], at: datetime) -> tuple[datetime, list[Restaurant]]:
    """The first closing time after ``at`` among restaurants open then, and those that
    close at it."""
    closing: dict[datetime, list[Restaurant]] = {}
    for r in restaurants:
        end = closes_at(r.open_hours, at)
        if end is not None:
            closing.setdefault(end, []).append(r)
    if not closing:
        raise ScenarioError("no restaurant of the catalog closes within a week of the start")
    first = min(closing)
    return first, closing[first]


class Refusal(NamedTuple):
    """A restaurant_closed answer: to whom, when, about which restaurant, what it said."""

    user_id: int
    at: datetime
    restaurant_id: int
    opens_at: str | None
    step: str  # "add to cart" or "place order"


@dataclass
class ClosingLedger:
    closing: datetime
    restaurant_ids: list[int]
    refusals: list[Refusal] = field(default_factory=list)
    placements: int = 0
    carts_filled: int = 0
    other_refusals: int = 0


class _Customer:
    def __init__(
        self,
        world: World,
        ledger: ClosingLedger,
        cfg: SimConfig,
        index: int,
        restaurants: list[Restaurant],
    ) -> None:
        self.world = world
        self.ledger = ledger
        self.cfg = cfg
        self.index = index
        self.restaurants = restaurants
        self.rng = random.Random(f"{NAME}:{cfg.seed}:{index}")
        self.user_id = 0

    def journey(self) -> Journey:
        world, rng = self.world, self.rng
        self.user_id = new_customer(world, NAME, self.index)
        restaurant = rng.choice(self.restaurants)
        city = world.store.cities[restaurant.city.pincode]
        address_id = home_address(world, self.user_id, self.index, city.city_name, city.pincode)
        dishes = available_dishes(world, restaurant.restaurant_id)
        yield rng.expovariate(1 / 30)
        for dish in rng.sample(dishes, min(len(dishes), 1 + int(rng.random() * 3))):
            if not self._step(restaurant, "add to cart", dish.food_id, address_id, ""):
                return
            yield rng.expovariate(1 / 20)
        self.ledger.carts_filled += 1
        yield rng.expovariate(1 / 90)  # the address, the payment choice, second thoughts
        key = f"{NAME}-{self.index:07d}"
        if self._step(restaurant, "place order", 0, address_id, key):
            return
        if rng.random() < TRY_AGAIN:
            yield 60.0
            self._step(restaurant, "place order", 0, address_id, key)

    def _step(
        self, restaurant: Restaurant, step: str, food_id: int, address_id: int, key: str
    ) -> bool:
        """Add a dish or place the order; False if refused (recorded)."""
        ports, now = self.world.ports, self.world.clock.now()
        try:
            if step == "add to cart":
                set_cart_quantity(ports, self.user_id, food_id, 1 + int(self.rng.random() * 2))
                return True
            self.ledger.placements += 1
            mode = PaymentMode.COD if self.rng.random() < 0.5 else PaymentMode.CARD
            order = place_order(
                ports, self.user_id, idempotency_key=key, address_id=address_id, payment_mode=mode
            ).order
        except RestaurantClosed as closed:
            self.ledger.refusals.append(
                Refusal(self.user_id, now, restaurant.restaurant_id, closed.opens_at, step)
            )
            return False
        except DomainError:
            self.ledger.other_refusals += 1
            return False
        if mode is PaymentMode.CARD:  # paying after closing time is fine: it was ordered
            try:
                pay_order(
                    ports,
                    self.user_id,
                    order.order_id,
                    idempotency_key=f"{key}-pay",
                    payment_mode=mode,
                    card=CARD,
                )
            except DomainError:
                self.ledger.other_refusals += 1
        return True


@dataclass
class ClosingRun:
    world: World
    ledger: ClosingLedger
    started: float
    begin: float  # the simulated second the scenario's clock jumped to


def play(cfg: SimConfig) -> ClosingRun:
    started = time.perf_counter()
    world = build_world(cfg)
    now = world.clock.now()
    closing, restaurants = first_closing(restaurants_open_at(world, now), now)
    # Forward only (SimClock never goes back): to LEAD before the closing time.
    begin = max(world.clock.t, world.clock.t + (closing - LEAD - now).total_seconds())
    world.clock.set(begin)
    ledger = ClosingLedger(closing, sorted(r.restaurant_id for r in restaurants))
    rate = max(cfg.customers, 1) / WINDOW.total_seconds()
    starts = arrivals(random.Random(f"{NAME}:{cfg.seed}"), cfg.customers, rate, begin)
    interleave(
        world.clock,
        [
            (t, _Customer(world, ledger, cfg, i, restaurants).journey())
            for i, t in enumerate(starts)
        ],
    )
    settle(world)
    return ClosingRun(world, ledger, started, begin)


def run(cfg: SimConfig) -> ScenarioOutcome:
    played = play(cfg)
    world, ledger = played.world, played.ledger
    local = ledger.closing.astimezone(IST)
    note = (
        f"closing time {local:%H:%M} IST on {local:%A} "
        f"({len(ledger.restaurant_ids)} restaurants close then; the clock started "
        f"{LEAD.total_seconds() / 60:.0f} min before)"
    )
    return outcome(
        NAME,
        cfg,
        world,
        audit_closing(world.store, ledger),
        numbers(world.store, ledger),
        started=played.started,
        notes=[note],
        sim_start=played.begin,
    )


def _when(at: datetime) -> str:
    local = at.astimezone(IST)
    return f"{local:%H:%M:%S} IST on {local:%A}"


def audit_closing(store: MemoryStore, ledger: ClosingLedger) -> list[Finding]:
    ordered_open = Finding(OPEN_WHEN_ORDERED, DESCRIPTIONS[OPEN_WHEN_ORDERED])
    true_refusals = Finding(TRUE_REFUSALS, DESCRIPTIONS[TRUE_REFUSALS])
    for order in sorted(store.orders.values(), key=lambda o: o.order_id):
        restaurant = store.restaurants[order.restaurant.restaurant_id]
        if not restaurant.open_hours.is_open(order.created_at):
            ordered_open.add(
                f"order {order.order_id} (customer {order.user}) was created at "
                f"{_when(order.created_at)} at {restaurant.restaurant_name}, which was "
                f"closed then (hours {restaurant.open_hours.text})"
            )
    for refusal in ledger.refusals:
        restaurant = store.restaurants[refusal.restaurant_id]
        hours = restaurant.open_hours
        who = f"customer {refusal.user_id} ({refusal.step} at {_when(refusal.at)})"
        if hours.is_open(refusal.at):
            true_refusals.add(f"{who}: {restaurant.restaurant_name} was open, yet refused")
            continue
        told = None if refusal.opens_at is None else datetime.fromisoformat(refusal.opens_at)
        truth = hours.next_opening(refusal.at)
        if told is None or told != truth or not hours.is_open(told) or told <= refusal.at:
            true_refusals.add(
                f"{who}: told {restaurant.restaurant_name} opens at {refusal.opens_at}, "
                f"but it opens at {None if truth is None else truth.isoformat()}"
            )
    return [ordered_open, true_refusals]


def numbers(store: MemoryStore, ledger: ClosingLedger) -> dict[str, int]:
    orders = list(store.orders.values())
    closing = ledger.closing
    return {
        "customers": len(store.users),
        "restaurants closing then": len(ledger.restaurant_ids),
        "carts filled": ledger.carts_filled,
        "additions refused (closed)": sum(r.step == "add to cart" for r in ledger.refusals),
        "placements sent": ledger.placements,
        "  refused (closed)": sum(r.step == "place order" for r in ledger.refusals),
        "  refused otherwise": ledger.other_refusals,
        "orders": len(orders),
        "  in the last 5 minutes before closing": sum(
            closing - timedelta(minutes=5) <= o.created_at < closing for o in orders
        ),
        "  created at or after closing": sum(o.created_at >= closing for o in orders),
    }
