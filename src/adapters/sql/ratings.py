"""Ratings, one row per rated order: rating once is an insert under the order's id that
a second one (even a concurrent one) cannot repeat; a restaurant's totals are a count
and a sum read from ``ix_ratings_by_restaurant`` (restaurant id, stars)."""

from __future__ import annotations

import sqlalchemy as sa

from adapters.sql.database import Database, insert_new
from adapters.sql.tables import ratings
from food_core.model import Rating, RatingTotals

_r = ratings.c


def _row(rating: Rating) -> dict[str, object]:
    return {
        "order_id": rating.order_id,
        "user_id": rating.user,
        "restaurant_id": rating.restaurant_id,
        "stars": rating.stars,
        "review": rating.review,
        "created_at": rating.created_at,
        "updated_at": rating.updated_at,
    }


def _rating(m: sa.RowMapping) -> Rating:
    return Rating(
        order_id=m["order_id"],
        user=m["user_id"],
        restaurant_id=m["restaurant_id"],
        stars=m["stars"],
        review=m["review"],
        created_at=m["created_at"],
        updated_at=m["updated_at"],
    )


class SqlRatings:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, rating: Rating) -> bool:
        with self._db.writing() as c:
            return insert_new(c, ratings, _row(rating))

    def get(self, order_id: int) -> Rating | None:
        with self._db.reading() as c:
            m = c.execute(sa.select(ratings).where(_r.order_id == order_id)).mappings().first()
        return None if m is None else _rating(m)

    def replace(self, rating: Rating) -> None:
        with self._db.writing() as c:
            replaced = c.execute(
                sa.update(ratings).where(_r.order_id == rating.order_id).values(_row(rating))
            )
            if replaced.rowcount != 1:
                raise KeyError(f"order {rating.order_id} has no rating to replace")

    def totals(self, restaurant_id: int) -> RatingTotals:
        with self._db.reading() as c:
            count, stars = c.execute(
                sa.select(sa.func.count(), sa.func.coalesce(sa.func.sum(_r.stars), 0)).where(
                    _r.restaurant_id == restaurant_id
                )
            ).one()
        return RatingTotals(int(count), int(stars))
