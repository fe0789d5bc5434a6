"""Time-ordered ids that fit in 53 bits, made without coordination (docs/design.md §3).

Layout, most significant first: 41 bits of milliseconds since 2025-01-01 UTC (good until
2094), 5 bits of worker id (each process that writes gets its own, 0–31), 7 bits of
sequence within the millisecond (128 ids per ms per worker). When a millisecond's
sequence runs out the generator borrows the next millisecond instead of sleeping, so ids
stay unique and increasing in bursts; it waits only once it is 1 s ahead of the clock.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

EPOCH_MS = 1_735_689_600_000  # 2025-01-01T00:00:00Z
TIME_BITS, WORKER_BITS, SEQUENCE_BITS = 41, 5, 7
MAX_WORKER = (1 << WORKER_BITS) - 1
MAX_SEQUENCE = (1 << SEQUENCE_BITS) - 1
MAX_ID = (1 << 53) - 1
_MAX_LEAD_MS = 1000


def _wall_ms() -> int:
    return time.time_ns() // 1_000_000


class SnowflakeIds:
    def __init__(self, worker_id: int, now_ms: Callable[[], int] = _wall_ms) -> None:
        if not 0 <= worker_id <= MAX_WORKER:
            raise ValueError(f"worker_id must be between 0 and {MAX_WORKER}, got {worker_id}")
        self._worker = worker_id
        self._now_ms = now_ms
        self._last_ms = -1
        self._sequence = 0
        self._lock = threading.Lock()

    def next_id(self) -> int:
        with self._lock:
            now = self._now_ms() - EPOCH_MS
            if now > self._last_ms:
                self._last_ms, self._sequence = now, 0
            elif self._sequence < MAX_SEQUENCE:
                self._sequence += 1
            else:
                self._last_ms, self._sequence = self._last_ms + 1, 0
                while self._last_ms - now > _MAX_LEAD_MS:
                    time.sleep(0.001)
                    now = self._now_ms() - EPOCH_MS
            return (
                (self._last_ms << (WORKER_BITS + SEQUENCE_BITS))
                | (self._worker << SEQUENCE_BITS)
                | self._sequence
            )
