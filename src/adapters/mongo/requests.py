"""The HTTP edge's shared state in MongoDB, so that every API replica sees the same:
the idempotent request log, login failures (throttling), revoked tokens and the leases
on open event streams.

A request record's ``_id`` is a fresh ObjectId and (scope, key) is a unique index: the
claim is the insert, and taking over an abandoned record deletes *that* record by its
own ``_id`` — the one kind of delete FerretDB makes exact (it matches filters in Go,
then deletes by ``_id``), so of two takers only one removes it and goes on to insert.

A stream lease is a document whose ``_id`` is the lease's id: taking one is that insert
(FerretDB's one atomic write), never a read-then-update; which ids are held is read by
``_id: {$in: …}``, the one lookup FerretDB answers from an index. Purges filter on a
date and so are scans on FerretDB: the sweep runs them rarely (FOOD_PURGE_INTERVAL_S).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bson import ObjectId
from bson.errors import InvalidId
from pymongo.database import Database
from pymongo.errors import PyMongoError

from adapters.mongo.codec import converter, from_document, to_document
from adapters.mongo.schema import (
    LOGIN_FAILURES,
    REQUEST_LOG,
    REVOKED_TOKENS,
    STREAM_LEASES,
    Document,
    is_duplicate_key,
)
from adapters.stored_time import datetime_text
from food_core.ports.requests import LoginFailure, RecordState, RequestRecord

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

    def purge(self, created_before: datetime) -> int:
        cutoff = datetime_text(created_before)  # fixed-width UTC text sorts as time
        return self._records.delete_many({"created_at": {"$lt": cutoff}}).deleted_count


def _object_id(text: str) -> ObjectId | None:
    try:
        return ObjectId(text)
    except (InvalidId, TypeError):
        return None


class MongoLoginAttempts:
    def __init__(self, db: Database[Document]) -> None:
        self._failures = db[LOGIN_FAILURES]

    def record_failure(self, subject: str, at: datetime) -> str:
        inserted = self._failures.insert_one({"subject": subject, "at": datetime_text(at)})
        return str(inserted.inserted_id)

    def failures_since(self, subject: str, since: datetime) -> int:
        cutoff = datetime_text(since)
        # Forget what no window needs any more, as the reference does.
        self._failures.delete_many({"subject": subject, "at": {"$lt": cutoff}})
        return self._failures.count_documents({"subject": subject, "at": {"$gte": cutoff}})

    def failures_of(self, subject: str, since: datetime) -> list[LoginFailure]:
        found = self._failures.find({"subject": subject, "at": {"$gte": datetime_text(since)}})
        failures = [(d["at"], d["_id"]) for d in found]
        return [
            LoginFailure(str(oid), converter.structure(at, datetime))
            for at, oid in sorted(failures)
        ]

    def forget(self, subject: str, failure_id: str) -> None:
        oid = _object_id(failure_id)
        if oid is not None:
            self._failures.delete_one({"_id": oid})

    def clear(self, subject: str) -> None:
        self._failures.delete_many({"subject": subject})

    def purge(self, before: datetime) -> int:
        cutoff = datetime_text(before)
        return self._failures.delete_many({"at": {"$lt": cutoff}}).deleted_count


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

    def purge(self, expired_before: datetime) -> int:
        cutoff = datetime_text(expired_before)
        return self._revoked.delete_many({"expires_at": {"$lt": cutoff}}).deleted_count


class MongoStreamLeases:
    def __init__(self, db: Database[Document]) -> None:
        self._leases = db[STREAM_LEASES]

    def claim(self, lease_ids: Sequence[str], expires_at: datetime) -> str | None:
        ids = list(lease_ids)
        if not ids:
            return None
        held = {d["_id"] for d in self._leases.find({"_id": {"$in": ids}}, {"_id": True})}
        until = datetime_text(expires_at)
        for lease_id in ids:
            if lease_id in held:
                continue
            try:
                self._leases.insert_one({"_id": lease_id, "expires_at": until})
            except PyMongoError as error:
                if not is_duplicate_key(error):
                    raise
                continue  # taken since we looked: try the next one
            return lease_id
        return None

    def release(self, lease_id: str) -> None:
        self._leases.delete_one({"_id": lease_id})

    def purge(self, expired_before: datetime) -> int:
        cutoff = datetime_text(expired_before)
        return self._leases.delete_many({"expires_at": {"$lt": cutoff}}).deleted_count
