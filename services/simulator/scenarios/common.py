"""What the scenarios share: a world to run in, customers, carts, a bounded event loop,
and the shape of an outcome (what the run did, counted from the store, and its audit).

A scenario drives the core's use cases directly (not the journey of ``journey.py``):
each one sets up the awkward moment it is about — a second tab, a price changed, a
closing time, an address out of the area, an abandoned order — and records in its own
ledger what the customers sent and were shown, so that its audit can compare that with
what the store holds.
"""

from __future__ import annotations

import heapq
import random
import time
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import NamedTuple

from attrs import evolve

from adapters.memory import FakePaymentGateway
from adapters.memory import Fault as GatewayFault
from food_core.errors import PaymentUnavailable
from food_core.model import Cart, FoodItem, PaymentStatus, Restaurant
from food_core.ports import ChargeRequest, GatewayPayment
from food_core.usecases import add_address, set_cart_quantity, signup
from services.simulator.audit import AuditReport, Finding, audit_memory
from services.simulator.config import SimConfig
from services.simulator.world import PASSWORD, SimClock, World

Journey = Generator[float, None, None]

# A journey yields a bounded number of think times; the loop refuses to go on beyond
# this many steps per journey, so that a scenario with a bug cannot spin for ever.
MAX_STEPS_PER_JOURNEY = 500


class ScenarioError(RuntimeError):
    """The scenario cannot be set up on this catalog (the CLI exits 3): e.g. no
    restaurant ever closes, so there is no closing time to run into."""


@dataclass
class ScenarioOutcome:
    """A scenario's run: its counts (from the store and the ledger, never assumed), the
    audit of its own invariants followed by the simulator's store-wide ones, the
    simulated seconds it covered and the wall time it took."""

    name: str
    seed: int
    numbers: dict[str, float]  # counts (int) and measures (float: minutes, %)
    audit: AuditReport
    sim_s: float
    wall_s: float
    notes: list[str] = field(default_factory=list)  # facts about the run worth printing
    mode: str = "memory"  # or "live" (two-tabs against a running stack)


def interleave(clock: SimClock, journeys: Iterable[tuple[float, Journey]]) -> float:
    """Run journeys on the simulated clock, each from its start time, resuming each one
    when the think time it yielded is over; ties go in the order they were scheduled.
    Returns the simulated time of the last step."""
    heap: list[tuple[float, int, Journey]] = [
        (start, seq, journey) for seq, (start, journey) in enumerate(journeys)
    ]
    heapq.heapify(heap)
    seq = len(heap)
    budget = MAX_STEPS_PER_JOURNEY * len(heap)
    while heap:
        t, _, journey = heapq.heappop(heap)
        clock.set(t)
        try:
            delay = next(journey)
        except StopIteration:
            continue
        budget -= 1
        if budget < 0:
            raise RuntimeError("a scenario's journeys took more steps than their bound")
        seq += 1
        heapq.heappush(heap, (t + max(delay, 0.0), seq, journey))
    return clock.t


def arrivals(rng: random.Random, count: int, rate_per_s: float, start: float = 0.0) -> list[float]:
    """``count`` arrival times of a Poisson process at ``rate_per_s`` from ``start``."""
    times: list[float] = []
    t = start
    for _ in range(count):
        times.append(t)
        t += rng.expovariate(rate_per_s)
    return times


def new_customer(world: World, scenario: str, index: int) -> int:
    """A fresh account for customer ``index`` of a scenario; returns its user_id."""
    user = signup(
        world.ports,
        user_name=f"{scenario} customer {index}",
        email=f"{scenario}.{index}@example.com",
        phone=f"8{index % 1_000_000_000:09d}",
        password=PASSWORD,
    )
    return user.user_id


def home_address(world: World, user_id: int, index: int, city_name: str, pincode: str) -> int:
    address = add_address(
        world.ports,
        user_id,
        label="Home",
        line1=f"{index} Scenario Street",
        city_name=city_name,
        pincode=pincode,
    )
    return address.address_id


def available_dishes(world: World, restaurant_id: int) -> list[FoodItem]:
    return [
        d for d in world.ports.catalog.menu(restaurant_id) if d.availability and not d.needs_choice
    ]


def fill_cart(
    world: World, user_id: int, rng: random.Random, dishes: Sequence[FoodItem], lines: int
) -> Cart:
    """Put up to ``lines`` distinct dishes (1–3 of each) in the customer's cart; returns
    the cart as the last edit left it (what the customer is shown)."""
    chosen = rng.sample(list(dishes), min(lines, len(dishes)))
    cart: Cart | None = None
    for dish in chosen:
        cart = set_cart_quantity(world.ports, user_id, dish.food_id, 1 + int(rng.random() * 3))
    assert cart is not None, "fill_cart needs at least one dish"
    return cart


