"""Ports the HTTP edge needs to stay stateless across replicas: replayable requests,
login throttling, token revocation and leases on open event streams. Kept here so every
store adapter implements them beside the domain's repositories.

Each kind of state is bounded: the periodic sweep purges what has outlived its use
(``purge`` methods), so none of it grows forever.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
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

    def purge(self, created_before: datetime) -> int:
        """Forget every record created before ``created_before`` — its retention is over,
        whatever its state — and return how many were forgotten."""
        ...


@frozen
class LoginFailure:
    failure_id: str
    at: datetime


class LoginAttempts(Protocol):
    def record_failure(self, subject: str, at: datetime) -> str:
        """Store one failure of ``subject`` at ``at`` and return its id. The throttle also
        records an attempt this way *before* checking its password, so that concurrent
        attempts count each other (and forgets it again if the password was right)."""
        ...

    def failures_since(self, subject: str, since: datetime) -> int: ...

    def failures_of(self, subject: str, since: datetime) -> list[LoginFailure]:
        """``subject``'s failures at or after ``since``, oldest first."""
        ...

    def forget(self, subject: str, failure_id: str) -> None:
        """Remove one failure by its id (nothing if it is gone)."""
        ...

    def clear(self, subject: str) -> None: ...

    def purge(self, before: datetime) -> int:
        """Forget every subject's failures from before ``before`` (outside any window
        the throttle asks about); return how many."""
        ...


class RevokedTokens(Protocol):
    def revoke(self, token_id: str, expires_at: datetime) -> None: ...

    def is_revoked(self, token_id: str) -> bool: ...

    def purge(self, expired_before: datetime) -> int:
        """Forget revocations of tokens that expired before ``expired_before`` (an
        expired token is refused anyway); return how many."""
        ...


class StreamLeases(Protocol):
    """Leases that cap how many of something exist at once across replicas (a user's
    open event streams). A lease's id names what it is a slot of, the period it covers
    and its number, e.g. ``"stream:7:1766000:2"``; taking one is an insert under that
    unique id, so of two racers exactly one gets it. A lease is never taken over: a later
    period has ids of its own, and leases whose period is over are purged."""

    def claim(self, lease_ids: Sequence[str], expires_at: datetime) -> str | None:
        """Take the first of ``lease_ids`` that nobody holds, until ``expires_at``, and
        return it; None if every one of them is held."""
        ...

    def release(self, lease_id: str) -> None:
        """Give a held lease back (nothing if it is gone)."""
        ...

    def purge(self, expired_before: datetime) -> int:
        """Forget leases that expired before ``expired_before``; return how many."""
        ...
