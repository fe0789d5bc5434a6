"""Orders: one aggregate holding the price snapshot of a cart, its delivery and every
payment attempt, moved through an explicit state machine.

Every change is a method returning the next value with ``version`` + 1, and the store
writes it with one compare-and-set on that version (docs/design.md §4): an attempt, its outcome
and what the outcome does to the order are one write, never two.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from attrs import Factory, evolve, field, frozen, validators

from food_core.errors import (
    CashNotCollected,
    FoodNotReady,
    InvalidTransition,
    NotFound,
    OrderAlreadyPaid,
)
from food_core.model.addresses import Address
from food_core.model.bill import Bill, BillCode
from food_core.model.catalog import RestaurantRef
from food_core.model.coupons import CouponUse
from food_core.model.delivery import Delivery
from food_core.model.geo import ride_minutes
from food_core.model.payments import Payment
from food_core.model.riders import RiderRef
from food_core.model.status import (
    CONFIRMED_STATUSES,
    ORDER_TRANSITIONS,
    PARTNER_STEPS,
    PAYABLE_STATUSES,
    CancelReason,
    DeliveryStatus,
    OrderStatus,
    PaymentMode,
    PaymentStatus,
    check_transition,
)


@frozen
class OrderOption:
    """An option of an ordered item, as it was named and priced at the time."""

    option_id: int
    option_name: str
    price_delta: int = field(validator=validators.ge(0))  # paise


def _item_options(item: OrderItem, _attribute: object, options: tuple[OrderOption, ...]) -> None:
    if sum(option.price_delta for option in options) >= item.price:
        raise ValueError("an item's price includes its options' and its own")


@frozen
class OrderItem:
    """A food item as it was priced when the order was placed: ``price`` is the unit
    price, the item's own plus its options'."""

    food_id: int
    food_name: str
    price: int = field(validator=validators.gt(0))  # paise
    quantity: int = field(validator=validators.gt(0))
    is_veg: bool
    options: tuple[OrderOption, ...] = field(default=(), validator=_item_options)

    @property
    def option_ids(self) -> tuple[int, ...]:
        return tuple(option.option_id for option in self.options)

    @property
    def label(self) -> str:
        """The item's name with its options: "Chicken Biryani (Full, Extra raita)"."""
        if not self.options:
            return self.food_name
        return f"{self.food_name} ({', '.join(o.option_name for o in self.options)})"

    @property
    def line_total(self) -> int:
        return self.price * self.quantity


def _items(_instance: object, _attribute: object, items: tuple[OrderItem, ...]) -> None:
    if not items:
        raise ValueError("an order has at least one item")


def _items_bill(items: tuple[OrderItem, ...]) -> Bill:
    return Bill.of_items(sum(item.line_total for item in items))


def _bill(instance: Order, _attribute: object, bill: Bill) -> None:
    if bill.amount_of(BillCode.ITEM_TOTAL) != sum(item.line_total for item in instance.items):
        raise ValueError("the bill's item total is not the order's items")
    if instance.coupon is None and bill.amount_of(BillCode.DISCOUNT):
        raise ValueError("a discount comes from a coupon")


def _attempts(instance: Order, _attribute: object, payments: tuple[Payment, ...]) -> None:
    keys: set[str] = set()
    for payment in payments:
        if payment.order_id != instance.order_id:
            raise ValueError("a payment attempt belongs to another order")
        if payment.amount != instance.total_amount:
            raise ValueError("a payment attempt's amount differs from the order total")
        if payment.idempotency_key in keys:
            raise ValueError(f"two attempts share the key {payment.idempotency_key!r}")
        keys.add(payment.idempotency_key)


def _paid_by(instance: Order, _attribute: object, paid_by: int | None) -> None:
    if paid_by is not None and all(p.payment_id != paid_by for p in instance.payments):
        raise ValueError("the attempt that paid the order is not one of its attempts")
    if instance.order_status in CONFIRMED_STATUSES and (
        paid_by is None or instance.delivery is None or instance.confirmed_at is None
    ):
        raise ValueError("a confirmed order has the attempt that paid it and a delivery")


