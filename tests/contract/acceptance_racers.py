"""Racers for the acceptance deadline's contract tests (issue 17): module level, so that
the race pool's worker processes can import them (``tests.contract.racing``)."""

from __future__ import annotations

from datetime import datetime, timedelta

from adapters.clock import ManualClock
from adapters.ids import SnowflakeIds
from adapters.memory import FakePaymentGateway, FastTestHasher
from adapters.stores import Store, ports_for
from food_core.usecases import expire_unaccepted_orders
from tests.contract.racing import TIMEOUT, Barrier

WINDOW = timedelta(minutes=5)


def sweep_unaccepted(store: Store, barrier: Barrier, worker: int, at: datetime) -> int:
    """One replica's sweep at ``at``, all at once: how many orders this one cancelled."""
    clock = ManualClock(at)
    ports = ports_for(
        store,
        hasher=FastTestHasher(),
        clock=clock,
        ids=SnowflakeIds(worker),
        gateway=FakePaymentGateway(clock),
    )
    barrier.wait(TIMEOUT)
    return expire_unaccepted_orders(ports, window=WINDOW)
