"""two-tabs: every customer places their cart from two browser tabs at once.

Both tabs show the same cart; each places it with its own Idempotency-Key after its own
pause, sometimes double-clicked or resent after a lost answer, then pays the order it
was given with its own payment key (sometimes the gateway fails the charge). Some
customers come back, fill the cart again and do it all once more: a new cart version,
which may rightly make a second order.

The invariant (docs/design.md §5): one order per cart version per customer, whatever the
keys; each order holds exactly the cart it consumed; nobody is charged twice for a cart.
"""

from __future__ import annotations

import random
import time
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from adapters.memory import Fault as GatewayFault
from adapters.memory import MemoryStore
from food_core.errors import DomainError
from food_core.model import CardDetails, Cart, PaymentMode, PaymentStatus, Restaurant
from food_core.usecases import pay_order, place_order, view_cart
from services.simulator.audit import Finding
from services.simulator.config import SimConfig
from services.simulator.scenarios.common import (
    Journey,
    ScenarioGateway,
    ScenarioOutcome,
    arrivals,
    available_dishes,
    fill_cart,
    home_address,
    interleave,
    new_customer,
    outcome,
    restaurants_open_at,
    together,
    with_scenario_gateway,
)
from services.simulator.shop import GOOD_CARD
from services.simulator.world import World, build_world, settle

NAME = "two-tabs"
SUMMARY = "each customer places one cart from two tabs with two keys, interleaved and retried"
ONE_ORDER = "one_order_per_cart"
SAME_ITEMS = "order_is_its_cart"
CHARGED_ONCE = "charged_once_per_cart"
DESCRIPTIONS = {
    ONE_ORDER: "at most one order per cart version per customer, and both tabs were "
    "answered with that one order",
    SAME_ITEMS: "each order's items are the cart version it consumed, line for line",
    CHARGED_ONCE: "no customer was charged (or shown a successful payment) twice for one "
    "cart version",
}
COME_BACK = 0.3  # share of customers who fill the cart again and place it from two tabs
CARD = CardDetails(*GOOD_CARD)

Lines = tuple[tuple[int, int], ...]  # (food_id, quantity), sorted by food_id
CartKey = tuple[int, int]  # (user_id, cart version)


class TabPlacement(NamedTuple):
    """One POST /orders a tab sent and what it was answered."""

    user_id: int
    version: int  # the cart version the tab showed
    key: str
    order_id: int | None
    replayed: bool
    code: str | None  # the refusal's code, when there was no order


@dataclass
class TabsLedger:
    """What the customers placed and were told, for the audit to compare with the store."""

    carts: dict[CartKey, Lines] = field(default_factory=dict)  # every version placed
    placements: list[TabPlacement] = field(default_factory=list)
    # Payment ids a tab was shown as SUCCEEDED, by the cart version it paid for.
    charges_shown: dict[CartKey, set[int]] = field(default_factory=lambda: defaultdict(set))
    refusals: Counter[str] = field(default_factory=Counter)  # payment refusals by code


def lines_of(cart: Cart) -> Lines:
    return tuple(sorted((line.food_item.food_id, line.quantity) for line in cart.food_items))


