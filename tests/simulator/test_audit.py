"""The audit bites: states with a broken invariant, made directly in a MemoryStore with
the real core (no mocks), fail the named check with examples, and the CLI exits 1."""

from __future__ import annotations

import argparse
from collections.abc import Callable

import attrs
import pytest
from attrs import evolve
from rich.console import Console

from food_core.model import Order, OrderStatus, Payment, PaymentMode, PaymentStatus
from food_core.usecases import pay_order, place_order, set_cart_quantity
from services.simulator.audit import AuditReport, audit_memory
from services.simulator.cli import EXIT_AUDIT_FAILED, EXIT_OK, build_parser, finish
from services.simulator.ledger import CheckoutAttempt
from services.simulator.report import Timeline
from services.simulator.summary import Summary
from tests.builders import GOOD_CARD, World, make_world


def _paid_order(world: World) -> Order:
    """One customer, one card order, confirmed through the real use cases."""
    user = world.customer(1)
    address = world.address(user)
    set_cart_quantity(world.ports, user.user_id, world.items["dosa"].food_id, 2)
    order = place_order(
        world.ports,
        user.user_id,
        idempotency_key="checkout-0001",
        address_id=address.address_id,
        payment_mode=PaymentMode.CARD,
    ).order
    result = pay_order(
        world.ports,
        user.user_id,
        order.order_id,
        idempotency_key="payment-0001",
        payment_mode=PaymentMode.CARD,
        card=GOOD_CARD,
    )
    assert result.order.order_status is OrderStatus.CONFIRMED
    return result.order


def test_a_clean_state_passes() -> None:
    world = make_world()
    _paid_order(world)
    report = audit_memory(world.store, world.gateway)
    assert report.ok, [f.examples for f in report.failed]
    assert report.orders == 1


def _duplicate_order(world: World, order: Order) -> None:
    # A second, unpaid order under the same (user, key): what a check-then-insert race
    # would leave behind.
    copy = evolve(
        order,
        order_id=order.order_id + 1,
        order_status=OrderStatus.PENDING_PAYMENT,
        payments=(),
        paid_by=None,
        confirmed_at=None,
        delivery=None,
    )
    world.store.orders[copy.order_id] = copy
    world.store.order_ids_by_user[order.user].append(copy.order_id)


def _with_attempt(world: World, order: Order, attempt: Payment) -> None:
    world.store.orders[order.order_id] = evolve(order, payments=(*order.payments, attempt))


def _double_charge(world: World, order: Order) -> None:
    assert order.payment is not None
    second = evolve(order.payment, payment_id=order.payment.payment_id + 1,
                    idempotency_key="payment-0002")  # fmt: skip
    _with_attempt(world, order, second)


def _wrong_total_orders(world: World, order: Order) -> None:
    counts = world.store.confirmed_counts
    counts[order.user] = counts.get(order.user, 0) + 1


def _paid_but_pending(world: World, order: Order) -> None:
    world.store.orders[order.order_id] = evolve(
        order, order_status=OrderStatus.PENDING_PAYMENT, delivery=None
    )


def _unsettled(world: World, order: Order) -> None:
    assert order.payment is not None
    lost = Payment(
        payment_id=order.payment.payment_id + 7,
        order_id=order.order_id,
        payment_mode=PaymentMode.CARD,
        amount=order.total_amount,
        payment_status=PaymentStatus.PENDING,
        idempotency_key="payment-0003",
        request_fingerprint="x",
        created_at=order.created_at,
        updated_at=order.created_at,
    )
    _with_attempt(world, order, lost)


def _wrong_amount(world: World, order: Order) -> None:
    assert order.payment is not None
    with attrs.validators.disabled():  # a state the domain refuses to make
        wrong = evolve(order.payment, amount=order.total_amount + 100)
        world.store.orders[order.order_id] = evolve(order, payments=(wrong,))


BREAKAGES: dict[str, Callable[[World, Order], None]] = {
    "duplicate_orders": _duplicate_order,
    "double_charges": _double_charge,
    "total_orders": _wrong_total_orders,
    "paid_but_unconfirmed": _paid_but_pending,
    "unsettled_payments": _unsettled,
    "order_totals": _wrong_amount,
}


@pytest.mark.parametrize("invariant", list(BREAKAGES))
def test_a_broken_invariant_is_reported(invariant: str) -> None:
    world = make_world()
    order = _paid_order(world)
    BREAKAGES[invariant](world, order)
    report = audit_memory(world.store, world.gateway)
    assert not report.ok
    finding = report.findings[invariant]
    assert finding.violations >= 1
    assert str(order.order_id) in " ".join(finding.examples) or str(order.user) in " ".join(
        finding.examples
    )


def test_a_checkout_answered_with_two_orders_is_a_duplicate() -> None:
    world = make_world()
    order = _paid_order(world)
    attempt = CheckoutAttempt(order.user, "checkout-0001", order.total_amount)
    attempt.order_ids.update({order.order_id, order.order_id + 99})
    attempt.sent = 2
    report = audit_memory(world.store, world.gateway, attempts=[attempt])
    assert report.findings["duplicate_orders"].violations == 1
    assert "answered with 2 orders" in report.findings["duplicate_orders"].examples[0]


def test_a_second_charge_at_the_gateway_is_a_double_charge() -> None:
    world = make_world()
    order = _paid_order(world)
    seen = {order.order_id: {order.payment.payment_id, 12345}} if order.payment else {}
    report = audit_memory(world.store, world.gateway, seen_payments=seen)
    assert report.findings["double_charges"].violations == 1


def _finish(report: AuditReport) -> tuple[int, str]:
    console = Console(record=True, width=200)
    args: argparse.Namespace = build_parser().parse_args([])
    summary = Summary(mode="memory", seed=1, customers=1, audit_ok=report.ok)
    code = finish(summary, report, Timeline([], []), args, console)
    return code, console.export_text()


def test_the_cli_exits_1_and_names_the_failed_invariant_with_examples() -> None:
    world = make_world()
    order = _paid_order(world)
    _wrong_total_orders(world, order)
    code, text = _finish(audit_memory(world.store, world.gateway))
    assert code == EXIT_AUDIT_FAILED
    assert "✗ total_orders" in text
    assert f"user {order.user}: total_orders 2, but 1 orders were confirmed" in text
    assert "invariant(s) failed: total_orders" in text


def test_the_cli_exits_0_when_the_audit_passes() -> None:
    world = make_world()
    _paid_order(world)
    code, text = _finish(audit_memory(world.store, world.gateway))
    assert code == EXIT_OK
    assert "✓ total_orders" in text
