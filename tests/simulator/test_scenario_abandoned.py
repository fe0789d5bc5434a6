"""abandoned: the scenario passes its audit on the real core; the audit reports an
abandoned order left pending, one cancelled before its TTL or for another reason, and a
paid order cancelled — and it catches a sweep that expires orders without asking the
gateway first, or too early."""

from __future__ import annotations

from datetime import timedelta

import pytest
from attrs import evolve

from food_core.model import CancelReason, Order, OrderStatus
from food_core.usecases import Ports, expire_unpaid_orders
from food_core.usecases.changing import change_order
from services.simulator.config import SimConfig
from services.simulator.scenarios import abandoned
from services.simulator.scenarios.abandoned import EXPIRED, HELD_OK, KEPT, NEVER_PAYS, AbandonRun


def _audit(run: AbandonRun) -> dict[str, list[str]]:
    findings = abandoned.audit_abandoned(
        run.world.store, run.world.gateway.successful_charges(), run.world.clock.now()
    )
    return {f.name: f.examples for f in findings if not f.ok}


def _play(customers: int = 120) -> AbandonRun:
    return abandoned.play(SimConfig(customers=customers, seed=5))


def _of_kind(run: AbandonRun, kind: str) -> Order:
    order_id = next(i for i, k in run.ledger.kinds.items() if k == kind)
    return run.world.store.orders[order_id]


def test_the_scenario_passes_its_audit_and_did_what_it_is_about() -> None:
    outcome = abandoned.run(SimConfig(customers=400, seed=2))
    assert outcome.audit.ok, [(f.name, f.examples) for f in outcome.audit.failed]
    n = outcome.numbers
    for kind, _share in abandoned.KINDS:
        assert n[f"  {kind}"] > 0, kind
    assert n["  still waiting for a payment"] == 0
    assert n["  cancelled: payment_not_completed"] + n["  confirmed"] == n["orders"]
    assert n["orders with a captured charge"] == n["  confirmed"]
    # Held charges were past their TTL, and still confirmed, not cancelled.
    assert n["    of which the charge was unknown past the TTL"] >= n[f"  {HELD_OK}"]
    assert n["payments refused: order no longer payable"] > 0
    assert "with the gateway down" in outcome.notes[0]
    assert " 0 of them with the gateway down" not in outcome.notes[0]


def test_the_untouched_state_passes() -> None:
    assert _audit(_play()) == {}


def test_an_abandoned_order_left_pending_is_reported() -> None:
    run = _play()
    order = _of_kind(run, NEVER_PAYS)
    pending = evolve(order, order_status=OrderStatus.PENDING_PAYMENT, cancel_reason=None)
    run.world.store.orders[order.order_id] = pending
    waited = (run.world.clock.now() - order.updated_at).total_seconds()
    assert _audit(run) == {
        EXPIRED: [
            f"order {order.order_id} (customer {order.user}): never paid, still "
            f"PENDING_PAYMENT {waited:.0f} s after its last change (TTL 900 s)"
        ]
    }


def test_an_order_cancelled_before_its_ttl_is_reported() -> None:
    run = _play()
    order = _of_kind(run, NEVER_PAYS)
    early = evolve(order, updated_at=order.created_at + timedelta(minutes=5))
    run.world.store.orders[order.order_id] = early
    assert _audit(run) == {
        EXPIRED: [
            f"order {order.order_id} (customer {order.user}): cancelled 300 s after its "
            "last change, before the TTL of 900 s"
        ]
    }


def test_an_abandoned_order_cancelled_for_another_reason_is_reported() -> None:
    run = _play()
    order = _of_kind(run, NEVER_PAYS)
    run.world.store.orders[order.order_id] = evolve(order, cancel_reason=CancelReason.BY_CUSTOMER)
    assert _audit(run)[EXPIRED] == [
        f"order {order.order_id} (customer {order.user}): never paid, cancelled "
        "(cancelled_by_customer)"
    ]


def test_a_paid_order_cancelled_is_reported() -> None:
    run = _play()
    order = _of_kind(run, HELD_OK)
    assert order.is_confirmed
    now = run.world.clock.now()
    run.world.store.orders[order.order_id] = order.cancelled(now, CancelReason.UNPAID)
    assert _audit(run) == {
        KEPT: [
            f"order {order.order_id} (customer {order.user}): cancelled "
            "(payment_not_completed) though its charge was captured"
        ]
    }


def _expire_without_asking(ports: Ports, *, waited: timedelta) -> int:
    """A broken sweep: cancels every order waiting longer than ``waited``, even one
    whose charge may have gone through."""
    now = ports.clock.now()
    cancelled = 0
    for order in ports.orders.list_unpaid(now - waited, 100):
        change_order(ports, order.order_id, lambda o: o.cancelled(now, CancelReason.UNPAID))
        cancelled += 1
    return cancelled


def _expire_early(ports: Ports, *, waited: timedelta) -> int:
    return expire_unpaid_orders(ports, waited=waited / 3)


def test_a_sweep_that_cancels_held_charges_fails_the_audit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(abandoned, "expire_unpaid_orders", _expire_without_asking)
    breaches = _audit(_play())
    assert KEPT in breaches
    assert all("though its charge was captured" in e for e in breaches[KEPT])


def test_a_sweep_that_expires_too_early_fails_the_audit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(abandoned, "expire_unpaid_orders", _expire_early)
    breaches = _audit(_play())
    assert list(breaches) == [EXPIRED]
    assert all("before the TTL of 900 s" in e for e in breaches[EXPIRED])
