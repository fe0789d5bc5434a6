"""Ratings of delivered orders and the restaurant score, reordering and favourites
(issue 16)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from attrs import evolve

from food_core.errors import (
    AlreadyRated,
    NotFound,
    NothingToReorder,
    OrderNotDelivered,
    RatingLocked,
    ValidationFailed,
)
from food_core.model import Order, OrderStatus, PaymentMode, RatingTotals
from food_core.model.ratings import PRIOR_MEAN, PRIOR_WEIGHT
from food_core.usecases import (
    add_favourite,
    advance_order_as_system,
    edit_rating,
    list_favourites,
    own_rating,
    place_order,
    rate_order,
    remove_favourite,
    reorder,
    set_cart_quantity,
)
from tests.builders import World, make_world


@pytest.fixture
def world() -> World:
    return make_world()


def _ordered(world: World, user_id: int, key: str, *lines: tuple[int, int]) -> Order:
    address = world.address(world.ports.users.get(user_id)).address_id  # type: ignore[arg-type]
    for food_id, quantity in lines:
        set_cart_quantity(world.ports, user_id, food_id, quantity)
    return place_order(
        world.ports, user_id, idempotency_key=key, address_id=address, payment_mode=PaymentMode.COD
    ).order


def _delivered(world: World, user_id: int, key: str = "rate-0001") -> Order:
    order = _ordered(world, user_id, key, (11, 2))
    for status in (OrderStatus.PREPARING, OrderStatus.OUT_FOR_DELIVERY, OrderStatus.DELIVERED):
        order = advance_order_as_system(world.ports, order.order_id, status)
    return order


def test_the_score_is_a_bayesian_average_that_counts_many_ratings_more() -> None:
    assert RatingTotals().score == PRIOR_MEAN
    three_fives = RatingTotals(3, 15).score
    thousand = RatingTotals(1_000, 4_500).score
    assert three_fives == pytest.approx((PRIOR_WEIGHT * PRIOR_MEAN + 15) / (PRIOR_WEIGHT + 3))
    assert three_fives < thousand < 4.5


def test_a_delivered_order_is_rated_once_and_scores_its_restaurant(world: World) -> None:
    user = world.customer().user_id
    order = _delivered(world, user)
    rating = rate_order(world.ports, user, order.order_id, 5, "  Crisp and hot  ")
    assert rating.review == "Crisp and hot"
    restaurant = world.ports.catalog.get_restaurant(order.restaurant.restaurant_id)
    assert restaurant is not None and restaurant.rating_count == 1
    assert restaurant.restaurant_rating == RatingTotals(1, 5).score
    with pytest.raises(AlreadyRated):
        rate_order(world.ports, user, order.order_id, 4)
    assert own_rating(world.ports, user, order.order_id) == rating


def test_only_a_delivered_order_of_ones_own_can_be_rated(world: World) -> None:
    user, other = world.customer(1).user_id, world.customer(2).user_id
    waiting = _ordered(world, user, "rate-0002", (11, 1))
    with pytest.raises(OrderNotDelivered):
        rate_order(world.ports, user, waiting.order_id, 4)
    delivered = _delivered(world, user, "rate-0003")
    with pytest.raises(NotFound):
        rate_order(world.ports, other, delivered.order_id, 1)
    for stars in (0, 6):
        with pytest.raises(ValidationFailed, match="stars"):
            rate_order(world.ports, user, delivered.order_id, stars)
    with pytest.raises(ValidationFailed, match="review"):
        rate_order(world.ports, user, delivered.order_id, 3, "x" * 501)
    assert world.ports.ratings.get(delivered.order_id) is None


def test_a_rating_is_editable_for_a_day_then_it_stands(world: World) -> None:
    user = world.customer().user_id
    order = _delivered(world, user)
    rate_order(world.ports, user, order.order_id, 2)
    world.clock.advance(timedelta(hours=23))
    edited = edit_rating(world.ports, user, order.order_id, 4, "Better the second time")
    assert edited.stars == 4
    restaurant = world.ports.catalog.get_restaurant(order.restaurant.restaurant_id)
    assert restaurant is not None and restaurant.restaurant_rating == RatingTotals(1, 4).score
    world.clock.advance(timedelta(hours=2))
    with pytest.raises(RatingLocked):
        edit_rating(world.ports, user, order.order_id, 5)
    with pytest.raises(NotFound):
        edit_rating(world.ports, world.customer(2).user_id, order.order_id, 5)


def test_order_again_fills_the_cart_at_todays_prices_naming_what_is_gone(world: World) -> None:
    user = world.customer().user_id
    order = _ordered(world, user, "again-0001", (11, 2), (12, 1), (13, 3))
    world.ports.catalog.add_food_items([evolve(world.items["dosa"], price=12_500)])
    world.ports.catalog.set_availability(13, False)
    set_cart_quantity(world.ports, user, 21, 1, replace_cart=True)  # another restaurant's
    again = reorder(world.ports, user, order.order_id)
    assert again.unavailable == ["Filter Coffee"]
    assert [(line.food_item.food_id, line.quantity) for line in again.cart.food_items] == [
        (11, 2),
        (12, 1),
    ]
    assert again.cart.item_total == 2 * 12_500 + 8_000
    for food_id in (11, 12):
        world.ports.catalog.set_availability(food_id, False)
    with pytest.raises(NothingToReorder):
        reorder(world.ports, user, order.order_id)
    with pytest.raises(NotFound):
        reorder(world.ports, world.customer(2).user_id, order.order_id)


def test_favourites_are_saved_once_listed_newest_first_and_removed(world: World) -> None:
    user = world.customer().user_id
    add_favourite(world.ports, user, 1)
    world.clock.advance(timedelta(minutes=1))
    add_favourite(world.ports, user, 2)
    add_favourite(world.ports, user, 1)  # again: no change
    assert [r.restaurant_id for r in list_favourites(world.ports, user)] == [2, 1]
    remove_favourite(world.ports, user, 2)
    assert [r.restaurant_id for r in list_favourites(world.ports, user)] == [1]
    with pytest.raises(NotFound):
        remove_favourite(world.ports, user, 2)
    with pytest.raises(NotFound):
        add_favourite(world.ports, user, 999)
    assert list_favourites(world.ports, world.customer(2).user_id) == []
