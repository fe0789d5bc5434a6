"""two-tabs against a running stack: the one scenario a client of the HTTP API can play
whole (it needs no clock, price or gateway of its own), with real concurrency — the
two tabs' requests are sent at the same moment, on two threads, and may reach two
replicas.

Each customer signs up, fills a cart at a restaurant open now, adds an address in its
city and places the cart from two tabs at once with two Idempotency-Keys (a tab may
double-click or resend after a lost answer), then each tab pays the order it was given
with its own key. Some customers fill the cart again and do it once more.

The audit reads every customer's orders back (``GET /orders``). The API shows neither an
order's cart version nor every payment attempt, so a customer's *rounds* (each cart
they placed) stand for cart versions, and a charge is an order whose payment shows
SUCCEEDED, or a payment a tab was shown as SUCCEEDED. Same invariants, same names, as
in memory (:mod:`services.simulator.scenarios.two_tabs`).
"""

from __future__ import annotations

import random
import secrets
import threading
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import httpx

from food_core.model import PaymentMode
from services.simulator.audit import AuditReport, Finding
from services.simulator.config import SimConfig, check_target
from services.simulator.live import (
    AUDIT_SECONDS,
    TIMEOUT_S,
    TRIES,
    LiveError,
    LiveShop,
    Recorder,
    check_reachable,
)
from services.simulator.scenarios.common import ScenarioOutcome
from services.simulator.scenarios.two_tabs import (
    CHARGED_ONCE,
    COME_BACK,
    DESCRIPTIONS,
    NAME,
    ONE_ORDER,
    SAME_ITEMS,
    Lines,
)
from services.simulator.shop import GOOD_CARD, Paid, Placed, Session, ShopError
from services.simulator.summary import Latency

SUCCEEDED = "SUCCEEDED"


@dataclass
class Round:
    """One cart a customer placed from two tabs, and what the tabs were told."""

    lines: Lines
    answered: set[int] = field(default_factory=set)  # order ids any placement named
    succeeded: set[int] = field(default_factory=set)  # payment ids shown as SUCCEEDED
    sent: int = 0
    replays: int = 0
    refusals: Counter[str] = field(default_factory=Counter)


@dataclass
class LiveCustomer:
    session: Session
    rounds: list[Round] = field(default_factory=list)


class _Tabs:
    """One customer's journey; its rounds' records are touched by its two tab threads,
    under the customer's own lock."""

    def __init__(self, shop: LiveShop, cfg: SimConfig, index: int) -> None:
        self.shop = shop
        self.cfg = cfg
        self.index = index
        self.rng = random.Random(f"{NAME}:live:{cfg.seed}:{index}")
        self.lock = threading.Lock()
        # Set once signed up: a journey ended by an error is still audited.
        self.customer: LiveCustomer | None = None

    def run(self) -> None:
        shop, rng = self.shop, self.rng
        s = shop.signup(self.index)
        customer = self.customer = LiveCustomer(s)
        cities = shop.cities(s)
        pincode, city_name = cities[int(rng.random() * len(cities))]
        ids = shop.search(s, pincode, veg_only=False, sort="rating")
        dishes = (
            [d for d in shop.menu(s, rng.choice(ids)) if d.availability and not d.needs_choice]
            if ids
            else []
        )
        if not dishes:
            return  # nothing open (or on the menu) there now: nothing to place
        address_id = shop.add_address(s, self.index, city_name, pincode)
        for round_ in range(2 if rng.random() < COME_BACK else 1):
            lines: dict[int, int] = {}
            for dish in rng.sample(dishes, min(len(dishes), 1 + int(rng.random() * 3))):
                lines[dish.food_id] = 1 + int(rng.random() * 3)
                shop.set_quantity(s, dish.food_id, lines[dish.food_id])
            placed = Round(tuple(sorted(lines.items())))
            customer.rounds.append(placed)
            tabs = [
                threading.Thread(target=self._tab, args=(s, placed, address_id, f"{round_}{t}"))
                for t in "ab"
            ]
            for tab in tabs:
                tab.start()
            for tab in tabs:
                tab.join(self.shop.request_timeout * TRIES * 4)

    def _tab(self, s: Session, placed: Round, address_id: int, tab: str) -> None:
        shop, rates = self.shop, self.cfg.rates
        with self.lock:  # the customer's rng is shared by the tabs: draw under the lock
            twice = self.rng.random() < rates.double_click
            resend = self.rng.random() < rates.retry
        key = f"{NAME}-{shop.run_tag}-{self.index:07d}-{tab}"
        answers = shop.place_order(s, key, address_id, PaymentMode.CARD, twice=twice)
        if resend:
            answers += shop.place_order(s, key, address_id, PaymentMode.CARD, twice=False)
        order_id: int | None = None
        with self.lock:
            for answer in answers:
                placed.sent += 1
                if isinstance(answer, Placed):
                    placed.answered.add(answer.order_id)
                    placed.replays += answer.replayed
                    order_id = answer.order_id
                else:
                    placed.refusals[answer.code] += 1
        if order_id is None:
            return
        paid = shop.pay(s, order_id, f"{key}-pay", PaymentMode.CARD, GOOD_CARD, None, twice=twice)
        with self.lock:
            for result in paid:
                if isinstance(result, Paid) and result.payment_status == SUCCEEDED:
                    placed.succeeded.add(result.payment_id)
                elif isinstance(result, ShopError):
                    placed.refusals[result.code] += 1


