"""abandoned: customers place card and UPI orders and never pay, or pay in ways whose
outcome stays unknown for a while; the clock runs past the unpaid-order TTL while the
sweep runs every 30 simulated seconds, as each API replica's does.

Each customer places one order, then (by kind): leaves; is declined and gives up; pays
but the charge never reaches the gateway; pays by UPI and the bank holds the charge past
the TTL before it succeeds (or fails); is declined and pays with another card a little
before the TTL; pays at once; or comes back after the order expired and tries to pay.
The gateway is also down for a few minutes while held charges are past their TTL, so
that nothing can tell whether their money moved.

The invariant (docs/design.md §3, unpaid orders expire): every order never paid ends
CANCELLED with ``payment_not_completed``, no sooner than the TTL after its last change;
no order whose charge was captured is cancelled — it is confirmed.
"""

from __future__ import annotations

import random
import time
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from adapters.memory import Fault as GatewayFault
from adapters.memory import MemoryStore
from food_core.errors import DomainError
from food_core.model import (
    CancelReason,
    CardDetails,
    Order,
    OrderStatus,
    PaymentMode,
    PaymentStatus,
    Restaurant,
    UpiDetails,
)
from food_core.usecases import expire_unpaid_orders, pay_order, place_order, reconcile_pending
from food_core.usecases.expiring import UNPAID_ORDER_TTL
from services.simulator.audit import Finding
from services.simulator.config import SimConfig
from services.simulator.scenarios.common import (
    Held,
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
    with_scenario_gateway,
)
from services.simulator.shop import DECLINING_CARDS, DECLINING_VPA, GOOD_CARD, GOOD_VPA
from services.simulator.world import World, build_world

NAME = "abandoned"
SUMMARY = "card and UPI orders never paid, or paid with an outcome unknown past the TTL"
EXPIRED = "unpaid_expire_after_ttl"
KEPT = "paid_never_expired"
DESCRIPTIONS = {
    EXPIRED: "every order never paid is CANCELLED with payment_not_completed, and none "
    "was cancelled before the TTL had passed since its last change",
    KEPT: "no order whose charge was captured is cancelled; each is confirmed",
}
TTL = UNPAID_ORDER_TTL
SWEEP_EVERY_S = 30.0  # FOOD_RECONCILE_INTERVAL_S's default
ARRIVALS = timedelta(minutes=2)  # every customer arrives within this long
# The outage starts when held charges are past their TTL and lasts this long.
OUTAGE_FROM = ARRIVALS + TTL + timedelta(minutes=3)
OUTAGE = timedelta(minutes=3)
# The sweeper stops when nothing is left to settle, and by this time at the latest.
GIVE_UP_AFTER = ARRIVALS + 4 * TTL + timedelta(hours=1)

NEVER_PAYS, DECLINED, NOT_REACHED = "never pays", "declined, gives up", "never reached"
HELD_OK, HELD_FAILS = "held past the TTL, succeeds", "held past the TTL, fails"
JUST_IN_TIME, PAYS, TOO_LATE = "pays just before the TTL", "pays at once", "back after the TTL"
KINDS: tuple[tuple[str, float], ...] = (
    (NEVER_PAYS, 0.25),
    (DECLINED, 0.1),
    (NOT_REACHED, 0.1),
    (HELD_OK, 0.15),
    (HELD_FAILS, 0.05),
    (JUST_IN_TIME, 0.1),
    (PAYS, 0.15),
    (TOO_LATE, 0.1),
)
GOOD = CardDetails(*GOOD_CARD)
DECLINING = CardDetails(*DECLINING_CARDS[0])


