"""Handing orders to riders on every store (issue 18): dispatchers racing over more
waiting orders than free riders give each rider one order and each order one rider, and
a hand-over stopped half-way (rider claimed, order not written) is finished later — by
the next dispatch, or by the sweep's ``release_finished_riders``."""

from __future__ import annotations

from datetime import timedelta

from adapters.clock import ManualClock
from adapters.demo_map import DemoMap
from adapters.stores import Store
from food_core.model import DeliveryStatus, Order, OrderStatus, Rider
from food_core.usecases import dispatch_waiting, mark_ready, pick_up, release_finished_riders
from food_core.usecases.changing import change_order
from food_core.usecases.dispatching import HAND_OVER_GRACE, dispatch
from tests.contract.backends import Backend
from tests.contract.dispatch_racers import Kitchen, dispatch_rounds
from tests.contract.racing import RacePool

ROUNDS = 3
RIDERS_PER_ROUND = 2
ORDERS = 9  # more than the riders of all rounds


def _stored(
    store: Store, orders: list[Order], riders: list[Rider]
) -> tuple[dict[int, Order], dict[int, Rider]]:
    found_orders = {o.order_id: store.orders.get(o.order_id) for o in orders}
    found_riders = {r.rider_id: store.riders.get(r.rider_id) for r in riders}
    assert None not in found_orders.values() and None not in found_riders.values()
    return found_orders, found_riders  # type: ignore[return-value]


def _assert_consistent(
    store: Store, orders: list[Order], riders: list[Rider], *, settled: bool = False
) -> int:
    """No order names a rider who does not hold it (a rider holds one order at most: the
    record has room for one), and no rider is named by two orders; ``settled``: nor is
    any rider left holding an order that does not name it. How many orders have a
    rider."""
    by_order, by_rider = _stored(store, orders, riders)
    named = {o.order_id: o.rider_id for o in by_order.values() if o.rider_id is not None}
    for order_id, rider_id in named.items():
        assert rider_id in by_rider, f"order {order_id} names a rider who does not exist"
        assert by_rider[rider_id].order_id == order_id, (
            f"order {order_id} names rider {rider_id}, who holds {by_rider[rider_id].order_id}"
        )
        order = by_order[order_id]
        assert order.delivery is not None
        assert order.delivery.delivery_status is DeliveryStatus.ASSIGNED
        assert not order.awaiting_rider
    assert len(set(named.values())) == len(named), "a rider was named by two orders"
    if settled:
        for rider in by_rider.values():
            if rider.order_id is not None:
                assert named.get(rider.order_id) == rider.rider_id, (
                    f"rider {rider.rider_id} holds order {rider.order_id}, which names "
                    f"{named.get(rider.order_id)}"
                )
    return len(named)


def test_dispatchers_racing_over_more_orders_than_riders_give_each_rider_one_order(
    backend: Backend, store: Store, clock: ManualClock, racers: RacePool
) -> None:
    kitchen = Kitchen(store, clock)
    orders = [kitchen.waiting_order(line1=f"{n} Brigade Road") for n in range(ORDERS)]
    assert all(order.awaiting_rider for order in orders)  # no rider yet: they all wait
    shifts = [[kitchen.new_rider() for _ in range(RIDERS_PER_ROUND)] for _ in range(ROUNDS)]
    riders = [rider for shift in shifts for rider in shift]
    ids = [order.order_id for order in orders]
    at = clock.now() + timedelta(seconds=1)
    jobs = [
        (at, "waiting", [(shift, ids) for shift in shifts]),  # worker 1 starts the shifts
        (at, "each", [([], ids) for _ in shifts]),
        (at, "waiting", [([], ids) for _ in shifts]),
        (at, "each", [([], ids[::-1]) for _ in shifts]),
    ]
    racers.race(backend, dispatch_rounds, jobs)

    # Right after the race: consistent, and no more hand-overs than riders.
    assert _assert_consistent(store, orders, riders) <= len(riders)
    # A rider given back by a dispatcher that lost its order waits for the next round
    # (the sweep's dispatch_waiting); after it every rider carries one order.
    dispatch_waiting(kitchen.ports)
    assigned = _assert_consistent(store, orders, riders, settled=True)
    assert assigned == min(ORDERS, len(riders))
    _, by_rider = _stored(store, orders, riders)
    assert all(not rider.is_free for rider in by_rider.values())
    waiting = store.orders.list_awaiting_rider(ORDERS)
    assert len(waiting) == ORDERS - assigned
    assert [o.order_id for o in waiting] == sorted(o.order_id for o in waiting)
    assert store.riders.list_free("560001", 10) == []
    for order in waiting:
        assert store.riders.holding(order.order_id) is None