@frozen
class Order:
    order_id: int
    user: int  # the customer's user_id
    restaurant: RestaurantRef
    items: tuple[OrderItem, ...] = field(validator=_items)
    order_status: OrderStatus
    payment_mode: PaymentMode
    delivery_address: Address
    idempotency_key: str
    request_fingerprint: str
    created_at: datetime
    updated_at: datetime
    # The version of the customer's cart this order was placed from: one order per version.
    cart_version: int = 0
    # The coupon it used (and the customer's use of it that it holds), before the bill:
    # the bill's discount comes from it.
    coupon: CouponUse | None = None
    # The bill it was placed with: its total is what the customer pays and is refunded.
    # Orders stored before bills existed have one of their items only.
    bill: Bill = field(
        default=Factory(lambda order: _items_bill(order.items), takes_self=True),
        validator=_bill,
    )
    delivery: Delivery | None = None
    # Every payment attempt, oldest first.
    payments: tuple[Payment, ...] = field(default=(), validator=_attempts)
    # When the order was first confirmed (it counts in the customer's total_orders).
    confirmed_at: datetime | None = None
    # The attempt that paid (or, for cash on delivery, promised) the order.
    paid_by: int | None = field(default=None, validator=_paid_by)
    cancel_reason: CancelReason | None = None
    # The restaurant's words when it rejected the order.
    cancel_note: str | None = None
    # When the restaurant accepted it, and the minutes it said the food takes (None: it
    # started preparing without saying).
    accepted_at: datetime | None = None
    prep_minutes: int | None = None
    # When the kitchen said the food is ready to be picked up.
    ready_at: datetime | None = None
    # How many changes the order has taken; the store compares and sets on it.
    version: int = 0
    currency: str = "INR"

    @property
    def total_amount(self) -> int:
        return self.bill.total_amount

    @property
    def coupon_claim(self) -> str | None:
        """The coupon use this order holds, as stores keep it unique per customer."""
        return None if self.coupon is None else self.coupon.claim

    # --- what the order says about its payments -------------------------------------

    @property
    def payment(self) -> Payment | None:
        """The attempt that stands for the order: the one that paid it, else the newest."""
        if self.paid_by is not None:
            return self.attempt(self.paid_by)
        return self.payments[-1] if self.payments else None

    def attempt(self, payment_id: int) -> Payment:
        for payment in self.payments:
            if payment.payment_id == payment_id:
                return payment
        raise KeyError(payment_id)

    def attempt_for_key(self, idempotency_key: str) -> Payment | None:
        for payment in self.payments:
            if payment.idempotency_key == idempotency_key:
                return payment
        return None

    @property
    def is_confirmed(self) -> bool:
        return self.order_status in CONFIRMED_STATUSES

    @property
    def is_payable(self) -> bool:
        return self.order_status in PAYABLE_STATUSES

    @property
    def is_settled_payment(self) -> bool:
        """True when money was taken (or, for COD, promised) and not given back."""
        payment = self.payment
        if payment is None or self.paid_by is None:
            return False
        if payment.payment_status is PaymentStatus.SUCCEEDED:
            return True
        return payment.payment_mode is PaymentMode.COD and self.is_confirmed

    @property
    def unresolved_attempts(self) -> tuple[Payment, ...]:
        """Attempts whose outcome is still to be found out: pending with no gateway
        record, or (cash on delivery recorded) on an order that is not confirmed. A COD
        attempt the gateway recorded stays PENDING until delivery: settled once the
        order is confirmed."""
        return tuple(
            p
            for p in self.payments
            if p.payment_status is PaymentStatus.PENDING
            and (p.gateway_reference is None or not self.is_confirmed)
        )

    @property
    def refunds_due(self) -> tuple[Payment, ...]:
        """Succeeded attempts to give back: all of them on a cancelled order, any but
        the paying one otherwise (a second charge that got through)."""
        return tuple(
            p
            for p in self.payments
            if p.payment_status is PaymentStatus.SUCCEEDED
            and (self.order_status is OrderStatus.CANCELLED or p.payment_id != self.paid_by)
        )

    @property
    def needs_attention(self) -> bool:
        """The reconciliation sweep has something to do here."""
        return bool(self.unresolved_attempts or self.refunds_due)

    # --- transitions -----------------------------------------------------------------

    def _next(self, now: datetime, **changes: object) -> Order:
        return evolve(self, updated_at=now, version=self.version + 1, **changes)  # type: ignore[arg-type]

    def _moved(self, status: OrderStatus, now: datetime, **changes: object) -> Order:
        check_transition(ORDER_TRANSITIONS, self.order_status, status, what="order_status")
        return self._next(now, order_status=status, **changes)

    def _with_attempt(self, payment: Payment) -> tuple[Payment, ...]:
        return tuple(payment if p.payment_id == payment.payment_id else p for p in self.payments)

    def attempt_started(self, payment: Payment, now: datetime) -> Order:
        """Record a new attempt (PENDING) before the gateway is asked to charge it."""
        if self.is_settled_payment:
            raise OrderAlreadyPaid(f"order {self.order_id} is already paid", field="order_id")
        if not self.is_payable:
            raise InvalidTransition(
                f"order {self.order_id} is {self.order_status.value} and cannot be paid",
                field="order_id",
            )
        if payment.payment_status is not PaymentStatus.PENDING:
            raise ValueError("a new attempt starts PENDING")
        if self.attempt_for_key(payment.idempotency_key) is not None:
            raise ValueError("this order already has an attempt with that key")
        return self._next(now, payments=(*self.payments, payment))

    def attempt_settled(self, settled: Payment, delivery_id: int, now: datetime) -> Order:
        """Record what became of an attempt (``settled`` is its next value) and what that
        does to the order: a success (or a COD the gateway recorded) confirms a payable
        order; a failure of its newest attempt moves it to PAYMENT_FAILED; a success on
        an order that is cancelled or already paid becomes a refund due."""
        if self.attempt(settled.payment_id).idempotency_key != settled.idempotency_key:
            raise ValueError("the settled attempt is another attempt")
        payments = self._with_attempt(settled)
        status = settled.payment_status
        confirms = status is PaymentStatus.SUCCEEDED or (
            settled.payment_mode is PaymentMode.COD
            and status is PaymentStatus.PENDING
            and settled.gateway_reference is not None
        )
        if confirms and self.is_payable:
            delivery = Delivery(delivery_id, self.delivery_address, DeliveryStatus.PENDING, now)
            return self._moved(
                OrderStatus.CONFIRMED,
                now,
                payments=payments,
                delivery=delivery,
                paid_by=settled.payment_id,
                confirmed_at=self.confirmed_at or now,
            )
        newest = self.payments[-1].payment_id == settled.payment_id
        if status is PaymentStatus.FAILED and self.is_payable and newest:
            return self._moved(OrderStatus.PAYMENT_FAILED, now, payments=payments)
        return self._next(now, payments=payments)

    def attempt_refused(self, payment_id: int, failure_code: str, now: datetime) -> Order:
        """The gateway refused the attempt outright (nothing was charged: bad details, or
        it holds a success for this order already): the attempt is closed, the order's
        status stays."""
        attempt = self.attempt(payment_id)
        if attempt.payment_status is not PaymentStatus.PENDING:
            return self
        refused = attempt.failed(now, failure_code=failure_code)
        return self._next(now, payments=self._with_attempt(refused))

    def attempt_refunded(self, payment_id: int, now: datetime) -> Order:
        refunded = self.attempt(payment_id).refunded(now)
        return self._next(now, payments=self._with_attempt(refunded))

    def cancelled(self, now: datetime, reason: CancelReason = CancelReason.BY_CUSTOMER) -> Order:
        """Cancel; a cash-on-delivery promise is voided in the same change, and succeeded
        attempts become refunds due."""
        delivery = self.delivery
        if delivery is not None:
            delivery = delivery.moved_to(DeliveryStatus.CANCELLED, now)
        payments = tuple(
            p.failed(now, failure_code="order_cancelled")
            if p.payment_mode is PaymentMode.COD and p.payment_status is PaymentStatus.PENDING
            else p
            for p in self.payments
        )
        coupon = None if self.coupon is None else self.coupon.release()
        return self._moved(
            OrderStatus.CANCELLED,
            now,
            delivery=delivery,
            payments=payments,
            cancel_reason=reason,
            coupon=coupon,
        )

    def acceptance_due(self, window: timedelta) -> datetime | None:
        """When the restaurant must have accepted it by: ``window`` after confirmation,
        while it waits for the restaurant (None otherwise)."""
        if self.order_status is not OrderStatus.CONFIRMED or self.confirmed_at is None:
            return None
        return self.confirmed_at + window

    def accepted(self, prep_minutes: int | None, now: datetime) -> Order:
        """The restaurant takes the order (CONFIRMED → PREPARING)."""
        if self.order_status is not OrderStatus.CONFIRMED:
            raise InvalidTransition(
                f"order {self.order_id} is {self.order_status.value}; only a confirmed order "
                "can be accepted",
                field="order_status",
            )
        moved = self.advanced(OrderStatus.PREPARING, now)
        return evolve(moved, prep_minutes=prep_minutes)

    def rejected(self, note: str, now: datetime) -> Order:
        """The restaurant turns the order down: cancelled, and refunds due."""
        if self.order_status is not OrderStatus.CONFIRMED:
            raise InvalidTransition(
                f"order {self.order_id} is {self.order_status.value}; only a confirmed order "
                "can be rejected",
                field="order_status",
            )
        return evolve(self.cancelled(now, CancelReason.REJECTED), cancel_note=note)

    def advanced(self, status: OrderStatus, now: datetime) -> Order:
        """The partner side: PREPARING → OUT_FOR_DELIVERY → DELIVERED. Delivering a cash
        order records its payment as succeeded in the same change."""
        if status not in PARTNER_STEPS:
            raise InvalidTransition(
                f"a restaurant can move an order to {', '.join(PARTNER_STEPS)} only, "
                f"not {status.value}",
                field="order_status",
            )
        check_transition(ORDER_TRANSITIONS, self.order_status, status, what="order_status")
        assert self.delivery is not None and self.paid_by is not None  # confirmed invariant
        delivery = self.delivery
        if delivery.delivery_status is not PARTNER_STEPS[status]:
            delivery = delivery.moved_to(PARTNER_STEPS[status], now)
        if status is OrderStatus.OUT_FOR_DELIVERY:
            delivery = evolve(delivery, picked_up_at=now)
        payments = self.payments
        paying = self.attempt(self.paid_by)
        if status is OrderStatus.DELIVERED and paying.payment_status is PaymentStatus.PENDING:
            collected = paying.succeeded(now, gateway_reference=paying.gateway_reference, card=None)
            payments = self._with_attempt(collected)
        accepted_at = now if status is OrderStatus.PREPARING else self.accepted_at
        return self._moved(
            status, now, delivery=delivery, payments=payments, accepted_at=accepted_at
        )

    # --- the kitchen, dispatch and the rider ----------------------------------------------

    @property
    def awaiting_rider(self) -> bool:
        """Accepted, and no rider carries it yet (dispatch's queue)."""
        return (
            self.order_status is OrderStatus.PREPARING
            and self.delivery is not None
            and self.delivery.delivery_status is DeliveryStatus.PENDING
        )

    @property
    def delivery_city(self) -> str | None:
        """The pincode of the city whose riders carry it, once accepting planned it."""
        return None if self.delivery is None else self.delivery.city_pincode

    @property
    def rider_id(self) -> int | None:
        rider = None if self.delivery is None else self.delivery.rider
        return None if rider is None else rider.rider_id

    def planned(self, city_pincode: str, drop_km: float, now: datetime) -> Order:
        """Where its riders come from and how far the door is (set when it is accepted)."""
        assert self.delivery is not None  # confirmed invariant
        return evolve(self, delivery=self.delivery.planned(city_pincode, drop_km, now))

    def food_ready(self, now: datetime) -> Order:
        """The kitchen has the food ready for the rider; saying it twice changes nothing."""
        if self.order_status is not OrderStatus.PREPARING:
            raise InvalidTransition(
                f"order {self.order_id} is {self.order_status.value}; only an order being "
                "prepared can be marked ready",
                field="order_status",
            )
        if self.ready_at is not None:
            return self
        return self._next(now, ready_at=now)

    def rider_assigned(self, rider: RiderRef, pickup_km: float, now: datetime) -> Order:
        """Dispatch hands it to ``rider``, ``pickup_km`` from the restaurant."""
        if not self.awaiting_rider:
            raise InvalidTransition(
                f"order {self.order_id} is not waiting for a rider", field="delivery_status"
            )
        assert self.delivery is not None
        delivery = self.delivery.moved_to(
            DeliveryStatus.ASSIGNED, now, rider=rider, assigned_at=now, pickup_km=pickup_km
        )
        return self._next(now, delivery=delivery)

    def _riders(self, rider_id: int) -> None:
        if self.rider_id != rider_id:
            raise NotFound(f"order {self.order_id} is not yours to deliver", field="order_id")

    def picked_up_by(self, rider_id: int, now: datetime) -> Order:
        """The rider has the food: PREPARING → OUT_FOR_DELIVERY, once the kitchen said
        it is ready."""
        self._riders(rider_id)
        if self.order_status is OrderStatus.OUT_FOR_DELIVERY:
            return self  # a second tap
        if self.order_status is OrderStatus.PREPARING and self.ready_at is None:
            raise FoodNotReady(
                f"the kitchen has not marked order {self.order_id} ready yet",
                field="order_id",
            )
        return self.advanced(OrderStatus.OUT_FOR_DELIVERY, now)

    def delivered_by(self, rider_id: int, cash_collected: bool, now: datetime) -> Order:
        """At the door: OUT_FOR_DELIVERY → DELIVERED. A cash order needs its cash, which
        settles its payment in the same change."""
        self._riders(rider_id)
        if self.order_status is OrderStatus.DELIVERED:
            return self
        if self.payment_mode is PaymentMode.COD and not cash_collected:
            raise CashNotCollected(
                f"order {self.order_id} is cash on delivery: collect "
                f"{self.total_amount / 100:.2f} {self.currency} first",
                field="cash_collected",
            )
        return self.advanced(OrderStatus.DELIVERED, now)

    def eta(self) -> datetime | None:
        """When it should reach the door, from what is known at its current step: the
        kitchen's time (or its "ready"), the rider's ride to the restaurant, and the ride
        from there (docs/design.md §4). None before acceptance and once it ends."""
        delivery = self.delivery
        if delivery is None or delivery.drop_km is None:
            return None
        drop = timedelta(minutes=ride_minutes(delivery.drop_km))
        if self.order_status is OrderStatus.OUT_FOR_DELIVERY:
            return (delivery.picked_up_at or self.updated_at) + drop
        if self.order_status is not OrderStatus.PREPARING or self.accepted_at is None:
            return None
        if self.ready_at is not None:
            leaves = self.ready_at
        elif self.prep_minutes is not None:
            leaves = self.accepted_at + timedelta(minutes=self.prep_minutes)
        else:
            return None
        if delivery.assigned_at is not None and delivery.pickup_km is not None:
            at_restaurant = delivery.assigned_at + timedelta(
                minutes=ride_minutes(delivery.pickup_km)
            )
            leaves = max(leaves, at_restaurant)
        return leaves + drop
