"""The address book: one document per address.

``add`` with a ``limit`` (the cap on a user's addresses) must hold under concurrent adds
on FerretDB, where the only atomic write is an insert under a unique index: a count
followed by an insert would let two adds both count 19 and both insert. So the add
first takes the user's address-book lock — a document inserted under
``_id: "<user>"`` in ``address_book_locks`` (of two inserts one fails) — then counts and
inserts, then deletes the lock. A lock carries a lease, so one left by a process that
died is taken over once the lease has passed.
"""

from __future__ import annotations

import secrets
import time
from datetime import UTC, datetime, timedelta

from pymongo.database import Database
from pymongo.errors import PyMongoError

from adapters.mongo.codec import from_document, to_document
from adapters.mongo.schema import ADDRESS_BOOK_LOCKS, ADDRESSES, Document, is_duplicate_key
from adapters.stored_time import datetime_text
from food_core.errors import ConcurrentUpdate
from food_core.model import Address

LOCK_LEASE = timedelta(seconds=10)
LOCK_WAIT_S = 5.0
_RETRY_S = 0.01


class MongoAddresses:
    def __init__(self, db: Database[Document]) -> None:
        self._addresses = db[ADDRESSES]
        self._locks = db[ADDRESS_BOOK_LOCKS]

    def add(self, address: Address, limit: int | None = None) -> bool:
        document = {"_id": address.address_id, **to_document(address)}
        if limit is None:
            self._addresses.replace_one({"_id": address.address_id}, document, upsert=True)
            return True
        token = self._lock(address.user)
        try:
            others = self._addresses.count_documents(
                {"user_id": address.user, "_id": {"$ne": address.address_id}}
            )
            if others >= limit:
                return False
            self._addresses.replace_one({"_id": address.address_id}, document, upsert=True)
            return True
        finally:
            self._locks.delete_one({"_id": address.user, "token": token})

    def _lock(self, user_id: int) -> str:
        """Take the user's address-book lock; raise ConcurrentUpdate (a retryable 409)
        if another add holds it for longer than it should."""
        token = secrets.token_hex(8)
        deadline = time.monotonic() + LOCK_WAIT_S
        while True:
            # The adapter's own wall clock: the lease only guards against a dead holder.
            now = datetime.now(UTC)
            lease = {"_id": user_id, "token": token, "until": datetime_text(now + LOCK_LEASE)}
            try:
                self._locks.insert_one(lease)
                return token
            except PyMongoError as error:
                if not is_duplicate_key(error):
                    raise
            held = self._locks.find_one({"_id": user_id})
            if held is not None and held["until"] < datetime_text(now):
                # Its holder died: remove that very lock (by its token), then race afresh.
                self._locks.delete_one({"_id": user_id, "token": held["token"]})
                continue
            if time.monotonic() >= deadline:
                raise ConcurrentUpdate(
                    "the address book is being changed by another request; retry",
                    field="address",
                )
            time.sleep(_RETRY_S)

    def get(self, address_id: int) -> Address | None:
        document = self._addresses.find_one({"_id": address_id})
        return None if document is None else from_document(document, Address)

    def list_for_user(self, user_id: int) -> list[Address]:
        found = self._addresses.find({"user_id": user_id}).sort("_id", 1)
        return [from_document(d, Address) for d in found]

    def delete(self, address_id: int, user_id: int) -> bool:
        result = self._addresses.delete_one({"_id": address_id, "user_id": user_id})
        return result.deleted_count == 1
