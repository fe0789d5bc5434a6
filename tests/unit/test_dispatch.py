"""Riders and dispatch (issue 17): accepting hands the order to the nearest free rider of
the city, an order with no rider free waits for the next one to free up, the rider picks
up once the kitchen says ready and delivers (collecting cash on delivery), and the ETA is
recomputed at each step from the kitchen's time and the rides."""

from __future__ import annotations

from datetime import timedelta

import pytest

from adapters.demo_map import DemoMap
from food_core.errors import CashNotCollected, FoodNotReady, NotFound
from food_core.model import (
    DeliveryStatus,
    Order,
    OrderStatus,
    PaymentMode,
    PaymentStatus,
    Position,
    Rider,
    mask_phone,
    ride_minutes,
)
from food_core.model.status import DELIVERY_TRANSITIONS
from food_core.usecases import (
    accept_order,
    deliver,
    dispatch_waiting,
    enrol_rider,
    mark_ready,
    pay_order,
    pick_up,
    place_order,
    release_finished_riders,
    rider_job,
    set_cart_quantity,
)
from tests.builders import GOOD_CARD, World, make_world
from tests.unit.test_acceptance import partner_of

PREP = 20


@pytest.fixture
def world() -> World:
    return make_world()


def _order(world: World, n: int, mode: PaymentMode = PaymentMode.CARD) -> Order:
    user = world.customer(n)
    address = world.address(user).address_id
    set_cart_quantity(world.ports, user.user_id, 11, 1)
    placed = place_order(
        world.ports,
        user.user_id,
        idempotency_key=f"dispatch-{n:04d}",
        address_id=address,
        payment_mode=mode,
    ).order
    if mode is PaymentMode.COD:
        return placed  # confirmed as it is placed
    return pay_order(
        world.ports,
        user.user_id,
        placed.order_id,
        idempotency_key=f"dispatch-pay-{n:04d}",
        payment_mode=mode,
        card=GOOD_CARD,
    ).order


def rider_near_dosa(world: World, n: int, km_from_dosa: float) -> Rider:
    """A Bengaluru rider about ``km_from_dosa`` north of the dosa restaurant."""
    at = DemoMap().restaurant_position(world.dosa)
    return enrol_rider(
        world.ports,
        user_name=f"Rider {n}",
        email=f"rider{n}@example.com",
        phone=f"77000000{n:02d}",
        password="a long password",
        city_pincode="560001",
        position=Position(at.lat + km_from_dosa / 110.574, at.lng),
    )


def test_accepting_assigns_the_nearest_free_rider_of_the_city(world: World) -> None:
    far, near = rider_near_dosa(world, 1, 6.0), rider_near_dosa(world, 2, 1.0)
    order = _order(world, 1)
    accepted = accept_order(world.ports, partner_of(world, 1), order.order_id, PREP)
    assert accepted.delivery is not None and accepted.delivery.rider is not None
    assert accepted.delivery.delivery_status is DeliveryStatus.ASSIGNED
    assert accepted.delivery.rider.rider_id == near.rider_id
    assert accepted.delivery.rider.phone_masked == "77XXXXXX02"
    assert accepted.delivery.pickup_km == pytest.approx(1.0, abs=0.01)
    assert world.ports.riders.get(near.rider_id).order_id == order.order_id  # type: ignore[union-attr]
    assert world.ports.riders.get(far.rider_id).is_free  # type: ignore[union-attr]


def test_the_eta_follows_the_kitchen_and_the_rides(world: World) -> None:
    rider_near_dosa(world, 1, 9.0)  # about 41 minutes' ride away: longer than the kitchen's 20
    order = _order(world, 1)
    partner = partner_of(world, 1)
    accepted = accept_order(world.ports, partner, order.order_id, PREP)
    delivery = accepted.delivery
    assert delivery is not None and delivery.drop_km is not None and delivery.pickup_km
    drop = timedelta(minutes=ride_minutes(delivery.drop_km))
    rider_there = world.clock.now() + timedelta(minutes=ride_minutes(delivery.pickup_km))
    assert rider_there > world.clock.now() + timedelta(minutes=PREP)
    assert accepted.eta() == rider_there + drop  # the rider is the slower

    world.clock.advance(timedelta(minutes=45))
    ready = mark_ready(world.ports, partner, order.order_id)
    assert ready.eta() == world.clock.now() + drop  # ready after the rider arrived
    picked = pick_up(world.ports, delivery.rider.rider_id, order.order_id)  # type: ignore[union-attr]
    assert picked.order_status is OrderStatus.OUT_FOR_DELIVERY
    assert picked.eta() == world.clock.now() + drop


def test_a_rider_picks_up_only_food_marked_ready_and_only_their_own(world: World) -> None:
    rider, other = rider_near_dosa(world, 1, 1.0), rider_near_dosa(world, 2, 3.0)
    order = _order(world, 1)
    partner = partner_of(world, 1)
    accept_order(world.ports, partner, order.order_id, PREP)
    with pytest.raises(FoodNotReady):
        pick_up(world.ports, rider.rider_id, order.order_id)
    mark_ready(world.ports, partner, order.order_id)
    assert mark_ready(world.ports, partner, order.order_id).ready_at is not None  # twice: same
    with pytest.raises(NotFound):
        pick_up(world.ports, other.rider_id, order.order_id)
    assert pick_up(world.ports, rider.rider_id, order.order_id).delivery.delivery_status is (  # type: ignore[union-attr]
        DeliveryStatus.PICKED_UP
    )


