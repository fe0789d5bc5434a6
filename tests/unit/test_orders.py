from __future__ import annotations

import pytest

from food_core.errors import Forbidden, InvalidTransition, NotFound
from food_core.model import DeliveryStatus, Order, OrderStatus, PaymentMode, PaymentStatus
from food_core.usecases import (
    advance_order,
    cancel_order,
    get_order,
    list_orders,
    list_restaurant_orders,
    pay_order,
    place_order,
    set_cart_quantity,
)
from tests.builders import GOOD_CARD, World


def _order(world: World, user_id: int, key: str, mode: PaymentMode = PaymentMode.CARD) -> Order:
    set_cart_quantity(world.ports, user_id, 11, 1)
    address_id = world.ports.addresses.list_for_user(user_id)[0].address_id
    return place_order(
        world.ports, user_id, idempotency_key=key, address_id=address_id, payment_mode=mode
    ).order


def _paid(world: World, user_id: int, key: str) -> Order:
    order = _order(world, user_id, key)
    return pay_order(
        world.ports,
        user_id,
        order.order_id,
        idempotency_key=f"pay-{key}",
        payment_mode=PaymentMode.CARD,
        card=GOOD_CARD,
    ).order


@pytest.fixture
def customer_id(world: World) -> int:
    user = world.customer()
    world.address(user)
    return user.user_id


@pytest.fixture
def partner_id(world: World) -> int:
    return world.partner().user_id


def test_orders_are_listed_newest_first_and_paged(world: World, customer_id: int) -> None:
    made = [_order(world, customer_id, f"order-key-{n:04d}").order_id for n in range(5)]
    first = list_orders(world.ports, customer_id, limit=3)
    rest = list_orders(world.ports, customer_id, limit=3, before=first[-1].order_id)
    assert [o.order_id for o in first + rest] == made[::-1]


def test_another_users_order_is_not_found(world: World, customer_id: int) -> None:
    order = _order(world, customer_id, "order-key-0001")
    stranger = world.customer(2)
    with pytest.raises(NotFound):
        get_order(world.ports, stranger.user_id, order.order_id)
    with pytest.raises(NotFound):
        cancel_order(world.ports, stranger.user_id, order.order_id)
    assert list_orders(world.ports, stranger.user_id) == []


def test_cancelling_a_paid_order_refunds_it(world: World, customer_id: int) -> None:
    order = _paid(world, customer_id, "order-key-0001")
    cancelled = cancel_order(world.ports, customer_id, order.order_id)
    assert cancelled.order_status is OrderStatus.CANCELLED
    assert cancelled.payment is not None
    assert cancelled.payment.payment_status is PaymentStatus.REFUNDED
    assert cancelled.delivery is not None
    assert cancelled.delivery.delivery_status is DeliveryStatus.CANCELLED
    assert world.ports.orders.list_needing_attention(10) == []
    # total_orders counts orders ever confirmed; a cancellation does not undo that.
    user = world.ports.users.get(customer_id)
    assert user is not None and user.total_orders == 1


def test_cancelling_twice_is_harmless(world: World, customer_id: int) -> None:
    order = _order(world, customer_id, "order-key-0001")
    assert cancel_order(world.ports, customer_id, order.order_id) == cancel_order(
        world.ports, customer_id, order.order_id
    )


def test_cancelling_a_cash_order_voids_its_payment(world: World, customer_id: int) -> None:
    order = _order(world, customer_id, "order-key-0001", PaymentMode.COD)
    cancelled = cancel_order(world.ports, customer_id, order.order_id)
    assert cancelled.payment is not None
    assert cancelled.payment.payment_status is PaymentStatus.FAILED
    assert cancelled.payment.failure_code == "order_cancelled"


def test_a_partner_without_riders_delivers_an_order_itself(
    world: World, customer_id: int, partner_id: int
) -> None:
    order = _paid(world, customer_id, "order-key-0001")
    assert [o.order_id for o in list_restaurant_orders(world.ports, partner_id)] == [order.order_id]
    steps = [OrderStatus.PREPARING, OrderStatus.OUT_FOR_DELIVERY, OrderStatus.DELIVERED]
    deliveries = []
    for status in steps:
        moved = advance_order(world.ports, partner_id, order.order_id, status)
        assert moved.delivery is not None
        deliveries.append(moved.delivery.delivery_status)
    # No rider in this city: the delivery waits for one until the restaurant's own staff
    # take it out.
    assert deliveries == [
        DeliveryStatus.PENDING,
        DeliveryStatus.PICKED_UP,
        DeliveryStatus.DELIVERED,
    ]
    assert get_order(world.ports, customer_id, order.order_id).order_status is OrderStatus.DELIVERED


def test_cash_is_collected_on_delivery(world: World, customer_id: int, partner_id: int) -> None:
    order = _order(world, customer_id, "order-key-0001", PaymentMode.COD)
    for status in (OrderStatus.PREPARING, OrderStatus.OUT_FOR_DELIVERY, OrderStatus.DELIVERED):
        order = advance_order(world.ports, partner_id, order.order_id, status)
    assert order.payment is not None
    assert order.payment.payment_status is PaymentStatus.SUCCEEDED
    stored = world.ports.orders.get(order.order_id)
    assert stored is not None and stored.payment == order.payment


def test_steps_cannot_be_skipped_or_reversed(
    world: World, customer_id: int, partner_id: int
) -> None:
    order = _paid(world, customer_id, "order-key-0001")
    with pytest.raises(InvalidTransition):
        advance_order(world.ports, partner_id, order.order_id, OrderStatus.DELIVERED)
    advance_order(world.ports, partner_id, order.order_id, OrderStatus.PREPARING)
    with pytest.raises(InvalidTransition):
        advance_order(world.ports, partner_id, order.order_id, OrderStatus.CONFIRMED)
    with pytest.raises(InvalidTransition):
        cancel_order(world.ports, customer_id, order.order_id)


def test_an_unpaid_order_cannot_be_prepared(
    world: World, customer_id: int, partner_id: int
) -> None:
    order = _order(world, customer_id, "order-key-0001")
    with pytest.raises(InvalidTransition):
        advance_order(world.ports, partner_id, order.order_id, OrderStatus.PREPARING)


def test_customers_cannot_act_as_partners(world: World, customer_id: int) -> None:
    order = _paid(world, customer_id, "order-key-0001")
    with pytest.raises(Forbidden):
        advance_order(world.ports, customer_id, order.order_id, OrderStatus.PREPARING)
    with pytest.raises(Forbidden):
        list_restaurant_orders(world.ports, customer_id)


def test_a_partner_sees_only_their_restaurants_orders(world: World, customer_id: int) -> None:
    other_partner = world.partner(2, "Pizzaiolo").user_id
    order = _paid(world, customer_id, "order-key-0001")
    assert list_restaurant_orders(world.ports, other_partner) == []
    with pytest.raises(NotFound):
        advance_order(world.ports, other_partner, order.order_id, OrderStatus.PREPARING)
