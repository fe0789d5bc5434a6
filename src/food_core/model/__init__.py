"""The domain model: entities (immutable, each edit returns a new value) and value objects."""

from food_core.model.addresses import Address
from food_core.model.cart import MAX_CART_UNITS, MAX_LINE_QUANTITY, Cart, CartLine
from food_core.model.catalog import City, FoodItem, Restaurant, RestaurantRef
from food_core.model.delivery import Delivery
from food_core.model.hours import IST, OpenHours
from food_core.model.orders import Order, OrderItem
from food_core.model.payments import CardDetails, CardSummary, Payment, UpiDetails
from food_core.model.status import (
    CONFIRMED_STATUSES,
    FINAL_STATUSES,
    KITCHEN_STATUSES,
    PAYABLE_STATUSES,
    CancelReason,
    DeliveryStatus,
    OrderStatus,
    PaymentMode,
    PaymentStatus,
    UserRole,
)
from food_core.model.users import User

__all__ = [
    "CONFIRMED_STATUSES",
    "FINAL_STATUSES",
    "IST",
    "KITCHEN_STATUSES",
    "MAX_CART_UNITS",
    "MAX_LINE_QUANTITY",
    "PAYABLE_STATUSES",
    "Address",
    "CancelReason",
    "CardDetails",
    "CardSummary",
    "Cart",
    "CartLine",
    "City",
    "Delivery",
    "DeliveryStatus",
    "FoodItem",
    "OpenHours",
    "Order",
    "OrderItem",
    "OrderStatus",
    "Payment",
    "PaymentMode",
    "PaymentStatus",
    "Restaurant",
    "RestaurantRef",
    "UpiDetails",
    "User",
    "UserRole",
]
