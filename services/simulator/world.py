"""The in-memory world: the core's use cases on the in-memory adapters, a simulated
clock, and a discrete-event loop that interleaves thousands of customer journeys.

Everything here is deterministic for a given :class:`SimConfig`: ids come from
``SnowflakeIds`` reading the simulated clock, the fake gateway numbers its references,
and journeys are resumed in (time, arrival order) order.
"""

from __future__ import annotations

import gc
import heapq
import random
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from adapters import demo_catalog
from adapters.ids import SnowflakeIds
from adapters.memory import FakePaymentGateway, FastTestHasher, MemoryStore, memory_ports
from adapters.memory import Fault as GatewayFault
from food_core.errors import DomainError, PaymentDeclined
from food_core.model import BillCode, CardDetails, PaymentMode, UpiDetails
from food_core.ports import ChargeRequest
from food_core.search import RestaurantSort
from food_core.usecases import (
    Ports,
    PricedCart,
    add_address,
    apply_coupon,
    cancel_order,
    get_order,
    list_cities,
    pay_order,
    place_order,
    price_cart,
    reconcile_pending,
    remove_coupon,
    restaurant_menu,
    search_restaurants,
    set_cart_quantity,
    set_tip,
    signup,
)
from food_core.usecases.reconciling import LOST_AFTER
from services.simulator.audit import AuditReport, audit_records, memory_records
from services.simulator.config import SimConfig
from services.simulator.journey import Customer, Journey
from services.simulator.ledger import Tally
from services.simulator.report import Timeline
from services.simulator.shop import (
    EMPTY_CART,
    Card,
    Fault,
    MenuDish,
    Paid,
    Placed,
    Session,
    ShopError,
    Shown,
)
from services.simulator.summary import Summary, build_summary

START = datetime(2026, 1, 1, 8, 0, tzinfo=UTC)
PASSWORD = "simulated password"  # noqa: S105 (a throwaway for simulated accounts)
# The final sweep: how far past the last customer the clock jumps (beyond LOST_AFTER, so
# attempts the gateway never heard of are closed), and a bound on the sweeps.
SETTLE_AFTER = LOST_AFTER + timedelta(minutes=1)
MAX_SWEEPS = 1000
SWEEP_LIMIT = 1000
PROGRESS_EVERY = 500


class SimClock:
    """The simulated clock: moves only when the event loop says, never backwards.

    ``adapters.clock.ManualClock`` would do, but it takes a lock and builds a datetime on
    every ``advance``; the event loop sets the time ~15 times per customer, so this one
    keeps the float and makes the datetime only when it is read after a change.
    """

    def __init__(self, start: datetime = START) -> None:
        self._start = start
        self._start_ms = int(start.timestamp() * 1000)
        self._now: datetime | None = start
        self.t = 0.0  # seconds since start

    def now(self) -> datetime:
        now = self._now
        if now is None:  # made lazily: most steps (think times) never read the clock
            now = self._now = self._start + timedelta(seconds=self.t)
        return now

    def set(self, t: float) -> None:
        if t > self.t:
            self.t = t
            self._now = None

    def now_ms(self) -> int:
        """For SnowflakeIds: ids stay time-ordered in simulated time, hence reproducible."""
        return self._start_ms + int(self.t * 1000)


@dataclass
class World:
    ports: Ports
    store: MemoryStore
    gateway: FakePaymentGateway
    clock: SimClock
    shop: MemoryShop


def build_world(cfg: SimConfig) -> World:
    """memory_ports with FastTestHasher, FakePaymentGateway, SnowflakeIds on the
    simulated clock, and the demo catalog."""
    clock = SimClock()
    store = MemoryStore()
    armed: list[GatewayFault | None] = [None]

    def fault_hook(_request: ChargeRequest) -> GatewayFault | None:
        fault, armed[0] = armed[0], None  # one charge only
        return fault

    gateway = FakePaymentGateway(clock, fault=fault_hook)
    ports = memory_ports(
        clock=clock,
        ids=SnowflakeIds(1, now_ms=clock.now_ms),
        hasher=FastTestHasher(),
        gateway=gateway,
        store=store,
    )
    demo_catalog.load_into(ports.catalog, demo_catalog.generate(cfg.catalog_seed), ports.ratings)
    return World(ports, store, gateway, clock, MemoryShop(ports, armed))


