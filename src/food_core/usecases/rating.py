"""Rating a delivered order, and the restaurant score the ratings make.

A rating is one atomic write (an insert under the order's id, or an edit of it). The
restaurant's ``restaurant_rating`` and ``rating_count`` are then recomputed from the
ratings' totals (an indexed count, not a scan of the menu) and stored: a recomputation
is idempotent, and it is read back and repeated if another rating landed meanwhile, so
the last writer leaves the score of every rating it saw (docs/design.md §3, "Ratings").
"""

from __future__ import annotations

from food_core.errors import AlreadyRated, NotFound, OrderNotDelivered, ValidationFailed
from food_core.model import OrderStatus, Rating
from food_core.model.ratings import MAX_REVIEW_LENGTH, MAX_STARS, MIN_STARS
from food_core.ports import CatalogRepository, RatingRepository
from food_core.usecases.context import Ports
from food_core.usecases.ownership import own_order

_RECOUNTS = 4


def _checked(stars: int, review: str) -> str:
    if not MIN_STARS <= stars <= MAX_STARS:
        raise ValidationFailed(
            f"stars must be between {MIN_STARS} and {MAX_STARS}, got {stars}", field="stars"
        )
    review = review.strip()
    if len(review) > MAX_REVIEW_LENGTH:
        raise ValidationFailed(
            f"a review is at most {MAX_REVIEW_LENGTH} characters, got {len(review)}",
            field="review",
        )
    return review


def rate_order(ports: Ports, user_id: int, order_id: int, stars: int, review: str = "") -> Rating:
    """The customer's rating of their delivered order: once (``AlreadyRated`` after)."""
    review = _checked(stars, review)
    order = own_order(ports, user_id, order_id)
    if order.order_status is not OrderStatus.DELIVERED:
        raise OrderNotDelivered(
            f"order {order_id} is {order.order_status.value}; only a delivered order can be rated",
            field="order_id",
        )
    now = ports.clock.now()
    rating = Rating(order_id, user_id, order.restaurant.restaurant_id, stars, review, now, now)
    if not ports.ratings.add(rating):
        raise AlreadyRated(f"order {order_id} is rated already; edit the rating", field="order_id")
    refresh_restaurant_rating(ports, rating.restaurant_id)
    return rating


def own_rating(ports: Ports, user_id: int, order_id: int) -> Rating:
    """The customer's rating of their order, or ``NotFound``."""
    rating = ports.ratings.get(order_id)
    if rating is None or rating.user != user_id:
        raise NotFound(f"order {order_id} has no rating of yours", field="order_id")
    return rating


def edit_rating(ports: Ports, user_id: int, order_id: int, stars: int, review: str = "") -> Rating:
    """Change a rating within its edit window (``RatingLocked`` after)."""
    review = _checked(stars, review)
    edited = own_rating(ports, user_id, order_id).edited(stars, review, ports.clock.now())
    ports.ratings.replace(edited)
    refresh_restaurant_rating(ports, edited.restaurant_id)
    return edited


def refresh_restaurant_rating(ports: Ports, restaurant_id: int) -> None:
    """Store the restaurant's score of the ratings it has now."""
    store_score(ports.catalog, ports.ratings, restaurant_id)


def store_score(catalog: CatalogRepository, ratings: RatingRepository, restaurant_id: int) -> None:
    """Recount the restaurant's ratings and store its score; again while a rating landed
    between the count and the write (bounded)."""
    totals = ratings.totals(restaurant_id)
    for _ in range(_RECOUNTS):
        catalog.set_rating(restaurant_id, totals)
        again = ratings.totals(restaurant_id)
        if again == totals:
            return
        totals = again
