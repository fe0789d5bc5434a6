"""Through the API: cart lines with options, ratings, reorder, favourites and dish search
(issue 16), on every store."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from adapters.clock import ManualClock
from adapters.stores import Store
from food_core.model import FoodItem, Option, OptionGroup, OrderStatus
from food_core.usecases import advance_order_as_system
from services.api.container import Container
from tests.integration.support import API, BENGALURU, DOSA, IDLI, PASSWORD, ApiClient

pytestmark = pytest.mark.every_store

BIRYANI = FoodItem(
    31, 1, "Veg Biryani", "Biryani", 20_000, True, True,
    option_groups=(
        OptionGroup("Portion", 1, 1, (Option(501, "Half"), Option(502, "Full", 9_000))),
        OptionGroup(
            "Add-ons", 0, 2, (Option(503, "Raita", 3_000), Option(504, "Egg", 2_000, False))
        ),
    ),
)  # fmt: skip


@pytest.fixture(autouse=True)
def _biryani(store: Store) -> None:
    store.catalog.add_food_items([BIRYANI])


def _add(client: ApiClient, option_ids: list[int], quantity: int = 1) -> Any:
    body = {"food_id": BIRYANI.food_id, "option_ids": option_ids, "quantity": quantity}
    return client.post(f"{API}/cart/lines", json=body)


def _delivered(client: ApiClient, container: Container) -> dict[str, Any]:
    order = client.ordered((DOSA, 2), (IDLI, 1), payment_mode="COD")
    ports = container.ports()
    for status in (OrderStatus.PREPARING, OrderStatus.OUT_FOR_DELIVERY, OrderStatus.DELIVERED):
        advance_order_as_system(ports, order["order_id"], status)
    return order


def test_the_menu_shows_option_groups(client: ApiClient) -> None:
    menu = client.get(f"{API}/restaurants/1").json()["menu"]
    biryani = next(item for item in menu if item["food_id"] == BIRYANI.food_id)
    portion, extras = biryani["option_groups"]
    assert (portion["group_name"], portion["min_choices"], portion["max_choices"]) == (
        "Portion",
        1,
        1,
    )
    assert extras["options"][1] == {
        "option_id": 504, "option_name": "Egg", "price_delta": 2_000, "availability": False,
    }  # fmt: skip


def test_lines_with_options_are_added_changed_and_removed(client: ApiClient) -> None:
    client.signup()
    assert _add(client, [502, 503]).status_code == 200
    assert _add(client, [501], 2).status_code == 200
    cart = _add(client, [503, 502], 2).json()
    assert [(line["line_id"], line["quantity"], line["price"]) for line in cart["food_items"]] == [
        ("31-502-503", 3, 32_000),
        ("31-501", 2, 20_000),
    ]
    first = cart["food_items"][0]
    assert [o["option_name"] for o in first["options"]] == ["Full", "Raita"]
    assert first["line_total"] == 96_000
    changed = client.put(f"{API}/cart/lines/31-501", json={"quantity": 5})
    assert changed.status_code == 200 and changed.json()["food_items"][1]["quantity"] == 5
    removed = client.delete(f"{API}/cart/lines/31-502-503")
    assert [line["line_id"] for line in removed.json()["food_items"]] == ["31-501"]
    assert client.delete(f"{API}/cart/lines/31-502-503").status_code == 404
    assert client.put(f"{API}/cart/lines/not-a-line", json={"quantity": 1}).status_code == 404


@pytest.mark.parametrize(
    ("option_ids", "words", "group"),
    [
        ([], "Portion", "Portion"),
        ([501, 502], "Portion", "Portion"),
        ([502, 504], "Egg", "Add-ons"),
        ([502, 999], "999", None),
    ],
)
def test_an_invalid_choice_is_a_422_naming_it(
    client: ApiClient, option_ids: list[int], words: str, group: str | None
) -> None:
    client.signup()
    refused = _add(client, option_ids)
    assert refused.status_code == 422
    body = refused.json()
    assert body["code"] == "options_invalid"
    assert body["errors"][0]["field"] == "option_ids" and words in body["errors"][0]["message"]
    assert body.get("group_name") == group
    assert client.get(f"{API}/cart").json()["food_items"] == []  # nothing was added
    plain = client.put(f"{API}/cart/items/{BIRYANI.food_id}", json={"quantity": 1})
    assert plain.status_code == 422 and plain.json()["code"] == "options_invalid"


def test_the_order_keeps_the_options_it_was_placed_with(client: ApiClient) -> None:
    client.signup()
    _add(client, [502, 503], 2)
    order = client.place_order(client.add_address()["address_id"], "COD")
    (item,) = order["items"]
    assert item["price"] == 32_000 and item["line_total"] == 64_000
    assert [(o["option_name"], o["price_delta"]) for o in item["options"]] == [
        ("Full", 9_000),
        ("Raita", 3_000),
    ]


def test_a_delivered_order_is_rated_once_and_edited_for_a_day(
    client: ApiClient, container: Container, clock: ManualClock
) -> None:
    me = client.signup()["user"]
    order = _delivered(client, container)
    path = f"{API}/orders/{order['order_id']}/rating"
    assert client.get(path).status_code == 404
    rated = client.post(path, json={"stars": 4, "review": "Crisp.\nHot."})
    assert rated.status_code == 201, rated.text
    assert rated.json()["stars"] == 4 and rated.json()["review"] == "Crisp.\nHot."
    again = client.post(path, json={"stars": 5})
    assert again.status_code == 409 and again.json()["code"] == "already_rated"
    restaurant = client.get(f"{API}/restaurants/1").json()
    assert restaurant["rating_count"] == 1
    edited = client.put(path, json={"stars": 5})
    assert edited.status_code == 200 and client.get(path).json()["stars"] == 5
    clock.advance(timedelta(hours=25))
    client.login(me["email"], PASSWORD)  # the session has expired meanwhile
    locked = client.put(path, json={"stars": 1})
    assert locked.status_code == 409 and locked.json()["code"] == "rating_locked"


def test_ratings_are_refused_for_undelivered_others_and_bad_input(
    client: ApiClient, api: Any, container: Container
) -> None:
    client.signup()
    waiting = client.ordered((DOSA, 1), payment_mode="COD")
    path = f"{API}/orders/{waiting['order_id']}/rating"
    early = client.post(path, json={"stars": 5})
    assert early.status_code == 409 and early.json()["code"] == "order_not_delivered"
    delivered = _delivered(client, container)
    other = api.client()
    other.signup(2)
    theirs = other.post(f"{API}/orders/{delivered['order_id']}/rating", json={"stars": 1})
    assert theirs.status_code == 404
    mine = f"{API}/orders/{delivered['order_id']}/rating"
    for body, field in (
        ({"stars": 6}, "stars"),
        ({"stars": 3, "review": "x" * 501}, "review"),
        ({"stars": 3, "review": "bad\u0000byte"}, "review"),
        ({"stars": 3, "extra": 1}, "extra"),
    ):
        refused = client.post(mine, json=body)
        assert refused.status_code == 422, (body, refused.text)
        assert refused.json()["errors"][0]["field"] == field


def test_order_again_fills_the_cart_and_names_what_is_gone(client: ApiClient, store: Store) -> None:
    client.signup()
    order = client.ordered((DOSA, 2), (IDLI, 1))
    store.catalog.set_availability(IDLI, False)
    again = client.post(f"{API}/orders/{order['order_id']}/reorder")
    assert again.status_code == 200, again.text
    body = again.json()
    assert body["unavailable"] == ["Idli Vada"]
    assert [(line["food_id"], line["quantity"]) for line in body["cart"]["food_items"]] == [
        (DOSA, 2)
    ]
    assert body["cart"]["bill"]["total_amount"] == body["cart"]["total_amount"]
    store.catalog.set_availability(DOSA, False)
    nothing = client.post(f"{API}/orders/{order['order_id']}/reorder")
    assert nothing.status_code == 409 and nothing.json()["code"] == "nothing_to_reorder"


def test_favourites_are_saved_listed_and_removed(client: ApiClient, clock: ManualClock) -> None:
    client.signup()
    assert client.get(f"{API}/favourites").json() == {"restaurants": []}
    assert client.put(f"{API}/favourites/2").status_code == 204
    clock.advance(timedelta(seconds=1))
    assert client.put(f"{API}/favourites/1").status_code == 204
    assert client.put(f"{API}/favourites/2").status_code == 204  # again: no change
    listed = client.get(f"{API}/favourites").json()["restaurants"]
    assert [r["restaurant_id"] for r in listed] == [1, 2]
    assert client.delete(f"{API}/favourites/1").status_code == 204
    assert client.delete(f"{API}/favourites/1").status_code == 404
    assert client.put(f"{API}/favourites/999").status_code == 404


def test_a_search_finds_restaurants_by_dish_and_says_which_matched(client: ApiClient) -> None:
    found = client.get(f"{API}/cities/{BENGALURU}/restaurants", params={"q": "biryani"}).json()
    assert [(r["restaurant_id"], r["matched_dishes"]) for r in found["restaurants"]] == [
        (1, ["Veg Biryani"])
    ]
    cheap = client.get(
        f"{API}/cities/{BENGALURU}/restaurants", params={"max_cost_for_two": 50_000}
    ).json()
    assert [r["restaurant_id"] for r in cheap["restaurants"]] == [1]
    by_cost = client.get(f"{API}/cities/{BENGALURU}/restaurants", params={"sort": "cost"}).json()
    assert [r["cost_for_two"] for r in by_cost["restaurants"]] == [40_000, 80_000]
    refused = client.get(f"{API}/cities/{BENGALURU}/restaurants", params={"max_cost_for_two": -1})
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["field"] == "max_cost_for_two"