def simulate_two_tabs_live(
    target: str,
    cfg: SimConfig,
    *,
    concurrency: int = 16,
    max_seconds: float = 900.0,
    request_timeout: float = TIMEOUT_S,
    transport: httpx.BaseTransport | None = None,
) -> ScenarioOutcome:
    """Run the customers ``concurrency`` at a time against ``target`` (loopback only),
    read their orders back and audit them. Raises :class:`LiveError` when the target is
    not reachable or the orders cannot be read back (no verdict then)."""
    base = check_target(target)
    limits = httpx.Limits(max_connections=concurrency * 3 + 4)
    with httpx.Client(
        base_url=base, timeout=request_timeout, limits=limits, transport=transport
    ) as client:
        recorder = Recorder(time.perf_counter())
        shop = LiveShop(client, recorder, secrets.token_hex(4), request_timeout)
        check_reachable(shop)
        recorder.started = time.perf_counter()
        shop.stop_at = recorder.started + max_seconds
        customers, errors = _run(shop, cfg, concurrency)
        wall_s = recorder.elapsed()
        shop.stop_at = time.perf_counter() + AUDIT_SECONDS
        try:
            orders = {c.session.user_id: shop.orders_of(c.session) for c in customers}
        except ShopError as error:
            raise LiveError(f"the audit could not read the orders back: {error}") from None
    findings = audit_two_tabs_live(customers, orders)
    report = AuditReport({f.name: f for f in findings}, sum(map(len, orders.values())),
                         len(customers))  # fmt: skip
    numbers = live_numbers(customers, orders, errors)
    latency = Latency.of(recorder.latencies)
    numbers.update({"requests": latency.requests, "transport resends": recorder.transport_retries})
    notes = [
        f"live against {base}: latency p50 {latency.p50:.0f} ms, p99 {latency.p99:.0f} ms; "
        "the API shows no cart versions: each cart a customer placed stands for one"
    ]
    return ScenarioOutcome(NAME, cfg.seed, numbers, report, 0.0, wall_s, notes, mode="live")


def _run(
    shop: LiveShop, cfg: SimConfig, concurrency: int
) -> tuple[list[LiveCustomer], Counter[str]]:
    """Workers take customers in index order until all are done or time is up; a
    journey that ends on an error is counted by its code (its rounds so far stay)."""
    lock = threading.Lock()
    next_index = [0]
    customers: list[LiveCustomer] = []
    errors: Counter[str] = Counter()

    def worker() -> None:
        while time.perf_counter() < shop.stop_at:
            with lock:
                index = next_index[0]
                if index >= cfg.customers:
                    return
                next_index[0] += 1
            journey = _Tabs(shop, cfg, index)
            try:
                journey.run()
            except ShopError as error:
                with lock:
                    errors[error.code] += 1
            if journey.customer is not None:
                with lock:
                    customers.append(journey.customer)

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(max(0.0, shop.stop_at - time.perf_counter()) + 4 * shop.request_timeout + 5)
    return sorted(customers, key=lambda c: c.session.user_id), errors


