"""Real threads against the in-memory adapters: the claim and the CAS decide, not luck."""

from __future__ import annotations

import threading
from collections.abc import Callable

from food_core.errors import DomainError
from food_core.model import OrderStatus, PaymentMode
from food_core.usecases import pay_order, place_order, set_cart_quantity
from tests.builders import GOOD_CARD, World

THREADS = 16


def _race(work: Callable[[int], object]) -> list[object]:
    barrier = threading.Barrier(THREADS)
    results: list[object] = [None] * THREADS

    def run(slot: int) -> None:
        barrier.wait()
        try:
            results[slot] = work(slot)
        except DomainError as error:
            results[slot] = error

    threads = [threading.Thread(target=run, args=(n,)) for n in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    return results


def test_sixteen_threads_placing_the_same_key_make_one_order(world: World) -> None:
    user = world.customer()
    set_cart_quantity(world.ports, user.user_id, 11, 2)
    address = world.address(user)
    results = _race(
        lambda _slot: place_order(
            world.ports,
            user.user_id,
            idempotency_key="same-key-0001",
            address_id=address.address_id,
            payment_mode=PaymentMode.CARD,
        )
    )
    order_ids = {r.order.order_id for r in results}  # type: ignore[attr-defined]
    assert len(order_ids) == 1
    assert len(world.ports.orders.list_for_user(user.user_id, 100)) == 1
    assert sum(not r.replayed for r in results) == 1  # type: ignore[attr-defined]


def test_sixteen_threads_paying_one_order_with_different_keys_charge_it_once(world: World) -> None:
    user = world.customer()
    set_cart_quantity(world.ports, user.user_id, 11, 2)
    address = world.address(user)
    order = place_order(
        world.ports,
        user.user_id,
        idempotency_key="place-key-0001",
        address_id=address.address_id,
        payment_mode=PaymentMode.CARD,
    ).order
    _race(
        lambda slot: pay_order(
            world.ports,
            user.user_id,
            order.order_id,
            idempotency_key=f"pay-key-{slot:04d}",
            payment_mode=PaymentMode.CARD,
            card=GOOD_CARD,
        )
    )
    assert world.gateway.successful_charges() == {order.order_id: 1}
    stored = world.ports.orders.get(order.order_id)
    assert stored is not None and stored.order_status is OrderStatus.CONFIRMED
    confirmed_user = world.ports.users.get(user.user_id)
    assert confirmed_user is not None and confirmed_user.total_orders == 1
