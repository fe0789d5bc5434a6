"""delivery: restaurants and riders as actors, from the confirmed order to the door.

Customers of one city (the one with the most restaurants open at the start) order and
pay (card or cash on delivery); a few cancel while the order waits for the restaurant.
Each restaurant answers the orders it gets as its kitchen would: after a random delay it
accepts one with a preparation time, or rejects it with a reason, or never answers at
all — then the sweep cancels and refunds it when the acceptance window is over. An
accepted order's food is marked ready once its preparation time has passed.

The city's rider pool is enrolled with ``enrol_rider`` at ``rider_start`` positions.
A rider with a job rides to the restaurant (``ride_minutes`` of the pickup distance,
times the rider's traffic of the day), waits for the food, picks it up, rides to the
door and delivers it, collecting the cash of a COD order. The sweep's steps
(``reconcile_pending``, ``expire_unaccepted_orders``, ``release_finished_riders``,
``dispatch_waiting``) run every ``SWEEP_INTERVAL`` of simulated time, as on the stack.
Every draw comes from the scenario's seeded RNGs (one per customer, restaurant and
rider), so the same seed gives the same run.

The invariants, checked as the run goes and on the final state:

- no order is still CONFIRMED past its acceptance deadline plus one sweep interval;
- every cancelled order that was paid is refunded exactly once (one money-moving refund
  at the gateway, with one idempotency key, and the payment recorded REFUNDED), and no
  order that was not cancelled is refunded;
- no rider ever holds two orders: after every step each rider's ``order_id`` is unique
  among the riders, and the order names that rider; every order on its way names a rider
  who holds it; every delivered order's rider was released;
- every order a restaurant accepted is delivered by the end.
"""

from __future__ import annotations

import heapq
import math
import random
import time
from collections import Counter, defaultdict
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import NamedTuple

from attrs import evolve

from adapters.demo_map import rider_start
from adapters.memory import FakePaymentGateway, MemoryStore
from food_core.errors import DomainError, FoodNotReady
from food_core.model import (
    FINAL_STATUSES,
    CancelReason,
    CardDetails,
    City,
    OrderStatus,
    PaymentMode,
    PaymentStatus,
    Restaurant,
    Rider,
    UserRole,
)
from food_core.model.geo import ride_minutes
from food_core.ports import ChargeRequest, GatewayPayment, RiderRepository
from food_core.usecases import (
    accept_order,
    cancel_order,
    deliver,
    dispatch_waiting,
    enrol_rider,
    expire_unaccepted_orders,
    expire_unpaid_orders,
    mark_ready,
    pay_order,
    pick_up,
    place_order,
    reconcile_pending,
    reject_order,
    release_finished_riders,
    rider_job,
    signup,
)
from food_core.usecases.accepting import ACCEPT_WINDOW
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
    new_customer,
    outcome,
    restaurants_open_at,
)
from services.simulator.shop import GOOD_CARD
from services.simulator.world import PASSWORD, World, build_world, settle

NAME = "delivery"
SUMMARY = "restaurants accept late or never, riders ride: to the door, audited"
NOT_STUCK = "no_order_stuck"
REFUNDED_ONCE = "cancelled_paid_refunded_once"
ONE_ORDER_PER_RIDER = "one_order_per_rider"
ACCEPTED_DELIVERED = "accepted_orders_delivered"
DESCRIPTIONS = {
    NOT_STUCK: "no order is still CONFIRMED past its acceptance deadline plus one sweep "
    "interval (checked at every sweep and at the end)",
    REFUNDED_ONCE: "every cancelled order that was paid is refunded exactly once (one "
    "money-moving refund at the gateway under one key, the payment REFUNDED); no other "
    "order is refunded",
    ONE_ORDER_PER_RIDER: "after every step no two riders hold one order, the order a rider "
    "holds names that rider, an order on its way names a rider holding it, and every "
    "delivered order's rider was released",
    ACCEPTED_DELIVERED: "every order a restaurant accepted was delivered by the end",
}

