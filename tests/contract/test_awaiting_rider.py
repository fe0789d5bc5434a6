"""Dispatch's queue on every store (issue 18): an order waits for a rider from the
moment its restaurant accepts it until a rider is assigned, oldest first — through the
use cases, so the stored flag follows every write that changes it."""

from __future__ import annotations

from adapters.clock import ManualClock
from adapters.stores import Store
from food_core.model import DeliveryStatus, Order, OrderStatus
from food_core.usecases import (
    advance_order,
    deliver,
    dispatch_waiting,
    mark_ready,
    pick_up,
    reject_order,
)
from tests.contract.dispatch_racers import BENGALURU, KITCHEN_WORKER, MUMBAI, Kitchen


def _ids(orders: list[Order]) -> list[int]:
    return [order.order_id for order in orders]


def test_an_order_waits_for_a_rider_from_acceptance_until_one_is_assigned(
    store: Store, clock: ManualClock
) -> None:
    kitchen = Kitchen(store, clock)
    first = kitchen.confirmed_order()
    assert store.orders.list_awaiting_rider(10) == []  # the kitchen has not accepted it
    first = kitchen.accepted(first)  # no rider yet: it waits
    assert first.awaiting_rider and first.rider_id is None
    assert store.orders.list_awaiting_rider(10) == [first]
    second = kitchen.waiting_order(line1="4 Church Street")
    assert store.orders.list_awaiting_rider(10) == [first, second]
    assert store.orders.list_awaiting_rider(1) == [first]
    assert store.orders.list_awaiting_rider(0) == []

    rider = kitchen.rider()
    assert dispatch_waiting(kitchen.ports) == 1  # the oldest gets the one rider
    assert _ids(store.orders.list_awaiting_rider(10)) == [second.order_id]
    assigned = store.orders.get(first.order_id)
    assert assigned is not None and assigned.rider_id == rider.rider_id
    assert assigned.delivery is not None
    assert assigned.delivery.delivery_status is DeliveryStatus.ASSIGNED

    mark_ready(kitchen.ports, kitchen.partner.user_id, first.order_id)
    picked = pick_up(kitchen.ports, rider.rider_id, first.order_id)
    assert picked.order_status is OrderStatus.OUT_FOR_DELIVERY
    assert _ids(store.orders.list_awaiting_rider(10)) == [second.order_id]

    # Delivered, the rider is free and takes the next waiting order at once.
    deliver(kitchen.ports, rider.rider_id, first.order_id, cash_collected=False)
    assert store.orders.list_awaiting_rider(10) == []
    taken = store.orders.get(second.order_id)
    assert taken is not None and taken.rider_id == rider.rider_id
    holder = store.riders.holding(second.order_id)
    assert holder is not None and holder.rider_id == rider.rider_id


def test_an_order_the_restaurant_delivers_itself_leaves_the_queue(
    store: Store, clock: ManualClock
) -> None:
    kitchen = Kitchen(store, clock)
    own_staff = kitchen.waiting_order()
    other = kitchen.waiting_order(line1="4 Church Street")
    rejected = kitchen.confirmed_order(line1="9 Residency Road")
    assert store.orders.list_awaiting_rider(10) == [own_staff, other]
    # The restaurant's own staff takes it: PENDING → PICKED_UP, no rider.
    advance_order(
        kitchen.ports, kitchen.partner.user_id, own_staff.order_id, OrderStatus.OUT_FOR_DELIVERY
    )
    assert store.orders.list_awaiting_rider(10) == [other]
    # Rejected, an order never waited for a rider.
    reject_order(kitchen.ports, kitchen.partner.user_id, rejected.order_id, "Out of batter")
    assert store.orders.list_awaiting_rider(10) == [other]
    kitchen.rider()
    assert dispatch_waiting(kitchen.ports) == 1
    assert store.orders.list_awaiting_rider(10) == []
    delivered = advance_order(
        kitchen.ports, kitchen.partner.user_id, own_staff.order_id, OrderStatus.DELIVERED
    )
    assert delivered.rider_id is None
    assert store.orders.list_awaiting_rider(10) == []


def test_a_city_s_queue_holds_only_its_own_orders_so_older_ones_elsewhere_do_not_block_it(
    store: Store, clock: ManualClock
) -> None:
    bengaluru = Kitchen(store, clock)
    mumbai = Kitchen(store, clock, restaurant_id=7002, city=MUMBAI, worker=KITCHEN_WORKER + 1)
    stuck = [bengaluru.waiting_order(line1=f"{n} MG Road") for n in range(1, 4)]  # no riders
    waiting = mumbai.waiting_order()
    assert store.orders.list_awaiting_rider(10) == [*stuck, waiting]
    assert store.orders.list_awaiting_rider(10, MUMBAI.pincode) == [waiting]
    assert store.orders.list_awaiting_rider(2, BENGALURU.pincode) == stuck[:2]
    assert store.orders.list_awaiting_rider(10, "110001") == []

    # A round that reads one order at a time still reaches Mumbai's, behind Bengaluru's.
    rider = mumbai.rider()
    assert dispatch_waiting(mumbai.ports, city_pincode=MUMBAI.pincode, limit=1) == 1
    taken = store.orders.get(waiting.order_id)
    assert taken is not None and taken.rider_id == rider.rider_id
    assert store.orders.list_awaiting_rider(10) == stuck
