"""Ratings of delivered orders, reordering and favourite restaurants."""

from __future__ import annotations

from datetime import datetime

from attrs import frozen

from food_core.model import Rating
from food_core.model.ratings import MAX_REVIEW_LENGTH, MAX_STARS, MIN_STARS
from food_core.usecases import Reorder
from services.api.schemas import fields as f
from services.api.schemas.cart import CartOut
from services.api.schemas.catalog import RestaurantOut


@frozen(kw_only=True)
class RatingIn:
    # Range documented here, checked by the core so the answer names the rule.
    stars: int = f.integer(MIN_STARS, MAX_STARS, core_checked=True, description="1 to 5 stars")
    review: str = f.paragraphs(MAX_REVIEW_LENGTH, description="What you thought (optional)")


@frozen(kw_only=True)
class RatingOut:
    """Your rating of an order; it can be changed until ``editable_until``."""

    order_id: int
    restaurant_id: int
    stars: int
    review: str
    created_at: datetime
    updated_at: datetime
    editable_until: datetime


@frozen(kw_only=True)
class ReorderOut:
    """The cart filled from a past order at today's prices; ``unavailable`` names the
    order's items (with their options) that could not be added."""

    cart: CartOut
    unavailable: list[str]


@frozen(kw_only=True)
class FavouritesOut:
    """Your saved restaurants, the most recently saved first."""

    restaurants: list[RestaurantOut]


def rating_out(rating: Rating) -> RatingOut:
    return RatingOut(
        order_id=rating.order_id,
        restaurant_id=rating.restaurant_id,
        stars=rating.stars,
        review=rating.review,
        created_at=rating.created_at,
        updated_at=rating.updated_at,
        editable_until=rating.editable_until,
    )


def reorder_out(reorder: Reorder, cart: CartOut) -> ReorderOut:
    return ReorderOut(cart=cart, unavailable=list(reorder.unavailable))
