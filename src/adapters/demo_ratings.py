"""The demo catalog's customer ratings: what a restaurant's earlier customers gave it.

Each restaurant's ratings are drawn around the level the generator picked for it (its
"true" quality), without a random draw — a low-discrepancy spread of ±1 star — so the
generator's other data stay put. They are historical (the demo has no past orders): their
order ids lie below any id the id generator makes, and no account wrote them. The
restaurant's score and count come from them through ``RatingTotals``, the same as for
ratings customers give, and loading stores them through the ratings port and recounts.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from attrs import evolve

from food_core.model import IST, Rating, RatingTotals, Restaurant
from food_core.model.ratings import MAX_STARS, MIN_STARS

FIRST_RATING_ORDER_ID = 1  # snowflake ids are far larger (adapters.ids)
HISTORICAL_USER = 0  # no account: ratings from before the app
RATED_AT = datetime(2026, 6, 1, 20, 0, tzinfo=IST)
RATINGS_PER_RESTAURANT = (3, 26)  # from, to (exclusive)
_GOLDEN = 0.6180339887498949
_REVIEWS = {5: "Loved it, will order again.", 4: "Good food, came hot.", 1: "Arrived cold."}


def ratings_count(restaurant_id: int) -> int:
    low, high = RATINGS_PER_RESTAURANT
    return low + restaurant_id * 7 % (high - low)


def _stars(level: float, index: int) -> int:
    spread = ((index * _GOLDEN) % 1.0) * 2.0 - 1.0
    return max(MIN_STARS, min(MAX_STARS, round(level + spread)))


def rate_restaurants(
    restaurants: Sequence[Restaurant], levels: Sequence[float]
) -> tuple[tuple[Restaurant, ...], tuple[Rating, ...]]:
    """The restaurants scored by their ratings, and the ratings (``levels``: each
    restaurant's quality, 1–5)."""
    rated: list[Restaurant] = []
    ratings: list[Rating] = []
    for restaurant, level in zip(restaurants, levels, strict=True):
        own = [
            Rating(
                order_id=FIRST_RATING_ORDER_ID + len(ratings) + i,
                user=HISTORICAL_USER,
                restaurant_id=restaurant.restaurant_id,
                stars=(stars := _stars(level, restaurant.restaurant_id + i)),
                review=_REVIEWS.get(stars, ""),
                created_at=RATED_AT,
                updated_at=RATED_AT,
            )
            for i in range(ratings_count(restaurant.restaurant_id))
        ]
        totals = RatingTotals(len(own), sum(r.stars for r in own))
        rated.append(evolve(restaurant, restaurant_rating=totals.score, rating_count=totals.count))
        ratings.extend(own)
    return tuple(rated), tuple(ratings)
