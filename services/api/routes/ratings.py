"""Rating a delivered order, and ordering it again."""

from __future__ import annotations

from food_core.usecases import (
    Ports,
    PricedCart,
    Reorder,
    edit_rating,
    own_rating,
    price_cart,
    rate_order,
    reorder,
)
from services.api.calls import Call, Reply, ok
from services.api.paths import PREFIX
from services.api.routing import Keys, Operation
from services.api.schemas.cart import cart_out
from services.api.schemas.ratings import (
    RatingIn,
    RatingOut,
    ReorderOut,
    rating_out,
    reorder_out,
)


async def rate(call: Call) -> Reply:
    body = call.body_as(RatingIn)
    rating = await call.run(
        rate_order, call.ports, call.user_id, call.id("order_id"), body.stars, body.review
    )
    return ok(rating_out(rating), 201)


async def edit(call: Call) -> Reply:
    body = call.body_as(RatingIn)
    rating = await call.run(
        edit_rating, call.ports, call.user_id, call.id("order_id"), body.stars, body.review
    )
    return ok(rating_out(rating))


async def get_rating(call: Call) -> Reply:
    rating = await call.run(own_rating, call.ports, call.user_id, call.id("order_id"))
    return ok(rating_out(rating))


def _reorder_priced(ports: Ports, user_id: int, order_id: int) -> tuple[Reorder, PricedCart]:
    done = reorder(ports, user_id, order_id)
    return done, price_cart(ports, user_id, done.cart)


async def order_again(call: Call) -> Reply:
    done, priced = await call.run(_reorder_priced, call.ports, call.user_id, call.id("order_id"))
    return ok(reorder_out(done, cart_out(priced)))


_RATING = f"{PREFIX}/orders/{{order_id}}/rating"

OPERATIONS = [
    Operation(
        "rateOrder",
        "POST",
        _RATING,
        "Rate a delivered order (once)",
        "ratings",
        rate,
        status=201,
        request=RatingIn,
        response=RatingOut,
        errors=(404, 409, 422),
        description=(
            "1 to 5 stars and an optional review of up to 500 characters. 409 "
            "order_not_delivered before the order is delivered; 409 already_rated for a "
            "second rating (edit it with editOrderRating); 404 for another customer's order."
        ),
    ),
    Operation(
        "editOrderRating",
        "PUT",
        _RATING,
        "Change your rating of an order",
        "ratings",
        edit,
        request=RatingIn,
        response=RatingOut,
        errors=(404, 409, 422),
        description="Within 24 hours of rating; after that 409 rating_locked.",
    ),
    Operation(
        "getOrderRating",
        "GET",
        _RATING,
        "Your rating of an order",
        "ratings",
        get_rating,
        response=RatingOut,
        errors=(404,),
        description="404 when you have not rated the order.",
    ),
    Operation(
        "reorder",
        "POST",
        f"{PREFIX}/orders/{{order_id}}/reorder",
        "Order again: fill your cart from a past order at today's prices",
        "orders",
        order_again,
        response=ReorderOut,
        keys=Keys.OPTIONAL,
        errors=(404, 409),
        description=(
            "Replaces the cart. Items no longer on the menu or unavailable, or whose "
            "options are no longer offered, are left out and named in `unavailable`; 409 "
            "nothing_to_reorder if that is all of them; 409 restaurant_closed."
        ),
    ),
]