SWEEP_INTERVAL = timedelta(seconds=30)
WINDOW = timedelta(hours=1)  # customers arrive over this long
CUSTOMERS_PER_RIDER = 2
MIN_RIDERS = 3
RIDER_POLL_S = 20.0  # a free rider looks for a job this often (the app's refresh)
READY_POLL_S = 30.0  # a rider at the restaurant asks for the food this often
# The restaurants' behaviour: the share that never answers an order, the share rejected,
# the mean delay before an answer (exponential: a few come after the window closed), and
# the preparation times said (minutes, uniform).
NEVER_ANSWERS = 0.06
REJECTS = 0.06
ANSWER_MEAN_S = 75.0
PREP_MINUTES = (8, 30)
REJECT_REASONS = ("out of paneer", "kitchen too busy", "closing early", "item unavailable")
CANCEL_WHILE_WAITING = 0.04  # customers who cancel before the restaurant answers
COD_SHARE = 0.35
# A rider's ride takes ride_minutes × this day's traffic factor (uniform per ride).
TRAFFIC = (0.85, 1.3)
# After the last customer the run goes on until every order has ended, at most this long.
DRAIN = timedelta(hours=4)
MAX_STEPS = 2_000_000
CARD = CardDetails(*GOOD_CARD)


class RefundCall(NamedTuple):
    order_id: int
    reference: str
    key: str
    moved_money: bool  # this call turned a SUCCEEDED charge into a REFUNDED one


class CountingGateway:
    """The fake gateway, with every refund call recorded (the audit counts them)."""

    def __init__(self, inner: FakePaymentGateway) -> None:
        self.inner = inner
        self.refunds: list[RefundCall] = []
        self._orders: dict[str, int] = {}  # reference → order_id

    def charge(self, request: ChargeRequest) -> GatewayPayment:
        payment = self.inner.charge(request)
        self._orders[payment.reference] = payment.order_id
        return payment

    def payments_for_order(self, order_id: int) -> list[GatewayPayment]:
        return self.inner.payments_for_order(order_id)

    def refund(self, reference: str, idempotency_key: str) -> GatewayPayment:
        order_id = self._orders.get(reference)
        before = None
        if order_id is not None:
            known = self.inner.payments_for_order(order_id)
            before = next((p.payment_status for p in known if p.reference == reference), None)
        after = self.inner.refund(reference, idempotency_key)
        moved = before is PaymentStatus.SUCCEEDED and after.payment_status is PaymentStatus.REFUNDED
        self.refunds.append(RefundCall(after.order_id, reference, idempotency_key, moved))
        return after

    def close(self) -> None:
        self.inner.close()


class WatchedRiders:
    """The riders' repository, noting which riders each step wrote (the per-step check
    looks at those; the full scans at every sweep and at the end look at all)."""

    def __init__(self, inner: RiderRepository) -> None:
        self.inner = inner
        self.dirty: set[int] = set()

    def add(self, rider: Rider) -> None:
        self.inner.add(rider)
        self.dirty.add(rider.rider_id)

    def get(self, rider_id: int) -> Rider | None:
        return self.inner.get(rider_id)

    def save(self, rider: Rider, expected_version: int) -> bool:
        saved = self.inner.save(rider, expected_version)
        if saved:
            self.dirty.add(rider.rider_id)
        return saved

    def list_free(self, city_pincode: str, limit: int) -> list[Rider]:
        return self.inner.list_free(city_pincode, limit)

    def holding(self, order_id: int) -> Rider | None:
        return self.inner.holding(order_id)

    def list_busy(self, updated_before: datetime, limit: int) -> list[Rider]:
        return self.inner.list_busy(updated_before, limit)


class Breaches:
    """Breaches seen during the run, each once (a lasting one is seen at every step)."""

    def __init__(self) -> None:
        self.seen: dict[str, list[str]] = defaultdict(list)
        self._known: set[str] = set()

    def add(self, name: str, text: str) -> None:
        if text not in self._known:
            self._known.add(text)
            self.seen[name].append(text)


