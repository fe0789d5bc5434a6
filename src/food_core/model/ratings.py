"""Customers' ratings of delivered orders, and the restaurant score they add up to.

The score is a Bayesian average: each restaurant starts with ``PRIOR_WEIGHT`` imaginary
ratings of ``PRIOR_MEAN`` stars, so a handful of ratings moves it only part of the way —
three 5-star ratings score (10 × 3.5 + 15) / 13 ≈ 3.85, below a thousand 4.5-star ratings'
(35 + 4,500) / 1,010 ≈ 4.49 — and with many ratings it tends to their plain mean.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from attrs import evolve, field, frozen, validators

from food_core.errors import RatingLocked

MIN_STARS = 1
MAX_STARS = 5
MAX_REVIEW_LENGTH = 500
EDIT_WINDOW = timedelta(hours=24)
PRIOR_MEAN = 3.5
PRIOR_WEIGHT = 10


def _review(_instance: object, _attribute: object, value: str) -> None:
    if len(value) > MAX_REVIEW_LENGTH:
        raise ValueError(f"a review is at most {MAX_REVIEW_LENGTH} characters")


@frozen
class Rating:
    """One per order, by the customer who placed it, once it was delivered."""

    order_id: int
    user: int
    restaurant_id: int
    stars: int = field(validator=[validators.ge(MIN_STARS), validators.le(MAX_STARS)])
    review: str = field(validator=_review)
    created_at: datetime
    updated_at: datetime

    @property
    def editable_until(self) -> datetime:
        return self.created_at + EDIT_WINDOW

    def edited(self, stars: int, review: str, now: datetime) -> Rating:
        if now > self.editable_until:
            raise RatingLocked(
                f"a rating can be changed for {EDIT_WINDOW.total_seconds() / 3600:g} hours "
                "after it was given",
                field="order_id",
            )
        return evolve(self, stars=stars, review=review, updated_at=now)


@frozen
class RatingTotals:
    """A restaurant's ratings as a count and a sum of stars."""

    count: int = field(default=0, validator=validators.ge(0))
    stars: int = field(default=0, validator=validators.ge(0))

    @property
    def score(self) -> float:
        return (PRIOR_WEIGHT * PRIOR_MEAN + self.stars) / (PRIOR_WEIGHT + self.count)
