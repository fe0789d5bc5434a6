"""In-memory request log, login attempts, token revocations and stream leases (one
process only: the API's replicas use a shared store instead)."""

from __future__ import annotations

import itertools
import threading
from collections.abc import Sequence
from datetime import datetime

from attrs import evolve

from food_core.ports.requests import LoginFailure, RecordState, RequestRecord


class MemoryRequestLog:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._records: dict[tuple[str, str], RequestRecord] = {}

    def claim(self, record: RequestRecord) -> RequestRecord | None:
        key = (record.scope, record.key)
        with self._lock:
            stored = self._records.get(key)
            abandoned = (
                stored is not None
                and stored.state is RecordState.IN_PROGRESS
                and stored.lease_until < record.created_at
            )
            if stored is None or abandoned:
                self._records[key] = record
                return None
            return stored

    def complete(self, scope: str, key: str, status: int, body: str) -> None:
        with self._lock:
            stored = self._records.get((scope, key))
            if stored is not None:
                self._records[(scope, key)] = evolve(
                    stored, state=RecordState.COMPLETED, response_status=status, response_body=body
                )

    def release(self, scope: str, key: str) -> None:
        with self._lock:
            stored = self._records.get((scope, key))
            if stored is not None and stored.state is RecordState.IN_PROGRESS:
                del self._records[(scope, key)]

    def purge(self, created_before: datetime) -> int:
        with self._lock:
            old = [k for k, r in self._records.items() if r.created_at < created_before]
            for key in old:
                del self._records[key]
            return len(old)


class MemoryLoginAttempts:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._ids = itertools.count(1)
        self._failures: dict[str, list[LoginFailure]] = {}

    def record_failure(self, subject: str, at: datetime) -> str:
        with self._lock:
            failure = LoginFailure(str(next(self._ids)), at)
            self._failures.setdefault(subject, []).append(failure)
            return failure.failure_id

    def failures_since(self, subject: str, since: datetime) -> int:
        with self._lock:
            recent = [f for f in self._failures.get(subject, []) if f.at >= since]
            self._failures[subject] = recent  # forget what no window needs any more
            return len(recent)

    def failures_of(self, subject: str, since: datetime) -> list[LoginFailure]:
        with self._lock:
            found = [f for f in self._failures.get(subject, []) if f.at >= since]
        return sorted(found, key=lambda f: (f.at, int(f.failure_id)))

    def forget(self, subject: str, failure_id: str) -> None:
        with self._lock:
            failures = self._failures.get(subject, [])
            self._failures[subject] = [f for f in failures if f.failure_id != failure_id]

    def clear(self, subject: str) -> None:
        with self._lock:
            self._failures.pop(subject, None)

    def purge(self, before: datetime) -> int:
        with self._lock:
            purged = 0
            for subject in list(self._failures):
                kept = [f for f in self._failures[subject] if f.at >= before]
                purged += len(self._failures[subject]) - len(kept)
                if kept:
                    self._failures[subject] = kept
                else:
                    del self._failures[subject]
            return purged


class MemoryRevokedTokens:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._revoked: dict[str, datetime] = {}

    def revoke(self, token_id: str, expires_at: datetime) -> None:
        with self._lock:
            self._revoked[token_id] = expires_at

    def is_revoked(self, token_id: str) -> bool:
        return token_id in self._revoked

    def purge(self, expired_before: datetime) -> int:
        with self._lock:
            old = [t for t, expires in self._revoked.items() if expires < expired_before]
            for token_id in old:
                del self._revoked[token_id]
            return len(old)


class MemoryStreamLeases:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._leases: dict[str, datetime] = {}

    def claim(self, lease_ids: Sequence[str], expires_at: datetime) -> str | None:
        with self._lock:
            for lease_id in lease_ids:
                if lease_id not in self._leases:
                    self._leases[lease_id] = expires_at
                    return lease_id
            return None

    def release(self, lease_id: str) -> None:
        with self._lock:
            self._leases.pop(lease_id, None)

    def purge(self, expired_before: datetime) -> int:
        with self._lock:
            old = [i for i, expires in self._leases.items() if expires < expired_before]
            for lease_id in old:
                del self._leases[lease_id]
            return len(old)
