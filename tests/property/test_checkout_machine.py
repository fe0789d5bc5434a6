"""A state machine over the whole checkout: signup, cart edits, placing, paying,
cancelling and reconciling, with repeated, mismatched and interleaved idempotency keys
and random gateway outcomes including lost answers. The duplicate-order and
double-charge rules are checked after every step."""

from __future__ import annotations

import contextlib
from datetime import timedelta

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
)

from adapters.memory import Fault
from food_core.errors import DomainError
from food_core.model import (
    CONFIRMED_STATUSES,
    Bill,
    BillCode,
    CardDetails,
    Coupon,
    CouponKind,
    OrderStatus,
    PaymentMode,
    PaymentStatus,
    UpiDetails,
)
from food_core.ports import ChargeRequest
from food_core.usecases import (
    apply_coupon,
    cancel_order,
    get_order,
    pay_order,
    place_order,
    reconcile_pending,
    remove_coupon,
    set_cart_quantity,
    set_tip,
    view_cart,
)
from tests.builders import make_world

WELCOME = Coupon(
    "WELCOME50", "50% off up to ₹100 on a first order", CouponKind.PERCENT, 50,
    min_item_total=14_900, max_discount=10_000, first_order_only=True,
)  # fmt: skip
FEAST = Coupon("FEAST100", "₹100 off", CouponKind.FLAT, 10_000, uses_per_customer=2)
# A charge that took money (a refund keeps the amount it gave back).
TAKEN = (PaymentStatus.SUCCEEDED, PaymentStatus.REFUNDED)
KEYS = st.sampled_from([f"client-key-{n:02d}" for n in range(4)])
GOOD_CARD = CardDetails("4242424242424242", 12, 2031, "123")
CARDS = st.sampled_from(
    [
        GOOD_CARD,
        GOOD_CARD,
        GOOD_CARD,
        CardDetails("4000000000000002", 12, 2031, "123"),
        CardDetails("4000000000009995", 12, 2031, "123"),
        CardDetails("4242424242424241", 12, 2031, "123"),  # fails Luhn
    ]
)
FAULTS = st.sampled_from([None, None, Fault.UNAVAILABLE, Fault.TIMEOUT_AFTER_CHARGE])
MODES = st.sampled_from([PaymentMode.CARD, PaymentMode.CARD, PaymentMode.UPI, PaymentMode.COD])


