"""Racers for the contract tests of issue 12's caps — stream leases, the address book —
(module level, so that the race pool's worker processes can import them; see
``tests.contract.racing``)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from adapters.clock import ManualClock
from adapters.ids import SnowflakeIds
from adapters.memory import FakePaymentGateway, FastTestHasher
from adapters.stores import Store, ports_for
from adapters.stream_leases import stream_leases_for
from food_core.errors import ValidationFailed
from food_core.usecases import add_address
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


def add_addresses(store: Store, barrier: Barrier, worker: int, job: tuple[int, int]) -> list[bool]:
    """Add ``count`` addresses to ``user``'s book through the use case, each at the same
    moment as the other workers' adds; per add, whether it was accepted."""
    user, count = job
    clock = ManualClock()
    ports = ports_for(
        store,
        gateway=FakePaymentGateway(clock),
        hasher=FastTestHasher(),
        clock=clock,
        ids=SnowflakeIds(worker),
    )
    outcomes = []
    for n in range(count):
        barrier.wait(TIMEOUT)
        try:
            add_address(
                ports, user, label=f"Place {worker}.{n}", line1="12 MG Road",
                city_name="Bengaluru", pincode="560001",
            )  # fmt: skip
        except ValidationFailed:
            outcomes.append(False)
        else:
            outcomes.append(True)
    return outcomes
