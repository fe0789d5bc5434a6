"""Carts, one document per user (``_id`` is the user id), saved by compare-and-set on
``version`` (``moves``: atomic on MongoDB and FerretDB alike)."""

from __future__ import annotations

from pymongo.database import Database
from pymongo.errors import PyMongoError

from adapters.mongo.codec import from_document, to_document
from adapters.mongo.moves import Versioned
from adapters.mongo.schema import CART_MOVES, CARTS, Document, is_duplicate_key
from food_core.model import Cart


class MongoCarts:
    def __init__(self, db: Database[Document]) -> None:
        self._carts = db[CARTS]
        self._versions = Versioned(self._carts, db[CART_MOVES])

    def get(self, user_id: int) -> Cart | None:
        document = self._carts.find_one({"_id": user_id})
        return None if document is None else from_document(document, Cart)

    def save(self, cart: Cart, expected_version: int | None) -> bool:
        fields = to_document(cart)
        if expected_version is None:
            # "Only if there is no cart yet" is _id refusing a second insert.
            try:
                self._versions.insert(cart.user, fields)
            except PyMongoError as error:
                if is_duplicate_key(error):
                    return False
                raise
            return True
        return self._versions.save(cart.user, expected_version, fields)
