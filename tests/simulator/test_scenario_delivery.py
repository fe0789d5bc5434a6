"""delivery: restaurants and riders as actors pass their audits with a fixed seed, and
the audits catch a rider given two orders, a rider never released, a cancelled paid
order left unrefunded (or refunded twice) and an order left waiting for its restaurant."""

from __future__ import annotations

import pytest
from attrs import evolve

from food_core.model import OrderStatus
from food_core.usecases import accepting, dispatching
from services.simulator import world
from services.simulator.config import SimConfig
from services.simulator.scenarios import delivery
from services.simulator.scenarios.delivery import (
    ACCEPTED_DELIVERED,
    NOT_STUCK,
    ONE_ORDER_PER_RIDER,
    REFUNDED_ONCE,
    DeliveryRun,
    RefundCall,
)

CFG = SimConfig(customers=120, seed=4)


def _failed(run: DeliveryRun) -> dict[str, list[str]]:
    world = run.world
    findings = delivery.audit_delivery(world.store, world.gateway, run.ledger, world.clock.now())
    return {f.name: f.examples for f in findings if not f.ok}


@pytest.fixture(scope="module")
def played() -> DeliveryRun:
    return delivery.play(CFG)


def test_the_scenario_passes_its_audit_and_did_what_it_is_about() -> None:
    outcome = delivery.run(CFG)
    assert outcome.audit.ok, [(f.name, f.examples) for f in outcome.audit.failed]
    n = outcome.numbers
    assert n["customers"] == 120
    assert n["orders confirmed"] > 100
    assert n["  accepted by the restaurant"] == n["  delivered"] > 0
    assert n["  rejected by the restaurant"] > 0
    assert n["  unanswered → cancelled by the sweep"] > 0
    assert n["refunds at the gateway"] > 0
    assert 0 < n["riders' utilisation %"] < 100
    assert n["delivery minutes: p95"] >= n["delivery minutes (accepted → door): mean"] > 0
    assert outcome.notes[0].startswith("city ")


def test_the_same_seed_gives_the_same_run() -> None:
    first, second = delivery.run(CFG), delivery.run(CFG)
    assert first.numbers == second.numbers
    assert delivery.run(SimConfig(customers=120, seed=5)).numbers != first.numbers


def test_the_untouched_state_passes(played: DeliveryRun) -> None:
    assert _failed(played) == {}


def test_a_rider_given_a_second_order_is_reported(played: DeliveryRun) -> None:
    store = played.world.store
    order = next(o for o in store.orders.values() if o.order_status is OrderStatus.DELIVERED)
    first, second = sorted(store.riders)[:2]
    store.riders[first] = evolve(store.riders[first], order_id=order.order_id)
    store.riders[second] = evolve(store.riders[second], order_id=order.order_id)
    try:
        examples = _failed(played)[ONE_ORDER_PER_RIDER]
    finally:
        store.riders[first] = evolve(store.riders[first], order_id=None)
        store.riders[second] = evolve(store.riders[second], order_id=None)
    assert f"order {order.order_id} is held by riders {sorted([first, second])}" in examples


def test_a_cancelled_paid_order_left_unrefunded_is_reported(played: DeliveryRun) -> None:
    refunds = played.ledger.refunds
    call = next(c for c in refunds if c.moved_money)
    refunds.remove(call)
    try:
        examples = _failed(played)[REFUNDED_ONCE]
    finally:
        refunds.append(call)
    assert any(
        e.startswith(f"order {call.order_id} ") and e.endswith("was refunded 0 times")
        for e in examples
    )


def test_a_second_refund_under_another_key_is_reported(played: DeliveryRun) -> None:
    refunds = played.ledger.refunds
    call = next(c for c in refunds if c.moved_money)
    refunds.append(RefundCall(call.order_id, call.reference, "another key", moved_money=True))
    try:
        examples = _failed(played)[REFUNDED_ONCE]
    finally:
        refunds.pop()
    assert any("was refunded 2 times" in e for e in examples)
    assert any(f"charge {call.reference} was refunded under 2 keys" in e for e in examples)


def test_refunds_skipped_by_the_core_fail_the_run(monkeypatch: pytest.MonkeyPatch) -> None:
    # The rejection and the expiry skip their refunds, and the sweep that would give the
    # refunds still due does not run.
    monkeypatch.setattr(accepting, "give_refunds", lambda _ports, order: order)
    monkeypatch.setattr(delivery, "reconcile_pending", lambda _ports, **_kw: 0)
    monkeypatch.setattr(world, "reconcile_pending", lambda _ports, **_kw: 0)
    outcome = delivery.run(CFG)
    failed = {f.name: f for f in outcome.audit.failed}
    assert REFUNDED_ONCE in failed
    assert "was refunded 0 times" in failed[REFUNDED_ONCE].examples[0]


def test_a_sweep_that_does_not_expire_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(delivery, "expire_unaccepted_orders", lambda _ports, **_kw: 0)
    outcome = delivery.run(CFG)
    failed = {f.name: f for f in outcome.audit.failed}
    assert NOT_STUCK in failed
    assert "is still CONFIRMED at" in failed[NOT_STUCK].examples[0]


def test_riders_never_released_are_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dispatching, "release_rider", lambda ports, rider_id, *_a: None)
    outcome = delivery.run(SimConfig(customers=30, seed=4))
    failed = {f.name: f for f in outcome.audit.failed}
    assert ONE_ORDER_PER_RIDER in failed
    assert "was not released after delivering order" in failed[ONE_ORDER_PER_RIDER].examples[0]
    assert ACCEPTED_DELIVERED in failed  # the riders, all held, deliver nothing more
