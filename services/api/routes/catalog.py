"""Cities, restaurant search and restaurant menus (public)."""

from __future__ import annotations

from attrs import evolve

from food_core.usecases import list_cities, restaurant_menu, search_restaurants
from services.api.calls import Call, Reply, ok
from services.api.paths import PREFIX
from services.api.routing import Auth, Operation
from services.api.schemas.catalog import (
    CitiesOut,
    RestaurantDetailOut,
    RestaurantsOut,
    SearchQuery,
    city_out,
    restaurant_detail_out,
    search_page_out,
)


async def cities(call: Call) -> Reply:
    found = await call.run(list_cities, call.ports)
    return ok(CitiesOut(cities=[city_out(c) for c in found]))


async def search(call: Call) -> Reply:
    query = call.query_as(SearchQuery)
    cursors, now = call.container.cursors(), call.container.clock().now()
    page = await call.run(
        search_restaurants,
        call.ports,
        pincode=call.text("pincode"),
        text=query.q,
        cuisine=query.cuisine,
        veg_only=query.veg,
        min_rating=query.min_rating,
        max_cost_for_two=query.max_cost_for_two,
        sort=query.sort,
        limit=query.limit,
        cursor=cursors.open(query.cursor),  # only a cursor this API signed
        open_at=now if query.open_now else None,
    )
    signed = evolve(page, next_cursor=cursors.sign(page.next_cursor))
    return ok(search_page_out(signed, now))


async def restaurant(call: Call) -> Reply:
    found = await call.run(restaurant_menu, call.ports, call.id("restaurant_id"))
    return ok(restaurant_detail_out(found, call.container.clock().now()))


OPERATIONS = [
    Operation(
        "listCities",
        "GET",
        f"{PREFIX}/cities",
        "Cities we deliver in",
        "catalog",
        cities,
        response=CitiesOut,
        auth=Auth.NONE,
    ),
    Operation(
        "searchRestaurants",
        "GET",
        f"{PREFIX}/cities/{{pincode}}/restaurants",
        "Search a city's restaurants",
        "catalog",
        search,
        response=RestaurantsOut,
        query=SearchQuery,
        auth=Auth.NONE,
        errors=(404, 422),
        description=(
            "Keyset pagination: pass next_cursor back as cursor, with the same sort. A "
            "cursor is an opaque, signed token: one the server did not make, or made for "
            "another sort, is a 422 naming `cursor`."
        ),
    ),
    Operation(
        "getRestaurant",
        "GET",
        f"{PREFIX}/restaurants/{{restaurant_id}}",
        "A restaurant and its menu",
        "catalog",
        restaurant,
        response=RestaurantDetailOut,
        auth=Auth.NONE,
        errors=(404,),
    ),
]
