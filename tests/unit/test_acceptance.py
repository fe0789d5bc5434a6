"""The restaurant's answer and the acceptance deadline (issue 17): accept with a
preparation time, reject with a reason, and the sweep cancelling an order nobody
accepted — each refunding a paid order in full, once."""

from __future__ import annotations

from datetime import timedelta

import pytest

from food_core.errors import InvalidTransition, NotFound, ValidationFailed
from food_core.model import (
    CancelReason,
    Order,
    OrderStatus,
    PaymentMode,
    PaymentStatus,
)
from food_core.usecases import (
    accept_order,
    expire_unaccepted_orders,
    pay_order,
    place_order,
    reject_order,
    set_cart_quantity,
)
from food_core.usecases.accepting import ACCEPT_WINDOW
from tests.builders import GOOD_CARD, World, make_world


def partner_of(world: World, restaurant_id: int) -> int:
    return world.partner(restaurant_id).user_id


@pytest.fixture
def world() -> World:
    return make_world()


def _paid(world: World, n: int = 1) -> Order:
    user = world.customer(n)
    address = world.address(user).address_id
    set_cart_quantity(world.ports, user.user_id, 11, 2)
    placed = place_order(
        world.ports,
        user.user_id,
        idempotency_key=f"accept-{n:04d}",
        address_id=address,
        payment_mode=PaymentMode.CARD,
    ).order
    return pay_order(
        world.ports,
        user.user_id,
        placed.order_id,
        idempotency_key=f"pay-{n:04d}",
        payment_mode=PaymentMode.CARD,
        card=GOOD_CARD,
    ).order


def test_accepting_starts_preparation_with_the_time_given(world: World) -> None:
    order = _paid(world)
    partner = partner_of(world, 1)
    accepted = accept_order(world.ports, partner, order.order_id, 25)
    assert accepted.order_status is OrderStatus.PREPARING
    assert accepted.prep_minutes == 25 and accepted.accepted_at == world.clock.now()
    assert accept_order(world.ports, partner, order.order_id, 25) == accepted  # a second click
    with pytest.raises(InvalidTransition):
        reject_order(world.ports, partner, order.order_id, "Too late to say no")
    for minutes in (4, 121):
        with pytest.raises(ValidationFailed, match="prep_minutes"):
            accept_order(world.ports, partner, order.order_id, minutes)


def test_a_rejected_order_is_cancelled_with_the_reason_and_refunded(world: World) -> None:
    order = _paid(world)
    rejected = reject_order(world.ports, partner_of(world, 1), order.order_id, "  Out of  rice ")
    assert rejected.cancel_reason is CancelReason.REJECTED
    assert rejected.cancel_note == "Out of rice"
    assert [p.payment_status for p in rejected.payments] == [PaymentStatus.REFUNDED]
    assert world.gateway.successful_charges() == {order.order_id: 1}  # charged once, refunded


def test_another_restaurants_partner_cannot_answer(world: World) -> None:
    order = _paid(world)
    other = partner_of(world, 2)
    with pytest.raises(NotFound):
        accept_order(world.ports, other, order.order_id, 15)
    with pytest.raises(NotFound):
        reject_order(world.ports, other, order.order_id, "Not ours")


def test_the_sweep_cancels_and_refunds_an_order_nobody_accepted_once(world: World) -> None:
    waiting, accepted = _paid(world, 1), _paid(world, 2)
    partner = partner_of(world, 1)
    accept_order(world.ports, partner, accepted.order_id, 10)
    world.clock.advance(ACCEPT_WINDOW - timedelta(seconds=1))
    assert expire_unaccepted_orders(world.ports) == 0  # not yet
    world.clock.advance(timedelta(seconds=2))
    assert expire_unaccepted_orders(world.ports) == 1
    assert expire_unaccepted_orders(world.ports) == 0  # a second sweep finds nothing
    stored = world.ports.orders.get(waiting.order_id)
    assert stored is not None and stored.cancel_reason is CancelReason.NOT_ACCEPTED
    assert [p.payment_status for p in stored.payments] == [PaymentStatus.REFUNDED]
    kept = world.ports.orders.get(accepted.order_id)
    assert kept is not None and kept.order_status is OrderStatus.PREPARING


def test_a_cash_order_nobody_accepted_is_cancelled_and_its_promise_voided(world: World) -> None:
    user = world.customer()
    set_cart_quantity(world.ports, user.user_id, 11, 1)
    order = place_order(
        world.ports,
        user.user_id,
        idempotency_key="accept-cod-0001",
        address_id=world.address(user).address_id,
        payment_mode=PaymentMode.COD,
    ).order
    assert order.order_status is OrderStatus.CONFIRMED
    world.clock.advance(ACCEPT_WINDOW + timedelta(seconds=1))
    assert expire_unaccepted_orders(world.ports) == 1
    stored = world.ports.orders.get(order.order_id)
    assert stored is not None and stored.cancel_reason is CancelReason.NOT_ACCEPTED
    assert [p.payment_status for p in stored.payments] == [PaymentStatus.FAILED]
