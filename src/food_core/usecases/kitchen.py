"""The partner's restaurant: its menu (a dish's availability and price) and its day."""

from __future__ import annotations

from datetime import datetime

from attrs import frozen

from food_core.errors import NotFound, ValidationFailed
from food_core.model import IST, FoodItem, OrderStatus
from food_core.usecases.context import Ports
from food_core.usecases.orders import partner_restaurant

# A day of one restaurant is at most this many orders (the tally reads no more).
MAX_ORDERS_PER_DAY = 5000
MAX_PRICE = 10_000_000  # paise: ₹1 lakh, well above any dish


@frozen
class DayTally:
    """The restaurant's orders placed since midnight (India time), and what they took."""

    orders: int  # confirmed ones (paid, or cash on delivery), cancelled included
    delivered: int
    cancelled: int
    takings: int  # paise: the totals of the confirmed orders not cancelled
    since: datetime


def partner_menu(ports: Ports, partner_id: int) -> list[FoodItem]:
    return ports.catalog.menu(partner_restaurant(ports, partner_id))


def edit_dish(
    ports: Ports,
    partner_id: int,
    food_id: int,
    *,
    availability: bool | None = None,
    price: int | None = None,
) -> FoodItem:
    """Change a dish of the partner's restaurant (another's is indistinguishable from
    missing). Carts holding it are repriced when the customer next looks (placing checks
    every price again)."""
    restaurant_id = partner_restaurant(ports, partner_id)
    item = ports.catalog.get_food_items([food_id]).get(food_id)
    if item is None or item.restaurant_id != restaurant_id:
        raise NotFound(f"dish {food_id} not found", field="food_id")
    if price is not None:
        if not 0 < price <= MAX_PRICE:
            raise ValidationFailed(
                f"price must be between 1 and {MAX_PRICE} paise, got {price}", field="price"
            )
        ports.catalog.set_price(food_id, price)
    if availability is not None:
        ports.catalog.set_availability(food_id, availability)
    edited = ports.catalog.get_food_items([food_id]).get(food_id)
    assert edited is not None
    return edited


def day_tally(ports: Ports, partner_id: int) -> DayTally:
    restaurant_id = partner_restaurant(ports, partner_id)
    local = ports.clock.now().astimezone(IST)
    midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
    placed = ports.orders.list_placed_since(restaurant_id, midnight, MAX_ORDERS_PER_DAY)
    confirmed = [order for order in placed if order.confirmed_at is not None]
    cancelled = [o for o in confirmed if o.order_status is OrderStatus.CANCELLED]
    kept = [o for o in confirmed if o.order_status is not OrderStatus.CANCELLED]
    return DayTally(
        orders=len(confirmed),
        delivered=sum(o.order_status is OrderStatus.DELIVERED for o in confirmed),
        cancelled=len(cancelled),
        takings=sum(order.total_amount for order in kept),
        since=midnight,
    )