def _items(order: dict[str, Any]) -> Lines:
    return tuple(sorted((int(i["food_id"]), int(i["quantity"])) for i in order["items"]))


def audit_two_tabs_live(
    customers: Sequence[LiveCustomer], orders: dict[int, list[dict[str, Any]]]
) -> list[Finding]:
    """The invariants of two-tabs on what the API shows and what the tabs were told."""
    one = Finding(ONE_ORDER, DESCRIPTIONS[ONE_ORDER])
    same = Finding(SAME_ITEMS, DESCRIPTIONS[SAME_ITEMS])
    once = Finding(CHARGED_ONCE, DESCRIPTIONS[CHARGED_ONCE])
    for customer in customers:
        user_id = customer.session.user_id
        mine = orders.get(user_id, [])
        if len(mine) > len(customer.rounds):
            ids = sorted(int(o["order_id"]) for o in mine)
            one.add(f"customer {user_id}: {len(mine)} orders {ids} from {len(customer.rounds)} "
                    "carts placed")  # fmt: skip
        charged: dict[int, list[int]] = {}  # round → orders of it showing a success
        for order in mine:
            order_id = int(order["order_id"])
            items = _items(order)
            rounds = [n for n, r in enumerate(customer.rounds) if order_id in r.answered]
            if not rounds:  # no tab was told of it: it can only be one of the carts
                rounds = [n for n, r in enumerate(customer.rounds) if r.lines == items][:1]
            if not rounds or customer.rounds[rounds[0]].lines != items:
                same.add(f"order {order_id} (customer {user_id}): items {list(items)} are "
                         "none of the carts the customer placed")  # fmt: skip
                continue
            payment = order.get("payment") or {}
            if payment.get("payment_status") in (SUCCEEDED, "REFUNDED"):
                charged.setdefault(rounds[0], []).append(order_id)
        for n, placed in enumerate(customer.rounds):
            if len(placed.answered) > 1:
                one.add(f"customer {user_id}: the tabs of cart {n + 1} were answered with "
                        f"orders {sorted(placed.answered)}")  # fmt: skip
            if len(charged.get(n, [])) > 1:
                once.add(f"customer {user_id} charged {len(charged[n])} times for cart "
                         f"{n + 1} (orders {sorted(charged[n])})")  # fmt: skip
            if len(placed.succeeded) > 1:
                once.add(f"customer {user_id} was shown {len(placed.succeeded)} successful "
                         f"payments {sorted(placed.succeeded)} for cart {n + 1}")  # fmt: skip
    return [one, same, once]


def live_numbers(
    customers: Sequence[LiveCustomer],
    orders: dict[int, list[dict[str, Any]]],
    errors: Counter[str],
) -> dict[str, int]:
    rounds = [r for c in customers for r in c.rounds]
    refusals: Counter[str] = Counter()
    for r in rounds:
        refusals.update(r.refusals)
    read_back = [o for mine in orders.values() for o in mine]
    return {
        "customers": len(customers),
        "carts placed": len(rounds),
        "POST /orders sent": sum(r.sent for r in rounds),
        "  answered with a replay": sum(r.replays for r in rounds),
        "orders read back": len(read_back),
        "  confirmed (or further)": sum(
            o["order_status"] in ("CONFIRMED", "PREPARING", "OUT_FOR_DELIVERY", "DELIVERED")
            for o in read_back
        ),
        "second payments refused (already paid)": refusals["order_already_paid"],
        "other refusals": sum(n for code, n in refusals.items() if code != "order_already_paid"),
        "journeys ended by an error": sum(errors.values()),
    }
