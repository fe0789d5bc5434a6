"""The domain model: entities (immutable, each edit returns a new value) and value objects."""

from food_core.model.addresses import Address
from food_core.model.bill import (
    DEFAULT_PLATFORM_FEE,
    MAX_TIP,
    Bill,
    BillCode,
    BillLine,
    BillPart,
    PricedLine,
    Tariff,
    quote,
)
from food_core.model.cart import MAX_CART_UNITS, MAX_LINE_QUANTITY, Cart, CartLine
from food_core.model.catalog import City, FoodItem, Restaurant, RestaurantRef
from food_core.model.coupons import (
    Coupon,
    CouponKind,
    CouponRefusal,
    CouponUse,
    coupon_claims,
    normalize_coupon_code,
)
from food_core.model.delivery import Delivery
from food_core.model.geo import Position, ride_minutes
from food_core.model.hours import IST, OpenHours
from food_core.model.options import Option, OptionGroup, line_key
from food_core.model.orders import Order, OrderItem, OrderOption
from food_core.model.payments import CardDetails, CardSummary, Payment, UpiDetails
from food_core.model.ratings import Rating, RatingTotals
from food_core.model.riders import Rider, RiderRef, mask_phone
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
    "DEFAULT_PLATFORM_FEE",
    "FINAL_STATUSES",
    "IST",
    "KITCHEN_STATUSES",
    "MAX_CART_UNITS",
    "MAX_LINE_QUANTITY",
    "MAX_TIP",
    "PAYABLE_STATUSES",
    "Address",
    "Bill",
    "BillCode",
    "BillLine",
    "BillPart",
    "CancelReason",
    "CardDetails",
    "CardSummary",
    "Cart",
    "CartLine",
    "City",
    "Coupon",
    "CouponKind",
    "CouponRefusal",
    "CouponUse",
    "Delivery",
    "DeliveryStatus",
    "FoodItem",
    "OpenHours",
    "Option",
    "OptionGroup",
    "Order",
    "OrderItem",
    "OrderOption",
    "OrderStatus",
    "Payment",
    "PaymentMode",
    "PaymentStatus",
    "Position",
    "PricedLine",
    "Rating",
    "RatingTotals",
    "Restaurant",
    "RestaurantRef",
    "Rider",
    "RiderRef",
    "Tariff",
    "UpiDetails",
    "User",
    "UserRole",
    "coupon_claims",
    "line_key",
    "mask_phone",
    "normalize_coupon_code",
    "quote",
    "ride_minutes",
]
