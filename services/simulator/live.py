"""Live mode: the same journeys against a running stack over HTTP (docs/design.md §6).

``run_live(target, customers, seed)`` is the entry point the stack tests call. It runs
``concurrency`` customers at once on threads (each journey is sequential, as a person
is), sends double clicks as two concurrent requests with one Idempotency-Key, resends
after connection errors and gateway errors with the same key, and can SIGKILL one API
replica mid-run. Afterwards it reads every simulated customer's orders back through the
API and audits them.

Traffic goes to the given loopback target only, and every loop is bounded: a request is
sent at most ``TRIES`` times, no request is sent after ``max_seconds`` (the journeys in
flight then end), and reading the orders back has ``AUDIT_SECONDS`` of its own.
"""

from __future__ import annotations

import contextlib
import math
import os
import random
import secrets
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import httpx

from adapters import demo_catalog
from food_core.model import Coupon, PaymentMode
from services.api.schemas.catalog import needs_choice
from services.simulator.audit import (
    CONFIRMED_NAMES,
    AuditReport,
    OrderRecord,
    PaymentRecord,
    UserRecord,
    audit_records,
)
from services.simulator.config import Mix, Rates, SimConfig, check_target
from services.simulator.journey import Customer
from services.simulator.ledger import Tally
from services.simulator.report import Timeline
from services.simulator.shop import (
    DEADLINE,
    EMPTY_CART,
    NETWORK_ERROR,
    Card,
    Dish,
    Fault,
    Paid,
    Placed,
    Session,
    ShopError,
    Shown,
)
from services.simulator.summary import Latency, Summary, build_summary, payment_outcomes

API = "/api/v1"
TRIES = 5  # sends of one request, counting the first
# Pause before a resend: doubled each time, with full jitter, so that a stalled stack
# is not hit by every client's resends at the same moment (which made a struggling
# FerretDB-backed stack collapse in trials).
BACKOFF_S = 0.5
MAX_BACKOFF_S = 8.0
# Reading every customer's orders back gets its own time budget after the run.
AUDIT_SECONDS = 300.0
TIMEOUT_S = 10.0  # per request; --request-timeout
PASSWORD = "simulated password"  # noqa: S105 (a throwaway for simulated accounts)
# Answers from the proxy rather than the API (no problem code): the replica died or is
# restarting. Safe to resend: every POST that changes state carries an Idempotency-Key,
# and the others are idempotent or harmless to repeat (docs/design.md §5).
PROXY_ERRORS = frozenset({502, 503, 504})
ORDERS_PAGE = 50


class LiveError(RuntimeError):
    """The live run could not be carried out (target down, replica pid missing…)."""


@dataclass
class ReplicaKill:
    """``--kill-replica-at``: SIGKILL the process named by ``pid`` or by the pid file
    ``pidfile`` (read when the time comes, so a restarted replica's new pid is used)."""

    at_s: float
    pid: int | None = None
    pidfile: Path | None = None

    def resolve(self) -> int:
        if self.pid is not None:
            pid = self.pid
        else:
            assert self.pidfile is not None
            try:
                pid = int(self.pidfile.read_text().strip())
            except (OSError, ValueError) as error:
                raise LiveError(f"cannot read a pid from {self.pidfile}: {error}") from None
        if pid <= 1 or pid in (os.getpid(), os.getppid()):
            raise LiveError(f"refusing to kill pid {pid}")
        try:
            os.kill(pid, 0)  # exists and is ours to signal
        except OSError as error:
            raise LiveError(f"replica pid {pid}: {error.strerror}") from None
        return pid


class Recorder:
    """Request latencies and resend counts, shared by all threads."""

    def __init__(self, started: float) -> None:
        self.started = started
        self._lock = threading.Lock()
        self.latencies: list[float] = []
        self.transport_retries = 0
        self.sessions: list[Session] = []

    def elapsed(self) -> float:
        return time.perf_counter() - self.started

    def latency(self, seconds: float) -> None:
        with self._lock:
            self.latencies.append(seconds)

    def resent(self) -> None:
        with self._lock:
            self.transport_retries += 1

    def session(self, s: Session) -> None:
        with self._lock:
            self.sessions.append(s)


