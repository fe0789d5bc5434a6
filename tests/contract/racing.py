"""Run racers against one store at the same moment: threads sharing the in-memory store,
or spawned processes that each open their own store from the URL (as two API replicas
would). Racers meet at a barrier before every round so their writes really collide.

Racer functions live at module level so a spawned process can import them.
"""

from __future__ import annotations

import multiprocessing
import queue
import threading
import traceback
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from adapters.clock import ManualClock
from adapters.ids import SnowflakeIds
from adapters.stores import Store, open_store
from food_core.model import Order, OrderStatus
from tests.contract.builders import Maker

if TYPE_CHECKING:
    from tests.contract.backends import Backend

TIMEOUT = 120.0


class Barrier(Protocol):
    def wait(self, timeout: float | None = None) -> int: ...


Racer = Callable[[Store, Barrier, int, Any], Any]


def _in_process(
    url: str, racer: Racer, barrier: Barrier, worker: int, args: Any, results: Any
) -> None:
    try:
        store = open_store(url, migrate=False)
        try:
            results.put((worker, "ok", racer(store, barrier, worker, args)))
        finally:
            store.close()
    except BaseException:
        results.put((worker, "error", traceback.format_exc()))
        raise


def race(backend: Backend, racer: Racer, args: Sequence[Any]) -> list[Any]:
    """Run ``racer(store, barrier, worker_id, args[i])`` once per element of ``args``,
    concurrently; return their results in worker order (worker ids start at 1)."""
    n = len(args)
    if backend.url is None:
        return _race_threads(backend.store, racer, args)
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(n)
    results = ctx.Queue()
    processes = [
        ctx.Process(
            target=_in_process,
            args=(backend.url, racer, barrier, worker, args[worker - 1], results),
            daemon=True,
        )
        for worker in range(1, n + 1)
    ]
    for process in processes:
        process.start()
    collected: dict[int, Any] = {}
    try:
        for _ in range(n):
            worker, outcome, value = results.get(timeout=TIMEOUT)
            if outcome != "ok":
                raise AssertionError(f"racer {worker} failed:\n{value}")
            collected[worker] = value
    except queue.Empty:
        raise AssertionError(f"racers did not finish within {TIMEOUT:g}s") from None
    finally:
        for process in processes:
            process.join(timeout=10)
            if process.is_alive():
                process.kill()
                process.join()
    return [collected[w] for w in range(1, n + 1)]


def _race_threads(store: Store, racer: Racer, args: Sequence[Any]) -> list[Any]:
    barrier = threading.Barrier(len(args))
    collected: dict[int, Any] = {}
    errors: list[str] = []

    def run(worker: int) -> None:
        try:
            collected[worker] = racer(store, barrier, worker, args[worker - 1])
        except BaseException:
            errors.append(traceback.format_exc())
            barrier.abort()

    threads = [threading.Thread(target=run, args=(w,)) for w in range(1, len(args) + 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(TIMEOUT)
    assert not errors, errors[0]
    return [collected[w] for w in range(1, len(args) + 1)]


# --- racers ---


def claim_same_keys(
    store: Store, barrier: Barrier, worker: int, job: tuple[int, list[str]]
) -> list[tuple[int, bool]]:
    """Claim a fresh order under each key; per key: (stored order id, did I win)."""
    user_id, keys = job
    make = Maker(ManualClock(), SnowflakeIds(worker))
    outcomes = []
    for key in keys:
        mine = make.order(user_id, key=key)
        barrier.wait(TIMEOUT)
        stored = store.orders.claim(mine)
        outcomes.append((stored.order_id, stored.order_id == mine.order_id))
    return outcomes


def confirm_same_orders(
    store: Store, barrier: Barrier, worker: int, orders: list[Order]
) -> list[bool]:
    """Try to confirm each order; per order: did my compare-and-set win."""
    make = Maker(ManualClock(), SnowflakeIds(worker))
    outcomes = []
    for order in orders:
        confirmed = make.confirmed(order)
        barrier.wait(TIMEOUT)
        outcomes.append(store.orders.transition(confirmed, OrderStatus.PENDING_PAYMENT))
    return outcomes