@dataclass
class DeliveryLedger:
    """What the actors did and saw, beside what the store holds."""

    city: str
    riders: list[int] = field(default_factory=list)
    placements_refused: int = 0
    late_answers: int = 0  # a restaurant answered an order already cancelled: refused
    pick_ups_refused: int = 0  # a rider's pick-up refused for another reason than "not ready"
    eta_at_accept: dict[int, datetime] = field(default_factory=dict)
    sweeps: int = 0
    steps: int = 0
    started_at: datetime | None = None
    finished: bool = False  # every order ended before the drain's bound
    breaches: Breaches = field(default_factory=Breaches)
    refunds: list[RefundCall] = field(default_factory=list)


class _Run:
    """The world, the actors' shared state and the bounded event loop (actors can start
    actors as they go: a confirmed order starts its restaurant's handling of it)."""

    def __init__(
        self, cfg: SimConfig, world: World, city: City, restaurants: list[Restaurant]
    ) -> None:
        self.cfg = cfg
        self.world = world
        self.city = city
        self.restaurants = restaurants
        self.ledger = DeliveryLedger(city.pincode)
        self.gateway = CountingGateway(world.gateway)
        self.watched = WatchedRiders(world.ports.riders)
        world.ports = evolve(world.ports, gateway=self.gateway, riders=self.watched)
        self.ledger.refunds = self.gateway.refunds
        self.partners: dict[int, int] = {}  # restaurant_id → its partner's user id
        self.kitchen_rngs: dict[int, random.Random] = {}
        self.heap: list[tuple[float, int, Journey]] = []
        self.seq = 0
        self.customers_left = 0
        self.stop = False

    # --- the loop ----------------------------------------------------------------------

    def spawn(self, at: float, journey: Journey) -> None:
        self.seq += 1
        heapq.heappush(self.heap, (at, self.seq, journey))

    def loop(self) -> None:
        clock = self.world.clock
        for _ in range(MAX_STEPS):
            if not self.heap:
                return
            t, _, journey = heapq.heappop(self.heap)
            clock.set(t)
            try:
                delay: float | None = next(journey)
            except StopIteration:
                delay = None
            self.ledger.steps += 1
            self.check_written_riders()
            if delay is not None:
                self.spawn(t + max(delay, 0.0), journey)
        raise RuntimeError("the delivery scenario took more steps than its bound")

    # --- the checks made as the run goes ------------------------------------------------

    def check_written_riders(self) -> None:
        """After a step: the riders it wrote hold one order each, which names them."""
        watched = self.watched
        if not watched.dirty:
            return
        store = self.world.store
        for rider_id in sorted(watched.dirty):
            for text in rider_breaches(store, store.riders[rider_id]):
                self.ledger.breaches.add(ONE_ORDER_PER_RIDER, text)
        watched.dirty.clear()

    def check_everything(self) -> None:
        store, breaches = self.world.store, self.ledger.breaches
        for text in all_rider_breaches(store):
            breaches.add(ONE_ORDER_PER_RIDER, text)
        for text in stuck_orders(store, self.world.clock.now()):
            breaches.add(NOT_STUCK, text)

    # --- the actors --------------------------------------------------------------------

    def customer(self, index: int) -> Journey:
        try:
            yield from self._customer(index)
        finally:
            self.customers_left -= 1

    def _customer(self, index: int) -> Journey:
        world, ports, city = self.world, self.world.ports, self.city
        rng = random.Random(f"{NAME}:{self.cfg.seed}:customer:{index}")
        user_id = new_customer(world, NAME, index)
        restaurant = self.restaurants[int(rng.random() * len(self.restaurants))]
        pincode = rng.choice((city.pincode, *city.served_pincodes))
        address_id = home_address(world, user_id, index, city.city_name, pincode)
        dishes = available_dishes(world, restaurant.restaurant_id)
        if not dishes:
            return
        yield rng.expovariate(1 / 30)
        fill_cart(world, user_id, rng, dishes, 1 + int(rng.random() * 3))
        yield rng.expovariate(1 / 60)
        mode = PaymentMode.COD if rng.random() < COD_SHARE else PaymentMode.CARD
        key = f"{NAME}-{index:07d}"
        try:
            order = place_order(
                ports, user_id, idempotency_key=key, address_id=address_id, payment_mode=mode
            ).order
            if mode is PaymentMode.CARD:
                yield rng.expovariate(1 / 15)
                order = pay_order(
                    ports,
                    user_id,
                    order.order_id,
                    idempotency_key=f"{key}-pay",
                    payment_mode=mode,
                    card=CARD,
                ).order
        except DomainError:
            self.ledger.placements_refused += 1
            return
        if order.order_status is not OrderStatus.CONFIRMED:
            return
        # The restaurant's tablet rings: its kitchen takes the order from here.
        self.spawn(world.clock.t, self.kitchen(restaurant.restaurant_id, order.order_id))
        if rng.random() < CANCEL_WHILE_WAITING:
            yield rng.uniform(5, 90)
            with suppress(DomainError):  # accepted meanwhile: too late to cancel
                cancel_order(ports, user_id, order.order_id)

    def partner(self, restaurant_id: int) -> int:
        """The restaurant's partner account (made the first time it gets an order)."""
        if restaurant_id not in self.partners:
            user = signup(
                self.world.ports,
                user_name=f"{NAME} kitchen {restaurant_id}",
                email=f"{NAME}.kitchen.{restaurant_id}@example.com",
                phone=f"6{restaurant_id % 1_000_000_000:09d}",
                password=PASSWORD,
                role=UserRole.PARTNER,
                restaurant_id=restaurant_id,
            )
            self.partners[restaurant_id] = user.user_id
        return self.partners[restaurant_id]

    def kitchen(self, restaurant_id: int, order_id: int) -> Journey:
        """How the restaurant answers one order: never, or after a delay with a rejection
        or an acceptance (then the food is ready when its preparation time is over)."""
        rng = self.kitchen_rngs.setdefault(
            restaurant_id, random.Random(f"{NAME}:{self.cfg.seed}:kitchen:{restaurant_id}")
        )
        ports = self.world.ports
        u = rng.random()
        delay = rng.expovariate(1 / ANSWER_MEAN_S)
        prep = rng.randint(*PREP_MINUTES)
        reason = rng.choice(REJECT_REASONS)
        if u < NEVER_ANSWERS:
            return  # the tablet rings in an empty kitchen
        partner_id = self.partner(restaurant_id)
        yield delay
        try:
            if u < NEVER_ANSWERS + REJECTS:
                reject_order(ports, partner_id, order_id, reason)
                return
            order = accept_order(ports, partner_id, order_id, prep)
        except DomainError:  # cancelled meanwhile (by the sweep or the customer)
            self.ledger.late_answers += 1
            return
        eta = order.eta()
        if eta is not None:
            self.ledger.eta_at_accept[order_id] = eta
        yield prep * 60.0
        mark_ready(ports, partner_id, order_id)

    def rider(self, number: int, rider_id: int) -> Journey:
        """Look for a job; ride to the restaurant, wait for the food, ride to the door."""
        rng = random.Random(f"{NAME}:{self.cfg.seed}:rider:{number}")
        ports = self.world.ports
        while not self.stop:
            _rider, order = rider_job(ports, rider_id)
            if order is None or order.delivery is None:
                yield RIDER_POLL_S
                continue
            delivery = order.delivery
            if order.order_status is OrderStatus.PREPARING:
                yield _ride_s(delivery.pickup_km, rng)
                picked = False
                for _ in range(MAX_READY_POLLS):
                    try:
                        pick_up(ports, rider_id, order.order_id)
                    except FoodNotReady:
                        yield READY_POLL_S
                        continue
                    except DomainError:
                        self.ledger.pick_ups_refused += 1
                        break
                    picked = True
                    break
                if not picked:
                    yield RIDER_POLL_S
                    continue
            yield _ride_s(delivery.drop_km, rng)
            try:
                deliver(
                    ports,
                    rider_id,
                    order.order_id,
                    cash_collected=order.payment_mode is PaymentMode.COD,
                )
            except DomainError:
                self.ledger.pick_ups_refused += 1
                yield RIDER_POLL_S

    def sweep(self, end_by: float) -> Journey:
        """The stack's sweep, every SWEEP_INTERVAL; it ends the run once every customer
        is done and every order has ended (or at ``end_by``)."""
        ports, store, clock = self.world.ports, self.world.store, self.world.clock
        while True:
            yield SWEEP_INTERVAL.total_seconds()
            self.check_everything()  # before the sweep mends anything
            reconcile_pending(ports)
            expire_unpaid_orders(ports)
            expire_unaccepted_orders(ports, window=ACCEPT_WINDOW)
            release_finished_riders(ports)
            dispatch_waiting(ports)
            self.ledger.sweeps += 1
            self.check_written_riders()
            self.check_everything()
            if self.customers_left == 0 and all(
                o.order_status in FINAL_STATUSES for o in store.orders.values()
            ):
                self.ledger.finished = True
                break
            if clock.t >= end_by:
                break
        self.stop = True