class _Customer:
    def __init__(
        self,
        world: World,
        gateway: ScenarioGateway,
        ledger: TabsLedger,
        cfg: SimConfig,
        index: int,
        restaurants: Sequence[Restaurant],
    ) -> None:
        self.world = world
        self.restaurants = restaurants
        self.gateway = gateway
        self.ledger = ledger
        self.cfg = cfg
        self.index = index
        self.rng = random.Random(f"{NAME}:{cfg.seed}:{index}")
        self.user_id = 0

    def journey(self) -> Journey:
        world, rng = self.world, self.rng
        self.user_id = new_customer(world, NAME, self.index)
        restaurant = rng.choice(self.restaurants)
        city = world.store.cities[restaurant.city.pincode]
        address_id = home_address(world, self.user_id, self.index, city.city_name, city.pincode)
        dishes = available_dishes(world, restaurant.restaurant_id)
        rounds = 2 if rng.random() < COME_BACK else 1
        for round_ in range(rounds):
            yield rng.expovariate(1 / 20)
            fill_cart(world, self.user_id, rng, dishes, 1 + int(rng.random() * 3))
            yield rng.expovariate(1 / 10)
            shown = view_cart(world.ports, self.user_id)  # what both tabs show
            self.ledger.carts[(self.user_id, shown.version)] = lines_of(shown)
            yield from together(
                self._tab(shown.version, address_id, f"{round_}a"),
                self._tab(shown.version, address_id, f"{round_}b"),
            )

    def _tab(self, version: int, address_id: int, tab: str) -> Journey:
        rng, rates = self.rng, self.cfg.rates
        yield rng.uniform(0.0, 3.0)
        key = f"{NAME}-{self.index:07d}-{tab}"
        sends = 2 if rng.random() < rates.double_click else 1
        order_id = self._place(version, key, address_id, sends)
        if rng.random() < rates.retry:  # the answer was lost: the tab resends, same key
            yield 2.0
            order_id = self._place(version, key, address_id, 1) or order_id
        if order_id is None:
            return
        yield rng.expovariate(1 / 10)
        pay_key = f"{key}-pay"
        fault = None
        if rng.random() < rates.timeout:
            lost = rng.random() < 0.5
            fault = GatewayFault.TIMEOUT_AFTER_CHARGE if lost else GatewayFault.UNAVAILABLE
        with self.gateway.failing(fault):
            self._pay(version, order_id, pay_key)
        if rng.random() < rates.retry:
            yield 2.0
            self._pay(version, order_id, pay_key)

    def _place(self, version: int, key: str, address_id: int, sends: int) -> int | None:
        order_id: int | None = None
        for _ in range(sends):
            try:
                placement = place_order(
                    self.world.ports,
                    self.user_id,
                    idempotency_key=key,
                    address_id=address_id,
                    payment_mode=PaymentMode.CARD,
                )
            except DomainError as error:
                answer = TabPlacement(self.user_id, version, key, None, False, error.code)
            else:
                order_id = placement.order.order_id
                answer = TabPlacement(
                    self.user_id, version, key, order_id, placement.replayed, None
                )
            self.ledger.placements.append(answer)
        return order_id

    def _pay(self, version: int, order_id: int, key: str) -> None:
        try:
            result = pay_order(
                self.world.ports,
                self.user_id,
                order_id,
                idempotency_key=key,
                payment_mode=PaymentMode.CARD,
                card=CARD,
            )
        except DomainError as error:
            self.ledger.refusals[error.code] += 1
            return
        if result.payment.payment_status is PaymentStatus.SUCCEEDED:
            self.ledger.charges_shown[(self.user_id, version)].add(result.payment.payment_id)


@dataclass
class TabsRun:
    world: World
    ledger: TabsLedger
    started: float  # perf_counter at the start, for the wall time


def play(cfg: SimConfig) -> TabsRun:
    """The customers and their tabs, then the sweep settling payments whose answer was
    lost; the audit is separate so that a test can tamper with the state in between."""
    started = time.perf_counter()
    world = build_world(cfg)
    gateway = with_scenario_gateway(world)
    ledger = TabsLedger()
    starts = arrivals(random.Random(f"{NAME}:{cfg.seed}"), cfg.customers, cfg.arrival_rate)
    # Customers arrive within minutes of the start: those open then stay open.
    restaurants = restaurants_open_at(world, world.clock.now())
    interleave(
        world.clock,
        [
            (t, _Customer(world, gateway, ledger, cfg, i, restaurants).journey())
            for i, t in enumerate(starts)
        ],
    )
    settle(world)
    return TabsRun(world, ledger, started)


