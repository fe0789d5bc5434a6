"""Use cases for the whole flow. Each is a function of :class:`Ports` and plain values."""

from food_core.usecases.accepting import (
    accept_order,
    advance_order,
    advance_order_as_system,
    expire_unaccepted_orders,
    mark_ready,
    reject_order,
)
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
from food_core.usecases.carts import (
    add_cart_line,
    clear_cart,
    remove_cart_item,
    remove_cart_line,
    set_cart_quantity,
    set_line_quantity,
    view_cart,
)
from food_core.usecases.context import Ports
from food_core.usecases.dispatching import (
    deliver,
    dispatch_waiting,
    enrol_rider,
    pick_up,
    release_finished_riders,
    rider_job,
)
from food_core.usecases.expiring import expire_unpaid_orders
from food_core.usecases.favourites import add_favourite, list_favourites, remove_favourite
from food_core.usecases.kitchen import DayTally, day_tally, edit_dish, partner_menu
from food_core.usecases.opening import Opening, opening
from food_core.usecases.orders import (
    cancel_order,
    get_order,
    give_refunds,
    list_orders,
    list_restaurant_orders,
)
from food_core.usecases.ownership import existing_user, own_order
from food_core.usecases.paying import PaymentResult, pay_order
from food_core.usecases.placing import Placement, place_order
from food_core.usecases.rating import (
    edit_rating,
    own_rating,
    rate_order,
    refresh_restaurant_rating,
    store_score,
)
from food_core.usecases.reconciling import reconcile_order, reconcile_pending
from food_core.usecases.reordering import Reorder, reorder
from food_core.usecases.serviceability import DeliveryCheck, check_delivery

__all__ = [
    "CouponStatus",
    "DayTally",
    "DeliveryCheck",
    "Opening",
    "PaymentResult",
    "Placement",
    "Ports",
    "PricedCart",
    "Reorder",
    "RestaurantMenu",
    "SearchPage",
    "accept_order",
    "add_address",
    "add_cart_line",
    "add_favourite",
    "advance_order",
    "advance_order_as_system",
    "apply_coupon",
    "cancel_order",
    "check_delivery",
    "clear_cart",
    "day_tally",
    "delete_address",
    "deliver",
    "dispatch_waiting",
    "edit_dish",
    "edit_rating",
    "enrol_rider",
    "existing_user",
    "expire_unaccepted_orders",
    "expire_unpaid_orders",
    "get_order",
    "give_refunds",
    "list_addresses",
    "list_cities",
    "list_favourites",
    "list_orders",
    "list_restaurant_orders",
    "login",
    "mark_ready",
    "opening",
    "own_order",
    "own_rating",
    "partner_menu",
    "pay_order",
    "pick_up",
    "place_order",
    "price_cart",
    "rate_order",
    "reconcile_order",
    "reconcile_pending",
    "refresh_restaurant_rating",
    "reject_order",
    "release_finished_riders",
    "remove_cart_item",
    "remove_cart_line",
    "remove_coupon",
    "remove_favourite",
    "reorder",
    "restaurant_menu",
    "rider_job",
    "search_restaurants",
    "set_cart_quantity",
    "set_line_quantity",
    "set_tip",
    "signup",
    "store_score",
    "view_cart",
]
