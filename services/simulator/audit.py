"""The invariants a run must leave intact (docs/design.md §3, §5), checked on the final state.

Both modes first reduce what they can see to :class:`OrderRecord` and
:class:`UserRecord` values — memory mode straight from a ``MemoryStore`` and the fake
gateway, live mode from ``GET /orders`` and ``GET /me`` — and then run the same checks.
A check never stops at the first problem: it counts them all and keeps a few examples.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from adapters.memory import FakePaymentGateway, MemoryStore
from food_core.model import (
    CONFIRMED_STATUSES,
    BillCode,
    Coupon,
    OrderStatus,
    PaymentMode,
    PaymentStatus,
)
from services.simulator.ledger import CheckoutAttempt
from services.simulator.shop import BillLines

EXAMPLES = 5
CONFIRMED_NAMES = frozenset(s.value for s in CONFIRMED_STATUSES)
CANCELLED = OrderStatus.CANCELLED.value
SUCCEEDED = PaymentStatus.SUCCEEDED.value
REFUNDED = PaymentStatus.REFUNDED.value
PENDING = PaymentStatus.PENDING.value
COD = PaymentMode.COD.value
ITEM_TOTAL = BillCode.ITEM_TOTAL.value
DISCOUNT = BillCode.DISCOUNT.value
ONCE_ONLY = {"WELCOME50": 1}  # uses per customer when the shop's coupons are not given

# Invariant names, in the order they are reported, with what each one promises.
INVARIANTS: dict[str, str] = {
    "duplicate_orders": "one order per (user, Idempotency-Key); no checkout attempt saw two "
    "order ids; no customer has more orders than checkout attempts",
    "double_charges": "at most one successful charge per order (gateway and payment records)",
    "paid_but_unconfirmed": "every paid order is confirmed, or cancelled and refunded; no "
    "card/UPI order is confirmed without a successful payment",
    "unsettled_payments": "after reconciliation no payment attempt is left with an unknown "
    "outcome and no cancelled order still holds a charge",
    "total_orders": "each user's total_orders equals the number of their orders ever confirmed",
    "order_totals": "the bill shown is the amount charged is the receipt: each order's bill "
    "has an item total equal to the sum of its lines, lines that add up to its total (only "
    "the discount negative), every payment amount equals that total, and the receipt "
    "carries the bill (lines and total) the customer was shown when placing; each cart "
    "item total shown was the sum of its lines",
    "coupons": "a discount comes from the order's coupon and never exceeds the coupon's cap "
    "or the item total; no customer holds a coupon on more non-cancelled orders than it "
    "allows (WELCOME50: one)",
}


class PaymentRecord(NamedTuple):
    payment_id: int
    payment_mode: str
    payment_status: str
    amount: int
    settled: bool  # the gateway answered (a reference is recorded): outcome known


class OrderRecord(NamedTuple):
    order_id: int
    user_id: int
    key: str | None  # the Idempotency-Key (not shown by the API: None in live mode)
    status: str
    payment_mode: str
    total_amount: int  # the order's total (the bill's, since issue 14)
    lines_total: int  # sum of price × quantity over the items
    ever_confirmed: bool  # a delivery exists only once the order has been confirmed
    payments: tuple[PaymentRecord, ...]  # every attempt known (live: the latest only)
    # The receipt's bill: (code, amount) per line, and the total it states.
    bill: BillLines = ()
    bill_total: int = 0
    coupon_code: str | None = None


class UserRecord(NamedTuple):
    user_id: int
    total_orders: int


@dataclass
class Finding:
    name: str
    description: str
    violations: int = 0
    examples: list[str] = field(default_factory=list)
    checked: bool = True  # False where a mode cannot see enough to check it

    @property
    def ok(self) -> bool:
        return self.violations == 0

    def add(self, example: str) -> None:
        self.violations += 1
        if len(self.examples) < EXAMPLES:
            self.examples.append(example)

    def add_many(self, count: int, examples: Sequence[str]) -> None:
        self.violations += count
        self.examples.extend(examples[: max(0, EXAMPLES - len(self.examples))])


@dataclass
class AuditReport:
    findings: dict[str, Finding]
    orders: int
    users: int

    @property
    def ok(self) -> bool:
        return all(f.ok for f in self.findings.values())

    @property
    def failed(self) -> list[Finding]:
        return [f for f in self.findings.values() if not f.ok]


def _findings() -> dict[str, Finding]:
    return {name: Finding(name, text) for name, text in INVARIANTS.items()}


def audit_records(
    orders: Sequence[OrderRecord],
    users: Iterable[UserRecord],
    *,
    gateway_charges: dict[int, int] | None = None,
    attempts: Sequence[CheckoutAttempt] = (),
    seen_payments: dict[int, set[int]] | None = None,
    strict_settlement: bool = True,
    cart_mismatches: tuple[int, Sequence[str]] = (0, ()),
    coupons: Mapping[str, Coupon] | None = None,
) -> AuditReport:
    """Run every check.

    ``gateway_charges``: order_id → successful charges the gateway holds (memory mode).
    ``attempts``: the customers' checkout attempts, for the client-side duplicate checks.
    ``seen_payments``: order_id → payment ids customers were shown as SUCCEEDED.
    ``strict_settlement``: whether an attempt of unknown outcome is a failure (memory mode,
    after the sweep) or may still be awaiting reconciliation (live mode).
    ``cart_mismatches``: how many cart answers showed an item total that was not the sum
    of their lines, with a few examples (the customers' own check, as they edit).
    ``coupons``: the shop's coupons by code, for their caps and uses per customer (without
    it a coupon's cap is not checked, and WELCOME50 is taken to allow one use).
    """
    f = _findings()
    users = list(users)
    by_id = {o.order_id: o for o in orders}
    _check_duplicates(f["duplicate_orders"], orders, attempts)
    _check_charges(f["double_charges"], orders, gateway_charges, seen_payments)
    _check_paid(f["paid_but_unconfirmed"], orders, gateway_charges)
    _check_settled(f["unsettled_payments"], orders, strict_settlement)
    _check_total_orders(f["total_orders"], orders, users)
    _check_totals(f["order_totals"], orders, by_id, attempts)
    _check_coupons(f["coupons"], orders, coupons)
    count, examples = cart_mismatches
    f["order_totals"].add_many(count, examples)
    return AuditReport(f, len(orders), len(users))


def _check_duplicates(
    finding: Finding, orders: Sequence[OrderRecord], attempts: Sequence[CheckoutAttempt]
) -> None:
    by_key: dict[tuple[int, str], list[int]] = defaultdict(list)
    for o in orders:
        if o.key is not None:
            by_key[(o.user_id, o.key)].append(o.order_id)
    for (user_id, key), ids in by_key.items():
        if len(ids) > 1:
            finding.add(f"user {user_id} key {key!r}: {len(ids)} orders {sorted(ids)}")
    if not attempts:
        return
    claimed: dict[int, str] = {}
    sent_by_user: dict[int, int] = defaultdict(int)
    for attempt in attempts:
        if attempt.sent:
            sent_by_user[attempt.user_id] += 1
        if len(attempt.order_ids) > 1:
            finding.add(
                f"checkout {attempt.key!r} (user {attempt.user_id}) was answered with "
                f"{len(attempt.order_ids)} orders {sorted(attempt.order_ids)}"
            )
        for order_id in attempt.order_ids:
            other = claimed.setdefault(order_id, attempt.key)
            if other != attempt.key:
                finding.add(f"order {order_id} answered two checkouts: {other!r}, {attempt.key!r}")
    orders_by_user: dict[int, list[int]] = defaultdict(list)
    for o in orders:
        orders_by_user[o.user_id].append(o.order_id)
    for user_id, ids in orders_by_user.items():
        if len(ids) > sent_by_user.get(user_id, 0):
            finding.add(
                f"user {user_id} has {len(ids)} orders from "
                f"{sent_by_user.get(user_id, 0)} checkout attempts: {sorted(ids)}"
            )


def _check_charges(
    finding: Finding,
    orders: Sequence[OrderRecord],
    gateway_charges: dict[int, int] | None,
    seen_payments: dict[int, set[int]] | None,
) -> None:
    if gateway_charges is not None:
        for order_id, count in sorted(gateway_charges.items()):
            if count > 1:
                finding.add(f"order {order_id}: the gateway holds {count} successful charges")
    for o in orders:
        paid = [p.payment_id for p in o.payments if p.payment_status in (SUCCEEDED, REFUNDED)]
        if len(paid) > 1:
            finding.add(f"order {o.order_id}: {len(paid)} successful payments {paid}")
    for order_id, ids in sorted((seen_payments or {}).items()):
        if len(ids) > 1:
            finding.add(
                f"order {order_id}: customers were shown {len(ids)} successful payments "
                f"{sorted(ids)}"
            )


def _check_paid(
    finding: Finding, orders: Sequence[OrderRecord], gateway_charges: dict[int, int] | None
) -> None:
    for o in orders:
        succeeded = any(p.payment_status == SUCCEEDED for p in o.payments)
        recorded = any(p.payment_status in (SUCCEEDED, REFUNDED) for p in o.payments)
        confirmed = o.status in CONFIRMED_NAMES
        if succeeded and not confirmed and o.status != CANCELLED:
            finding.add(f"order {o.order_id}: paid but {o.status}")
        if gateway_charges is not None and gateway_charges.get(o.order_id) and not recorded:
            finding.add(f"order {o.order_id}: charged at the gateway, not recorded ({o.status})")
        if confirmed and o.payment_mode != COD and not succeeded:
            finding.add(f"order {o.order_id}: {o.status} without a successful payment")
    if gateway_charges is not None:
        known = {o.order_id for o in orders}
        for order_id in sorted(set(gateway_charges) - known):
            finding.add(f"order {order_id}: charged at the gateway but no such order exists")


def _check_settled(finding: Finding, orders: Sequence[OrderRecord], strict: bool) -> None:
    if not strict:
        finding.checked = False
        return
    for o in orders:
        for p in o.payments:
            if p.payment_status == PENDING and not p.settled:
                finding.add(f"order {o.order_id}: payment {p.payment_id} still of unknown outcome")
        if o.status == CANCELLED and any(p.payment_status == SUCCEEDED for p in o.payments):
            finding.add(f"order {o.order_id}: cancelled but its charge was not refunded")


def _check_total_orders(
    finding: Finding, orders: Sequence[OrderRecord], users: Sequence[UserRecord]
) -> None:
    confirmed: dict[int, int] = defaultdict(int)
    for o in orders:
        if o.ever_confirmed:
            confirmed[o.user_id] += 1
    for u in users:
        expected = confirmed.get(u.user_id, 0)
        if u.total_orders != expected:
            finding.add(
                f"user {u.user_id}: total_orders {u.total_orders}, "
                f"but {expected} orders were confirmed"
            )


def _who(o: OrderRecord) -> str:
    return f"order {o.order_id} (customer {o.user_id})"


def _rupees(paise: int) -> str:
    return f"₹{paise / 100:,.2f}"


def _check_totals(
    finding: Finding,
    orders: Sequence[OrderRecord],
    by_id: dict[int, OrderRecord],
    attempts: Sequence[CheckoutAttempt],
) -> None:
    for o in orders:
        who = _who(o)
        amounts = dict(o.bill)
        item_total = amounts.get(ITEM_TOTAL)
        if item_total != o.lines_total:
            finding.add(f"{who}: bill item_total {item_total} ≠ sum of its lines {o.lines_total}")
        lines_sum = sum(amount for _code, amount in o.bill)
        if lines_sum != o.bill_total:
            finding.add(f"{who}: bill lines add up to {lines_sum} ≠ its total {o.bill_total}")
        if o.total_amount != o.bill_total:
            finding.add(f"{who}: total_amount {o.total_amount} ≠ its bill's total {o.bill_total}")
        for code, amount in o.bill:
            if (amount < 0) != (code == DISCOUNT) and amount != 0:
                finding.add(f"{who}: bill line {code} is {amount}")
        for p in o.payments:
            if p.amount != o.total_amount:
                finding.add(
                    f"{who}: payment {p.payment_id} amount {p.amount} ≠ total {o.total_amount}"
                )
    for attempt in attempts:
        for order_id in attempt.order_ids:
            order = by_id.get(order_id)
            if order is None:
                continue
            who = _who(order)
            if order.total_amount != attempt.expected_total:
                finding.add(
                    f"{who}: total {order.total_amount} ≠ the bill total "
                    f"{attempt.expected_total} the customer was shown"
                )
            if attempt.shown_bill is not None and order.bill != attempt.shown_bill:
                finding.add(
                    f"{who}: the receipt's bill {_bill_text(order.bill)} ≠ the bill shown "
                    f"{_bill_text(attempt.shown_bill)}"
                )


def _bill_text(lines: BillLines) -> str:
    return "[" + ", ".join(f"{code} {amount}" for code, amount in lines) + "]"


def _check_coupons(
    finding: Finding, orders: Sequence[OrderRecord], coupons: Mapping[str, Coupon] | None
) -> None:
    held: dict[tuple[int, str], list[int]] = defaultdict(list)
    for o in orders:
        who = _who(o)
        amounts = dict(o.bill)
        discount = -amounts.get(DISCOUNT, 0)
        item_total = amounts.get(ITEM_TOTAL, 0)
        if o.coupon_code is not None and o.status != CANCELLED:
            held[(o.user_id, o.coupon_code)].append(o.order_id)
        if not discount:
            continue
        if o.coupon_code is None:
            finding.add(f"{who}: a discount of {_rupees(discount)} without a coupon")
            continue
        if discount > item_total:
            finding.add(
                f"{who}: {o.coupon_code} took {_rupees(discount)} off an item total of "
                f"{_rupees(item_total)}"
            )
        coupon = None if coupons is None else coupons.get(o.coupon_code)
        if coupons is not None and coupon is None:
            finding.add(f"{who}: a discount from {o.coupon_code}, which is no coupon")
        elif (
            coupon is not None
            and coupon.max_discount is not None
            and discount > coupon.max_discount
        ):
            finding.add(
                f"{who}: {o.coupon_code} took {_rupees(discount)} off, above its cap of "
                f"{_rupees(coupon.max_discount)}"
            )
    for (user_id, code), ids in sorted(held.items()):
        coupon = None if coupons is None else coupons.get(code)
        allowed = coupon.uses_per_customer if coupon is not None else ONCE_ONLY.get(code)
        if allowed is not None and len(ids) > allowed:
            finding.add(
                f"customer {user_id}: {code} on {len(ids)} orders not cancelled "
                f"{sorted(ids)}, at most {allowed} allowed"
            )


# --- memory mode ---------------------------------------------------------------------


def memory_records(store: MemoryStore) -> tuple[list[OrderRecord], list[UserRecord]]:
    """Read the store directly (not through the ports): the audit must see what is
    stored, including states the use cases would refuse to make."""
    orders: list[OrderRecord] = []
    for o in store.orders.values():
        records = tuple(
            PaymentRecord(
                p.payment_id,
                p.payment_mode.value,
                p.payment_status.value,
                p.amount,
                p.gateway_reference is not None or p.payment_status is not PaymentStatus.PENDING,
            )
            for p in o.payments
        )
        lines = sum(item.price * item.quantity for item in o.items)
        bill = o.bill
        orders.append(
            OrderRecord(
                o.order_id,
                o.user,
                o.idempotency_key,
                o.order_status.value,
                o.payment_mode.value,
                o.total_amount,
                lines,
                o.delivery is not None,
                records,
                tuple((line.code.value, line.amount) for line in bill.lines),
                bill.total_amount,
                None if o.coupon is None else o.coupon.code,
            )
        )
    counts = store.confirmed_counts  # what the users repository reports as total_orders
    users = [UserRecord(u.user_id, counts.get(u.user_id, 0)) for u in store.users.values()]
    return orders, users


def audit_memory(
    store: MemoryStore,
    gateway: FakePaymentGateway | None = None,
    attempts: Sequence[CheckoutAttempt] = (),
    seen_payments: dict[int, set[int]] | None = None,
) -> AuditReport:
    """The audit of an in-memory run (or of any MemoryStore a test builds by hand)."""
    orders, users = memory_records(store)
    charges = gateway.successful_charges() if gateway is not None else None
    return audit_records(
        orders,
        users,
        gateway_charges=charges,
        attempts=attempts,
        seen_payments=seen_payments,
        strict_settlement=True,
        coupons=store.coupons,
    )
