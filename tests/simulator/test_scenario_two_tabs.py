"""two-tabs: the scenario passes its audit on the real core, and the audit reports each
breach of its invariant — a second order for one cart, an order that is not its cart, a
customer charged twice — naming the order and the customer."""

from __future__ import annotations

import attrs
import pytest
from attrs import evolve

from food_core.model import CardDetails, Order, OrderStatus, PaymentMode
from food_core.ports import ChargeRequest
from services.simulator.config import SimConfig
from services.simulator.scenarios import two_tabs
from services.simulator.shop import GOOD_CARD


@pytest.fixture(scope="module")
def played() -> two_tabs.TabsRun:
    return two_tabs.play(SimConfig(customers=200, seed=5))


def _audit(run: two_tabs.TabsRun) -> dict[str, list[str]]:
    findings = two_tabs.audit_two_tabs(
        run.world.store, run.world.gateway.successful_charges(), run.ledger
    )
    return {f.name: f.examples for f in findings if not f.ok}


def _confirmed_order(run: two_tabs.TabsRun) -> Order:
    return next(o for o in run.world.store.orders.values() if o.is_confirmed)


def test_the_scenario_passes_its_audit_and_did_what_it_is_about() -> None:
    outcome = two_tabs.run(SimConfig(customers=300, seed=2))
    assert outcome.audit.ok, [(f.name, f.examples) for f in outcome.audit.failed]
    numbers = outcome.numbers
    assert numbers["customers"] == 300
    # Two tabs per cart: every cart version placed had at least two POSTs, the second
    # answered with the first's order, and the second tab's payment was refused.
    assert numbers["POST /orders sent"] >= 2 * numbers["cart versions placed"]
    assert numbers["  answered with a replay"] >= numbers["cart versions placed"]
    assert numbers["orders"] == numbers["cart versions placed"]  # one each, from state
    assert numbers["cart versions placed"] > numbers["customers"]  # some came back
    assert numbers["second payments refused (already paid)"] > 0
    assert numbers["payments the gateway did not answer"] > 0
    assert numbers["successful charges"] == numbers["  confirmed (or further)"]


def test_same_seed_same_numbers() -> None:
    first = two_tabs.run(SimConfig(customers=120, seed=9))
    second = two_tabs.run(SimConfig(customers=120, seed=9))
    assert first.numbers == second.numbers


def test_the_untouched_state_passes(played: two_tabs.TabsRun) -> None:
    assert _audit(played) == {}


def _second_order(run: two_tabs.TabsRun, order: Order) -> Order:
    """What a check-then-insert race between the tabs would leave: another order, under
    the other tab's key, from the same cart version."""
    copy = evolve(
        order,
        order_id=order.order_id + 1_000_000,
        idempotency_key=order.idempotency_key + "-other-tab",
        order_status=OrderStatus.PENDING_PAYMENT,
        payments=(),
        paid_by=None,
        confirmed_at=None,
        delivery=None,
    )
    run.world.store.orders[copy.order_id] = copy
    return copy


def test_a_second_order_for_one_cart_is_reported() -> None:
    run = two_tabs.play(SimConfig(customers=40, seed=3))
    order = _confirmed_order(run)
    copy = _second_order(run, order)
    breaches = _audit(run)
    assert list(breaches) == [two_tabs.ONE_ORDER]
    ids = sorted([order.order_id, copy.order_id])
    assert breaches[two_tabs.ONE_ORDER] == [
        f"customer {order.user}: 2 orders {ids} from cart version {order.cart_version}"
    ]


def test_tabs_answered_with_two_orders_are_reported() -> None:
    run = two_tabs.play(SimConfig(customers=40, seed=3))
    first = run.ledger.placements[0]
    assert first.order_id is not None
    run.ledger.placements.append(first._replace(key="another-tab", order_id=first.order_id + 7))
    breaches = _audit(run)
    assert breaches[two_tabs.ONE_ORDER] == [
        f"customer {first.user_id}: the tabs showing cart version {first.version} were "
        f"answered with orders {sorted([first.order_id, first.order_id + 7])}"
    ]


def test_an_order_that_is_not_its_cart_is_reported() -> None:
    run = two_tabs.play(SimConfig(customers=40, seed=3))
    order = _confirmed_order(run)
    item = order.items[0]
    with attrs.validators.disabled():  # the payment amount no longer matches: a broken state
        changed = evolve(order, items=(evolve(item, quantity=item.quantity + 1), *order.items[1:]))
    run.world.store.orders[order.order_id] = changed
    breaches = _audit(run)
    assert list(breaches) == [two_tabs.SAME_ITEMS]
    (example,) = breaches[two_tabs.SAME_ITEMS]
    assert example.startswith(f"order {order.order_id} (customer {order.user}): items ")
    assert f"≠ cart version {order.cart_version}" in example


def test_an_order_from_a_cart_never_placed_is_reported() -> None:
    run = two_tabs.play(SimConfig(customers=40, seed=3))
    order = _confirmed_order(run)
    run.world.store.orders[order.order_id] = evolve(order, cart_version=order.cart_version + 50)
    assert _audit(run)[two_tabs.SAME_ITEMS] == [
        f"order {order.order_id} (customer {order.user}) came from cart version "
        f"{order.cart_version + 50}, which the customer never placed"
    ]


def test_a_customer_charged_twice_for_one_cart_is_reported() -> None:
    run = two_tabs.play(SimConfig(customers=40, seed=3))
    order = _confirmed_order(run)
    copy = _second_order(run, order)
    run.world.gateway.charge(
        ChargeRequest(
            order_id=copy.order_id,
            amount=copy.total_amount,
            payment_mode=PaymentMode.CARD,
            idempotency_key="the-second-tab-charged-too",
            merchant_reference="1",
            card=CardDetails(*GOOD_CARD),
        )
    )
    breaches = _audit(run)
    ids = sorted([order.order_id, copy.order_id])
    assert breaches[two_tabs.CHARGED_ONCE] == [
        f"customer {order.user} charged 2 times for cart version {order.cart_version} "
        f"(orders {ids})"
    ]


def test_a_second_successful_payment_shown_is_reported() -> None:
    run = two_tabs.play(SimConfig(customers=40, seed=3))
    (user_id, version), shown = next(iter(run.ledger.charges_shown.items()))
    shown.add(max(shown) + 1)
    assert _audit(run)[two_tabs.CHARGED_ONCE] == [
        f"customer {user_id} was shown 2 successful payments {sorted(shown)} for cart "
        f"version {version}"
    ]