MAX_READY_POLLS = 400  # a rider waits at most this many polls for the food


def _ride_s(km: float | None, rng: random.Random) -> float:
    return ride_minutes(km or 0.0) * 60.0 * rng.uniform(*TRAFFIC)


# --- the checks, as functions of the store (a test can hand them a tampered one) ---------


def rider_breaches(store: MemoryStore, rider: Rider) -> list[str]:
    """What is wrong with one rider's job: held by another rider too, not naming this
    rider, or delivered and not released."""
    if rider.order_id is None:
        return []
    found = []
    others = [
        r.rider_id
        for r in store.riders.values()
        if r.order_id == rider.order_id and r.rider_id != rider.rider_id
    ]
    if others:
        found.append(
            f"order {rider.order_id} is held by riders {sorted([rider.rider_id, *others])}"
        )
    order = store.orders.get(rider.order_id)
    if order is None:
        found.append(f"rider {rider.rider_id} holds order {rider.order_id}, which does not exist")
    elif order.order_status is OrderStatus.DELIVERED and order.rider_id == rider.rider_id:
        found.append(
            f"rider {rider.rider_id} was not released after delivering order {order.order_id}"
        )
    elif order.rider_id != rider.rider_id:
        found.append(
            f"rider {rider.rider_id} holds order {order.order_id}, which names rider "
            f"{order.rider_id} ({order.order_status.value})"
        )
    return found


