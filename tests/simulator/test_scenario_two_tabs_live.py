"""two-tabs live, against the core-backed stand-in of the API (tests/simulator/fake_api.py):
a healthy API passes, lost answers are resent and still make one order per cart, and a
server that forgets Idempotency-Keys and cart claims is caught by the read-back audit."""

from __future__ import annotations

import pytest

from services.simulator.cli import EXIT_RUN_FAILED, EXIT_USAGE, main
from services.simulator.config import SimConfig
from services.simulator.scenarios.two_tabs import CHARGED_ONCE, ONE_ORDER
from services.simulator.scenarios.two_tabs_live import simulate_two_tabs_live
from tests.simulator.fake_api import FakeApi

TARGET = "http://127.0.0.1:8080"


def test_a_healthy_api_passes() -> None:
    api = FakeApi()
    outcome = simulate_two_tabs_live(
        TARGET, SimConfig(customers=120, seed=3), concurrency=8, transport=api.transport()
    )
    assert outcome.audit.ok, [(f.name, f.examples) for f in outcome.audit.failed]
    assert outcome.mode == "live"
    n = outcome.numbers
    assert n["customers"] == 120
    assert n["orders read back"] == n["carts placed"] == len(api.store.orders)
    assert n["POST /orders sent"] >= 2 * n["carts placed"]
    assert n["  answered with a replay"] >= n["carts placed"]
    assert n["second payments refused (already paid)"] > 0
    assert n["journeys ended by an error"] == 0


def test_lost_answers_are_resent_and_still_make_one_order() -> None:
    api = FakeApi(lose_every=7)
    outcome = simulate_two_tabs_live(
        TARGET, SimConfig(customers=30, seed=4), concurrency=8, transport=api.transport()
    )
    assert api.lost > 0
    assert outcome.numbers["transport resends"] >= api.lost
    assert outcome.audit.ok, [(f.name, f.examples) for f in outcome.audit.failed]


def test_a_server_that_forgets_keys_and_cart_claims_is_caught() -> None:
    api = FakeApi(forget_keys=True)
    outcome = simulate_two_tabs_live(
        TARGET, SimConfig(customers=40, seed=3), concurrency=4, transport=api.transport()
    )
    failed = {f.name: f for f in outcome.audit.failed}
    assert ONE_ORDER in failed and CHARGED_ONCE in failed
    examples = " | ".join(failed[ONE_ORDER].examples)
    assert "the tabs of cart 1 were answered with orders" in examples
    # The breach is real, in the server's own store: more orders than carts placed.
    assert len(api.store.orders) > outcome.numbers["carts placed"]
    assert any(
        e.startswith("customer ") and " charged 2 times for cart " in e
        for e in failed[CHARGED_ONCE].examples
    )


@pytest.mark.parametrize("name", ["closing", "all"])
def test_only_two_tabs_runs_live(name: str) -> None:
    assert main(["--scenario", name, "--target", TARGET]) == EXIT_USAGE


def test_an_unreachable_target_exits_3() -> None:
    # Port 9 (discard) is not served here: the connection is refused at once.
    code = main(["--scenario", "two-tabs", "--target", "http://127.0.0.1:9", "--customers", "1"])
    assert code == EXIT_RUN_FAILED
