"""price-change: the scenario passes its audit on the real core, and the audit reports
an order at a total the customer was not shown, and a changed price nobody announced."""

from __future__ import annotations

import attrs
from attrs import evolve

from food_core.model import Bill, BillCode, Order
from services.simulator.config import SimConfig
from services.simulator.scenarios import price_change
from services.simulator.scenarios.price_change import SHOWN_TOTAL, TOLD_FIRST, PriceRun


def _audit(run: PriceRun) -> dict[str, list[str]]:
    findings = price_change.audit_price_change(run.world.store, run.ledger)
    return {f.name: f.examples for f in findings if not f.ok}


def _play() -> PriceRun:
    return price_change.play(SimConfig(customers=80, seed=4))


def _changed_order(run: PriceRun) -> Order:
    """An order with a line at another price than when it went into the cart."""
    return next(
        o
        for o in run.world.store.orders.values()
        if any(run.ledger.added[o.user][i.food_id] != i.price for i in o.items)
    )


def test_the_scenario_passes_its_audit_and_did_what_it_is_about() -> None:
    outcome = price_change.run(SimConfig(customers=400, seed=2))
    assert outcome.audit.ok, [(f.name, f.examples) for f in outcome.audit.failed]
    n = outcome.numbers
    assert n["customers"] == 400
    assert n["dishes repriced while a customer looked"] > 0
    assert n["dishes that ran out"] > 0
    assert n["  answered cart_changed"] > 0
    assert n["    with no line changed (a stale total)"] > 0
    assert n["  at a price changed since the cart"] > 0
    assert n["orders"] + n["customers who gave up"] == n["customers"]


def test_the_untouched_state_passes() -> None:
    assert _audit(_play()) == {}


def test_an_order_at_a_price_not_shown_is_reported() -> None:
    run = _play()
    order = next(o for o in run.world.store.orders.values() if not o.payments or o.is_confirmed)
    item = order.items[0]
    delta = 500 * item.quantity  # the dish ₹5 dearer, on the items and on the bill
    lines = tuple(
        evolve(line, amount=line.amount + delta) if line.code is BillCode.ITEM_TOTAL else line
        for line in order.bill.lines
    )
    with attrs.validators.disabled():  # payments no longer match the total: a broken state
        dearer = evolve(
            order,
            items=(evolve(item, price=item.price + 500), *order.items[1:]),
            bill=Bill(lines),
        )
    run.world.store.orders[order.order_id] = dearer
    breaches = _audit(run)
    shown = next(r.expected_total for r in run.ledger.requests if r.order_id == order.order_id)
    assert breaches[SHOWN_TOTAL] == [
        f"order {order.order_id} (customer {order.user}): placed at "
        f"₹{(order.total_amount + delta) / 100:,.2f}, but the customer was shown "
        f"₹{shown / 100:,.2f}"
    ]
    was = run.ledger.added[order.user][item.food_id]
    assert (
        f"order {order.order_id} (customer {order.user}): {item.food_name} went from "
        f"₹{was / 100:,.2f} to ₹{(item.price + 500) / 100:,.2f} without a cart_changed first"
    ) in breaches[TOLD_FIRST]


def test_a_changed_price_without_cart_changed_is_reported() -> None:
    run = _play()
    order = _changed_order(run)
    # The customer is never told: what a placement ignoring expected_total would leave.
    run.ledger.requests[:] = [
        r._replace(changes=()) if r.user_id == order.user else r for r in run.ledger.requests
    ]
    breaches = _audit(run)
    assert list(breaches) == [TOLD_FIRST]
    item = next(i for i in order.items if run.ledger.added[order.user][i.food_id] != i.price)
    was = run.ledger.added[order.user][item.food_id]
    assert (
        f"order {order.order_id} (customer {order.user}): {item.food_name} went from "
        f"₹{was / 100:,.2f} to ₹{item.price / 100:,.2f} without a cart_changed first"
    ) in breaches[TOLD_FIRST]


def test_an_order_no_customer_was_answered_with_is_reported() -> None:
    run = _play()
    order = next(iter(run.world.store.orders.values()))
    run.ledger.requests[:] = [r for r in run.ledger.requests if r.order_id != order.order_id]
    assert _audit(run)[SHOWN_TOTAL] == [
        f"order {order.order_id} (customer {order.user}): placed at "
        f"₹{order.total_amount / 100:,.2f}, never shown"
    ]
