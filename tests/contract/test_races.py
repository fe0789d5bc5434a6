"""Concurrent writers: the placement's claims (one order per key, one per cart version)
and the order's compare-and-set each have exactly one winner, on every store, also
across processes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from adapters.stores import Store
from food_core.model import OrderStatus
from food_core.ports.requests import RecordState, RequestRecord
from tests.contract.backends import Backend
from tests.contract.builders import Maker
from tests.contract.racing import (
    ROUNDS,
    RacePool,
    claim_same_keys,
    claim_same_request,
    confirm_same_orders,
    place_same_carts,
    save_same_cart,
)

START = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)


def test_four_racers_claiming_the_same_key_make_one_order(
    backend: Backend, store: Store, make: Maker, racers: RacePool
) -> None:
    user = make.user()
    store.users.add(user, "hash")
    keys = [f"checkout-{n}" for n in range(ROUNDS)]
    outcomes = racers.race(backend, claim_same_keys, [(user.user_id, keys)] * 4)
    for round_ in range(ROUNDS):
        seen = [racer[round_] for racer in outcomes]
        assert len({order_id for order_id, _ in seen}) == 1, "everyone gets the same order"
        assert sum(won for _, won in seen) == 1, "exactly one insert wins"
    stored = store.orders.list_for_user(user.user_id, 50)
    assert sorted(o.idempotency_key for o in stored) == sorted(keys)


def test_four_tabs_placing_the_same_cart_with_their_own_keys_make_one_order(
    backend: Backend, store: Store, make: Maker, racers: RacePool
) -> None:
    user = make.user()
    store.users.add(user, "hash")
    versions = list(range(1, ROUNDS + 1))
    outcomes = racers.race(backend, place_same_carts, [(user.user_id, versions)] * 4)
    for round_ in range(ROUNDS):
        seen = [racer[round_] for racer in outcomes]
        assert len({order_id for order_id, _ in seen}) == 1, "every tab gets the same order"
        assert sum(won for _, won in seen) == 1, "exactly one insert wins"
    stored = store.orders.list_for_user(user.user_id, 50)
    assert sorted(o.cart_version for o in stored) == versions


def test_two_racers_confirming_the_same_order_count_it_once(
    backend: Backend, store: Store, make: Maker, racers: RacePool
) -> None:
    user = make.user()
    store.users.add(user, "hash")
    orders = [make.order(user.user_id) for _ in range(ROUNDS)]
    for order in orders:
        store.orders.add(order)
    outcomes = racers.race(backend, confirm_same_orders, [orders, orders])
    for round_ in range(ROUNDS):
        assert [racer[round_] for racer in outcomes].count(True) == 1
    for order in orders:
        stored = store.orders.get(order.order_id)
        assert stored is not None and stored.order_status is OrderStatus.CONFIRMED
    counted = store.users.get(user.user_id)
    assert counted is not None and counted.total_orders == ROUNDS


def test_racers_confirming_different_orders_of_one_customer_lose_no_count(
    backend: Backend, store: Store, make: Maker, racers: RacePool
) -> None:
    user = make.user()
    store.users.add(user, "hash")
    batches = [[make.order(user.user_id) for _ in range(ROUNDS)] for _ in range(2)]
    for order in batches[0] + batches[1]:
        store.orders.add(order)
    outcomes = racers.race(backend, confirm_same_orders, batches)
    assert outcomes == [[True] * ROUNDS, [True] * ROUNDS]
    counted = store.users.get(user.user_id)
    assert counted is not None and counted.total_orders == 2 * ROUNDS


def test_racers_saving_the_same_cart_version_have_one_winner_per_version(
    backend: Backend, store: Store, make: Maker, racers: RacePool
) -> None:
    items = [make.food_item(1, food_name=f"Dish {n}") for n in range(3)]
    start = make.cart(7, items[0], 2)
    store.carts.save(start, None)
    outcomes = racers.race(backend, save_same_cart, [(7, item) for item in items])
    for round_ in range(ROUNDS):
        assert [racer[round_] for racer in outcomes].count(True) == 1
    final = store.carts.get(7)
    assert final is not None and final.version == start.version + ROUNDS


def _requests(start: datetime) -> list[RequestRecord]:
    return [
        RequestRecord(
            scope="user:7",
            key=f"request-{n}",
            fingerprint="sha256:POST /orders",
            state=RecordState.IN_PROGRESS,
            created_at=start,
            lease_until=start + timedelta(seconds=30),
        )
        for n in range(ROUNDS)
    ]


def test_four_replicas_claiming_the_same_request_key_have_one_winner(
    backend: Backend, racers: RacePool
) -> None:
    outcomes = racers.race(backend, claim_same_request, [_requests(START)] * 4)
    for round_ in range(ROUNDS):
        assert [racer[round_] for racer in outcomes].count(True) == 1


def test_four_replicas_taking_over_an_abandoned_request_have_one_winner(
    backend: Backend, store: Store, racers: RacePool
) -> None:
    for abandoned in _requests(START):
        assert store.request_log.claim(abandoned) is None  # and then its owner died
    later = _requests(START + timedelta(minutes=5))
    outcomes = racers.race(backend, claim_same_request, [later] * 4)
    for round_ in range(ROUNDS):
        assert [racer[round_] for racer in outcomes].count(True) == 1
    assert store.request_log.claim(later[0]) == later[0]
