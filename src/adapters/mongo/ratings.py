"""Ratings, one document per rated order under ``_id`` = the order's id: rating once is
that insert, which a second one (even a concurrent one) cannot repeat. A restaurant's
totals are one ``$group`` of its ratings by stars (index ``by_restaurant``: restaurant
id, then stars), at most five counts added up here: FerretDB 1.24 answers 0 for every
accumulator of a ``$group`` but the first, so the group has one."""

from __future__ import annotations

from pymongo.database import Database
from pymongo.errors import PyMongoError

from adapters.mongo.codec import from_document, to_document
from adapters.mongo.schema import RATINGS, Document, is_duplicate_key
from food_core.model import Rating, RatingTotals


class MongoRatings:
    def __init__(self, db: Database[Document]) -> None:
        self._ratings = db[RATINGS]

    def add(self, rating: Rating) -> bool:
        try:
            self._ratings.insert_one({"_id": rating.order_id, **to_document(rating)})
        except PyMongoError as error:
            if is_duplicate_key(error):
                return False
            raise
        return True

    def get(self, order_id: int) -> Rating | None:
        document = self._ratings.find_one({"_id": order_id})
        return None if document is None else from_document(document, Rating)

    def replace(self, rating: Rating) -> None:
        replaced = self._ratings.replace_one(
            {"_id": rating.order_id}, {"_id": rating.order_id, **to_document(rating)}
        )
        if replaced.matched_count != 1:
            raise KeyError(f"order {rating.order_id} has no rating to replace")

    def totals(self, restaurant_id: int) -> RatingTotals:
        by_stars = {
            int(d["_id"]): int(d["count"])
            for d in self._ratings.aggregate(
                [
                    {"$match": {"restaurant_id": restaurant_id}},
                    {"$group": {"_id": "$stars", "count": {"$sum": 1}}},
                ]
            )
        }
        return RatingTotals(
            sum(by_stars.values()), sum(stars * count for stars, count in by_stars.items())
        )
