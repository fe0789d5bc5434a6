"""Revoked sessions, asked of the shared store with a short memory of each "not revoked".

Every authenticated request asks whether its token was revoked (logged out). Asking the
store each time is one round trip per request — a third of a checkout's store commands.
A replica remembers a "not revoked" answer for ``ttl_s`` (FOOD_REVOCATION_CACHE_S, 1 s on
the stack): a logout is refused at once by the replica that handled it (it forgets its
own memory of that token), and by every other replica within ``ttl_s``. ``ttl_s`` 0
asks every time. A "revoked" answer is final and needs no memory: the request fails.
"""

from __future__ import annotations

import threading
from datetime import datetime, timedelta

from food_core.ports import Clock
from food_core.ports.requests import RevokedTokens

_MAX_REMEMBERED = 100_000  # bounded memory: a full table is simply emptied


class RememberedRevocations:
    """A ``RevokedTokens`` in front of the store's, remembering "not revoked" briefly."""

    def __init__(self, store: RevokedTokens, clock: Clock, ttl_s: float) -> None:
        self._store = store
        self._clock = clock
        self._ttl = timedelta(seconds=ttl_s)
        self._lock = threading.Lock()
        self._checked: dict[str, datetime] = {}  # token id → when "not revoked" was heard

    def is_revoked(self, token_id: str) -> bool:
        now = self._clock.now()
        if self._ttl:
            with self._lock:
                heard = self._checked.get(token_id)
            if heard is not None and now - heard < self._ttl:
                return False
        if self._store.is_revoked(token_id):
            self._forget(token_id)
            return True
        if self._ttl:
            with self._lock:
                if len(self._checked) >= _MAX_REMEMBERED:
                    self._checked.clear()
                self._checked[token_id] = now
        return False

    def revoke(self, token_id: str, expires_at: datetime) -> None:
        self._forget(token_id)
        self._store.revoke(token_id, expires_at)

    def purge(self, expired_before: datetime) -> int:
        return self._store.purge(expired_before)

    def _forget(self, token_id: str) -> None:
        with self._lock:
            self._checked.pop(token_id, None)
