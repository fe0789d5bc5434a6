"""Use cases for the whole flow. Each is a function of :class:`Ports` and plain values."""

from food_core.usecases.accounts import login, signup
from food_core.usecases.addresses import add_address, delete_address, list_addresses
from food_core.usecases.billing import (
    CouponStatus,
    PricedCart,
    apply_coupon,
    price_cart,
    remove_coupon,
    set_tip,
)
from food_core.usecases.browsing import (
    RestaurantMenu,
    SearchPage,
    list_cities,
    restaurant_menu,
    search_restaurants,
)
from food_core.usecases.carts import clear_cart, remove_cart_item, set_cart_quantity, view_cart
from food_core.usecases.context import Ports
from food_core.usecases.expiring import expire_unpaid_orders
from food_core.usecases.opening import Opening, opening
from food_core.usecases.orders import (
    advance_order,
    advance_order_as_system,
    cancel_order,
    get_order,
    list_orders,
    list_restaurant_orders,
)
from food_core.usecases.ownership import existing_user, own_order
from food_core.usecases.paying import PaymentResult, pay_order
from food_core.usecases.placing import Placement, place_order
from food_core.usecases.reconciling import reconcile_order, reconcile_pending
from food_core.usecases.serviceability import DeliveryCheck, check_delivery

__all__ = [
    "CouponStatus",
    "DeliveryCheck",
    "Opening",
    "PaymentResult",
    "Placement",
    "Ports",
    "PricedCart",
    "RestaurantMenu",
    "SearchPage",
    "add_address",
    "advance_order",
    "advance_order_as_system",
    "apply_coupon",
    "cancel_order",
    "check_delivery",
    "clear_cart",
    "delete_address",
    "existing_user",
    "expire_unpaid_orders",
    "get_order",
    "list_addresses",
    "list_cities",
    "list_orders",
    "list_restaurant_orders",
    "login",
    "opening",
    "own_order",
    "pay_order",
    "place_order",
    "price_cart",
    "reconcile_order",
    "reconcile_pending",
    "remove_cart_item",
    "remove_coupon",
    "restaurant_menu",
    "search_restaurants",
    "set_cart_quantity",
    "set_tip",
    "signup",
    "view_cart",
]
