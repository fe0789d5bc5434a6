"""Orders: price snapshots of a cart, moved through an explicit state machine."""

from __future__ import annotations

from datetime import datetime
from functools import cached_property

from attrs import evolve, field, frozen, validators

from food_core.errors import InvalidTransition
from food_core.model.addresses import Address
from food_core.model.catalog import RestaurantRef
from food_core.model.delivery import Delivery
from food_core.model.payments import Payment
from food_core.model.status import (
    ORDER_TRANSITIONS,
    DeliveryStatus,
    OrderStatus,
    PaymentMode,
    PaymentStatus,
    check_transition,
)

# Statuses after which the order has been confirmed (and counted in total_orders).
CONFIRMED_STATUSES = frozenset(
    {
        OrderStatus.CONFIRMED,
        OrderStatus.PREPARING,
        OrderStatus.OUT_FOR_DELIVERY,
        OrderStatus.DELIVERED,
    }
)
# The partner side's path, and what the delivery does at each step.
PARTNER_STEPS: dict[OrderStatus, DeliveryStatus] = {
    OrderStatus.PREPARING: DeliveryStatus.ASSIGNED,
    OrderStatus.OUT_FOR_DELIVERY: DeliveryStatus.PICKED_UP,
    OrderStatus.DELIVERED: DeliveryStatus.DELIVERED,
}


@frozen
class OrderItem:
    """A food item as it was priced when the order was placed."""

    food_id: int
    food_name: str
    price: int = field(validator=validators.gt(0))  # paise
    quantity: int = field(validator=validators.gt(0))
    is_veg: bool

    @property
    def line_total(self) -> int:
        return self.price * self.quantity


def _items(_instance: object, _attribute: object, items: tuple[OrderItem, ...]) -> None:
    if not items:
        raise ValueError("an order has at least one item")


def _consistent(instance: Order, _attribute: object, payment: Payment | None) -> None:
    if payment is not None:
        if payment.order_id != instance.order_id:
            raise ValueError("the payment belongs to another order")
        if payment.amount != instance.total_amount:
            raise ValueError("the payment amount differs from the order total")
    if instance.order_status in CONFIRMED_STATUSES and (
        payment is None or instance.delivery is None
    ):
        raise ValueError("a confirmed order has a payment and a delivery")


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
    delivery: Delivery | None = None
    # The latest payment attempt; every attempt is also kept by the payments port.
    payment: Payment | None = field(default=None, validator=_consistent)
    currency: str = "INR"

    @cached_property  # items never change: computed once per order value
    def total_amount(self) -> int:
        return sum([item.price * item.quantity for item in self.items])

    @property
    def is_confirmed(self) -> bool:
        return self.order_status in CONFIRMED_STATUSES

    @property
    def is_settled_payment(self) -> bool:
        """True when money was taken (or, for COD, promised) and not given back."""
        payment = self.payment
        if payment is None:
            return False
        if payment.payment_status is PaymentStatus.SUCCEEDED:
            return True
        return payment.payment_mode is PaymentMode.COD and self.is_confirmed

    def _moved(self, status: OrderStatus, now: datetime, **changes: object) -> Order:
        check_transition(ORDER_TRANSITIONS, self.order_status, status, what="order_status")
        return evolve(self, order_status=status, updated_at=now, **changes)  # type: ignore[arg-type]

    def confirmed(self, payment: Payment, delivery_id: int, now: datetime) -> Order:
        """The confirming transition: the payment succeeded (or is cash on delivery)."""
        acceptable = payment.payment_status is PaymentStatus.SUCCEEDED or (
            payment.payment_mode is PaymentMode.COD
            and payment.payment_status is PaymentStatus.PENDING
        )
        if not acceptable:
            raise ValueError("only a succeeded payment (or cash on delivery) confirms an order")
        delivery = Delivery(delivery_id, self.delivery_address, DeliveryStatus.PENDING, now)
        return self._moved(OrderStatus.CONFIRMED, now, payment=payment, delivery=delivery)

    def payment_failed(self, payment: Payment, now: datetime) -> Order:
        if payment.payment_status is not PaymentStatus.FAILED:
            raise ValueError("payment_failed needs a failed payment")
        return self._moved(OrderStatus.PAYMENT_FAILED, now, payment=payment)

    def with_payment(self, payment: Payment, now: datetime) -> Order:
        """Record a payment change that moves no order status (attempt, refund)."""
        return evolve(self, payment=payment, updated_at=now)

    def cancelled(self, now: datetime) -> Order:
        delivery = self.delivery
        if delivery is not None:
            delivery = delivery.moved_to(DeliveryStatus.CANCELLED, now)
        return self._moved(OrderStatus.CANCELLED, now, delivery=delivery)

    def advanced(self, status: OrderStatus, now: datetime) -> Order:
        """The partner side: PREPARING → OUT_FOR_DELIVERY → DELIVERED."""
        if status not in PARTNER_STEPS:
            raise InvalidTransition(
                f"a restaurant can move an order to {', '.join(PARTNER_STEPS)} only, "
                f"not {status.value}",
                field="order_status",
            )
        check_transition(ORDER_TRANSITIONS, self.order_status, status, what="order_status")
        assert self.delivery is not None and self.payment is not None  # confirmed invariant
        delivery = self.delivery.moved_to(PARTNER_STEPS[status], now)
        payment = self.payment
        if status is OrderStatus.DELIVERED and payment.payment_status is PaymentStatus.PENDING:
            payment = payment.succeeded(now, gateway_reference=payment.gateway_reference, card=None)
        return evolve(self, order_status=status, updated_at=now, delivery=delivery, payment=payment)