def run(cfg: SimConfig) -> ScenarioOutcome:
    played = play(cfg)
    world, ledger = played.world, played.ledger
    charges = world.gateway.successful_charges()
    findings = audit_two_tabs(world.store, charges, ledger)
    return outcome(NAME, cfg, world, findings, numbers(world.store, charges, ledger),
                   started=played.started)  # fmt: skip


def audit_two_tabs(
    store: MemoryStore, gateway_charges: Mapping[int, int], ledger: TabsLedger
) -> list[Finding]:
    """The scenario's invariants on the store, the gateway's charges and the ledger."""
    one = Finding(ONE_ORDER, DESCRIPTIONS[ONE_ORDER])
    same = Finding(SAME_ITEMS, DESCRIPTIONS[SAME_ITEMS])
    once = Finding(CHARGED_ONCE, DESCRIPTIONS[CHARGED_ONCE])
    by_cart: dict[CartKey, list[int]] = defaultdict(list)
    for order in store.orders.values():
        by_cart[(order.user, order.cart_version)].append(order.order_id)
        placed = ledger.carts.get((order.user, order.cart_version))
        items = tuple(sorted((i.food_id, i.quantity) for i in order.items))
        if placed is None:
            same.add(
                f"order {order.order_id} (customer {order.user}) came from cart version "
                f"{order.cart_version}, which the customer never placed"
            )
        elif items != placed:
            same.add(
                f"order {order.order_id} (customer {order.user}): items {list(items)} ≠ "
                f"cart version {order.cart_version} {list(placed)}"
            )
    for (user_id, version), ids in sorted(by_cart.items()):
        if len(ids) > 1:
            one.add(
                f"customer {user_id}: {len(ids)} orders {sorted(ids)} from cart version {version}"
            )
        charged = sum(gateway_charges.get(i, 0) for i in ids)
        recorded = sum(
            1
            for i in ids
            for p in store.orders[i].payments
            if p.payment_status in (PaymentStatus.SUCCEEDED, PaymentStatus.REFUNDED)
        )
        if max(charged, recorded) > 1:
            once.add(
                f"customer {user_id} charged {max(charged, recorded)} times for cart version "
                f"{version} (orders {sorted(ids)})"
            )
    answered: dict[CartKey, set[int]] = defaultdict(set)
    for p in ledger.placements:
        if p.order_id is not None:
            answered[(p.user_id, p.version)].add(p.order_id)
    for (user_id, version), answered_ids in sorted(answered.items()):
        if len(answered_ids) > 1:
            one.add(
                f"customer {user_id}: the tabs showing cart version {version} were answered "
                f"with orders {sorted(answered_ids)}"
            )
    for (user_id, version), shown in sorted(ledger.charges_shown.items()):
        if len(shown) > 1:
            once.add(
                f"customer {user_id} was shown {len(shown)} successful payments "
                f"{sorted(shown)} for cart version {version}"
            )
    return [one, same, once]


def numbers(
    store: MemoryStore, gateway_charges: Mapping[int, int], ledger: TabsLedger
) -> dict[str, int]:
    placements: Sequence[TabPlacement] = ledger.placements
    refused_placements = Counter(p.code for p in placements if p.code is not None)
    return {
        "customers": len(store.users),
        "cart versions placed": len(ledger.carts),
        "POST /orders sent": len(placements),
        "  answered with a replay": sum(p.replayed for p in placements),
        "  refused": sum(refused_placements.values()),
        "orders": len(store.orders),
        "  confirmed (or further)": sum(o.is_confirmed for o in store.orders.values()),
        "successful charges": sum(gateway_charges.values()),
        "second payments refused (already paid)": ledger.refusals["order_already_paid"],
        "payments the gateway did not answer": ledger.refusals["payment_unavailable"],
        "other payment refusals": sum(
            n
            for code, n in ledger.refusals.items()
            if code not in ("order_already_paid", "payment_unavailable")
        ),
    }
