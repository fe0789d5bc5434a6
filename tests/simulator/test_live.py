"""Live mode against a core-backed stand-in of the API (tests/simulator/fake_api.py).

The real stack's test (owned with the stack) calls the same ``run_live``; these check the
client side: the flow, resends after lost answers, concurrent double clicks, and that the
read-back audit catches a server that ignores Idempotency-Key.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from services.simulator.config import ConfigError, SimConfig
from services.simulator.journey import COUPON_REFUSED_BESIDE_ORDER
from services.simulator.live import LiveError, ReplicaKill, run_live, simulate_live
from tests.simulator.fake_api import FakeApi

TARGET = "http://127.0.0.1:8080"


def test_a_healthy_api_passes_the_audit() -> None:
    api = FakeApi()
    summary = run_live(TARGET, 300, 3, concurrency=8, transport=api.transport())
    assert summary.audit_ok, summary.failed_invariants
    assert summary.mode == "live"
    assert summary.customers == 300
    assert summary.orders == len(api.store.orders)
    assert summary.double_clicks > 0 and summary.replays > 0
    assert summary.latency is not None and summary.latency.requests > 0
    # Only the core's known race may show: a concurrent double click of a checkout with a
    # coupon answered 422 used_up (its own order holds the coupon) instead of the replay.
    assert set(summary.unexpected_errors) <= {COUPON_REFUSED_BESIDE_ORDER}
    assert summary.coupons_applied > 0 and summary.tips > 0


def test_lost_answers_are_resent_with_the_same_key() -> None:
    api = FakeApi(lose_every=5)
    summary = run_live(TARGET, 200, 3, concurrency=8, transport=api.transport())
    assert api.lost > 0
    assert summary.transport_retries >= api.lost
    assert summary.audit_ok, summary.failed_invariants
    assert summary.unexpected_errors == {}


def test_a_server_that_ignores_keys_fails_the_audit() -> None:
    outcome = simulate_live(
        TARGET, SimConfig(customers=300, seed=3), concurrency=8,
        transport=FakeApi(forget_keys=True).transport(),
    )  # fmt: skip
    assert not outcome.summary.audit_ok
    assert "duplicate_orders" in outcome.summary.failed_invariants
    assert outcome.audit.findings["duplicate_orders"].examples


def test_only_loopback_targets() -> None:
    with pytest.raises(ConfigError):
        run_live("http://192.168.1.10:8080", 1, 1, transport=FakeApi().transport())


def test_an_unknown_replica_pid_stops_the_run_before_any_traffic() -> None:
    with pytest.raises(LiveError):
        run_live(TARGET, 5, 1, kill=ReplicaKill(1.0, pid=2**22 + 12345),
                 transport=FakeApi().transport())  # fmt: skip


def test_the_replica_kill_fires_on_the_named_process(tmp_path: object) -> None:
    # A process this test starts and owns stands in for a replica.
    victim = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        summary = run_live(
            TARGET, 150, 2, concurrency=2, kill=ReplicaKill(0.05, pid=victim.pid),
            transport=FakeApi().transport(),
        )  # fmt: skip
        assert victim.wait(timeout=10) == -9
        assert summary.replica_killed is not None
        assert f"pid {victim.pid}" in summary.replica_killed
    finally:
        if victim.poll() is None:
            os.kill(victim.pid, 9)
            victim.wait()


def test_max_seconds_bounds_the_run() -> None:
    started = time.perf_counter()
    summary = run_live(TARGET, 5000, 1, concurrency=4, max_seconds=0.5,
                       transport=FakeApi().transport())  # fmt: skip
    assert time.perf_counter() - started < 30  # the audit of what was done included
    assert 0 < summary.customers < 5000
    assert summary.audit_ok, summary.failed_invariants


def test_a_wrong_cart_total_fails_order_totals() -> None:
    outcome = simulate_live(
        TARGET, SimConfig(customers=40, seed=3), concurrency=4,
        transport=FakeApi(cart_off_by=1).transport(),
    )  # fmt: skip
    finding = outcome.audit.findings["order_totals"]
    assert finding.violations > 0
    assert "cart item total" in finding.examples[0]
    assert outcome.summary.failed_invariants == ["order_totals"]


def test_a_receipt_that_is_not_the_bill_shown_fails_order_totals() -> None:
    api = FakeApi(receipt_off_by=50)
    outcome = simulate_live(
        TARGET, SimConfig(customers=40, seed=3), concurrency=4, transport=api.transport()
    )
    finding = outcome.audit.findings["order_totals"]
    assert finding.violations > 0
    examples = " ".join(finding.examples)
    assert "the receipt's bill" in examples and "≠ the bill shown" in examples
    named = [f"order {o.order_id} (customer {o.user})" for o in api.store.orders.values()]
    assert all(any(who in e for who in named) for e in finding.examples)
    assert outcome.summary.failed_invariants == ["order_totals"]
