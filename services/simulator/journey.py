"""One customer's journey: signup → city → search → menu → cart → address → order → pay.

A journey is a generator that yields think times (seconds) between steps. The memory
world schedules those on a simulated clock, interleaving thousands of customers; the
live runner simply ignores them (the HTTP round trips are the pauses). Every choice is
drawn from the customer's own seeded ``random.Random``, so a customer's plan does not
depend on how journeys interleave: the same seed gives the same customers in both modes.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Generator

from food_core.model import PaymentMode
from services.simulator.config import Kind, SimConfig
from services.simulator.ledger import CheckoutAttempt, Tally
from services.simulator.shop import (
    COUPON_INVALID,
    DECLINING_CARDS,
    DECLINING_VPA,
    GOOD_CARD,
    GOOD_VPA,
    PAYMENT_DECLINED,
    PAYMENT_UNAVAILABLE,
    REQUEST_IN_PROGRESS,
    RESTAURANT_CLOSED,
    Card,
    Fault,
    Paid,
    Placed,
    Session,
    Shop,
    ShopError,
)

Journey = Generator[float, None, None]

SORTS = ("rating", "name", "delivery_time")
PENDING = "PENDING_PAYMENT"
CONFIRMED = "CONFIRMED"
SUCCEEDED = "SUCCEEDED"
# A double click's second request can arrive while the first still runs (409
# request_in_progress); a client waits briefly and asks again, a bounded number of times.
IN_PROGRESS_TRIES = 5
# The coupon a new customer types (first order, item total from ₹149), and codes that
# do not apply — one that is not valid at the run's date (the monsoon sale: not started
# on the simulated clock, over on the real one) and one that does not exist: 422
# coupon_invalid, and the customer checks out without.
WELCOME = "WELCOME50"
INVALID_COUPONS = ("MONSOON30", "FREEFOOD")
COUPON_REFUSED_BESIDE_ORDER = "coupon_invalid_beside_its_order"
TIPS = (2_000, 3_000, 5_000)  # ₹20, ₹30, ₹50 in paise
MODES = {Kind.CARD: PaymentMode.CARD, Kind.UPI: PaymentMode.UPI, Kind.COD: PaymentMode.COD}


def customer_rng(seed: int, index: int) -> random.Random:
    """Independent, reproducible draws per customer (int seeding is the cheap path)."""
    return random.Random(seed * 1_000_003 + index)


def draw_kind(rng: random.Random, bounds: list[tuple[float, Kind]]) -> Kind:
    u = rng.random()
    for bound, kind in bounds:
        if u < bound:
            return kind
    return bounds[-1][1]


class Customer:
    """The state and helpers of one journey. ``run`` is the generator."""

    __slots__ = ("cfg", "index", "now", "rng", "s", "shop", "tally")

    def __init__(
        self,
        index: int,
        shop: Shop,
        cfg: SimConfig,
        tally: Tally,
        now: Callable[[], float],
    ) -> None:
        self.index = index
        self.shop = shop
        self.cfg = cfg
        self.tally = tally
        self.now = now
        self.rng = customer_rng(cfg.seed, index)
        self.s = Session(0, "")

    def think(self, mean_s: float) -> float:
        return self.rng.expovariate(1.0 / mean_s)

    def run(self, bounds: list[tuple[float, Kind]]) -> Journey:
        tally = self.tally
        kind = draw_kind(self.rng, bounds)
        tally.customers += 1
        tally.kinds[kind] += 1
        try:
            yield from self._shop_around(kind)
        except ShopError as error:
            if error.code == RESTAURANT_CLOSED:  # it closed while they chose: they leave
                tally.closed_mid_checkout += 1
                return
            # Anything a journey does not handle by design ends it, visibly counted.
            tally.unexpected[error.code] += 1

    def _shop_around(self, kind: Kind) -> Journey:
        rng, shop, tally = self.rng, self.shop, self.tally
        self.s = s = shop.signup(self.index)
        yield self.think(20)
        cities = shop.cities(s)
        pincode, city_name = cities[int(rng.random() * len(cities))]
        yield self.think(3)
        veg_only = rng.random() < 0.2
        ids = shop.search(s, pincode, veg_only=veg_only, sort=SORTS[int(rng.random() * 3)])
        if not ids:
            ids = shop.search(s, pincode, veg_only=False, sort="rating")
        if not ids:  # not so with the demo catalog; another catalog may have empty cities
            tally.unexpected["empty_search"] += 1
            return
        yield self.think(8)
        # Customers mostly open one of the first results.
        menu = shop.menu(s, ids[int(rng.random() ** 2 * len(ids))])
        if kind is Kind.BROWSE:
            if rng.random() < 0.5:
                yield self.think(10)
                shop.menu(s, ids[int(rng.random() * len(ids))])
            tally.browsed_only += 1
            return
        available = [d for d in menu if d.availability and not d.needs_choice]
        if not available:
            tally.unexpected["empty_menu"] += 1
            return
        yield self.think(15)
        lines: dict[int, tuple[int, int]] = {}  # food_id → (price, quantity)
        total = 0
        for _ in range(1 + int(rng.random() * 4)):
            dish = available[int(rng.random() * len(available))]
            quantity = lines.get(dish.food_id, (0, 0))[1] + 1 + int(rng.random() * 3)
            total = shop.set_quantity(s, dish.food_id, quantity)
            lines[dish.food_id] = (dish.price, quantity)
            yield self.think(6)
        if len(lines) > 1 and rng.random() < 0.25:  # changes their mind about one line
            food_id = next(iter(lines))
            total = shop.set_quantity(s, food_id, 0)
            del lines[food_id]
            yield self.think(4)
        expected = sum(price * quantity for price, quantity in lines.values())
        if total != expected:
            tally.cart_mismatch(s.user_id, total, expected)
        if kind is Kind.ABANDON and rng.random() < 0.7:
            tally.carts_abandoned += 1
            return
        if rng.random() < self.cfg.rates.coupon:
            yield from self._coupon()
        if rng.random() < self.cfg.rates.tip:
            shop.set_tip(s, TIPS[int(rng.random() * len(TIPS))])
            tally.tips += 1
            yield self.think(3)
        address_id = shop.add_address(s, self.index, city_name, pincode)
        yield self.think(20)
        mode = MODES.get(kind, PaymentMode.CARD)
        # The checkout page: the bill the customer agrees to pay, sent as expected_total.
        bill = shop.view_cart(s)
        if bill.item_total != expected:
            tally.cart_mismatch(s.user_id, bill.item_total, expected, "checkout bill's")
        attempt = tally.new_attempt(
            s.user_id, f"sim-{self.index:08d}-order", bill.total_amount, bill.lines
        )
        cod_fault = mode is PaymentMode.COD and kind is not Kind.ABANDON
        if cod_fault and rng.random() < self.cfg.rates.timeout:
            shop.arm_fault(Fault(lost_after_charge=rng.random() < 0.5))
        placed = yield from self._place(attempt, address_id, mode)
        if placed is None:
            return
        if kind is Kind.ABANDON:
            tally.orders_abandoned += 1
            return
        if mode is PaymentMode.COD:
            status = placed.order_status
            if status == PENDING:  # the gateway did not answer: look again later
                tally.payment_timeouts += 1
                yield self.think(60)
                status = shop.order_status(s, placed.order_id)
        else:
            status = yield from self._pay(placed.order_id, mode)
        if status == CONFIRMED:
            tally.confirmed_at.append(self.now())
            if rng.random() < self.cfg.rates.cancel:
                yield self.think(60)
                shop.cancel(s, placed.order_id)
                tally.cancels += 1

    def _coupon(self) -> Journey:
        """Type a coupon code: mostly WELCOME50 (refused below its minimum), sometimes one
        that does not apply (refused: the customer carries on without); a few take an
        applied coupon off again."""
        rng, shop, tally, s = self.rng, self.shop, self.tally, self.s
        invalid = rng.random() < 0.2
        code = INVALID_COUPONS[int(rng.random() * 2)] if invalid else WELCOME
        try:
            shop.apply_coupon(s, code)
        except ShopError as error:
            if error.code != COUPON_INVALID:
                raise
            tally.coupons_refused += 1
            yield self.think(5)
            return
        if invalid:  # a code that never applies was accepted
            tally.unexpected[f"coupon_accepted_{code}"] += 1
        tally.coupons_applied += 1
        yield self.think(4)
        if rng.random() < 0.1:
            shop.remove_coupon(s)
            tally.coupons_removed += 1
            yield self.think(3)

    def _place(
        self, attempt: CheckoutAttempt, address_id: int, mode: PaymentMode
    ) -> Generator[float, None, Placed | None]:
        rng, shop, tally, s = self.rng, self.shop, self.tally, self.s
        twice = rng.random() < self.cfg.rates.double_click
        lost = not twice and rng.random() < self.cfg.rates.retry
        if twice:
            tally.double_clicks += 1
        total = attempt.expected_total
        answers = shop.place_order(
            s, attempt.key, address_id, mode, twice=twice, expected_total=total
        )
        attempt.sent += len(answers)
        if lost:  # the answer never reached the customer: the web app resends, same key
            tally.retries += 1
            yield self.think(2)
            answers += shop.place_order(
                s, attempt.key, address_id, mode, twice=False, expected_total=total
            )
            attempt.sent += 1
        for _ in range(IN_PROGRESS_TRIES):
            if not any(_in_progress(a) for a in answers) or any(
                isinstance(a, Placed) for a in answers
            ):
                break
            tally.retries += 1
            yield 0.2
            answers += shop.place_order(
                s, attempt.key, address_id, mode, twice=False, expected_total=total
            )
            attempt.sent += 1
        placed: Placed | None = None
        for answer in answers:
            if isinstance(answer, Placed):
                if not attempt.order_ids:
                    tally.placed_at.append(self.now())
                attempt.order_ids.add(answer.order_id)
                if answer.replayed:
                    tally.replays += 1
                placed = placed or answer
            elif answer.code == RESTAURANT_CLOSED:
                tally.closed_mid_checkout += 1
            elif answer.code == COUPON_INVALID and any(isinstance(a, Placed) for a in answers):
                # A click of this checkout was answered with the order, this one (the same
                # key) with 422 used_up, its coupon being held by that very order: no
                # replay, a known race of the core's placement (live double clicks).
                tally.unexpected[COUPON_REFUSED_BESIDE_ORDER] += 1
            elif not _in_progress(answer):
                tally.unexpected[answer.code] += 1
        return placed

    def _pay(self, order_id: int, mode: PaymentMode) -> Generator[float, None, str]:
        """Pay as a customer would; returns the order status they end up seeing."""
        rng, tally, rates = self.rng, self.tally, self.cfg.rates
        yield self.think(15)
        card, vpa = _details(mode, good=True)
        if rng.random() < rates.decline:
            card, vpa = _details(mode, good=False, pick=int(rng.random() * 2))
        elif rng.random() < rates.timeout:
            self.shop.arm_fault(Fault(lost_after_charge=rng.random() < 0.5))
        answer = yield from self._pay_once(order_id, "pay1", mode, card, vpa)
        if isinstance(answer, Paid):
            return answer.order_status
        if answer.code == PAYMENT_DECLINED:
            tally.declines += 1
            if rng.random() >= 0.7:
                return "PAYMENT_FAILED"  # gives up
            tally.second_tries += 1
            yield self.think(20)
            card, vpa = _details(mode, good=True)
            answer = yield from self._pay_once(order_id, "pay2", mode, card, vpa)
        elif answer.code == PAYMENT_UNAVAILABLE:
            tally.payment_timeouts += 1
            choice = rng.random()
            if choice < 0.5:  # "try again": the same request, the same key
                tally.retries += 1
                yield self.think(10)
                answer = yield from self._pay_once(order_id, "pay1", mode, card, vpa)
            elif choice < 0.8:  # looks at the order later (reconciles on read)
                yield self.think(180)
                return self.shop.order_status(self.s, order_id)
            else:
                return PENDING  # walks away; the final sweep settles it
        if isinstance(answer, Paid):
            return answer.order_status
        if answer.code == PAYMENT_DECLINED:
            tally.declines += 1
        elif answer.code == PAYMENT_UNAVAILABLE:
            tally.payment_timeouts += 1
        else:
            tally.unexpected[answer.code] += 1
        return PENDING

    def _pay_once(
        self, order_id: int, suffix: str, mode: PaymentMode, card: Card | None, vpa: str | None
    ) -> Generator[float, None, Paid | ShopError]:
        """One payment key: maybe double-clicked or resent after a lost answer."""
        rng, shop, tally, s = self.rng, self.shop, self.tally, self.s
        key = f"sim-{self.index:08d}-{suffix}"
        twice = rng.random() < self.cfg.rates.double_click
        lost = not twice and rng.random() < self.cfg.rates.retry
        if twice:
            tally.double_clicks += 1
        answers = shop.pay(s, order_id, key, mode, card, vpa, twice=twice)
        if lost:
            tally.retries += 1
            yield self.think(2)
            answers += shop.pay(s, order_id, key, mode, card, vpa, twice=False)
        for _ in range(IN_PROGRESS_TRIES):
            if not any(_in_progress(a) for a in answers) or any(
                isinstance(a, Paid) for a in answers
            ):
                break
            tally.retries += 1
            yield 0.2
            answers += shop.pay(s, order_id, key, mode, card, vpa, twice=False)
        paid: Paid | None = None
        refused: ShopError | None = None
        for answer in answers:
            if isinstance(answer, Paid):
                if answer.replayed:
                    tally.replays += 1
                if answer.payment_status == SUCCEEDED:
                    tally.saw_payment(order_id, answer.payment_id)
                paid = paid or answer
            elif refused is None or _in_progress(refused):
                refused = answer
        if paid is not None:
            return paid
        assert refused is not None  # every send has an answer
        return refused


def _in_progress(answer: object) -> bool:
    return isinstance(answer, ShopError) and answer.code == REQUEST_IN_PROGRESS


def _details(mode: PaymentMode, *, good: bool, pick: int = 0) -> tuple[Card | None, str | None]:
    if mode is PaymentMode.UPI:
        return None, GOOD_VPA if good else DECLINING_VPA
    return (GOOD_CARD if good else DECLINING_CARDS[pick]), None