def _problem(response: httpx.Response) -> ShopError:
    code = "http_error"
    detail = ""
    with contextlib.suppress(ValueError):
        body = response.json()
        if isinstance(body, dict):
            code = str(body.get("code") or code)
            detail = str(body.get("detail") or "")
    return ShopError(code, response.status_code, detail)


def _has_problem_code(response: httpx.Response) -> bool:
    return "problem+json" in response.headers.get("content-type", "")


class LiveShop:
    """:class:`services.simulator.shop.Shop` over the HTTP API."""

    def __init__(
        self,
        client: httpx.Client,
        recorder: Recorder,
        run_tag: str,
        request_timeout: float = TIMEOUT_S,
    ) -> None:
        self.client = client
        self.rec = recorder
        self.run_tag = run_tag  # keeps emails/phones unique across runs on one database
        self.request_timeout = request_timeout
        # No request is sent after this (perf_counter seconds): a hung stack cannot hold
        # the run beyond --max-seconds (+ one request) or the audit beyond its budget.
        self.stop_at = math.inf
        self._jitter = random.Random()  # timing only: live mode is not reproducible anyway

    # --- transport -------------------------------------------------------------------

    def _send(
        self,
        method: str,
        path: str,
        s: Session | None = None,
        body: dict[str, Any] | None = None,
        key: str | None = None,
    ) -> httpx.Response:
        headers = {}
        if s is not None and s.token:
            headers["Authorization"] = f"Bearer {s.token}"
        if key is not None:
            headers["Idempotency-Key"] = key
        delay = BACKOFF_S
        for attempt in range(TRIES):
            started = time.perf_counter()
            if started >= self.stop_at:
                raise ShopError(DEADLINE, None, "time is up (--max-seconds)")
            try:
                response = self.client.request(method, API + path, json=body, headers=headers)
            except httpx.TransportError as error:
                self.rec.latency(time.perf_counter() - started)
                if attempt == TRIES - 1:
                    raise ShopError(NETWORK_ERROR, None, str(error)) from None
            else:
                self.rec.latency(time.perf_counter() - started)
                transient = response.status_code == 429 or (
                    response.status_code in PROXY_ERRORS and not _has_problem_code(response)
                )
                if not transient or attempt == TRIES - 1:
                    return response
            self.rec.resent()
            time.sleep(
                min(self._jitter.uniform(0, delay), max(0.0, self.stop_at - time.perf_counter()))
            )
            delay = min(delay * 2, MAX_BACKOFF_S)
        raise AssertionError("unreachable")  # the loop returns or raises on its last try

    def _json(self, response: httpx.Response, *ok: int) -> Any:
        if response.status_code not in ok:
            raise _problem(response)
        return response.json()

    # --- the Shop protocol -------------------------------------------------------------

    def signup(self, n: int) -> Session:
        for attempt in range(TRIES):
            digits = int.from_bytes(secrets.token_bytes(4), "big") % 1_000_000_000
            body = {
                "user_name": f"Sim Customer {n}",
                "email": f"sim{n}.{self.run_tag}.{attempt}@example.com",
                "phone": f"9{digits:09d}",
                "password": PASSWORD,
                "bearer": True,  # the simulator authenticates with the token, not cookies
            }
            response = self._send("POST", "/auth/signup", body=body)
            if response.status_code == 201:
                data = response.json()
                s = Session(int(data["user"]["user_id"]), str(data["token"]))
                self.rec.session(s)
                return s
            problem = _problem(response)
            if problem.code not in ("email_taken", "phone_taken"):
                raise problem
        raise ShopError("signup_failed", None, "no free email/phone after retries")

    def cities(self, s: Session) -> list[tuple[str, str]]:
        data = self._json(self._send("GET", "/cities", s), 200)
        return [(c["pincode"], c["city_name"]) for c in data["cities"]]

    def search(self, s: Session, pincode: str, *, veg_only: bool, sort: str) -> list[int]:
        query = f"?sort={sort}&open_now=true" + ("&veg=true" if veg_only else "")
        data = self._json(self._send("GET", f"/cities/{pincode}/restaurants{query}", s), 200)
        return [int(r["restaurant_id"]) for r in data["restaurants"]]

    def menu(self, s: Session, restaurant_id: int) -> list[Dish]:
        data = self._json(self._send("GET", f"/restaurants/{restaurant_id}", s), 200)
        return [
            Dish(
                int(d["food_id"]),
                int(d["price"]),
                bool(d["availability"]),
                needs_choice(d),
            )
            for d in data["menu"]
        ]

    def set_quantity(self, s: Session, food_id: int, quantity: int) -> int:
        response = self._send("PUT", f"/cart/items/{food_id}", s, {"quantity": quantity})
        return shown(self._json(response, 200)).item_total

    def view_cart(self, s: Session) -> Shown:
        return shown(self._json(self._send("GET", "/cart", s), 200))

    def apply_coupon(self, s: Session, code: str) -> Shown:
        return shown(self._json(self._send("PUT", "/cart/coupon", s, {"code": code}), 200))

    def remove_coupon(self, s: Session) -> Shown:
        return shown(self._json(self._send("DELETE", "/cart/coupon", s), 200))

    def set_tip(self, s: Session, amount: int) -> Shown:
        return shown(self._json(self._send("PUT", "/cart/tip", s, {"amount": amount}), 200))

    def add_address(self, s: Session, n: int, city_name: str, pincode: str) -> int:
        body = {
            "label": "Home",
            "line1": f"{n} Simulation Street",
            "city_name": city_name,
            "pincode": pincode,
        }
        return int(self._json(self._send("POST", "/addresses", s, body), 201)["address_id"])

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
        body: dict[str, Any] = {"address_id": address_id, "payment_mode": mode.value}
        if expected_total is not None:
            body["expected_total"] = expected_total

        def once() -> Placed | ShopError:
            try:
                response = self._send("POST", "/orders", s, body, key)
            except ShopError as error:
                return error
            if response.status_code not in (200, 201):
                return _problem(response)
            order = response.json()
            return Placed(
                int(order["order_id"]),
                str(order["order_status"]),
                int(order["total_amount"]),
                _replayed(response),
            )

        return _clicks(once, twice, self.request_timeout)

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
        body: dict[str, Any] = {"payment_mode": mode.value}
        if card is not None:
            body["card"] = card._asdict()
        if vpa is not None:
            body["upi"] = {"vpa": vpa}

        def once() -> Paid | ShopError:
            try:
                response = self._send("POST", f"/orders/{order_id}/payment", s, body, key)
            except ShopError as error:
                return error
            if response.status_code != 200:
                return _problem(response)
            data = response.json()
            payment = data["payment"]
            return Paid(
                order_id,
                str(data["order"]["order_status"]),
                int(payment["payment_id"]),
                str(payment["payment_status"]),
                int(payment["amount"]),
                _replayed(response),
            )

        return _clicks(once, twice, self.request_timeout)

    def order_status(self, s: Session, order_id: int) -> str:
        return str(self._json(self._send("GET", f"/orders/{order_id}", s), 200)["order_status"])

    def cancel(self, s: Session, order_id: int) -> str:
        response = self._send("POST", f"/orders/{order_id}/cancel", s)
        return str(self._json(response, 200)["order_status"])

    def arm_fault(self, fault: Fault) -> bool:
        return False  # the live gateway is not ours to break (kill a replica instead)

    # --- reading back, for the audit ---------------------------------------------------

    def orders_of(self, s: Session) -> list[dict[str, Any]]:
        orders: list[dict[str, Any]] = []
        before: int | None = None
        while True:  # bounded: each page moves ``before`` strictly down
            query = f"?limit={ORDERS_PAGE}" + (f"&before={before}" if before else "")
            page = self._json(self._send("GET", f"/orders{query}", s), 200)["orders"]
            orders.extend(page)
            if len(page) < ORDERS_PAGE:
                return orders
            before = int(page[-1]["order_id"])

    def me(self, s: Session) -> dict[str, Any]:
        data: dict[str, Any] = self._json(self._send("GET", "/me", s), 200)
        return data

    def order(self, s: Session, order_id: int) -> dict[str, Any]:
        data: dict[str, Any] = self._json(self._send("GET", f"/orders/{order_id}", s), 200)
        return data