def all_rider_breaches(store: MemoryStore) -> list[str]:
    """Every rider checked, and every order on its way checked for a rider holding it."""
    found: list[str] = []
    for rider in sorted(store.riders.values(), key=lambda r: r.rider_id):
        found.extend(t for t in rider_breaches(store, rider) if t not in found)
    for order in sorted(store.orders.values(), key=lambda o: o.order_id):
        rider_id = order.rider_id
        if rider_id is None or order.order_status in FINAL_STATUSES:
            continue
        rider = store.riders.get(rider_id)
        if rider is None or rider.order_id != order.order_id:
            held = None if rider is None else rider.order_id
            found.append(
                f"order {order.order_id} ({order.order_status.value}) names rider "
                f"{rider_id}, who holds {'nothing' if held is None else f'order {held}'}"
            )
    return found


def stuck_orders(store: MemoryStore, now: datetime) -> list[str]:
    """Orders still CONFIRMED past the acceptance deadline and one sweep interval."""
    late = ACCEPT_WINDOW + SWEEP_INTERVAL
    return [
        f"order {o.order_id} (customer {o.user}) confirmed at {o.confirmed_at:%H:%M:%S} "
        f"UTC is still CONFIRMED at {now:%H:%M:%S} UTC"
        for o in sorted(store.orders.values(), key=lambda o: o.order_id)
        if o.order_status is OrderStatus.CONFIRMED
        and o.confirmed_at is not None
        and o.confirmed_at + late < now
    ]


