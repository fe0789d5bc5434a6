from __future__ import annotations

import pytest

from food_core.errors import (
    CartEmpty,
    IdempotencyKeyReused,
    ItemUnavailable,
    NotFound,
    ValidationFailed,
)
from food_core.model import BillCode, OrderStatus, PaymentMode, PaymentStatus
from food_core.usecases import Placement, place_order, set_cart_quantity, view_cart
from tests.builders import World

KEY = "checkout-0001"


def _place(
    world: World,
    user_id: int,
    address_id: int,
    *,
    key: str = KEY,
    mode: PaymentMode = PaymentMode.CARD,
) -> Placement:
    return place_order(
        world.ports, user_id, idempotency_key=key, address_id=address_id, payment_mode=mode
    )


def _ready(world: World, n: int = 1) -> tuple[int, int]:
    user = world.customer(n)
    set_cart_quantity(world.ports, user.user_id, 11, 2)
    set_cart_quantity(world.ports, user.user_id, 13, 1)
    return user.user_id, world.address(user).address_id


def test_placing_snapshots_the_cart_and_clears_it(world: World) -> None:
    user_id, address_id = _ready(world)
    placed = _place(world, user_id, address_id)
    order = placed.order
    assert not placed.replayed
    assert order.order_status is OrderStatus.PENDING_PAYMENT
    assert [(i.food_id, i.quantity, i.price) for i in order.items] == [
        (11, 2, 12_000),
        (13, 1, 4_000),
    ]
    assert order.bill.amount_of(BillCode.ITEM_TOTAL) == 28_000
    assert order.total_amount == order.bill.total_amount
    assert order.delivery_address.address_id == address_id
    assert view_cart(world.ports, user_id).is_empty


def test_the_same_key_and_request_replays_the_same_order(world: World) -> None:
    user_id, address_id = _ready(world)
    first = _place(world, user_id, address_id)
    again = _place(world, user_id, address_id)
    assert again.replayed
    assert again.order == first.order
    assert len(world.ports.orders.list_for_user(user_id, 10)) == 1


def test_the_same_key_with_another_request_is_refused(world: World) -> None:
    user_id, address_id = _ready(world)
    _place(world, user_id, address_id)
    with pytest.raises(IdempotencyKeyReused):
        _place(world, user_id, address_id, mode=PaymentMode.UPI)


def test_keys_belong_to_one_user(world: World) -> None:
    a, address_a = _ready(world, 1)
    b, address_b = _ready(world, 2)
    first = place_order(
        world.ports, a, idempotency_key=KEY, address_id=address_a, payment_mode=PaymentMode.CARD
    ).order
    second = place_order(
        world.ports, b, idempotency_key=KEY, address_id=address_b, payment_mode=PaymentMode.CARD
    ).order
    assert first.order_id != second.order_id


def test_an_empty_cart_cannot_be_ordered(world: World) -> None:
    user = world.customer()
    address = world.address(user)
    with pytest.raises(CartEmpty):
        place_order(
            world.ports,
            user.user_id,
            idempotency_key=KEY,
            address_id=address.address_id,
            payment_mode=PaymentMode.CARD,
        )


def test_an_item_that_became_unavailable_blocks_the_order(world: World) -> None:
    user_id, address_id = _ready(world)
    world.ports.catalog.set_availability(13, False)
    with pytest.raises(ItemUnavailable):
        _place(world, user_id, address_id)
    assert not view_cart(world.ports, user_id).is_empty
    assert world.ports.orders.list_for_user(user_id, 10) == []


def test_orders_use_the_price_at_placement(world: World) -> None:
    from attrs import evolve

    user_id, address_id = _ready(world)
    world.ports.catalog.add_food_items([evolve(world.items["dosa"], price=15_000)])
    order = _place(world, user_id, address_id).order
    assert order.bill.amount_of(BillCode.ITEM_TOTAL) == 2 * 15_000 + 4_000


def test_another_users_address_is_not_found(world: World) -> None:
    user_id, _ = _ready(world, 1)
    other = world.customer(2)
    with pytest.raises(NotFound):
        place_order(
            world.ports,
            user_id,
            idempotency_key=KEY,
            address_id=world.address(other).address_id,
            payment_mode=PaymentMode.CARD,
        )


@pytest.mark.parametrize("key", ["", "short", "has spaces in it", "x" * 129])
def test_malformed_idempotency_keys_are_rejected(world: World, key: str) -> None:
    user_id, address_id = _ready(world)
    with pytest.raises(ValidationFailed) as error:
        _place(world, user_id, address_id, key=key)
    assert error.value.field == "Idempotency-Key"


def test_cash_on_delivery_is_confirmed_at_placement(world: World) -> None:
    user_id, address_id = _ready(world)
    order = _place(world, user_id, address_id, mode=PaymentMode.COD).order
    assert order.order_status is OrderStatus.CONFIRMED
    assert order.payment is not None and order.payment.payment_status is PaymentStatus.PENDING
    assert order.delivery is not None
    user = world.ports.users.get(user_id)
    assert user is not None and user.total_orders == 1
    _place(world, user_id, address_id, mode=PaymentMode.COD)
    user = world.ports.users.get(user_id)
    assert user is not None and user.total_orders == 1


def test_a_cart_changed_after_ordering_is_kept_on_replay(world: World) -> None:
    user_id, address_id = _ready(world)
    _place(world, user_id, address_id)
    set_cart_quantity(world.ports, user_id, 12, 1)
    _place(world, user_id, address_id)
    assert view_cart(world.ports, user_id).quantity_of(12) == 1
