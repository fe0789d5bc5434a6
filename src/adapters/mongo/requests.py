"""The HTTP edge's shared state in MongoDB, so that every API replica sees the same:
the idempotent request log, login failures (throttling) and revoked tokens.

A request record's ``_id`` is a fresh ObjectId and (scope, key) is a unique index: the
claim is the insert, and taking over an abandoned record deletes *that* record by its
own ``_id`` — the one kind of delete FerretDB makes exact (it matches filters in Go,
then deletes by ``_id``), so of two takers only one removes it and goes on to insert.
"""

from __future__ import annotations

from datetime import datetime

from pymongo.database import Database
from pymongo.errors import PyMongoError

from adapters.mongo.codec import datetime_text, from_document, to_document
from adapters.mongo.schema import (
    LOGIN_FAILURES,
    REQUEST_LOG,
    REVOKED_TOKENS,
    Document,
    is_duplicate_key,
)
from food_core.ports.requests import RecordState, RequestRecord

_CLAIM_ATTEMPTS = 8


class MongoRequestLog:
    def __init__(self, db: Database[Document]) -> None:
        self._records = db[REQUEST_LOG]

    def claim(self, record: RequestRecord) -> RequestRecord | None:
        created_at = datetime_text(record.created_at)
        for _ in range(_CLAIM_ATTEMPTS):
            try:
                self._records.insert_one(to_document(record))
                return None
            except PyMongoError as error:
                if not is_duplicate_key(error):
                    raise
            stored = self._records.find_one({"scope": record.scope, "key": record.key})
            if stored is None:
                continue  # released between our insert and our look: claim it afresh
            abandoned = (
                stored["state"] == RecordState.IN_PROGRESS.value
                and stored["lease_until"] < created_at  # fixed-width UTC text (codec)
            )
            if not abandoned:
                return from_document(stored, RequestRecord)
            # Its owner's lease ran out (it died mid-request): remove that very record,
            # then claim the key like anyone else.
            self._records.delete_one({"_id": stored["_id"]})
        raise RuntimeError(f"could not claim request key {record.key!r}: it kept changing")

    def complete(self, scope: str, key: str, status: int, body: str) -> None:
        self._records.update_one(
            {"scope": scope, "key": key},
            {
                "$set": {
                    "state": RecordState.COMPLETED.value,
                    "response_status": status,
                    "response_body": body,
                }
            },
        )

    def release(self, scope: str, key: str) -> None:
        self._records.delete_one(
            {"scope": scope, "key": key, "state": RecordState.IN_PROGRESS.value}
        )


class MongoLoginAttempts:
    def __init__(self, db: Database[Document]) -> None:
        self._failures = db[LOGIN_FAILURES]

    def record_failure(self, subject: str, at: datetime) -> None:
        self._failures.insert_one({"subject": subject, "at": datetime_text(at)})

    def failures_since(self, subject: str, since: datetime) -> int:
        cutoff = datetime_text(since)
        # Forget what no window needs any more, as the reference does.
        self._failures.delete_many({"subject": subject, "at": {"$lt": cutoff}})
        return self._failures.count_documents({"subject": subject, "at": {"$gte": cutoff}})

    def clear(self, subject: str) -> None:
        self._failures.delete_many({"subject": subject})


class MongoRevokedTokens:
    def __init__(self, db: Database[Document]) -> None:
        self._revoked = db[REVOKED_TOKENS]

    def revoke(self, token_id: str, expires_at: datetime) -> None:
        self._revoked.replace_one(
            {"_id": token_id},
            {"_id": token_id, "expires_at": datetime_text(expires_at)},
            upsert=True,
        )

    def is_revoked(self, token_id: str) -> bool:
        return self._revoked.find_one({"_id": token_id}, {"_id": True}) is not None
