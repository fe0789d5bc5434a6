"""What the simulated customers did and saw, counted as they go.

The audit compares this client-side record with the shop's final state: a checkout
attempt that saw two order ids, or an order a customer paid twice for, is caught here
even where the server's own records look tidy.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from services.simulator.config import Kind
from services.simulator.shop import BillLines


class CheckoutAttempt:
    """One checkout: one Idempotency-Key for POST /orders, as the web app keeps one per
    attempt (docs/design.md §5). ``order_ids`` collects every order id any answer named."""

    __slots__ = ("expected_total", "key", "order_ids", "sent", "shown_bill", "user_id")

    def __init__(
        self, user_id: int, key: str, expected_total: int, shown_bill: BillLines | None = None
    ) -> None:
        self.user_id = user_id
        self.key = key
        self.expected_total = expected_total  # the bill's total the customer saw
        self.shown_bill = shown_bill  # that bill's lines (None: not recorded)
        self.order_ids: set[int] = set()
        self.sent = 0  # POSTs sent with this key


@dataclass
class Tally:
    """Counters, one instance per run. Plain ints: the journey bumps them in its hot path."""

    customers: int = 0
    kinds: Counter[Kind] = field(default_factory=Counter)
    browsed_only: int = 0
    carts_abandoned: int = 0
    orders_abandoned: int = 0  # placed, never paid
    checkouts: int = 0
    double_clicks: int = 0
    retries: int = 0  # resends with the same key: lost answers, timeouts, in-progress
    replays: int = 0  # answers marked as replayed (Idempotent-Replayed / replayed=True)
    declines: int = 0  # payment keys that ended declined
    payment_timeouts: int = 0  # payment_unavailable answers
    second_tries: int = 0  # a new payment key after a decline or a timeout
    cancels: int = 0  # cancellations the customers asked for
    closed_mid_checkout: int = 0  # the restaurant closed before the customer finished
    cart_total_mismatches: int = 0  # a cart's item total that was not the sum of its lines
    coupons_applied: int = 0  # WELCOME50 accepted on the cart
    coupons_refused: int = 0  # 422 coupon_invalid: an unknown, expired or unmet coupon
    coupons_removed: int = 0  # taken off the cart again before checkout
    tips: int = 0  # carts given a rider's tip
    cart_mismatch_examples: list[str] = field(default_factory=list)
    unexpected: Counter[str] = field(default_factory=Counter)
    attempts: list[CheckoutAttempt] = field(default_factory=list)
    # order_id → payment ids that some answer showed as SUCCEEDED (the live audit's
    # view of charges; the memory audit also asks the gateway).
    succeeded_payments: dict[int, set[int]] = field(default_factory=dict)
    placed_at: list[float] = field(default_factory=list)  # seconds since the run began
    confirmed_at: list[float] = field(default_factory=list)

    def new_attempt(
        self, user_id: int, key: str, expected_total: int, shown_bill: BillLines | None = None
    ) -> CheckoutAttempt:
        attempt = CheckoutAttempt(user_id, key, expected_total, shown_bill)
        self.attempts.append(attempt)
        self.checkouts += 1
        return attempt

    def cart_mismatch(self, user_id: int, shown: int, expected: int, where: str = "cart") -> None:
        self.cart_total_mismatches += 1
        if len(self.cart_mismatch_examples) < 5:
            self.cart_mismatch_examples.append(
                f"customer {user_id}: {where} item total {shown} ≠ sum of its lines {expected}"
            )

    def saw_payment(self, order_id: int, payment_id: int) -> None:
        seen = self.succeeded_payments.get(order_id)
        if seen is None:
            self.succeeded_payments[order_id] = {payment_id}
        else:
            seen.add(payment_id)
