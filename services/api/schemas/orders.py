"""Orders, their payments and deliveries as the API shows them."""

from __future__ import annotations

import enum
from datetime import datetime, timedelta

from attrs import frozen

from food_core.model import (
    CancelReason,
    Delivery,
    DeliveryStatus,
    Order,
    OrderStatus,
    Payment,
    PaymentMode,
    PaymentStatus,
    RiderRef,
)
from food_core.search import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE
from food_core.usecases.accepting import MAX_PREP_MINUTES, MAX_REJECT_REASON, MIN_PREP_MINUTES
from services.api.schemas import fields as f
from services.api.schemas.addresses import AddressOut, address_out
from services.api.schemas.bill import BillOut, bill_out
from services.api.schemas.common import (
    INR,
    ChosenOptionOut,
    Currency,
    RestaurantRefOut,
    restaurant_ref_out,
)
from services.api.schemas.fields import MAX_ID


@frozen(kw_only=True)
class OrderItemOut:
    """A dish as it was priced when the order was placed (paise): ``price`` is the unit
    price, its options' included."""

    food_id: int
    food_name: str
    price: int
    quantity: int
    line_total: int
    is_veg: bool
    options: list[ChosenOptionOut]


@frozen(kw_only=True)
class CardSummaryOut:
    """All that is ever kept of a card."""

    brand: str
    last4: str


@frozen(kw_only=True)
class PaymentOut:
    """The attempt that stands for the order: the one that paid it, else the newest;
    ``amount`` in paise."""

    payment_id: int
    order_id: int
    payment_mode: PaymentMode
    amount: int
    currency: Currency
    payment_status: PaymentStatus
    failure_code: str | None
    card: CardSummaryOut | None
    created_at: datetime
    updated_at: datetime


@frozen(kw_only=True)
class RiderOut:
    """The rider carrying the order; the phone number masked (the last two digits show)."""

    rider_id: int
    rider_name: str
    phone_masked: str


@frozen(kw_only=True)
class DeliveryOut:
    delivery_id: int
    delivery_status: DeliveryStatus
    rider: RiderOut | None  # once dispatch assigned one
    assigned_at: datetime | None
    picked_up_at: datetime | None
    updated_at: datetime


@frozen(kw_only=True)
class OrderOut:
    """An order: price snapshots, status, where it goes, how it is paid (paise)."""

    order_id: int
    user_id: int
    restaurant: RestaurantRefOut
    items: list[OrderItemOut]
    # The bill it was placed with: what was paid, and what a cancellation refunds.
    bill: BillOut
    coupon_code: str | None
    total_amount: int
    currency: Currency
    order_status: OrderStatus
    payment_mode: PaymentMode
    delivery_address: AddressOut
    delivery: DeliveryOut | None
    payment: PaymentOut | None
    # Why it was cancelled: cancelled_by_customer, payment_not_completed; else null.
    cancel_reason: CancelReason | None
    cancel_note: str | None  # the restaurant's words when it rejected the order
    # While CONFIRMED: when the restaurant must have accepted it by (FOOD_PARTNER_ACCEPT_S
    # after confirmation); past it the order is cancelled and refunded.
    accept_by: datetime | None
    accepted_at: datetime | None
    prep_minutes: int | None  # how long the restaurant said the food takes
    ready_at: datetime | None  # when the kitchen said the food is ready
    # When it should arrive: from acceptance until delivered, recomputed at each step
    # (accepted, rider assigned, ready, picked up) from the kitchen's time and the rides.
    eta: datetime | None
    created_at: datetime
    updated_at: datetime


@frozen(kw_only=True)
class OrdersOut:
    orders: list[OrderOut]


@frozen(kw_only=True)
class PlaceOrderIn:
    """Order what the cart holds, delivered to one of your addresses."""

    address_id: int = f.identifier("One of your addresses")
    payment_mode: PaymentMode = f.described(  # noqa: RUF009 (an attrs field specifier)
        "COD orders are confirmed once the payments service records the cash promise"
    )
    expected_total: int | None = f.integer(
        0,
        MAX_ID,
        default=None,
        description=(
            "The total, in paise, you were shown; if the order would cost anything else "
            "now, 409 cart_changed lists what changed and nothing is ordered"
        ),
    )


