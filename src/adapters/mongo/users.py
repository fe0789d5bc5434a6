"""Users: one document each, holding the password hash (which never leaves this module).

``total_orders`` is not stored: it is counted from the user's orders ever confirmed
(``orders``), so it changes in the very write that confirms an order.
"""

from __future__ import annotations

from pymongo.database import Database
from pymongo.errors import PyMongoError

from adapters.mongo.codec import from_document, to_document
from adapters.mongo.schema import ORDERS, USERS, Document, is_duplicate_key
from food_core.errors import EmailTaken, PhoneTaken
from food_core.model import User

# What a User is read with: never the hash.
_USER_FIELDS = {"password_hash": False}
_NOT_STORED = ("total_orders",)


class MongoUsers:
    def __init__(self, db: Database[Document]) -> None:
        self._users = db[USERS]
        self._orders = db[ORDERS]

    def add(self, user: User, password_hash: str) -> None:
        fields = {k: v for k, v in to_document(user).items() if k not in _NOT_STORED}
        document = {"_id": user.user_id, **fields, "password_hash": password_hash}
        try:
            self._users.insert_one(document)
        except PyMongoError as error:
            if is_duplicate_key(error):
                self._raise_taken(user)
            raise

    def _raise_taken(self, user: User) -> None:
        """Name the field that clashed. The insert itself was the check (no race); this
        only asks which unique key refused it, email first as the reference does."""
        if self._users.find_one({"email": user.email}, {"_id": True}) is not None:
            raise EmailTaken("an account with this email already exists", field="email") from None
        if self._users.find_one({"phone": user.phone}, {"_id": True}) is not None:
            raise PhoneTaken("an account with this phone already exists", field="phone") from None

    def _user(self, document: Document | None) -> User | None:
        if document is None:
            return None
        confirmed = self._orders.count_documents(
            {"user_id": document["_id"], "ever_confirmed": True}
        )
        return from_document({**document, "total_orders": confirmed}, User)

    def get(self, user_id: int) -> User | None:
        return self._user(self._users.find_one({"_id": user_id}, _USER_FIELDS))

    def get_by_email(self, email: str) -> User | None:
        return self._user(self._users.find_one({"email": email}, _USER_FIELDS))

    def password_hash(self, user_id: int) -> str | None:
        document = self._users.find_one({"_id": user_id}, {"password_hash": True})
        return None if document is None else str(document["password_hash"])

    def set_password_hash(self, user_id: int, password_hash: str) -> None:
        self._users.update_one({"_id": user_id}, {"$set": {"password_hash": password_hash}})