def bill_lines(bill: dict[str, Any] | None) -> tuple[tuple[str, int], ...]:
    """A bill as the API shows it (cart or order), reduced to (code, amount) per line."""
    if not bill:
        return ()
    return tuple((str(line["code"]), int(line["amount"])) for line in bill["lines"])


def shown(cart: dict[str, Any]) -> Shown:
    """A cart answer (GET/PUT /cart…) as the customer reads it: its bill."""
    bill = cart.get("bill")
    if not bill:
        return EMPTY_CART
    lines = bill_lines(bill)
    coupon = cart.get("coupon")
    applied = str(coupon["code"]) if coupon and coupon.get("applied") else None
    return Shown(dict(lines).get("item_total", 0), int(cart["total_amount"]), lines, applied)


def _replayed(response: httpx.Response) -> bool:
    return str(response.headers.get("Idempotent-Replayed", "")).lower() == "true"


T = TypeVar("T")


def _clicks(once: Callable[[], T], twice: bool, timeout_s: float) -> list[T]:
    """One send, or two at the same moment (a double click) on two threads."""
    if not twice:
        return [once()]
    results: list[T] = []
    other = threading.Thread(target=lambda: results.append(once()), daemon=True)
    other.start()
    mine = once()
    other.join(timeout_s * TRIES * 2)
    return [mine, *results]