@frozen(kw_only=True)
class OrdersQuery:
    limit: int = f.integer(1, MAX_PAGE_SIZE, default=DEFAULT_PAGE_SIZE)
    before: int | None = f.identifier(
        "Only orders older than this order_id (the last one of the previous page)",
        default=None,
    )


class PartnerStatus(enum.StrEnum):
    """The steps a restaurant partner moves an order through."""

    PREPARING = "PREPARING"
    OUT_FOR_DELIVERY = "OUT_FOR_DELIVERY"
    DELIVERED = "DELIVERED"


@frozen(kw_only=True)
class OrderStatusIn:
    order_status: PartnerStatus


@frozen(kw_only=True)
class AcceptIn:
    # Range documented here, checked by the core so the answer names the rule.
    prep_minutes: int = f.integer(
        MIN_PREP_MINUTES,
        MAX_PREP_MINUTES,
        core_checked=True,
        description="How long the food takes, in minutes",
    )


@frozen(kw_only=True)
class RejectIn:
    reason: str = f.text(MAX_REJECT_REASON, description="Why, as the customer is told")


def payment_out(payment: Payment) -> PaymentOut:
    card = payment.card
    return PaymentOut(
        payment_id=payment.payment_id,
        order_id=payment.order_id,
        payment_mode=payment.payment_mode,
        amount=payment.amount,
        currency=INR,
        payment_status=payment.payment_status,
        failure_code=payment.failure_code,
        card=CardSummaryOut(brand=card.brand, last4=card.last4) if card else None,
        created_at=payment.created_at,
        updated_at=payment.updated_at,
    )


def rider_out(rider: RiderRef) -> RiderOut:
    return RiderOut(
        rider_id=rider.rider_id, rider_name=rider.rider_name, phone_masked=rider.phone_masked
    )


def _delivery_out(delivery: Delivery) -> DeliveryOut:
    return DeliveryOut(
        delivery_id=delivery.delivery_id,
        delivery_status=delivery.delivery_status,
        rider=None if delivery.rider is None else rider_out(delivery.rider),
        assigned_at=delivery.assigned_at,
        picked_up_at=delivery.picked_up_at,
        updated_at=delivery.updated_at,
    )


def order_out(order: Order, accept_window: timedelta) -> OrderOut:
    """``accept_window``: how long a confirmed order waits for its restaurant (the
    setting ``FOOD_PARTNER_ACCEPT_S``)."""
    return OrderOut(
        order_id=order.order_id,
        user_id=order.user,
        restaurant=restaurant_ref_out(order.restaurant),
        items=[
            OrderItemOut(
                food_id=item.food_id,
                food_name=item.food_name,
                price=item.price,
                quantity=item.quantity,
                line_total=item.line_total,
                is_veg=item.is_veg,
                options=[
                    ChosenOptionOut(
                        option_id=o.option_id, option_name=o.option_name, price_delta=o.price_delta
                    )
                    for o in item.options
                ],
            )
            for item in order.items
        ],
        bill=bill_out(order.bill),
        coupon_code=None if order.coupon is None else order.coupon.code,
        total_amount=order.total_amount,
        currency=INR,
        order_status=order.order_status,
        payment_mode=order.payment_mode,
        delivery_address=address_out(order.delivery_address),
        delivery=_delivery_out(order.delivery) if order.delivery else None,
        payment=payment_out(order.payment) if order.payment else None,
        cancel_reason=order.cancel_reason,
        cancel_note=order.cancel_note,
        accept_by=order.acceptance_due(accept_window),
        accepted_at=order.accepted_at,
        prep_minutes=order.prep_minutes,
        ready_at=order.ready_at,
        eta=order.eta(),
        created_at=order.created_at,
        updated_at=order.updated_at,
    )


def orders_out(orders: list[Order], accept_window: timedelta) -> OrdersOut:
    return OrdersOut(orders=[order_out(o, accept_window) for o in orders])
