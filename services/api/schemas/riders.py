"""The rider's view: the job in hand and what the rider says of it."""

from __future__ import annotations

from datetime import datetime

from attrs import frozen

from food_core.model import DeliveryStatus, Order, OrderStatus, PaymentMode, Rider
from services.api.schemas import fields as f
from services.api.schemas.addresses import AddressOut, address_out
from services.api.schemas.common import INR, Currency, RestaurantRefOut, restaurant_ref_out


@frozen(kw_only=True)
class JobItemOut:
    label: str  # the dish with its options: "Chicken Biryani (Full)"
    quantity: int


@frozen(kw_only=True)
class RiderOrderOut:
    """What a rider needs of the order carried: where from, where to, what, and the cash
    to collect (paise; 0 unless cash on delivery)."""

    order_id: int
    restaurant: RestaurantRefOut
    items: list[JobItemOut]
    delivery_address: AddressOut
    order_status: OrderStatus
    delivery_status: DeliveryStatus
    ready_at: datetime | None
    cash_to_collect: int
    currency: Currency
    eta: datetime | None


@frozen(kw_only=True)
class RiderJobOut:
    rider_id: int
    rider_name: str
    city_pincode: str
    order: RiderOrderOut | None  # None: free, waiting for an order


@frozen(kw_only=True)
class DeliveredIn:
    cash_collected: bool = f.described(
        "For a cash-on-delivery order: the customer paid the rider (required to deliver it)",
        default=False,
    )


def _rider_order_out(order: Order) -> RiderOrderOut:
    assert order.delivery is not None  # a rider's order is confirmed
    cash = order.total_amount if order.payment_mode is PaymentMode.COD else 0
    return RiderOrderOut(
        order_id=order.order_id,
        restaurant=restaurant_ref_out(order.restaurant),
        items=[JobItemOut(label=item.label, quantity=item.quantity) for item in order.items],
        delivery_address=address_out(order.delivery_address),
        order_status=order.order_status,
        delivery_status=order.delivery.delivery_status,
        ready_at=order.ready_at,
        cash_to_collect=cash,
        currency=INR,
        eta=order.eta(),
    )


def rider_job_out(rider: Rider, order: Order | None) -> RiderJobOut:
    return RiderJobOut(
        rider_id=rider.rider_id,
        rider_name=rider.rider_name,
        city_pincode=rider.city_pincode,
        order=None if order is None else _rider_order_out(order),
    )
