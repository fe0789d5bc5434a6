"""The signed-in customer's favourite restaurants."""

from __future__ import annotations

from food_core.usecases import add_favourite, list_favourites, remove_favourite
from services.api.calls import Call, Reply, no_content, ok
from services.api.paths import PREFIX
from services.api.routing import Operation
from services.api.schemas.catalog import restaurant_out
from services.api.schemas.ratings import FavouritesOut


async def list_mine(call: Call) -> Reply:
    found = await call.run(list_favourites, call.ports, call.user_id)
    now = call.container.clock().now()
    return ok(FavouritesOut(restaurants=[restaurant_out(r, now) for r in found]))


async def save(call: Call) -> Reply:
    await call.run(add_favourite, call.ports, call.user_id, call.id("restaurant_id"))
    return no_content()


async def remove(call: Call) -> Reply:
    await call.run(remove_favourite, call.ports, call.user_id, call.id("restaurant_id"))
    return no_content()


_ONE = f"{PREFIX}/favourites/{{restaurant_id}}"

OPERATIONS = [
    Operation(
        "listFavourites",
        "GET",
        f"{PREFIX}/favourites",
        "Your favourite restaurants",
        "favourites",
        list_mine,
        response=FavouritesOut,
    ),
    Operation(
        "saveFavourite",
        "PUT",
        _ONE,
        "Save a restaurant as a favourite",
        "favourites",
        save,
        status=204,
        errors=(404, 422),
        description="Saving it again changes nothing; 422 when you have 100 already.",
    ),
    Operation(
        "removeFavourite",
        "DELETE",
        _ONE,
        "Remove a restaurant from your favourites",
        "favourites",
        remove,
        status=204,
        errors=(404,),
    ),
]
