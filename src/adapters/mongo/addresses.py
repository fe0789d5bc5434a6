"""The address book: one document per address."""

from __future__ import annotations

from pymongo.database import Database

from adapters.mongo.codec import from_document, to_document
from adapters.mongo.schema import ADDRESSES, Document
from food_core.model import Address


class MongoAddresses:
    def __init__(self, db: Database[Document]) -> None:
        self._addresses = db[ADDRESSES]

    def add(self, address: Address) -> None:
        document = {"_id": address.address_id, **to_document(address)}
        self._addresses.replace_one({"_id": address.address_id}, document, upsert=True)

    def get(self, address_id: int) -> Address | None:
        document = self._addresses.find_one({"_id": address_id})
        return None if document is None else from_document(document, Address)

    def list_for_user(self, user_id: int) -> list[Address]:
        found = self._addresses.find({"user_id": user_id}).sort("_id", 1)
        return [from_document(d, Address) for d in found]

    def delete(self, address_id: int, user_id: int) -> bool:
        result = self._addresses.delete_one({"_id": address_id, "user_id": user_id})
        return result.deleted_count == 1