def refund_breaches(
    store: MemoryStore, gateway: FakePaymentGateway, refunds: list[RefundCall]
) -> list[str]:
    """Each cancelled, paid order refunded exactly once; no other order refunded."""
    moved = Counter(call.order_id for call in refunds if call.moved_money)
    keys: dict[str, set[str]] = defaultdict(set)
    for call in refunds:
        keys[call.reference].add(call.key)
    found: list[str] = []
    for order in sorted(store.orders.values(), key=lambda o: o.order_id):
        who = f"order {order.order_id} (customer {order.user})"
        charged = [
            p
            for p in gateway.payments_for_order(order.order_id)
            if p.payment_status in (PaymentStatus.SUCCEEDED, PaymentStatus.REFUNDED)
        ]
        recorded = [
            p
            for p in order.payments
            if p.payment_mode is not PaymentMode.COD
            and p.payment_status in (PaymentStatus.SUCCEEDED, PaymentStatus.REFUNDED)
        ]
        times = moved[order.order_id]
        if order.order_status is OrderStatus.CANCELLED and (charged or recorded):
            reason = order.cancel_reason.value if order.cancel_reason else "cancelled"
            if times != 1:
                found.append(f"{who}, cancelled ({reason}) and paid, was refunded {times} times")
            if any(p.payment_status is PaymentStatus.SUCCEEDED for p in recorded):
                found.append(f"{who}, cancelled ({reason}): its payment is not REFUNDED")
            if any(p.payment_status is PaymentStatus.SUCCEEDED for p in charged):
                found.append(f"{who}, cancelled ({reason}): the gateway still holds its charge")
        elif times:
            found.append(f"{who} is {order.order_status.value}, yet was refunded {times} times")
        for p in charged:
            if len(keys.get(p.reference, ())) > 1:
                found.append(
                    f"{who}: charge {p.reference} was refunded under {len(keys[p.reference])} keys"
                )
    return found


def undelivered(store: MemoryStore) -> list[str]:
    return [
        f"order {o.order_id} (customer {o.user}), accepted, ended {o.order_status.value}"
        for o in sorted(store.orders.values(), key=lambda o: o.order_id)
        if o.accepted_at is not None and o.order_status is not OrderStatus.DELIVERED
    ]


def audit_delivery(
    store: MemoryStore, gateway: FakePaymentGateway, ledger: DeliveryLedger, now: datetime
) -> list[Finding]:
    """The scenario's invariants: what the run saw as it went, and the final state."""
    findings = {name: Finding(name, text) for name, text in DESCRIPTIONS.items()}
    seen = Breaches()
    for name, texts in ledger.breaches.seen.items():
        for text in texts:
            seen.add(name, text)
    for text in stuck_orders(store, now):
        seen.add(NOT_STUCK, text)
    for text in all_rider_breaches(store):
        seen.add(ONE_ORDER_PER_RIDER, text)
    for text in refund_breaches(store, gateway, ledger.refunds):
        seen.add(REFUNDED_ONCE, text)
    for text in undelivered(store):
        seen.add(ACCEPTED_DELIVERED, text)
    for name, texts in seen.seen.items():
        for text in texts:
            findings[name].add(text)
    return list(findings.values())


# --- the run --------------------------------------------------------------------------


@dataclass
class DeliveryRun:
    world: World
    ledger: DeliveryLedger
    started: float


def pick_city(world: World) -> tuple[City, list[Restaurant]]:
    """The city with the most restaurants open from the start to the end of arrivals
    (ties: the lowest PIN code), and those restaurants."""
    now = world.clock.now()
    later = now + WINDOW + timedelta(minutes=10)
    open_ = [r for r in restaurants_open_at(world, now) if r.open_hours.is_open(later)]
    by_city: dict[str, list[Restaurant]] = defaultdict(list)
    for r in open_:
        by_city[r.city.pincode].append(r)
    if not by_city:
        raise ScenarioError("no restaurant of the catalog is open through the arrivals")
    pincode = min(by_city, key=lambda p: (-len(by_city[p]), p))
    return world.store.cities[pincode], by_city[pincode]


def riders_for(customers: int) -> int:
    return max(MIN_RIDERS, math.ceil(customers / CUSTOMERS_PER_RIDER))