def restaurants_open_at(world: World, at: datetime) -> list[Restaurant]:
    """Every restaurant of the catalog open at ``at``, by id (deterministic)."""
    found = [r for r in world.store.restaurants.values() if r.open_hours.is_open(at)]
    return sorted(found, key=lambda r: r.restaurant_id)


def together(*tabs: Journey) -> Journey:
    """Run several journeys side by side as one (a customer's two browser tabs): each
    tab's think times run from the moment it yielded them, the earliest due tab goes
    next, ties in the order the tabs were given."""
    due: list[tuple[float, int, Journey]] = [(0.0, i, tab) for i, tab in enumerate(tabs)]
    heapq.heapify(due)
    now = 0.0
    while due:
        t, i, tab = heapq.heappop(due)
        if t > now:
            yield t - now
            now = t
        try:
            delay = next(tab)
        except StopIteration:
            continue
        heapq.heappush(due, (now + max(delay, 0.0), i, tab))


class Held(NamedTuple):
    """A charge the bank takes its time over (a UPI collect request waiting for the
    customer's approval, a card in 3-D Secure): it is made at once, but the gateway
    reports it PENDING until ``release_at``, and the call that made it times out."""

    release_at: datetime


class ScenarioGateway:
    """The fake gateway with the failures the scenarios need: the next charge fails
    (refused, or charged with the answer lost — as ``FakePaymentGateway``'s own faults —
    or :class:`Held`), and an outage during which it cannot be asked anything at all
    (``down``), so that nothing can tell whether money moved."""

    def __init__(self, inner: FakePaymentGateway, clock: SimClock) -> None:
        self.inner = inner
        self.clock = clock
        self.down = False
        self._next_fault: GatewayFault | Held | None = None
        self._held: dict[str, datetime] = {}  # gateway reference → when the bank answers

    @contextmanager
    def failing(self, fault: GatewayFault | Held | None) -> Iterator[None]:
        """The first charge inside the block fails so; none after it (a call that never
        reaches the gateway must not pass its fault on to another customer's charge)."""
        self._next_fault = fault
        try:
            yield
        finally:
            self._next_fault = None

    def _unreachable(self) -> None:
        if self.down:
            raise PaymentUnavailable("the payment service is down")

    def _still_held(self, payment: GatewayPayment) -> bool:
        release_at = self._held.get(payment.reference)
        return release_at is not None and self.clock.now() < release_at

    def charge(self, request: ChargeRequest) -> GatewayPayment:
        self._unreachable()
        fault, self._next_fault = self._next_fault, None
        if fault is GatewayFault.UNAVAILABLE:
            raise PaymentUnavailable("the payment service did not answer")
        payment = self.inner.charge(request)
        if isinstance(fault, Held):
            self._held[payment.reference] = fault.release_at
        if fault is GatewayFault.TIMEOUT_AFTER_CHARGE or self._still_held(payment):
            raise PaymentUnavailable("the payment service did not answer in time")
        return payment

    def payments_for_order(self, order_id: int) -> list[GatewayPayment]:
        self._unreachable()
        return [
            evolve(p, payment_status=PaymentStatus.PENDING, failure_code=None)
            if self._still_held(p)
            else p
            for p in self.inner.payments_for_order(order_id)
        ]

    def refund(self, reference: str, idempotency_key: str) -> GatewayPayment:
        self._unreachable()
        return self.inner.refund(reference, idempotency_key)

    def close(self) -> None:
        self.inner.close()


def with_scenario_gateway(world: World) -> ScenarioGateway:
    """Route the world's payments through a :class:`ScenarioGateway` (the audit still
    reads the fake gateway's own records, ``world.gateway``)."""
    gateway = ScenarioGateway(world.gateway, world.clock)
    world.ports = evolve(world.ports, gateway=gateway)
    return gateway


def outcome(
    name: str,
    cfg: SimConfig,
    world: World,
    own: Sequence[Finding],
    numbers: Mapping[str, float],
    *,
    started: float,
    notes: Sequence[str] = (),
    sim_start: float = 0.0,
) -> ScenarioOutcome:
    """The scenario's own findings first, then the simulator's store-wide invariants
    (duplicates, double charges, paid but unconfirmed…), which every scenario must also
    leave intact. The scenario has settled payments of unknown outcome before (``settle``),
    as the sweep would. ``sim_start``: where on the simulated clock the scenario began
    (one that waits for a time of day jumps there first)."""
    wall_s = time.perf_counter() - started
    store_wide = audit_memory(world.store, world.gateway)
    findings = {f.name: f for f in own}
    findings.update(store_wide.findings)
    report = AuditReport(findings, store_wide.orders, store_wide.users)
    sim_s = world.clock.t - sim_start
    return ScenarioOutcome(name, cfg.seed, dict(numbers), report, sim_s, wall_s, list(notes))


Runner = Callable[[SimConfig], ScenarioOutcome]