class MemoryShop:
    """:class:`services.simulator.shop.Shop` on the core's use cases, in process."""

    def __init__(self, ports: Ports, armed: list[GatewayFault | None]) -> None:
        self.ports = ports
        self._armed = armed

    def signup(self, n: int) -> Session:
        user = signup(
            self.ports,
            user_name=f"Sim Customer {n}",
            email=f"sim{n}@example.com",
            phone=f"9{n % 1_000_000_000:09d}",
            password=PASSWORD,
        )
        return Session(user.user_id, "")

    def cities(self, s: Session) -> list[tuple[str, str]]:
        return [(c.pincode, c.city_name) for c in list_cities(self.ports)]

    def search(self, s: Session, pincode: str, *, veg_only: bool, sort: str) -> list[int]:
        page = search_restaurants(
            self.ports,
            pincode=pincode,
            veg_only=veg_only,
            sort=RestaurantSort(sort),
            open_at=self.ports.clock.now(),  # customers look at what is open now
        )
        return [r.restaurant_id for r in page.restaurants]

    def menu(self, s: Session, restaurant_id: int) -> Sequence[MenuDish]:
        return restaurant_menu(self.ports, restaurant_id).menu

    def set_quantity(self, s: Session, food_id: int, quantity: int) -> int:
        # The use case's cart, not a bill: pricing every edit would cost each customer
        # a quote per dish; the checkout reads the bill (view_cart) once.
        try:
            return set_cart_quantity(self.ports, s.user_id, food_id, quantity).item_total
        except DomainError as error:
            raise ShopError(error.code, None, error.message) from None

    def view_cart(self, s: Session) -> Shown:
        return shown(price_cart(self.ports, s.user_id))

    def apply_coupon(self, s: Session, code: str) -> Shown:
        try:
            return shown(apply_coupon(self.ports, s.user_id, code))
        except DomainError as error:
            raise ShopError(error.code, None, error.message) from None

    def remove_coupon(self, s: Session) -> Shown:
        return shown(remove_coupon(self.ports, s.user_id))

    def set_tip(self, s: Session, amount: int) -> Shown:
        try:
            return shown(set_tip(self.ports, s.user_id, amount))
        except DomainError as error:
            raise ShopError(error.code, None, error.message) from None

    def add_address(self, s: Session, n: int, city_name: str, pincode: str) -> int:
        address = add_address(
            self.ports,
            s.user_id,
            label="Home",
            line1=f"{n} Simulation Street",
            city_name=city_name,
            pincode=pincode,
        )
        return address.address_id

    def place_order(
        self,
        s: Session,
        key: str,
        address_id: int,
        mode: PaymentMode,
        *,
        twice: bool,
        expected_total: int | None = None,
    ) -> list[Placed | ShopError]:
        answers: list[Placed | ShopError] = []
        for _ in range(2 if twice else 1):
            try:
                placement = place_order(
                    self.ports,
                    s.user_id,
                    idempotency_key=key,
                    address_id=address_id,
                    payment_mode=mode,
                    expected_total=expected_total,
                )
            except DomainError as error:
                answers.append(ShopError(error.code, None, error.message))
            else:
                order = placement.order
                answers.append(
                    Placed(
                        order.order_id,
                        order.order_status.value,
                        order.total_amount,
                        placement.replayed,
                    )
                )
            self._armed[0] = None  # a fault armed for this call never leaks to the next
        return answers

    def pay(
        self,
        s: Session,
        order_id: int,
        key: str,
        mode: PaymentMode,
        card: Card | None,
        vpa: str | None,
        *,
        twice: bool,
    ) -> list[Paid | ShopError]:
        details = CardDetails(*card) if card is not None else None
        upi = UpiDetails(vpa) if vpa is not None else None
        answers: list[Paid | ShopError] = []
        for _ in range(2 if twice else 1):
            try:
                result = pay_order(
                    self.ports,
                    s.user_id,
                    order_id,
                    idempotency_key=key,
                    payment_mode=mode,
                    card=details,
                    upi=upi,
                )
            except PaymentDeclined as declined:
                answers.append(ShopError(declined.code, None, declined.failure_code))
            except DomainError as error:
                answers.append(ShopError(error.code, None, error.message))
            else:
                payment = result.payment
                answers.append(
                    Paid(
                        order_id,
                        result.order.order_status.value,
                        payment.payment_id,
                        payment.payment_status.value,
                        payment.amount,
                        result.replayed,
                    )
                )
            self._armed[0] = None
        return answers

    def order_status(self, s: Session, order_id: int) -> str:
        return get_order(self.ports, s.user_id, order_id).order_status.value

    def cancel(self, s: Session, order_id: int) -> str:
        try:
            return cancel_order(self.ports, s.user_id, order_id).order_status.value
        except DomainError as error:
            raise ShopError(error.code, None, error.message) from None

    def arm_fault(self, fault: Fault) -> bool:
        self._armed[0] = (
            GatewayFault.TIMEOUT_AFTER_CHARGE
            if fault.lost_after_charge
            else GatewayFault.UNAVAILABLE
        )
        return True


def shown(priced: PricedCart) -> Shown:
    """What the customer is shown of a priced cart: its bill, as the API answers it."""
    bill = priced.bill
    if bill is None:
        return EMPTY_CART
    coupon = priced.applied_coupon
    return Shown(
        bill.amount_of(BillCode.ITEM_TOTAL),
        bill.total_amount,
        tuple((line.code.value, line.amount) for line in bill.lines),
        None if coupon is None else coupon.code,
    )


