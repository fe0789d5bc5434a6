"""The signed-in customer's cart, its coupon and tip."""

from __future__ import annotations

from collections.abc import Callable

from food_core.model import Cart
from food_core.usecases import (
    Ports,
    PricedCart,
    add_cart_line,
    apply_coupon,
    check_delivery,
    clear_cart,
    price_cart,
    remove_cart_item,
    remove_cart_line,
    remove_coupon,
    set_cart_quantity,
    set_line_quantity,
    set_tip,
)
from services.api.calls import Call, Reply, no_content, ok
from services.api.paths import PREFIX
from services.api.routing import Keys, Operation
from services.api.schemas.bill import CouponIn, TipIn
from services.api.schemas.cart import (
    AddLineIn,
    CartOut,
    DeliveryCheckOut,
    LineQuantityIn,
    SetQuantityIn,
    cart_out,
    delivery_check_out,
)


def _edited(edit: Callable[[Ports, int], Cart]) -> Callable[[Ports, int], PricedCart]:
    """An edit, then the cart as the customer now sees it, bill and all."""

    def run(ports: Ports, user_id: int) -> PricedCart:
        return price_cart(ports, user_id, edit(ports, user_id))

    return run


async def get_cart(call: Call) -> Reply:
    return ok(cart_out(await call.run(price_cart, call.ports, call.user_id)))


async def set_item(call: Call) -> Reply:
    body, food_id = call.body_as(SetQuantityIn), call.id("food_id")

    def edit(ports: Ports, user_id: int) -> Cart:
        return set_cart_quantity(
            ports, user_id, food_id, body.quantity, replace_cart=body.replace_cart
        )

    return ok(cart_out(await call.run(_edited(edit), call.ports, call.user_id)))


async def remove_item(call: Call) -> Reply:
    food_id = call.id("food_id")

    def edit(ports: Ports, user_id: int) -> Cart:
        return remove_cart_item(ports, user_id, food_id)

    return ok(cart_out(await call.run(_edited(edit), call.ports, call.user_id)))


async def add_line(call: Call) -> Reply:
    body = call.body_as(AddLineIn)

    def edit(ports: Ports, user_id: int) -> Cart:
        return add_cart_line(
            ports,
            user_id,
            body.food_id,
            body.option_ids,
            body.quantity,
            replace_cart=body.replace_cart,
        )

    return ok(cart_out(await call.run(_edited(edit), call.ports, call.user_id)))


async def set_line(call: Call) -> Reply:
    quantity, line_id = call.body_as(LineQuantityIn).quantity, call.text("line_id")

    def edit(ports: Ports, user_id: int) -> Cart:
        return set_line_quantity(ports, user_id, line_id, quantity)

    return ok(cart_out(await call.run(_edited(edit), call.ports, call.user_id)))


async def remove_line(call: Call) -> Reply:
    line_id = call.text("line_id")

    def edit(ports: Ports, user_id: int) -> Cart:
        return remove_cart_line(ports, user_id, line_id)

    return ok(cart_out(await call.run(_edited(edit), call.ports, call.user_id)))


async def put_coupon(call: Call) -> Reply:
    code = call.body_as(CouponIn).code
    return ok(cart_out(await call.run(apply_coupon, call.ports, call.user_id, code)))


async def delete_coupon(call: Call) -> Reply:
    return ok(cart_out(await call.run(remove_coupon, call.ports, call.user_id)))


async def put_tip(call: Call) -> Reply:
    amount = call.body_as(TipIn).amount
    return ok(cart_out(await call.run(set_tip, call.ports, call.user_id, amount)))


async def delivery(call: Call) -> Reply:
    check = await call.run(check_delivery, call.ports, call.user_id, call.id("address_id"))
    return ok(delivery_check_out(check))


async def clear(call: Call) -> Reply:
    await call.run(clear_cart, call.ports, call.user_id)
    return no_content()


