"""RatingRepository and the restaurant score it feeds: one rating per order (its insert
is the check, also for two at the same moment), edits replace it, a restaurant's totals
count and sum its ratings; ``CatalogRepository.set_rating`` stores the score where
reads and the rating sort see it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from attrs import evolve

from adapters.stores import Store
from food_core.model import Rating, RatingTotals
from food_core.search import RestaurantQuery
from tests.contract.backends import Backend
from tests.contract.builders import BENGALURU, Maker
from tests.contract.racing import ROUNDS, RacePool, rate_same_orders


def _rating(
    make: Maker, order_id: int, restaurant_id: int, stars: int, **changes: object
) -> Rating:
    make.clock.advance(timedelta(milliseconds=1, microseconds=3))
    now = make.clock.now()
    rating = Rating(order_id, 7, restaurant_id, stars, "Crisp and hot", now, now)
    return evolve(rating, **changes)  # type: ignore[arg-type]


def test_an_order_is_rated_once(store: Store, make: Maker) -> None:
    first = _rating(make, 101, 1, 4)
    assert store.ratings.get(101) is None
    assert store.ratings.add(first)
    assert store.ratings.get(101) == first
    second = _rating(make, 101, 1, 1, review="Changed my mind", user=8)
    assert not store.ratings.add(second)
    assert store.ratings.get(101) == first
    assert store.ratings.totals(1) == RatingTotals(1, 4)


def test_a_rating_reads_back_equal_to_the_microsecond(store: Store, make: Maker) -> None:
    rating = _rating(make, 101, 1, 5, review="Best dosa in town — ಅದ್ಭುತ!  " + "x" * 450)
    edited = rating.edited(3, "", rating.created_at + timedelta(hours=23, microseconds=1))
    store.ratings.add(edited)
    stored = store.ratings.get(101)
    assert stored == edited
    assert stored is not None and stored.updated_at - stored.created_at == edited.updated_at - (
        edited.created_at
    )


def test_replacing_a_rating_overwrites_it_and_its_stars_in_the_totals(
    store: Store, make: Maker
) -> None:
    rating = _rating(make, 101, 1, 2)
    store.ratings.add(rating)
    store.ratings.add(_rating(make, 102, 1, 5))
    edited = rating.edited(4, "Better the second time", make.clock.now() + timedelta(hours=1))
    store.ratings.replace(edited)
    assert store.ratings.get(101) == edited
    assert store.ratings.totals(1) == RatingTotals(2, 9)


def test_replacing_a_rating_that_is_not_there_is_an_error(store: Store, make: Maker) -> None:
    with pytest.raises(KeyError):
        store.ratings.replace(_rating(make, 101, 1, 3))
    assert store.ratings.get(101) is None


def test_totals_count_a_restaurants_ratings_only(store: Store, make: Maker) -> None:
    assert store.ratings.totals(1) == RatingTotals(0, 0)
    for order_id, stars in [(101, 5), (102, 4), (103, 1), (104, 5)]:
        assert store.ratings.add(_rating(make, order_id, 1, stars))
    store.ratings.add(_rating(make, 201, 2, 3))
    assert store.ratings.totals(1) == RatingTotals(4, 15)
    assert store.ratings.totals(2) == RatingTotals(1, 3)
    assert store.ratings.totals(3) == RatingTotals()


def test_two_ratings_of_one_order_at_the_same_moment_store_one(
    backend: Backend, store: Store, make: Maker, racers: RacePool
) -> None:
    orders = [1000 + n for n in range(ROUNDS)]
    # Worker w rates every order with w stars, so the stored rating names its winner.
    jobs = [[_rating(make, order_id, 1, worker) for order_id in orders] for worker in (1, 2)]
    outcomes = racers.race(backend, rate_same_orders, jobs)
    for round_, order_id in enumerate(orders):
        won = [racer[round_] for racer in outcomes]
        assert won.count(True) == 1, order_id
        stored = store.ratings.get(order_id)
        assert stored is not None and stored.stars == won.index(True) + 1
    winners = [won.index(True) + 1 for won in zip(*outcomes, strict=True)]
    assert store.ratings.totals(1) == RatingTotals(ROUNDS, sum(winners))


def test_set_rating_stores_the_score_and_count(store: Store, make: Maker) -> None:
    restaurant = make.restaurant(restaurant_rating=4.4)
    store.catalog.add_restaurant(restaurant)
    totals = RatingTotals(3, 15)
    store.catalog.set_rating(restaurant.restaurant_id, totals)
    expected = evolve(restaurant, restaurant_rating=totals.score, rating_count=3)
    assert store.catalog.get_restaurant(restaurant.restaurant_id) == expected
    assert store.catalog.search_restaurants(RestaurantQuery(BENGALURU.pincode)) == [expected]
    store.catalog.set_rating(restaurant.restaurant_id + 1, totals)  # no such restaurant
    assert store.catalog.get_restaurant(restaurant.restaurant_id + 1) is None


def test_a_new_score_moves_the_restaurant_in_the_rating_sort(store: Store, make: Maker) -> None:
    first = make.restaurant(restaurant_rating=4.5)
    second = make.restaurant(restaurant_rating=4.0)
    for restaurant in (first, second):
        store.catalog.add_restaurant(restaurant)
    query = RestaurantQuery(BENGALURU.pincode, min_rating=4.2)
    assert store.catalog.search_restaurants(query) == [first]
    many_fives = RatingTotals(1000, 5000)  # scores ≈ 4.99
    store.catalog.set_rating(second.restaurant_id, many_fives)
    rated = evolve(second, restaurant_rating=many_fives.score, rating_count=1000)
    assert store.catalog.search_restaurants(query) == [rated, first]
    # Re-adding the restaurant (a catalog reload) replaces it whole, as the reference.
    store.catalog.add_restaurant(second)
    assert store.catalog.get_restaurant(second.restaurant_id) == second


def test_a_restaurant_keeps_its_rating_count(store: Store, make: Maker) -> None:
    restaurant = make.restaurant(restaurant_rating=4.2, rating_count=1234)
    store.catalog.add_restaurant(restaurant)
    assert store.catalog.get_restaurant(restaurant.restaurant_id) == restaurant