def test_a_cash_order_is_delivered_once_its_cash_is_collected(world: World) -> None:
    rider = rider_near_dosa(world, 1, 1.0)
    order = _order(world, 1, PaymentMode.COD)
    partner = partner_of(world, 1)
    accept_order(world.ports, partner, order.order_id, PREP)
    mark_ready(world.ports, partner, order.order_id)
    pick_up(world.ports, rider.rider_id, order.order_id)
    with pytest.raises(CashNotCollected) as refused:
        deliver(world.ports, rider.rider_id, order.order_id, cash_collected=False)
    assert refused.value.field == "cash_collected"
    delivered = deliver(world.ports, rider.rider_id, order.order_id, cash_collected=True)
    assert delivered.order_status is OrderStatus.DELIVERED
    assert delivered.payment is not None
    assert delivered.payment.payment_status is PaymentStatus.SUCCEEDED
    freed = world.ports.riders.get(rider.rider_id)
    assert freed is not None and freed.is_free
    assert freed.position == DemoMap().address_position(delivered.delivery_address)


def test_an_order_waits_for_a_rider_and_gets_the_next_one_freed(world: World) -> None:
    rider = rider_near_dosa(world, 1, 1.0)
    partner = partner_of(world, 1)
    first, second = _order(world, 1), _order(world, 2)
    accept_order(world.ports, partner, first.order_id, PREP)
    waiting = accept_order(world.ports, partner, second.order_id, PREP)
    assert waiting.awaiting_rider and waiting.rider_id is None
    assert [o.order_id for o in world.ports.orders.list_awaiting_rider(10)] == [second.order_id]
    mark_ready(world.ports, partner, first.order_id)
    pick_up(world.ports, rider.rider_id, first.order_id)
    deliver(world.ports, rider.rider_id, first.order_id, cash_collected=False)
    now_carried = rider_job(world.ports, rider.rider_id)[1]
    assert now_carried is not None and now_carried.order_id == second.order_id
    assert world.ports.orders.list_awaiting_rider(10) == []


def test_a_hand_over_stopped_half_way_is_finished_with_the_same_rider(world: World) -> None:
    partner = partner_of(world, 1)
    order = accept_order(world.ports, partner, _order(world, 1).order_id, PREP)
    assert order.awaiting_rider  # no rider yet
    claimed, spare = rider_near_dosa(world, 1, 5.0), rider_near_dosa(world, 2, 0.5)
    # A dispatcher claimed the farther rider, then died before writing the order.
    assert world.ports.riders.save(claimed.assigned(order.order_id, world.clock.now()), 0)
    assert dispatch_waiting(world.ports) == 1
    stored = world.ports.orders.get(order.order_id)
    assert stored is not None and stored.rider_id == claimed.rider_id
    assert world.ports.riders.get(spare.rider_id).is_free  # type: ignore[union-attr]


def test_the_sweep_frees_a_rider_left_holding_a_finished_order(world: World) -> None:
    rider = rider_near_dosa(world, 1, 1.0)
    partner = partner_of(world, 1)
    order = _order(world, 1)
    accept_order(world.ports, partner, order.order_id, PREP)
    # The restaurant's own staff delivered it; its rider's release was lost with a replica.
    delivered = order.order_id
    mark_ready(world.ports, partner, delivered)
    pick_up(world.ports, rider.rider_id, delivered)
    stored = world.ports.orders.get(delivered)
    assert stored is not None
    world.ports.orders.save(
        stored.delivered_by(rider.rider_id, False, world.clock.now()), stored.version
    )
    assert not world.ports.riders.get(rider.rider_id).is_free  # type: ignore[union-attr]
    assert release_finished_riders(world.ports) == 0  # within the hand-over grace
    world.clock.advance(timedelta(minutes=2))
    assert release_finished_riders(world.ports) == 1
    assert world.ports.riders.get(rider.rider_id).is_free  # type: ignore[union-attr]


def test_the_delivery_machine_has_the_riders_path_and_the_restaurants_own() -> None:
    assert DeliveryStatus.ASSIGNED in DELIVERY_TRANSITIONS[DeliveryStatus.PENDING]
    assert DeliveryStatus.PICKED_UP in DELIVERY_TRANSITIONS[DeliveryStatus.ASSIGNED]
    assert DeliveryStatus.PICKED_UP in DELIVERY_TRANSITIONS[DeliveryStatus.PENDING]
    assert DELIVERY_TRANSITIONS[DeliveryStatus.PICKED_UP] == {DeliveryStatus.DELIVERED}


def test_distances_rides_and_masked_phones() -> None:
    bengaluru, mumbai = Position(12.9767, 77.5713), Position(18.9388, 72.8354)
    assert bengaluru.km_to(mumbai) == pytest.approx(840, rel=0.02)
    assert bengaluru.km_to(bengaluru) == 0
    assert ride_minutes(0) == 0
    assert ride_minutes(4.0) == 18  # 4 km × 1.35 at 18 km/h = 18 minutes
    assert mask_phone("9876543210") == "98XXXXXX10"
    assert mask_phone("123") == "XXX"
