"""Users: one document each, holding the password hash and the order-count bookkeeping
(``counted_orders``, see ``orders``), neither of which leaves this module."""

from __future__ import annotations

from pymongo.database import Database
from pymongo.errors import PyMongoError

from adapters.mongo.codec import from_document, to_document
from adapters.mongo.schema import USERS, Document, is_duplicate_key
from food_core.errors import EmailTaken, PhoneTaken
from food_core.model import User

# What a User is read with: never the hash, never the bookkeeping.
_USER_FIELDS = {"password_hash": False, "counted_orders": False}


class MongoUsers:
    def __init__(self, db: Database[Document]) -> None:
        self._users = db[USERS]

    def add(self, user: User, password_hash: str) -> None:
        document = {"_id": user.user_id, **to_document(user), "password_hash": password_hash}
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

    def get(self, user_id: int) -> User | None:
        document = self._users.find_one({"_id": user_id}, _USER_FIELDS)
        return None if document is None else from_document(document, User)

    def get_by_email(self, email: str) -> User | None:
        document = self._users.find_one({"email": email}, _USER_FIELDS)
        return None if document is None else from_document(document, User)

    def password_hash(self, user_id: int) -> str | None:
        document = self._users.find_one({"_id": user_id}, {"password_hash": True})
        return None if document is None else str(document["password_hash"])

    def set_password_hash(self, user_id: int, password_hash: str) -> None:
        self._users.update_one({"_id": user_id}, {"$set": {"password_hash": password_hash}})