@dataclass
class AbandonLedger:
    kinds: dict[int, str] = field(default_factory=dict)  # order_id → the customer's kind
    answers: Counter[str] = field(default_factory=Counter)  # payment answers by code
    active: int = 0  # journeys still running
    sweeps: int = 0
    sweeps_while_down: int = 0


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
        gateway: ScenarioGateway,
        ledger: AbandonLedger,
        index: int,
        seed: int,
        restaurants: list[Restaurant],
    ) -> None:
        self.world = world
        self.gateway = gateway
        self.ledger = ledger
        self.index = index
        self.restaurants = restaurants
        self.rng = random.Random(f"{NAME}:{seed}:{index}")
        self.user_id = 0
        self.order_id = 0

    def journey(self) -> Journey:
        self.ledger.active += 1
        try:
            yield from self._checkout()
        finally:
            self.ledger.active -= 1

    def _checkout(self) -> Journey:
        world, rng = self.world, self.rng
        self.user_id = new_customer(world, NAME, self.index)
        restaurant = rng.choice(self.restaurants)
        city = world.store.cities[restaurant.city.pincode]
        address_id = home_address(world, self.user_id, self.index, city.city_name, city.pincode)
        fill_cart(world, self.user_id, rng, available_dishes(world, restaurant.restaurant_id), 2)
        yield rng.uniform(10, 40)
        kind = _pick(rng)
        upi = kind in (HELD_OK, HELD_FAILS)
        order = place_order(
            world.ports,
            self.user_id,
            idempotency_key=f"{NAME}-{self.index:07d}",
            address_id=address_id,
            payment_mode=PaymentMode.UPI if upi else PaymentMode.CARD,
        ).order
        self.order_id = order.order_id
        self.ledger.kinds[order.order_id] = kind
        if kind == NEVER_PAYS:
            return
        if kind == TOO_LATE:
            yield (TTL + timedelta(minutes=rng.uniform(2, 6))).total_seconds()
            self._pay("late", GOOD)
            return
        yield rng.uniform(10, 30)
        if upi:  # the held ones
            hold = TTL + timedelta(minutes=rng.uniform(2, 8))
            vpa = GOOD_VPA if kind == HELD_OK else DECLINING_VPA
            self._pay("upi", None, UpiDetails(vpa), Held(world.clock.now() + hold))
        elif kind == NOT_REACHED:
            self._pay("card", GOOD, fault=GatewayFault.UNAVAILABLE)
        elif kind == PAYS:
            self._pay("card", GOOD)
        else:  # DECLINED, JUST_IN_TIME
            self._pay("card", DECLINING)
            if kind == JUST_IN_TIME:
                yield (TTL - timedelta(seconds=rng.uniform(30, 90))).total_seconds()
                self._pay("second-card", GOOD)

    def _pay(
        self,
        key: str,
        card: CardDetails | None,
        upi: UpiDetails | None = None,
        fault: GatewayFault | Held | None = None,
    ) -> None:
        mode = PaymentMode.UPI if upi is not None else PaymentMode.CARD
        try:
            with self.gateway.failing(fault):
                result = pay_order(
                    self.world.ports,
                    self.user_id,
                    self.order_id,
                    idempotency_key=f"{NAME}-{self.index:07d}-{key}",
                    payment_mode=mode,
                    card=card,
                    upi=upi,
                )
        except DomainError as error:
            self.ledger.answers[error.code] += 1
        else:
            self.ledger.answers[result.payment.payment_status.value] += 1


def sweeper(world: World, gateway: ScenarioGateway, ledger: AbandonLedger) -> Journey:
    """The API's sweep (services/api/sweep.py: reconcile, then expire), every 30 s, with
    the gateway's outage switched on and off on the way; it ends once the customers are
    done, the outage is over and no order is left waiting for a payment (bounded)."""
    ports, clock, store = world.ports, world.clock, world.store
    begin = clock.t
    outage = (begin + OUTAGE_FROM.total_seconds(), begin + (OUTAGE_FROM + OUTAGE).total_seconds())
    while clock.t - begin < GIVE_UP_AFTER.total_seconds():
        yield SWEEP_EVERY_S
        gateway.down = outage[0] <= clock.t < outage[1]
        ledger.sweeps += 1
        ledger.sweeps_while_down += gateway.down
        reconcile_pending(ports)
        expire_unpaid_orders(ports, waited=TTL)
        if not ledger.active and clock.t >= outage[1] and not store.order_ids_unpaid:
            return


@dataclass
class AbandonRun:
    world: World
    ledger: AbandonLedger
    started: float


def play(cfg: SimConfig) -> AbandonRun:
    started = time.perf_counter()
    world = build_world(cfg)
    gateway = with_scenario_gateway(world)
    ledger = AbandonLedger()
    restaurants = restaurants_open_at(world, world.clock.now())
    rate = max(cfg.customers, 1) / ARRIVALS.total_seconds()
    starts = arrivals(random.Random(f"{NAME}:{cfg.seed}"), cfg.customers, rate)
    journeys = [
        (t, _Customer(world, gateway, ledger, i, cfg.seed, restaurants).journey())
        for i, t in enumerate(starts)
    ]
    interleave(world.clock, [*journeys, (0.0, sweeper(world, gateway, ledger))])
    return AbandonRun(world, ledger, started)


