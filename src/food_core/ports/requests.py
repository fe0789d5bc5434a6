"""Ports the HTTP edge needs to stay stateless across replicas: replayable requests,
login throttling and token revocation. Kept here so every store adapter implements them
beside the domain's repositories."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Protocol

from attrs import frozen


class RecordState(enum.StrEnum):
    IN_PROGRESS = "IN_PROGRESS"
    COMPLETED = "COMPLETED"


@frozen
class RequestRecord:
    """One idempotent request: who sent it (scope), its key, what it asked (fingerprint)
    and, once finished, the response to replay."""

    scope: str
    key: str
    fingerprint: str
    state: RecordState
    created_at: datetime
    lease_until: datetime
    response_status: int | None = None
    response_body: str | None = None


class RequestLog(Protocol):
    def claim(self, record: RequestRecord) -> RequestRecord | None:
        """Insert ``record`` (IN_PROGRESS) under the unique (scope, key) and return None;
        if the key is taken, return the stored record — unless it is IN_PROGRESS with a
        lease that ended before ``record.created_at`` (its owner died), in which case
        ``record`` takes it over and None is returned."""
        ...

    def complete(self, scope: str, key: str, status: int, body: str) -> None: ...

    def release(self, scope: str, key: str) -> None:
        """Forget an IN_PROGRESS record whose request failed without a response to keep."""
        ...


class LoginAttempts(Protocol):
    def record_failure(self, subject: str, at: datetime) -> None: ...

    def failures_since(self, subject: str, since: datetime) -> int: ...

    def clear(self, subject: str) -> None: ...


class RevokedTokens(Protocol):
    def revoke(self, token_id: str, expires_at: datetime) -> None: ...

    def is_revoked(self, token_id: str) -> bool: ...
