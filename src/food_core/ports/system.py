"""Ports to the outside world that every use case needs: time, ids, password hashing."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, timezone-aware (UTC)."""
        ...


class IdGenerator(Protocol):
    def next_id(self) -> int:
        """A positive id ≤ 2**53 − 1, unique across processes, roughly time-ordered."""
        ...


class PasswordHasher(Protocol):
    def hash(self, password: str) -> str: ...

    def verify(self, password_hash: str, password: str) -> bool:
        """True when ``password`` matches; never raises for a mismatch."""
        ...

    def needs_rehash(self, password_hash: str) -> bool: ...
