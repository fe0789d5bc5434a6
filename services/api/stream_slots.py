"""At most ``FOOD_SSE_MAX_PER_USER`` open event streams per user, across every replica.

The count lives in the store as leases (``StreamLeases``): slot ``n`` of user ``u`` for
time period ``p`` (``FOOD_SSE_LEASE_S`` long) is the lease ``stream:u:p:n``. Opening a
stream takes a free slot of the current period — an insert under that id, so two
replicas can never both take it — and a stream that stays open takes a slot of the
next period shortly before its period ends (and gives the old one back once it has
begun). A stream that finds no slot for the next period ends when its period does, so
at any moment at most the limit hold a slot. A stream gives its slots back when it ends;
if its replica dies instead, they lapse with their period: a lease is never taken over,
the next period simply has ids of its own.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime

from food_core.ports import Clock
from food_core.ports.requests import StreamLeases

# Renew this long before a period ends, as a fraction of the period.
RENEW_AHEAD = 1 / 3


class StreamSlot:
    """One stream's hold on its user's slots. Blocking (store calls): run in a thread."""

    def __init__(
        self,
        leases: StreamLeases,
        clock: Clock,
        user_id: int,
        *,
        limit: int,
        period_s: float,
    ) -> None:
        self._leases = leases
        self._clock = clock
        self._user_id = user_id
        self._limit = limit
        self._period_s = period_s
        self._held: dict[int, str] = {}  # period → the lease id held for it
        self._closed = False

    def _start(self, period: int) -> float:
        return period * self._period_s

    def _claim(self, period: int) -> bool:
        ids = [f"stream:{self._user_id}:{period}:{n}" for n in range(self._limit)]
        # Kept one period past its own, so the purge never races a slow holder.
        until = datetime.fromtimestamp(self._start(period + 2), tz=UTC)
        lease = self._leases.claim(ids, until)
        if lease is None:
            return False
        self._held[period] = lease
        return True

    def open(self) -> bool:
        """Take a slot for now (and for the next period if it is about to begin); False,
        holding nothing, if the user already has the limit of streams open."""
        now = self._clock.now().timestamp()
        current = math.floor(now / self._period_s)
        opened = self._claim(current)
        if opened and self._renewing(now, current):
            opened = self._claim(current + 1)
        if not opened:
            self.close()
        return opened

    def _renewing(self, now: float, current: int) -> bool:
        return now >= self._start(current + 1) - RENEW_AHEAD * self._period_s

    def keep(self) -> bool:
        """Call often while the stream is open: renew ahead, drop what has passed. False
        once the stream holds no slot for the present: it must end."""
        if self._closed:
            return False
        now = self._clock.now().timestamp()
        current = math.floor(now / self._period_s)
        held_just_before = current - 1 in self._held
        for period in [p for p in self._held if p < current]:
            self._leases.release(self._held.pop(period))
        if current not in self._held and not (held_just_before and self._claim(current)):
            # Not renewed in time (a late renewal is as safe: it is the same insert).
            return False
        if self._renewing(now, current) and current + 1 not in self._held:
            # None free: another stream got in first; this one ends with its period.
            self._claim(current + 1)
        return True

    def close(self) -> None:
        """Give every slot back; only once (a lease given back may be someone else's
        the moment after, so it must never be released twice)."""
        if self._closed:
            return
        self._closed = True
        for lease in self._held.values():
            self._leases.release(lease)
        self._held.clear()

    @property
    def retry_after_s(self) -> int:
        """How long until a slot a dead replica held has surely lapsed."""
        return max(1, math.ceil(2 * self._period_s))