@dataclass
class MemoryRun:
    world: World
    tally: Tally
    wall_s: float  # the journeys, excluding setup, the sweep and the audit
    sim_s: float  # simulated seconds from the first arrival to the last step
    swept: int  # orders the final reconciliation sweep looked at


def run_journeys(
    cfg: SimConfig,
    world: World,
    tally: Tally,
    on_progress: Callable[[int], None] | None = None,
) -> float:
    """The discrete-event loop: customers arrive as a Poisson process at
    ``cfg.arrival_rate`` per simulated second; each journey is resumed at the simulated
    time its last think time ends. Returns the simulated time of the last step."""
    clock = world.clock
    shop = world.shop
    bounds = cfg.mix.cumulative()
    arrivals = random.Random(cfg.seed)
    heap: list[tuple[float, int, Journey]] = []
    push, pop = heapq.heappush, heapq.heappop
    started = done = seq = 0
    next_arrival = 0.0
    customers = cfg.customers
    rate = cfg.arrival_rate
    now = _clock_reader(clock)
    while True:
        if started < customers and (not heap or next_arrival <= heap[0][0]):
            t = next_arrival
            journey = Customer(started, shop, cfg, tally, now).run(bounds)
            started += 1
            next_arrival += arrivals.expovariate(rate)
        elif heap:
            t, _, journey = pop(heap)
        else:
            break
        clock.set(t)
        try:
            delay = next(journey)
        except StopIteration:
            done += 1
            if on_progress is not None and done % PROGRESS_EVERY == 0:
                on_progress(done)
            continue
        seq += 1
        push(heap, (t + delay, seq, journey))
    if on_progress is not None:
        on_progress(done)
    return clock.t


def _clock_reader(clock: SimClock) -> Callable[[], float]:
    return lambda: clock.t


def settle(world: World) -> int:
    """Jump past LOST_AFTER and sweep until nothing is left to reconcile (bounded)."""
    clock = world.clock
    clock.set(clock.t + SETTLE_AFTER.total_seconds())
    swept = 0
    for _ in range(MAX_SWEEPS):
        looked = reconcile_pending(world.ports, older_than=timedelta(seconds=30), limit=SWEEP_LIMIT)
        swept += looked
        if looked == 0:
            break
        clock.set(clock.t + 60)
    return swept


def run_memory(
    cfg: SimConfig,
    *,
    on_progress: Callable[[int], None] | None = None,
) -> MemoryRun:
    world = build_world(cfg)
    tally = Tally()
    with gc_paused():
        started = time.perf_counter()
        sim_s = run_journeys(cfg, world, tally, on_progress)
        wall_s = time.perf_counter() - started
        swept = settle(world)
    return MemoryRun(world, tally, wall_s, sim_s, swept)


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector, restoring it afterwards whatever happens.

    A run only ever adds long-lived objects (users, carts, orders…), so the collector's
    repeated passes over a heap of millions of them find next to nothing, yet cost ~10%
    of the journeys and half of the audit of a 100k run. Reference counting still frees
    everything that is not in a cycle.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@dataclass
class MemoryOutcome:
    run: MemoryRun
    audit: AuditReport
    summary: Summary
    timeline: Timeline


def simulate_memory(
    cfg: SimConfig,
    *,
    on_progress: Callable[[int], None] | None = None,
) -> MemoryOutcome:
    """Run, sweep, audit and summarise an in-memory simulation."""
    with gc_paused():
        return _simulate(cfg, on_progress)


def _simulate(cfg: SimConfig, on_progress: Callable[[int], None] | None) -> MemoryOutcome:
    run = run_memory(cfg, on_progress=on_progress)
    store, tally = run.world.store, run.tally
    orders, users = memory_records(store)
    audit = audit_records(
        orders,
        users,
        gateway_charges=run.world.gateway.successful_charges(),
        attempts=tally.attempts,
        seen_payments=tally.succeeded_payments,
        strict_settlement=True,
        cart_mismatches=(tally.cart_total_mismatches, tally.cart_mismatch_examples),
        coupons=store.coupons,
    )
    summary = build_summary(
        "memory",
        cfg.seed,
        cfg.customers,
        tally,
        orders,
        audit,
        payment_outcomes=memory_payment_outcomes(store),
        wall_s=run.wall_s,
        sim_s=run.sim_s,
        swept=run.swept,
    )
    timeline = Timeline(tally.placed_at, tally.confirmed_at, clock="simulated")
    return MemoryOutcome(run, audit, summary, timeline)


def memory_payment_outcomes(store: MemoryStore) -> dict[str, int]:
    """Every attempt by status, failures by their code (COD PENDING = recorded, unpaid)."""
    counts: dict[str, int] = {}
    for p in (p for order in store.orders.values() for p in order.payments):
        label = p.payment_status.value
        if p.failure_code:
            label = f"{label}: {p.failure_code}"
        elif p.payment_mode is PaymentMode.COD and label == "PENDING":
            label = "PENDING: cash on delivery"
        counts[label] = counts.get(label, 0) + 1
    return counts