@dataclass
class LiveOutcome:
    summary: Summary
    audit: AuditReport
    timeline: Timeline
    tally: Tally
    latencies_s: list[float] = field(default_factory=list)


def run_live(
    target: str,
    customers: int,
    seed: int,
    *,
    mix: Mix | None = None,
    rates: Rates | None = None,
    concurrency: int = 16,
    max_seconds: float = 900.0,
    kill: ReplicaKill | None = None,
    request_timeout: float = TIMEOUT_S,
    transport: httpx.BaseTransport | None = None,
) -> Summary:
    """Run ``customers`` journeys against ``target`` (a loopback URL), audit, summarise.

    ``summary.audit_ok`` and ``summary.failed_invariants`` give the audit's verdict;
    :func:`simulate_live` returns the audit's findings and the timeline as well.
    ``transport`` replaces the network (tests pass an ``httpx.MockTransport``)."""
    cfg = SimConfig(customers=customers, seed=seed)
    if mix is not None or rates is not None:
        cfg = SimConfig(
            customers=customers, seed=seed, mix=mix or cfg.mix, rates=rates or cfg.rates
        )
    outcome = simulate_live(
        target,
        cfg,
        concurrency=concurrency,
        max_seconds=max_seconds,
        kill=kill,
        request_timeout=request_timeout,
        transport=transport,
    )
    return outcome.summary


