"""An order's delivery as dispatch and the rider fill it in reads back equal on every
store (issue 18): the city and the ride to the door set on acceptance, the rider and the
ride to the restaurant on assignment, the kitchen's "ready", the pick-up — and so the ETA
computed from them."""

from __future__ import annotations

from datetime import timedelta

from adapters.clock import ManualClock
from adapters.stores import Store
from food_core.model import Order, OrderStatus, mask_phone
from food_core.usecases import advance_order, deliver, mark_ready, pick_up
from tests.contract.dispatch_racers import Kitchen


def _reads_back(store: Store, order: Order) -> Order:
    stored = store.orders.get(order.order_id)
    assert stored == order
    assert stored.eta() == order.eta()
    return stored


def test_an_order_with_a_rider_and_its_eta_fields_reads_back_at_every_step(
    store: Store, clock: ManualClock
) -> None:
    kitchen = Kitchen(store, clock)
    rider = kitchen.rider()
    accepted = kitchen.accepted(kitchen.confirmed_order(), prep_minutes=20)
    delivery = _reads_back(store, accepted).delivery
    assert delivery is not None
    assert delivery.city_pincode == "560001"
    assert delivery.drop_km is not None and delivery.drop_km > 0
    assert delivery.rider is not None and delivery.rider.rider_id == rider.rider_id
    assert delivery.rider.rider_name == rider.rider_name
    assert delivery.rider.phone_masked == mask_phone(rider.phone)
    assert delivery.assigned_at is not None and delivery.pickup_km is not None
    assert accepted.accepted_at is not None and accepted.prep_minutes == 20
    assert accepted.eta() is not None

    clock.advance(timedelta(minutes=12))
    ready = mark_ready(kitchen.ports, kitchen.partner.user_id, accepted.order_id)
    assert ready.ready_at == clock.now()
    assert _reads_back(store, ready).ready_at == clock.now()

    clock.advance(timedelta(minutes=3))
    picked = pick_up(kitchen.ports, rider.rider_id, accepted.order_id)
    assert picked.order_status is OrderStatus.OUT_FOR_DELIVERY
    stored = _reads_back(store, picked)
    assert stored.delivery is not None and stored.delivery.picked_up_at == clock.now()
    assert stored.eta() is not None and stored.eta() > clock.now()  # type: ignore[operator]

    clock.advance(timedelta(minutes=9))
    delivered = deliver(kitchen.ports, rider.rider_id, accepted.order_id, cash_collected=False)
    assert _reads_back(store, delivered).eta() is None
    assert delivered.delivery is not None and delivered.delivery.rider is not None
    freed = store.riders.get(rider.rider_id)
    assert freed is not None and freed.is_free


def test_an_order_waiting_for_a_rider_reads_back_with_its_plan(
    store: Store, clock: ManualClock
) -> None:
    kitchen = Kitchen(store, clock)
    waiting = kitchen.waiting_order()
    stored = _reads_back(store, waiting)
    assert stored.delivery is not None
    assert stored.delivery.city_pincode == "560001" and stored.delivery.drop_km is not None
    assert stored.delivery.rider is None and stored.delivery.assigned_at is None
    assert stored.prep_minutes == 15 and stored.eta() is not None
    # Accepted without a preparation time (the partner just started): no ETA yet.
    started = kitchen.confirmed_order(line1="4 Church Street")
    silent = advance_order(
        kitchen.ports, kitchen.partner.user_id, started.order_id, OrderStatus.PREPARING
    )
    assert silent.awaiting_rider and silent.prep_minutes is None
    assert _reads_back(store, silent).eta() is None