def play(cfg: SimConfig) -> DeliveryRun:
    started = time.perf_counter()
    world = build_world(cfg)
    city, restaurants = pick_city(world)
    run = _Run(cfg, world, city, restaurants)
    ledger = run.ledger
    ledger.started_at = world.clock.now()
    for number in range(1, riders_for(cfg.customers) + 1):
        rider = enrol_rider(
            world.ports,
            user_name=f"{NAME} rider {number}",
            email=f"{NAME}.rider.{number}@example.com",
            phone=f"7{number % 1_000_000_000:09d}",
            password=PASSWORD,
            city_pincode=city.pincode,
            position=rider_start(city.pincode, number),
        )
        ledger.riders.append(rider.rider_id)
        run.spawn(0.0, run.rider(number, rider.rider_id))
    rate = max(cfg.customers, 1) / WINDOW.total_seconds()
    starts = arrivals(random.Random(f"{NAME}:{cfg.seed}"), cfg.customers, rate)
    run.customers_left = len(starts)
    for index, t in enumerate(starts):
        run.spawn(t, run.customer(index))
    end_by = (starts[-1] if starts else 0.0) + DRAIN.total_seconds()
    run.spawn(0.0, run.sweep(end_by))
    run.loop()
    settle(world)
    return DeliveryRun(world, ledger, started)


def run(cfg: SimConfig) -> ScenarioOutcome:
    played = play(cfg)
    world, ledger = played.world, played.ledger
    own = audit_delivery(world.store, world.gateway, ledger, world.clock.now())
    shown = numbers(world.store, ledger)
    notes = [
        f"city {ledger.city}: {len(ledger.riders)} riders; restaurants never answer "
        f"{NEVER_ANSWERS:.0%}, reject {REJECTS:.0%}, answer after {ANSWER_MEAN_S:.0f} s on "
        f"average; rides take ride_minutes × {TRAFFIC[0]}–{TRAFFIC[1]} (traffic)",
    ]
    if not ledger.finished:
        notes.append(f"the drain's bound ({DRAIN}) was reached with orders still open")
    return outcome(NAME, cfg, world, own, shown, started=played.started, notes=notes)


def _minutes(delta: timedelta) -> float:
    return delta.total_seconds() / 60


def _p95(values: list[float]) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def numbers(store: MemoryStore, ledger: DeliveryLedger) -> dict[str, float]:
    """What the run did, from the store (and the ETAs the restaurants' acceptances gave)."""
    orders = sorted(store.orders.values(), key=lambda o: o.order_id)
    reasons = Counter(o.cancel_reason for o in orders if o.order_status is OrderStatus.CANCELLED)
    delivered = [o for o in orders if o.order_status is OrderStatus.DELIVERED]
    took = [_minutes(o.updated_at - o.accepted_at) for o in delivered if o.accepted_at]
    errors = [
        _minutes(o.updated_at - ledger.eta_at_accept[o.order_id])
        for o in delivered
        if o.order_id in ledger.eta_at_accept
    ]
    busy_s = sum(
        (o.updated_at - o.delivery.assigned_at).total_seconds()
        for o in delivered
        if o.delivery is not None and o.delivery.assigned_at is not None
    )
    last = max((o.updated_at for o in delivered), default=ledger.started_at)
    span_s = (
        0.0
        if last is None or ledger.started_at is None
        else (last - ledger.started_at).total_seconds()
    )
    capacity = span_s * len(ledger.riders)
    refunds = sum(call.moved_money for call in ledger.refunds)
    return {
        "customers": sum(1 for u in store.users.values() if u.role is UserRole.CUSTOMER),
        "riders": len(ledger.riders),
        "orders confirmed": sum(o.confirmed_at is not None for o in orders),
        "  accepted by the restaurant": sum(o.accepted_at is not None for o in orders),
        "  rejected by the restaurant": reasons[CancelReason.REJECTED],
        "  unanswered → cancelled by the sweep": reasons[CancelReason.NOT_ACCEPTED],
        "    of which answered too late": ledger.late_answers,
        "  cancelled by the customer": reasons[CancelReason.BY_CUSTOMER],
        "  delivered": len(delivered),
        "refunds at the gateway": refunds,
        "sweeps": ledger.sweeps,
        "delivery minutes (accepted → door): mean": round(_mean(took), 1),
        "delivery minutes: p95": round(_p95(took), 1),
        "ETA error minutes (door − ETA at acceptance): mean": round(_mean(errors), 1),
        "ETA error minutes: p95 of |error|": round(_p95([abs(e) for e in errors]), 1),
        "riders' utilisation %": round(100 * busy_s / capacity, 1) if capacity else 0.0,
    }