def simulate_live(
    target: str,
    cfg: SimConfig,
    *,
    concurrency: int = 16,
    max_seconds: float = 900.0,
    kill: ReplicaKill | None = None,
    on_progress: Callable[[int], None] | None = None,
    request_timeout: float = TIMEOUT_S,
    transport: httpx.BaseTransport | None = None,
) -> LiveOutcome:
    base = check_target(target)
    if kill is not None:
        kill.resolve()  # fail before any traffic when the pid is wrong
    limits = httpx.Limits(max_connections=concurrency * 2 + 4)
    with httpx.Client(
        base_url=base, timeout=request_timeout, limits=limits, transport=transport
    ) as client:
        recorder = Recorder(time.perf_counter())
        shop = LiveShop(client, recorder, secrets.token_hex(4), request_timeout)
        check_reachable(shop)
        recorder.started = time.perf_counter()
        shop.stop_at = recorder.started + max_seconds
        markers: list[tuple[float, str]] = []
        with _killer(kill, recorder, markers):
            tally = _run_customers(shop, cfg, concurrency, max_seconds, on_progress)
        wall_s = recorder.elapsed()
        shop.stop_at = time.perf_counter() + AUDIT_SECONDS
        try:
            audit, orders = audit_live(shop, recorder.sessions, tally)
        except ShopError as error:
            # Without the read-back there is no verdict: say so rather than pass or fail.
            raise LiveError(f"the audit could not read the orders back: {error}") from None
    summary = build_summary(
        "live",
        cfg.seed,
        tally.customers,
        tally,
        orders,
        audit,
        payment_outcomes=payment_outcomes(orders, latest_only=True),
        wall_s=wall_s,
    )
    summary.latency = Latency.of(recorder.latencies)
    summary.transport_retries = recorder.transport_retries
    summary.replica_killed = markers[0][1] if markers else None
    if kill is not None and not markers:
        summary.replica_killed = f"not killed: the run ended before {kill.at_s:g} s"
    timeline = Timeline(
        tally.placed_at, tally.confirmed_at, recorder.latencies, markers, clock="wall"
    )
    return LiveOutcome(summary, audit, timeline, tally, recorder.latencies)


def check_reachable(shop: LiveShop) -> None:
    try:
        response = shop.client.get(API + "/cities")
    except httpx.TransportError as error:
        raise LiveError(f"{shop.client.base_url} is not reachable: {error}") from None
    if response.status_code != 200:
        raise LiveError(f"GET {API}/cities answered {response.status_code}; is the stack up?")


