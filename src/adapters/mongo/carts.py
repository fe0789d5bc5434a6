"""Carts, one document per user (``_id`` is the user id), saved by compare-and-set on
``version``."""

from __future__ import annotations

from pymongo.database import Database
from pymongo.errors import PyMongoError

from adapters.mongo.codec import from_document, to_document
from adapters.mongo.schema import CARTS, Document, is_duplicate_key
from food_core.model import Cart


class MongoCarts:
    def __init__(self, db: Database[Document]) -> None:
        self._carts = db[CARTS]

    def get(self, user_id: int) -> Cart | None:
        document = self._carts.find_one({"_id": user_id})
        return None if document is None else from_document(document, Cart)

    def save(self, cart: Cart, expected_version: int | None) -> bool:
        document = {"_id": cart.user, **to_document(cart)}
        if expected_version is None:
            # "Only if there is no cart yet" is _id refusing a second insert.
            try:
                self._carts.insert_one(document)
            except PyMongoError as error:
                if is_duplicate_key(error):
                    return False
                raise
            return True
        result = self._carts.replace_one({"_id": cart.user, "version": expected_version}, document)
        return result.matched_count == 1