class CheckoutMachine(RuleBasedStateMachine):
    users = Bundle("users")
    orders = Bundle("orders")

    def __init__(self) -> None:
        super().__init__()
        self.fault: Fault | None = None
        self.world = make_world(fault=self._fault)
        self.signed_up = 0
        # (user_id, key) → order_id, as first answered: a key must always mean that order.
        self.order_for_key: dict[tuple[int, str], int] = {}
        # order_id → its bill as first answered: a replay must answer the identical bill.
        self.bill_of: dict[int, Bill] = {}
        self.world.ports.catalog.add_coupons([WELCOME, FEAST])

    def _fault(self, _request: ChargeRequest) -> Fault | None:
        return self.fault

    @rule(target=users)
    def signup(self) -> int:
        self.signed_up += 1
        user = self.world.customer(self.signed_up)
        self.world.address(user)
        set_cart_quantity(self.world.ports, user.user_id, 11, 1)
        return user.user_id

    @rule(user=users, food_id=st.sampled_from([11, 12, 13, 21]), quantity=st.integers(0, 4))
    def edit_cart(self, user: int, food_id: int, quantity: int) -> None:
        with contextlib.suppress(DomainError):
            set_cart_quantity(self.world.ports, user, food_id, quantity, replace_cart=True)

    @rule(user=users, code=st.sampled_from(["WELCOME50", "FEAST100", "NOSUCH"]))
    def apply_coupon(self, user: int, code: str) -> None:
        with contextlib.suppress(DomainError):
            apply_coupon(self.world.ports, user, code)

    @rule(user=users)
    def remove_coupon(self, user: int) -> None:
        with contextlib.suppress(DomainError):
            remove_coupon(self.world.ports, user)

    @rule(user=users, amount=st.sampled_from([0, 2_000, 3_000, 5_000]))
    def tip(self, user: int, amount: int) -> None:
        with contextlib.suppress(DomainError):
            set_tip(self.world.ports, user, amount)

    @rule(target=orders, user=users, key=KEYS, mode=MODES, fault=FAULTS)
    def place(self, user: int, key: str, mode: PaymentMode, fault: Fault | None) -> tuple[int, int]:
        self.fault = fault
        if self.world.ports.carts.get(user) is None or view_cart(self.world.ports, user).is_empty:
            set_cart_quantity(self.world.ports, user, 12, 2)  # most attempts should get through
        address_id = self.world.ports.addresses.list_for_user(user)[0].address_id
        try:
            placed = place_order(
                self.world.ports,
                user,
                idempotency_key=key,
                address_id=address_id,
                payment_mode=mode,
            )
        except DomainError:
            return (user, 0)
        finally:
            self.fault = None
        order = placed.order
        if order.idempotency_key == key:
            known = self.order_for_key.setdefault((user, key), order.order_id)
            assert known == order.order_id
        else:
            # Another key's order: this cart was placed already, and that is the answer.
            assert placed.replayed
            assert self.order_for_key[(user, order.idempotency_key)] == order.order_id
        assert self.bill_of.setdefault(order.order_id, order.bill) == order.bill
        return (user, order.order_id)

    @rule(
        order=orders,
        key=KEYS,
        card=CARDS,
        fault=FAULTS,
        upi=st.sampled_from([False, False, False, True]),
    )
    def pay(
        self, order: tuple[int, int], key: str, card: CardDetails, fault: Fault | None, upi: bool
    ) -> None:
        user, order_id = order
        if not order_id:
            return
        self.fault = fault
        try:
            if upi:
                pay_order(
                    self.world.ports,
                    user,
                    order_id,
                    idempotency_key=key,
                    payment_mode=PaymentMode.UPI,
                    upi=UpiDetails("fail@upi"),
                )
            else:
                pay_order(
                    self.world.ports,
                    user,
                    order_id,
                    idempotency_key=key,
                    payment_mode=PaymentMode.CARD,
                    card=card,
                )
        except DomainError:
            pass
        finally:
            self.fault = None

    @rule(order=orders)
    def cancel(self, order: tuple[int, int]) -> None:
        user, order_id = order
        if order_id:
            with contextlib.suppress(DomainError):
                cancel_order(self.world.ports, user, order_id)

    @rule(order=orders)
    def look(self, order: tuple[int, int]) -> None:
        user, order_id = order
        if order_id:
            get_order(self.world.ports, user, order_id)

    @rule(minutes=st.integers(0, 3))
    def sweep(self, minutes: int) -> None:
        self.world.clock.advance(timedelta(minutes=minutes))
        reconcile_pending(self.world.ports, older_than=timedelta(0))

    @precondition(lambda self: self.signed_up > 0)
    @rule()
    def settle_everything(self) -> None:
        """With the gateway healthy and time passed, nothing may stay unsettled."""
        self.world.clock.advance(timedelta(minutes=5))
        reconcile_pending(self.world.ports, older_than=timedelta(0), limit=10_000)
        charges = {
            p.reference: p
            for order in self.world.store.orders.values()
            for p in self.world.gateway.payments_for_order(order.order_id)
        }
        for order in self.world.store.orders.values():
            held = [
                p
                for p in charges.values()
                if p.order_id == order.order_id and p.payment_status is PaymentStatus.SUCCEEDED
            ]
            if order.order_status is OrderStatus.CANCELLED:
                assert held == [], "a cancelled order still holds money"
            elif held:
                assert order.order_status in CONFIRMED_STATUSES, "paid but not confirmed"
                assert order.payment is not None
                assert order.payment.gateway_reference == held[0].reference
        for order in self.world.store.orders.values():
            assert not order.unresolved_attempts, "an attempt of unknown outcome is left"
            assert not order.refunds_due, "a refund is still due"
        assert self.world.ports.orders.list_needing_attention(10_000) == []

    @invariant()
    def one_order_per_user_and_key(self) -> None:
        keys = [(o.user, o.idempotency_key) for o in self.world.store.orders.values()]
        assert len(keys) == len(set(keys))
        for (user, key), order_id in self.order_for_key.items():
            stored = self.world.ports.orders.get_by_key(user, key)
            assert stored is not None and stored.order_id == order_id

    @invariant()
    def one_order_per_cart_version(self) -> None:
        versions = [(o.user, o.cart_version) for o in self.world.store.orders.values()]
        assert len(versions) == len(set(versions))

    @invariant()
    def at_most_one_successful_charge_per_order(self) -> None:
        assert all(n <= 1 for n in self.world.gateway.successful_charges().values())
        for order in self.world.store.orders.values():
            taken = [
                p
                for p in order.payments
                if p.payment_status in (PaymentStatus.SUCCEEDED, PaymentStatus.REFUNDED)
                and p.payment_mode is not PaymentMode.COD
            ]
            assert len(taken) <= 1

    @invariant()
    def total_orders_counts_each_confirmed_order_once(self) -> None:
        ever_confirmed: dict[int, int] = {}
        for order in self.world.store.orders.values():
            if order.delivery is not None:  # a delivery exists exactly from confirmation on
                ever_confirmed[order.user] = ever_confirmed.get(order.user, 0) + 1
        for user_id in self.world.store.users:
            user = self.world.ports.users.get(user_id)
            assert user is not None
            assert user.total_orders == ever_confirmed.get(user_id, 0)

    @invariant()
    def order_totals_are_the_sum_of_their_lines(self) -> None:
        for order in self.world.store.orders.values():
            assert order.bill.amount_of(BillCode.ITEM_TOTAL) == sum(
                i.price * i.quantity for i in order.items
            )
            assert order.total_amount == sum(line.amount for line in order.bill.lines)
            if order.payment is not None:
                assert order.payment.amount == order.total_amount

    @invariant()
    def refunds_never_exceed_what_was_paid(self) -> None:
        for order in self.world.store.orders.values():
            charges = self.world.gateway.payments_for_order(order.order_id)
            taken = [p.amount for p in charges if p.payment_status in TAKEN]
            refunded = [p.amount for p in charges if p.payment_status is PaymentStatus.REFUNDED]
            assert sum(refunded) <= sum(taken) <= order.total_amount

    @invariant()
    def each_coupon_use_is_held_once_and_within_its_limit(self) -> None:
        held: dict[tuple[int, str], list[int]] = {}
        for order in self.world.store.orders.values():
            if order.coupon is not None and not order.coupon.released:
                held.setdefault((order.user, order.coupon.code), []).append(order.coupon.slot)
                assert order.order_status is not OrderStatus.CANCELLED
        limits = {WELCOME.code: WELCOME.uses_per_customer, FEAST.code: FEAST.uses_per_customer}
        for (_user, code), slots in held.items():
            assert len(slots) == len(set(slots)) <= limits[code]


CheckoutMachine.TestCase.settings = settings(
    max_examples=300, stateful_step_count=50, deadline=None
)
TestCheckoutMachine = CheckoutMachine.TestCase