@contextlib.contextmanager
def _killer(
    kill: ReplicaKill | None, recorder: Recorder, markers: list[tuple[float, str]]
) -> Iterator[None]:
    if kill is None:
        yield
        return

    def fire() -> None:
        at = recorder.elapsed()
        try:
            pid = kill.resolve()
            os.kill(pid, signal.SIGKILL)
        except (LiveError, OSError) as error:
            markers.append((at, f"kill failed at {at:.1f} s: {error}"))
        else:
            markers.append((at, f"SIGKILL replica pid {pid} at {at:.1f} s"))

    timer = threading.Timer(kill.at_s, fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()


def _run_customers(
    shop: LiveShop,
    cfg: SimConfig,
    concurrency: int,
    max_seconds: float,
    on_progress: Callable[[int], None] | None,
) -> Tally:
    """``concurrency`` threads take customers in index order until all are done or
    ``max_seconds`` have passed. Each thread keeps its own Tally (no shared counters to
    race on); they are merged at the end."""
    bounds = cfg.mix.cumulative()
    lock = threading.Lock()
    next_index = [0]
    done = [0]
    deadline = shop.stop_at
    tallies: list[Tally] = []

    def worker() -> None:
        tally = Tally()
        with lock:
            tallies.append(tally)
        while time.perf_counter() < deadline:
            with lock:
                index = next_index[0]
                if index >= cfg.customers:
                    return
                next_index[0] += 1
            for _think in Customer(index, shop, cfg, tally, shop.rec.elapsed).run(bounds):
                pass  # real round trips are the pauses; think times are not slept
            with lock:
                done[0] += 1
                if on_progress is not None:
                    on_progress(done[0])

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        # No request starts after stop_at, and a send in flight then ends within its
        # timeout: every worker is done shortly after --max-seconds.
        thread.join(max(0.0, shop.stop_at - time.perf_counter()) + 2 * shop.request_timeout + 5)
    return merge(tallies)


def merge(tallies: Sequence[Tally]) -> Tally:
    total = Tally()
    for t in tallies:
        for name, value in vars(t).items():
            if isinstance(value, int):
                setattr(total, name, getattr(total, name) + value)
        total.kinds.update(t.kinds)
        total.unexpected.update(t.unexpected)
        total.attempts.extend(t.attempts)
        total.cart_mismatch_examples.extend(t.cart_mismatch_examples)
        for order_id, ids in t.succeeded_payments.items():
            total.succeeded_payments.setdefault(order_id, set()).update(ids)
        total.placed_at.extend(t.placed_at)
        total.confirmed_at.extend(t.confirmed_at)
    total.placed_at.sort()
    total.confirmed_at.sort()
    return total


def audit_live(
    shop: LiveShop, sessions: Sequence[Session], tally: Tally
) -> tuple[AuditReport, list[OrderRecord]]:
    """Read every simulated customer's orders and total_orders back through the API.

    Each order listed is fetched by id — its receipt, whose bill the audit compares with
    the bill the customer was shown — which also reconciles a card/UPI payment still
    PENDING on read (docs/design.md §5.4). What the API does not show — every payment
    attempt, the gateway's own records — cannot be checked here: a stack test that wants
    those asks the payments service directly."""
    orders: list[OrderRecord] = []
    users: list[UserRecord] = []
    seen = {order_id: set(ids) for order_id, ids in tally.succeeded_payments.items()}
    for s in sessions:
        users.append(UserRecord(s.user_id, int(shop.me(s)["total_orders"])))
        for listed in shop.orders_of(s):
            data = shop.order(s, int(listed["order_id"]))
            record = order_record(data, s.user_id)
            orders.append(record)
            for p in record.payments:
                if p.payment_status in ("SUCCEEDED", "REFUNDED"):
                    seen.setdefault(record.order_id, set()).add(p.payment_id)
    report = audit_records(
        orders,
        users,
        gateway_charges=None,
        attempts=tally.attempts,
        seen_payments=seen,
        strict_settlement=False,
        cart_mismatches=(tally.cart_total_mismatches, tally.cart_mismatch_examples),
        coupons=demo_coupons(),
    )
    return report, orders


def demo_coupons() -> dict[str, Coupon]:
    """The coupons a stack seeded with the demo catalog offers (their caps and uses per
    customer do not depend on the catalog's seed)."""
    return {c.code: c for c in demo_catalog.generate().coupons}


def order_record(data: dict[str, Any], user_id: int) -> OrderRecord:
    """An order as GET /orders shows it, reduced to what the audit checks."""
    status = str(data["order_status"])
    payment = data.get("payment")
    payments: tuple[PaymentRecord, ...] = ()
    if payment:
        payments = (
            PaymentRecord(
                int(payment["payment_id"]),
                str(payment["payment_mode"]),
                str(payment["payment_status"]),
                int(payment["amount"]),
                payment["payment_status"] != "PENDING" or status in CONFIRMED_NAMES,
            ),
        )
    lines = sum(int(i["price"]) * int(i["quantity"]) for i in data["items"])
    bill = data.get("bill")
    coupon = data.get("coupon_code")
    return OrderRecord(
        int(data["order_id"]),
        int(data.get("user_id", user_id)),
        None,
        status,
        str(data["payment_mode"]),
        int(data["total_amount"]),
        lines,
        status in CONFIRMED_NAMES or (status == "CANCELLED" and data.get("delivery") is not None),
        payments,
        bill_lines(bill),
        int(bill["total_amount"]) if bill else 0,
        None if coupon is None else str(coupon),
    )
