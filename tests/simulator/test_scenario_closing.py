"""closing: the scenario passes its audit on the real core, and the audit reports an
order created while its restaurant was closed, and an untrue restaurant_closed answer."""

from __future__ import annotations

from datetime import datetime, timedelta

from attrs import evolve

from food_core.model import IST, OpenHours
from services.simulator.config import SimConfig
from services.simulator.scenarios import closing
from services.simulator.scenarios.closing import (
    OPEN_WHEN_ORDERED,
    TRUE_REFUSALS,
    ClosingRun,
    closes_at,
)

THURSDAY = datetime(2026, 1, 1, tzinfo=IST)  # 1 January 2026 was a Thursday


def _audit(run: ClosingRun) -> dict[str, list[str]]:
    findings = closing.audit_closing(run.world.store, run.ledger)
    return {f.name: f.examples for f in findings if not f.ok}


def _play() -> ClosingRun:
    return closing.play(SimConfig(customers=150, seed=6))


def test_closes_at_follows_the_hours() -> None:
    lunch = OpenHours.parse("12:00-15:30,19:00-23:30")
    assert closes_at(lunch, THURSDAY.replace(hour=13)) == THURSDAY.replace(hour=15, minute=30)
    assert closes_at(lunch, THURSDAY.replace(hour=16)) is None  # closed then
    late = OpenHours.parse("Thu 18:00-24:00; Fri 00:00-02:00")  # touching: one opening
    friday_2am = THURSDAY + timedelta(days=1, hours=2)
    assert closes_at(late, THURSDAY.replace(hour=23)) == friday_2am
    assert closes_at(OpenHours.parse("00:00-24:00"), THURSDAY) is None  # never closes


def test_the_scenario_passes_its_audit_and_did_what_it_is_about() -> None:
    outcome = closing.run(SimConfig(customers=400, seed=2))
    assert outcome.audit.ok, [(f.name, f.examples) for f in outcome.audit.failed]
    n = outcome.numbers
    assert n["restaurants closing then"] > 0
    assert n["  in the last 5 minutes before closing"] > 0
    assert n["additions refused (closed)"] > 0
    assert n["  refused (closed)"] > 0  # filled before closing, placed after
    assert n["  created at or after closing"] == 0
    assert outcome.notes[0].startswith("closing time 15:30 IST on Thursday")


def test_the_untouched_state_passes() -> None:
    assert _audit(_play()) == {}


def test_an_order_created_while_closed_is_reported() -> None:
    run = _play()
    order = next(iter(run.world.store.orders.values()))
    late = run.ledger.closing + timedelta(minutes=2)  # 15:32 IST, closed until 19:00
    run.world.store.orders[order.order_id] = evolve(order, created_at=late)
    restaurant = run.world.store.restaurants[order.restaurant.restaurant_id]
    assert _audit(run) == {
        OPEN_WHEN_ORDERED: [
            f"order {order.order_id} (customer {order.user}) was created at 15:32:00 IST "
            f"on Thursday at {restaurant.restaurant_name}, which was closed then "
            f"(hours {restaurant.open_hours.text})"
        ]
    }


def test_a_refusal_naming_the_wrong_opening_is_reported() -> None:
    run = _play()
    refusal = run.ledger.refusals[0]
    run.ledger.refusals[0] = refusal._replace(opens_at="2026-01-01T16:00:00+05:30")
    (example,) = _audit(run)[TRUE_REFUSALS]
    assert example.startswith(f"customer {refusal.user_id} ({refusal.step} at ")
    assert "opens at 2026-01-01T16:00:00+05:30, but it opens at 2026-01-01T1" in example


def test_a_refusal_while_open_is_reported() -> None:
    run = _play()
    refusal = run.ledger.refusals[0]
    open_then = run.ledger.closing - timedelta(minutes=20)
    run.ledger.refusals[0] = refusal._replace(at=open_then)
    name = run.world.store.restaurants[refusal.restaurant_id].restaurant_name
    assert _audit(run)[TRUE_REFUSALS] == [
        f"customer {refusal.user_id} ({refusal.step} at 15:10:00 IST on Thursday): "
        f"{name} was open, yet refused"
    ]
