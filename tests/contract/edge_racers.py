"""Racers for the edge-state contract tests (module level, so that the race pool's
worker processes can import them; see ``tests.contract.racing``)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from adapters.stores import Store
from adapters.stream_leases import stream_leases_for
from tests.contract.racing import ROUNDS, TIMEOUT, Barrier

_UNTIL = datetime(2026, 3, 1, 10, tzinfo=UTC) + timedelta(minutes=1)


def claim_stream_leases(
    store: Store, barrier: Barrier, worker: int, lease_ids: list[str]
) -> list[list[str | None]]:
    """Each round: everyone tries to take ``len(lease_ids)`` leases at once, then gives
    back what it got; per round, what this worker got."""
    leases = stream_leases_for(store)
    rounds: list[list[str | None]] = []
    for _ in range(ROUNDS):
        barrier.wait(TIMEOUT)
        got = [leases.claim(lease_ids, _UNTIL) for _ in lease_ids]
        rounds.append(got)
        barrier.wait(TIMEOUT)  # everyone has tried before anything is given back
        for lease in got:
            if lease is not None:
                leases.release(lease)
    return rounds
