"""Customers' favourite restaurants: one document per (user, restaurant) under an
``_id`` naming both, so saving a saved restaurant again is an insert that fails and
changes nothing; listed newest first (index ``by_user``)."""

from __future__ import annotations

from datetime import datetime

from pymongo import DESCENDING
from pymongo.database import Database
from pymongo.errors import PyMongoError

from adapters.mongo.schema import FAVOURITES, Document, is_duplicate_key
from adapters.stored_time import datetime_text


def favourite_id(user_id: int, restaurant_id: int) -> str:
    return f"{user_id}:{restaurant_id}"


class MongoFavourites:
    def __init__(self, db: Database[Document]) -> None:
        self._favourites = db[FAVOURITES]

    def add(self, user_id: int, restaurant_id: int, at: datetime) -> None:
        document = {
            "_id": favourite_id(user_id, restaurant_id),
            "user_id": user_id,
            "restaurant_id": restaurant_id,
            "saved_at": datetime_text(at),  # fixed-width UTC text sorts in time order
        }
        try:
            self._favourites.insert_one(document)
        except PyMongoError as error:
            if not is_duplicate_key(error):
                raise

    def remove(self, user_id: int, restaurant_id: int) -> bool:
        removed = self._favourites.delete_one({"_id": favourite_id(user_id, restaurant_id)})
        return removed.deleted_count == 1

    def list_for_user(self, user_id: int, limit: int) -> list[int]:
        if limit <= 0:
            return []  # pymongo reads limit 0 as "no limit"
        found = (
            self._favourites.find({"user_id": user_id}, {"restaurant_id": True})
            .sort([("saved_at", DESCENDING), ("restaurant_id", DESCENDING)])
            .limit(limit)
        )
        return [d["restaurant_id"] for d in found]
