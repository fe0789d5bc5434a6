"""Run racers against one store at the same moment: threads sharing the in-memory store,
or worker processes that each open their own store from the URL (as two API replicas
would). Racers meet at a barrier before every round so their writes really collide.

The worker processes are spawned once per session (``RacePool``) and keep their stores
open between races: spawning and importing is most of a race's cost on a small machine.
Racer functions live at module level so a worker process can import them.
"""

from __future__ import annotations

import multiprocessing
import threading
import traceback
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TYPE_CHECKING, Any, Protocol

from adapters.clock import ManualClock
from adapters.ids import SnowflakeIds
from adapters.stores import Store, open_store
from food_core.errors import CouponUseTaken
from food_core.model import CouponUse, FoodItem, Order, Rating, RestaurantRef
from food_core.ports.requests import RequestRecord
from tests.contract.builders import Maker

if TYPE_CHECKING:
    from tests.contract.backends import Backend

TIMEOUT = 120.0
ROUNDS = 8  # collisions per race
MAX_RACERS = 4


class Barrier(Protocol):
    def wait(self, timeout: float | None = None) -> int: ...


Racer = Callable[[Store, Barrier, int, Any], Any]

_opened: dict[str, Store] = {}  # in a worker process: its store per URL


def _in_worker(url: str, racer: Racer, barrier: Barrier, worker: int, args: Any) -> Any:
    store = _opened.get(url)
    if store is None:
        store = _opened[url] = open_store(url, migrate=False)
    return racer(store, barrier, worker, args)


class RacePool:
    def __init__(self) -> None:
        ctx = multiprocessing.get_context("spawn")
        self._manager = ctx.Manager()  # barriers that can be handed to pool workers
        self._executor = ProcessPoolExecutor(max_workers=MAX_RACERS, mp_context=ctx)

    def race(self, backend: Backend, racer: Racer, args: Sequence[Any]) -> list[Any]:
        """Run ``racer(store, barrier, worker_id, args[i])`` once per element of
        ``args``, all at once; return their results in worker order (ids from 1)."""
        assert 1 < len(args) <= MAX_RACERS
        if backend.url is None:
            return _race_threads(backend.store, racer, args)
        barrier = self._manager.Barrier(len(args))
        futures = [
            self._executor.submit(_in_worker, backend.url, racer, barrier, worker, job)
            for worker, job in enumerate(args, start=1)
        ]
        try:
            return [future.result(timeout=TIMEOUT) for future in futures]
        except BaseException:
            barrier.abort()  # release the others so the pool stays usable
            raise

    def close(self) -> None:
        self._executor.shutdown(cancel_futures=True)
        self._manager.shutdown()


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
        stored = store.orders.add(mine)
        outcomes.append((stored.order_id, stored.order_id == mine.order_id))
    return outcomes


def place_same_carts(
    store: Store, barrier: Barrier, worker: int, job: tuple[int, list[int]]
) -> list[tuple[int, bool]]:
    """Place an order from each cart version, under a key of my own (another tab);
    per version: (stored order id, did I win)."""
    user_id, versions = job
    make = Maker(ManualClock(), SnowflakeIds(worker))
    outcomes = []
    for version in versions:
        mine = make.order(user_id, key=f"tab-{worker}-{version}", cart_version=version)
        barrier.wait(TIMEOUT)
        stored = store.orders.add(mine)
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
        outcomes.append(store.orders.save(confirmed, order.version))
    return outcomes


def save_same_cart(
    store: Store, barrier: Barrier, worker: int, job: tuple[int, FoodItem]
) -> list[bool]:
    """Each round: everyone reads the cart, then saves their own edit of that version."""
    user_id, item = job
    outcomes = []
    for _ in range(ROUNDS):
        barrier.wait(TIMEOUT)  # the previous round is over for everyone
        current = store.carts.get(user_id)
        assert current is not None
        edited = current.set_quantity(item, RestaurantRef(item.restaurant_id, "Dosa Corner"), 1)
        barrier.wait(TIMEOUT)
        outcomes.append(store.carts.save(edited, current.version))
    return outcomes


def claim_same_request(
    store: Store, barrier: Barrier, worker: int, records: list[RequestRecord]
) -> list[bool]:
    """Claim each request key; per key: did my claim win (None back)."""
    outcomes = []
    for record in records:
        barrier.wait(TIMEOUT)
        outcomes.append(store.request_log.claim(record) is None)
    return outcomes


def use_same_coupon(
    store: Store, barrier: Barrier, worker: int, job: tuple[int, list[str]]
) -> list[bool]:
    """Each round: place an order of my own (my key, my cart version) holding the one
    use of a coupon; per round: did my order go in."""
    user_id, codes = job
    make = Maker(ManualClock(), SnowflakeIds(worker))
    outcomes = []
    for round_, code in enumerate(codes):
        mine = make.order(
            user_id, key=f"tab-{worker}-{round_}", cart_version=100 * worker + round_,
            coupon=CouponUse(code, 1),
        )  # fmt: skip
        barrier.wait(TIMEOUT)
        try:
            outcomes.append(store.orders.add(mine).order_id == mine.order_id)
        except CouponUseTaken:
            outcomes.append(False)
    return outcomes


def rate_same_orders(
    store: Store, barrier: Barrier, worker: int, ratings: list[Rating]
) -> list[bool]:
    """Rate each order (as another tab would, at the same moment); per order: did my
    rating go in."""
    outcomes = []
    for rating in ratings:
        barrier.wait(TIMEOUT)
        outcomes.append(store.ratings.add(rating))
    return outcomes