def run(cfg: SimConfig) -> ScenarioOutcome:
    played = play(cfg)
    world, ledger = played.world, played.ledger
    charges = world.gateway.successful_charges()
    now = world.clock.now()
    return outcome(
        NAME,
        cfg,
        world,
        audit_abandoned(world.store, charges, now),
        numbers(world.store, charges, ledger),
        started=played.started,
        notes=[
            f"TTL {TTL.total_seconds():.0f} s; the sweep ran {ledger.sweeps} times, "
            f"{ledger.sweeps_while_down} of them with the gateway down"
        ],
    )


def last_change_before_cancel(order: Order) -> datetime:
    """When the order last changed before it was cancelled: its creation or its
    payments' last changes (a cancelled order's ``updated_at`` is the cancellation)."""
    times = [order.created_at]
    times += [p.updated_at for p in order.payments if p.updated_at < order.updated_at]
    return max(times)


def captured(order: Order, gateway_charges: Mapping[int, int]) -> bool:
    """Money was taken for the order: the gateway holds a success, or a record says so."""
    return gateway_charges.get(order.order_id, 0) > 0 or any(
        p.payment_status in (PaymentStatus.SUCCEEDED, PaymentStatus.REFUNDED)
        for p in order.payments
    )


def audit_abandoned(
    store: MemoryStore,
    gateway_charges: Mapping[int, int],
    now: datetime,
    ttl: timedelta = TTL,
) -> list[Finding]:
    """On the state at ``now``, when every order has had its TTL and the sweep has run."""
    expired = Finding(EXPIRED, DESCRIPTIONS[EXPIRED])
    kept = Finding(KEPT, DESCRIPTIONS[KEPT])
    for order in sorted(store.orders.values(), key=lambda o: o.order_id):
        who = f"order {order.order_id} (customer {order.user})"
        status = order.order_status
        if captured(order, gateway_charges):
            if status is OrderStatus.CANCELLED:
                kept.add(f"{who}: {_cancelled(order)} though its charge was captured")
            elif not order.is_confirmed:
                kept.add(f"{who}: charged, but {status.value}")
            continue
        if status is not OrderStatus.CANCELLED:
            waited = (now - order.updated_at).total_seconds()
            expired.add(
                f"{who}: never paid, still {status.value} {waited:.0f} s after its last "
                f"change (TTL {ttl.total_seconds():.0f} s)"
            )
            continue
        if order.cancel_reason is not CancelReason.UNPAID:
            expired.add(f"{who}: never paid, {_cancelled(order)}")
            continue
        after = (order.updated_at - last_change_before_cancel(order)).total_seconds()
        if after < ttl.total_seconds():
            expired.add(
                f"{who}: cancelled {after:.0f} s after its last change, before the TTL of "
                f"{ttl.total_seconds():.0f} s"
            )
    return [expired, kept]


def _cancelled(order: Order) -> str:
    reason = order.cancel_reason.value if order.cancel_reason else "no reason"
    return f"cancelled ({reason})"


def numbers(
    store: MemoryStore, gateway_charges: Mapping[int, int], ledger: AbandonLedger
) -> dict[str, int]:
    orders = list(store.orders.values())
    kinds = Counter(ledger.kinds.values())
    paid_late = sum(
        o.is_confirmed
        and o.paid_by is not None
        and o.confirmed_at is not None
        and o.confirmed_at - o.attempt(o.paid_by).created_at >= TTL
        for o in orders
    )
    return {
        "customers": len(store.users),
        **{f"  {kind}": kinds[kind] for kind, _ in KINDS},
        "orders": len(orders),
        "  cancelled: payment_not_completed": sum(
            o.cancel_reason is CancelReason.UNPAID for o in orders
        ),
        "  confirmed": sum(o.is_confirmed for o in orders),
        "    of which the charge was unknown past the TTL": paid_late,
        "  still waiting for a payment": sum(o.is_payable for o in orders),
        "orders with a captured charge": sum(captured(o, gateway_charges) for o in orders),
        "payments refused: order no longer payable": ledger.answers["invalid_transition"],
        "payments answered payment_unavailable": ledger.answers["payment_unavailable"],
    }
