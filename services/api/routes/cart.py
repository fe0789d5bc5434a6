"""The signed-in customer's cart."""

from __future__ import annotations

from food_core.usecases import (
    check_delivery,
    clear_cart,
    remove_cart_item,
    set_cart_quantity,
    view_cart,
)
from services.api.calls import Call, Reply, no_content, ok
from services.api.paths import PREFIX
from services.api.routing import Operation
from services.api.schemas.cart import (
    CartOut,
    DeliveryCheckOut,
    SetQuantityIn,
    cart_out,
    delivery_check_out,
)


async def get_cart(call: Call) -> Reply:
    return ok(cart_out(await call.run(view_cart, call.ports, call.user_id)))


async def set_item(call: Call) -> Reply:
    body = call.body_as(SetQuantityIn)
    cart = await call.run(
        set_cart_quantity,
        call.ports,
        call.user_id,
        call.id("food_id"),
        body.quantity,
        replace_cart=body.replace_cart,
    )
    return ok(cart_out(cart))


async def remove_item(call: Call) -> Reply:
    cart = await call.run(remove_cart_item, call.ports, call.user_id, call.id("food_id"))
    return ok(cart_out(cart))


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
        "Your cart, at current prices",
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
            "409 cart_restaurant_conflict when the cart holds another restaurant's dishes "
            "(send replace_cart: true to start over); 409 item_unavailable; 422 "
            "quantity_out_of_range or cart_too_large."
        ),
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
]