OPERATIONS = [
    Operation(
        "getCart",
        "GET",
        f"{PREFIX}/cart",
        "Your cart at current prices, with its bill",
        "cart",
        get_cart,
        response=CartOut,
    ),
    Operation(
        "clearCart",
        "DELETE",
        f"{PREFIX}/cart",
        "Empty your cart",
        "cart",
        clear,
        status=204,
        errors=(409,),
    ),
    Operation(
        "setCartItem",
        "PUT",
        f"{PREFIX}/cart/items/{{food_id}}",
        "Set a dish's quantity in your cart (0 removes it)",
        "cart",
        set_item,
        request=SetQuantityIn,
        response=CartOut,
        errors=(404, 409, 422),
        description=(
            "The dish's line without options. 409 cart_restaurant_conflict when the cart "
            "holds another restaurant's dishes (send replace_cart: true to start over); 409 "
            "item_unavailable; 422 quantity_out_of_range or cart_too_large; 422 "
            "options_invalid for a dish with a required choice (add it with addCartLine)."
        ),
    ),
    Operation(
        "addCartLine",
        "POST",
        f"{PREFIX}/cart/lines",
        "Add a dish with its chosen options to your cart",
        "cart",
        add_line,
        request=AddLineIn,
        response=CartOut,
        keys=Keys.OPTIONAL,
        errors=(404, 409, 422),
        description=(
            "The same dish with the same options adds to its line; other options make "
            "another line. 422 options_invalid naming what is wrong (a required choice "
            "missing, too many in a group, an option that is not the dish's, an "
            "unavailable one); otherwise the errors of setCartItem. Send an "
            "Idempotency-Key to make a retry add once."
        ),
    ),
    Operation(
        "setCartLine",
        "PUT",
        f"{PREFIX}/cart/lines/{{line_id}}",
        "Set a line's quantity (0 removes it)",
        "cart",
        set_line,
        request=LineQuantityIn,
        response=CartOut,
        errors=(404, 409, 422),
        description="404 for a line the cart does not hold; 422 quantity_out_of_range.",
    ),
    Operation(
        "removeCartLine",
        "DELETE",
        f"{PREFIX}/cart/lines/{{line_id}}",
        "Remove a line from your cart",
        "cart",
        remove_line,
        response=CartOut,
        errors=(404, 409),
    ),
    Operation(
        "removeCartItem",
        "DELETE",
        f"{PREFIX}/cart/items/{{food_id}}",
        "Remove a dish from your cart",
        "cart",
        remove_item,
        response=CartOut,
        errors=(404, 409),
    ),
    Operation(
        "checkCartDelivery",
        "GET",
        f"{PREFIX}/cart/delivery/{{address_id}}",
        "Would your cart's restaurant deliver to this address?",
        "cart",
        delivery,
        response=DeliveryCheckOut,
        errors=(404, 409),
        description=(
            "What placing the order would say about the address, asked before paying: "
            "a restaurant delivers in its own city, to the PIN codes it serves. "
            "409 cart_empty; 404 for an address that is not yours."
        ),
    ),
    Operation(
        "applyCartCoupon",
        "PUT",
        f"{PREFIX}/cart/coupon",
        "Apply a coupon to your cart",
        "cart",
        put_coupon,
        request=CouponIn,
        response=CartOut,
        errors=(409, 422),
        description=(
            "422 coupon_invalid with its reason (unknown, not_started, expired, "
            "below_minimum, first_order_only, used_up, other_restaurant, other_city); "
            "422 validation_failed for a code that is not 3 to 20 letters and digits; "
            "409 cart_empty. The coupon is checked again whenever the cart changes and "
            "when the order is placed; a use is counted by the order that uses it."
        ),
    ),
    Operation(
        "removeCartCoupon",
        "DELETE",
        f"{PREFIX}/cart/coupon",
        "Take the coupon off your cart",
        "cart",
        delete_coupon,
        response=CartOut,
        errors=(409,),
    ),
    Operation(
        "setCartTip",
        "PUT",
        f"{PREFIX}/cart/tip",
        "Tip the rider (0 to ₹500, in paise; 0 removes it)",
        "cart",
        put_tip,
        request=TipIn,
        response=CartOut,
        errors=(409, 422),
        description=(
            "422 tip_out_of_range; 409 cart_empty for a tip on an empty cart. The tip "
            "carries no GST and is refunded with the order if it is cancelled."
        ),
    ),
]