def _claimed_half_way(kitchen: Kitchen) -> tuple[Order, Rider, Rider]:
    """A waiting order and two free riders; the second is claimed for the order, as a
    dispatcher that died before writing the order would leave it."""
    order = kitchen.waiting_order()
    first, second = kitchen.rider(), kitchen.rider()
    claimed = second.assigned(order.order_id, kitchen.clock.now())
    assert kitchen.ports.riders.save(claimed, second.version)
    stored = kitchen.ports.orders.get(order.order_id)
    assert stored is not None and stored.awaiting_rider and stored.rider_id is None
    return order, first, claimed


def test_a_hand_over_stopped_after_the_claim_is_finished_by_the_next_dispatch(
    store: Store, clock: ManualClock
) -> None:
    kitchen = Kitchen(store, clock)
    order, free, claimed = _claimed_half_way(kitchen)
    assert store.orders.list_awaiting_rider(10) == [store.orders.get(order.order_id)]
    clock.advance(timedelta(seconds=2))
    assert dispatch_waiting(kitchen.ports) == 1
    finished = store.orders.get(order.order_id)
    assert finished is not None
    assert finished.rider_id == claimed.rider_id  # the rider who held it, not another
    assert store.riders.get(claimed.rider_id) == claimed  # one claim, not two
    assert store.riders.get(free.rider_id) == free
    assert store.orders.list_awaiting_rider(10) == []
    # Dispatching it again changes nothing.
    assert dispatch(kitchen.ports, finished) == finished
    assert store.orders.get(order.order_id) == finished


def test_a_hand_over_stopped_after_the_claim_is_finished_by_the_sweep(
    store: Store, clock: ManualClock
) -> None:
    kitchen = Kitchen(store, clock)
    order, free, claimed = _claimed_half_way(kitchen)
    # Within the grace a hand-over may still be in flight: the sweep leaves it.
    clock.advance(HAND_OVER_GRACE - timedelta(seconds=1))
    assert store.riders.list_busy(clock.now() - HAND_OVER_GRACE, 10) == []
    assert release_finished_riders(kitchen.ports) == 0
    still = store.orders.get(order.order_id)
    assert still is not None and still.awaiting_rider
    clock.advance(timedelta(seconds=2))
    assert store.riders.list_busy(clock.now() - HAND_OVER_GRACE, 10) == [claimed]
    assert release_finished_riders(kitchen.ports) == 0  # finished, nobody released
    finished = store.orders.get(order.order_id)
    assert finished is not None and finished.rider_id == claimed.rider_id
    assert finished.delivery is not None and finished.delivery.assigned_at == clock.now()
    assert store.riders.get(claimed.rider_id) == claimed
    assert store.riders.get(free.rider_id) == free
    assert store.orders.list_awaiting_rider(10) == []


def test_riders_left_holding_a_taken_or_finished_order_are_released_by_the_sweep(
    store: Store, clock: ManualClock
) -> None:
    kitchen = Kitchen(store, clock)
    taken = kitchen.waiting_order()
    carrier = kitchen.rider()
    assert dispatch_waiting(kitchen.ports) == 1
    # A second dispatcher claimed another rider for the same order and died.
    loser = kitchen.rider()
    assert store.riders.save(loser.assigned(taken.order_id, clock.now()), loser.version)
    # Another order is delivered, and its replica dies before releasing the rider.
    done = kitchen.waiting_order(line1="4 Church Street")
    rider = kitchen.rider()
    assert dispatch_waiting(kitchen.ports) == 1
    mark_ready(kitchen.ports, kitchen.partner.user_id, done.order_id)
    pick_up(kitchen.ports, rider.rider_id, done.order_id)
    now = clock.now()
    delivered = change_order(
        kitchen.ports, done.order_id, lambda o: o.delivered_by(rider.rider_id, False, now)
    )
    assert delivered.order_status is OrderStatus.DELIVERED
    held = store.riders.get(rider.rider_id)
    assert held is not None and held.order_id == done.order_id

    clock.advance(HAND_OVER_GRACE + timedelta(seconds=1))
    assert release_finished_riders(kitchen.ports) == 2
    freed_loser = store.riders.get(loser.rider_id)
    assert freed_loser is not None and freed_loser.is_free
    assert freed_loser.position == loser.position
    freed = store.riders.get(rider.rider_id)
    assert freed is not None and freed.is_free
    assert freed.position == DemoMap().address_position(delivered.delivery_address)
    still = store.riders.get(carrier.rider_id)
    assert still is not None and still.order_id == taken.order_id
    kept = store.orders.get(taken.order_id)
    assert kept is not None and kept.rider_id == carrier.rider_id
    assert release_finished_riders(kitchen.ports) == 0  # nothing left to do
