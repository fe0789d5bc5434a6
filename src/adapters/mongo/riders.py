"""Riders, one document each under ``_id`` = the rider's id, changed by compare-and-set on
``version`` (``moves``: atomic on MongoDB and FerretDB alike), so of two dispatchers
claiming one free rider exactly one succeeds. ``free`` is a top-level copy of ``order_id``
being null, for the indexes: a city's free riders by id (``free_by_city``), the busy ones
by their last change (``busy``); the rider holding an order comes from ``by_order``."""

from __future__ import annotations

from datetime import datetime

from pymongo.cursor import Cursor
from pymongo.database import Database
from pymongo.errors import PyMongoError

from adapters.mongo.codec import from_document, to_document
from adapters.mongo.moves import Versioned
from adapters.mongo.schema import RIDER_MOVES, RIDERS, Document, is_duplicate_key
from adapters.stored_time import datetime_text
from food_core.model import Rider


def rider_fields(rider: Rider) -> Document:
    return {**to_document(rider), "free": rider.is_free}


class MongoRiders:
    def __init__(self, db: Database[Document]) -> None:
        self._riders = db[RIDERS]
        self._versions = Versioned(self._riders, db[RIDER_MOVES])

    def add(self, rider: Rider) -> None:
        try:
            self._versions.insert(rider.rider_id, rider_fields(rider))
        except PyMongoError as error:
            if not is_duplicate_key(error):
                raise

    def get(self, rider_id: int) -> Rider | None:
        document = self._riders.find_one({"_id": rider_id})
        return None if document is None else from_document(document, Rider)

    def save(self, rider: Rider, expected_version: int) -> bool:
        return self._versions.save(rider.rider_id, expected_version, rider_fields(rider))

    def _list(self, found: Cursor[Document], limit: int) -> list[Rider]:
        if limit <= 0:
            return []  # pymongo reads limit 0 as "no limit", a negative one as one batch
        return [from_document(d, Rider) for d in found.limit(limit)]

    def list_free(self, city_pincode: str, limit: int) -> list[Rider]:
        found = self._riders.find({"city_pincode": city_pincode, "free": True}).sort("_id", 1)
        return self._list(found, limit)

    def holding(self, order_id: int) -> Rider | None:
        # Two riders hold one order only while a lost hand-over gives one back: either.
        found = self._list(self._riders.find({"order_id": order_id}).sort("_id", 1), 1)
        return found[0] if found else None

    def list_busy(self, updated_before: datetime, limit: int) -> list[Rider]:
        # Fixed-width UTC text compares in time order (see codec).
        where = {"free": False, "updated_at": {"$lt": datetime_text(updated_before)}}
        found = self._riders.find(where).sort([("updated_at", 1), ("_id", 1)])
        return self._list(found, limit)
