"""price-change: the restaurant changes a price (or runs out of a dish) between the
moment a customer is shown the cart and the moment they place it.

Every customer places with ``expected_total``, the bill's total they were shown
(``price_cart``: items, fees, GST). For some, the
restaurant reprices a dish in their cart, or marks it unavailable, while they look; a
few see a second change while they decide, and some resend the old total from a stale
tab after being told. A customer told ``cart_changed`` reads the cart again (taking out
what ran out) and places at the total now shown, a bounded number of times.

The invariant (docs/design.md §3, the price lock): no order is placed at a total the
customer was not shown — each order's total is the ``expected_total`` of the request
that made it — and a line whose price changed since it went into the cart was announced
by ``cart_changed`` first. (The lock is on the total: a stale tab showing other prices
that add up to the same total may place; the second check still needs the change to
have been announced to the customer, in any tab.)
"""

from __future__ import annotations

import random
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

from attrs import evolve

from adapters.memory import MemoryStore
from food_core.errors import CartChanged, DomainError
from food_core.model import CardDetails, Cart, FoodItem, PaymentMode, Restaurant
from food_core.usecases import PricedCart, pay_order, place_order, price_cart, set_cart_quantity
from services.simulator.audit import Finding
from services.simulator.config import SimConfig
from services.simulator.scenarios.common import (
    Journey,
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
from services.simulator.shop import GOOD_CARD
from services.simulator.world import World, build_world, settle

NAME = "price-change"
SUMMARY = "prices change (or a dish runs out) between the cart and the order"
SHOWN_TOTAL = "ordered_at_the_total_shown"
TOLD_FIRST = "cart_changed_first"
DESCRIPTIONS = {
    SHOWN_TOTAL: "every order's total is the expected_total (the total the customer was "
    "shown) of the request that placed it",
    TOLD_FIRST: "a line whose price changed after it went into the cart was announced "
    "to the customer by cart_changed before the order was placed",
}
CHANGED_SHARE = 0.4  # customers whose cart the restaurant changes while they look
RUNS_OUT = 0.15  # of those changes: the dish becomes unavailable instead of repriced
CHANGES_AGAIN = 0.15  # another change while the customer reads cart_changed
STALE_TAB = 0.2  # after cart_changed, the old total is resent from another tab first
AGREEMENTS = 4  # placements a customer makes at most (the first and after each change)
CARD = CardDetails(*GOOD_CARD)

Prices = dict[int, int]  # food_id → price in paise


class Change(NamedTuple):
    """A line ``cart_changed`` named: its new price (None if gone) and availability."""

    food_id: int
    new_price: int | None
    available: bool


class PriceRequest(NamedTuple):
    """One placement: the total the sending tab showed, and the answer."""

    user_id: int
    key: str
    expected_total: int
    order_id: int | None
    replayed: bool
    code: str | None
    changes: tuple[Change, ...]  # what cart_changed said, when that was the answer


@dataclass
class PriceLedger:
    added: dict[int, Prices] = field(default_factory=dict)  # user → prices when added
    requests: list[PriceRequest] = field(default_factory=list)
    repriced: int = 0  # dishes the restaurant repriced during the run
    ran_out: int = 0  # dishes it marked unavailable
    gave_up: int = 0  # customers whose whole cart ran out, or who ran out of patience


def prices_of(cart: Cart) -> Prices:
    return {line.food_item.food_id: line.food_item.price for line in cart.food_items}


class _Customer:
    def __init__(
        self,
        world: World,
        ledger: PriceLedger,
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
        world, rng, ports = self.world, self.rng, self.world.ports
        self.user_id = new_customer(world, NAME, self.index)
        restaurant = rng.choice(self.restaurants)
        city = world.store.cities[restaurant.city.pincode]
        address_id = home_address(world, self.user_id, self.index, city.city_name, city.pincode)
        yield rng.expovariate(1 / 20)
        dishes = available_dishes(world, restaurant.restaurant_id)
        if not dishes:  # another customer's change took the last one away
            self.ledger.gave_up += 1
            return
        fill_cart(world, self.user_id, rng, dishes, 1 + int(rng.random() * 3))
        shown = price_cart(ports, self.user_id)  # the cart and its bill, as the page shows
        self.ledger.added[self.user_id] = prices_of(shown.cart)
        yield rng.expovariate(1 / 15)
        if rng.random() < CHANGED_SHARE:
            self._restaurant_changes(rng.choice(shown.cart.food_items).food_item.food_id)
        mode = PaymentMode.COD if rng.random() < 0.5 else PaymentMode.CARD
        key = f"{NAME}-{self.index:07d}"
        for _ in range(AGREEMENTS):
            answer = self._place(key, address_id, mode, shown)
            if answer.code is None and answer.order_id is not None:
                if rng.random() < self.cfg.rates.retry:  # the answer was lost: resend
                    yield 2.0
                    self._place(key, address_id, mode, shown)
                if mode is PaymentMode.CARD:
                    yield rng.expovariate(1 / 10)
                    self._pay(answer.order_id)
                return
            if answer.code != CartChanged.code:
                return  # counted in the ledger; nothing this customer can agree to
            yield rng.expovariate(1 / 8)
            if rng.random() < STALE_TAB:  # the old page, still open, sends the old total
                self._place(f"{key}-stale", address_id, mode, shown)
            shown = self._agree(answer.changes)
            if shown.cart.is_empty:
                self.ledger.gave_up += 1
                return
            if rng.random() < CHANGES_AGAIN:  # while they read the new total
                self._restaurant_changes(rng.choice(shown.cart.food_items).food_item.food_id)
        self.ledger.gave_up += 1

    def _restaurant_changes(self, food_id: int) -> None:
        """The partner's edit: a new price (never the same), or out of stock."""
        catalog, rng = self.world.ports.catalog, self.rng
        item = catalog.get_food_items([food_id]).get(food_id)
        if item is None or not item.availability:
            return
        if rng.random() < RUNS_OUT:
            catalog.set_availability(food_id, False)
            self.ledger.ran_out += 1
            return
        catalog.add_food_items([evolve(item, price=_new_price(rng, item))])
        self.ledger.repriced += 1

    def _place(
        self, key: str, address_id: int, mode: PaymentMode, shown: PricedCart
    ) -> PriceRequest:
        request = PriceRequest(self.user_id, key, shown.total_amount, None, False, None, ())
        try:
            placement = place_order(
                self.world.ports,
                self.user_id,
                idempotency_key=key,
                address_id=address_id,
                payment_mode=mode,
                expected_total=shown.total_amount,
            )
        except CartChanged as changed:
            changes = tuple(_change(c) for c in changed.changes)
            request = request._replace(code=changed.code, changes=changes)
        except DomainError as error:
            request = request._replace(code=error.code)
        else:
            request = request._replace(
                order_id=placement.order.order_id, replayed=placement.replayed
            )
        self.ledger.requests.append(request)
        return request

    def _agree(self, changes: tuple[Change, ...]) -> PricedCart:
        """Take out what ran out and read the cart again: what the customer now sees."""
        for change in changes:
            if not change.available:
                set_cart_quantity(self.world.ports, self.user_id, change.food_id, 0)
        return price_cart(self.world.ports, self.user_id)

    def _pay(self, order_id: int) -> None:
        try:
            pay_order(
                self.world.ports,
                self.user_id,
                order_id,
                idempotency_key=f"{NAME}-{self.index:07d}-pay",
                payment_mode=PaymentMode.CARD,
                card=CARD,
            )
        except DomainError:
            return  # the payment is not what this scenario audits; the store-wide audit is


def _change(raw: dict[str, object]) -> Change:
    new_price = raw["new_price"]
    return Change(
        int(str(raw["food_id"])),
        None if new_price is None else int(str(new_price)),
        bool(raw["available"]),
    )


def _new_price(rng: random.Random, item: FoodItem) -> int:
    """Up or down by 5–25%, in whole rupees, never the old price and never below ₹1."""
    factor = 1 + rng.choice((-1, 1)) * rng.uniform(0.05, 0.25)
    price = max(100, round(item.price * factor / 100) * 100)
    return price if price != item.price else item.price + 100


@dataclass
class PriceRun:
    world: World
    ledger: PriceLedger
    started: float


def play(cfg: SimConfig) -> PriceRun:
    started = time.perf_counter()
    world = build_world(cfg)
    ledger = PriceLedger()
    restaurants = restaurants_open_at(world, world.clock.now())
    starts = arrivals(random.Random(f"{NAME}:{cfg.seed}"), cfg.customers, cfg.arrival_rate)
    interleave(
        world.clock,
        [
            (t, _Customer(world, ledger, cfg, i, restaurants).journey())
            for i, t in enumerate(starts)
        ],
    )
    settle(world)
    return PriceRun(world, ledger, started)


def run(cfg: SimConfig) -> ScenarioOutcome:
    played = play(cfg)
    findings = audit_price_change(played.world.store, played.ledger)
    return outcome(
        NAME,
        cfg,
        played.world,
        findings,
        numbers(played.world.store, played.ledger),
        started=played.started,
    )


def _rupees(paise: int) -> str:
    return f"₹{paise / 100:,.2f}"


def audit_price_change(store: MemoryStore, ledger: PriceLedger) -> list[Finding]:
    shown_total = Finding(SHOWN_TOTAL, DESCRIPTIONS[SHOWN_TOTAL])
    told_first = Finding(TOLD_FIRST, DESCRIPTIONS[TOLD_FIRST])
    # The request that made an order is the first one answered with it.
    placed_by: dict[int, int] = {}
    for index, sent in enumerate(ledger.requests):
        if sent.order_id is not None:
            placed_by.setdefault(sent.order_id, index)
    for order in sorted(store.orders.values(), key=lambda o: o.order_id):
        who = f"order {order.order_id} (customer {order.user})"
        n = placed_by.get(order.order_id)
        if n is None:
            shown_total.add(f"{who}: placed at {_rupees(order.total_amount)}, never shown")
            continue
        request = ledger.requests[n]
        if order.total_amount != request.expected_total:
            shown_total.add(
                f"{who}: placed at {_rupees(order.total_amount)}, but the customer was "
                f"shown {_rupees(request.expected_total)}"
            )
        told = {
            (c.food_id, c.new_price)
            for earlier in ledger.requests[:n]
            if earlier.user_id == order.user
            for c in earlier.changes
        }
        added = ledger.added.get(order.user, {})
        for item in order.items:
            was = added.get(item.food_id)
            if was is not None and was != item.price and (item.food_id, item.price) not in told:
                told_first.add(
                    f"{who}: {item.food_name} went from {_rupees(was)} to "
                    f"{_rupees(item.price)} without a cart_changed first"
                )
    return [shown_total, told_first]


def numbers(store: MemoryStore, ledger: PriceLedger) -> dict[str, int]:
    codes = Counter(r.code for r in ledger.requests if r.code is not None)
    changed_orders = sum(
        any(ledger.added.get(o.user, {}).get(i.food_id, i.price) != i.price for i in o.items)
        for o in store.orders.values()
    )
    return {
        "customers": len(store.users),
        "dishes repriced while a customer looked": ledger.repriced,
        "dishes that ran out": ledger.ran_out,
        "placements sent (with expected_total)": len(ledger.requests),
        "  answered cart_changed": codes[CartChanged.code],
        "    with no line changed (a stale total)": sum(
            r.code == CartChanged.code and not r.changes for r in ledger.requests
        ),
        "  other refusals": sum(n for code, n in codes.items() if code != CartChanged.code),
        "orders": len(store.orders),
        "  at a price changed since the cart": changed_orders,
        "customers who gave up": ledger.gave_up,
    }
