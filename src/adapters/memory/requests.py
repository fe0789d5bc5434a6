"""In-memory request log, login attempts and token revocations (one process only: the
API's replicas use a shared store instead)."""

from __future__ import annotations

import threading
from datetime import datetime

from attrs import evolve

from food_core.ports.requests import RecordState, RequestRecord


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


class MemoryLoginAttempts:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._failures: dict[str, list[datetime]] = {}

    def record_failure(self, subject: str, at: datetime) -> None:
        with self._lock:
            self._failures.setdefault(subject, []).append(at)

    def failures_since(self, subject: str, since: datetime) -> int:
        with self._lock:
            recent = [t for t in self._failures.get(subject, []) if t >= since]
            self._failures[subject] = recent  # forget what no window needs any more
            return len(recent)

    def clear(self, subject: str) -> None:
        with self._lock:
            self._failures.pop(subject, None)


class MemoryRevokedTokens:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._revoked: dict[str, datetime] = {}

    def revoke(self, token_id: str, expires_at: datetime) -> None:
        with self._lock:
            self._revoked[token_id] = expires_at

    def is_revoked(self, token_id: str) -> bool:
        return token_id in self._revoked
