"""The bill audit bites: "bill shown = amount charged = receipt" for every order, and the
coupon rules. Each test breaks one rule in a MemoryStore made by the real core (a coupon
and a tip on a paid card order), or in the customer's record of what they were shown,
and checks the breach is reported naming the order and the customer."""

from __future__ import annotations

from collections.abc import Sequence

import attrs
from attrs import evolve

from adapters import demo_catalog
from food_core.model import Bill, BillCode, BillLine, CouponUse, Order, OrderStatus, PaymentMode
from food_core.usecases import apply_coupon, pay_order, place_order, price_cart, set_cart_quantity
from food_core.usecases import set_tip as set_cart_tip
from services.simulator.audit import AuditReport, audit_memory, audit_records, memory_records
from services.simulator.ledger import CheckoutAttempt
from tests.builders import GOOD_CARD, World, make_world

WELCOME = "WELCOME50"


def _world() -> World:
    world = make_world()
    world.ports.catalog.add_coupons(demo_catalog.generate().coupons)
    return world


def _order(world: World, n: int = 1) -> tuple[Order, CheckoutAttempt]:
    """A customer applies WELCOME50, tips ₹30, is shown the bill, places with its total
    and pays by card: the order and the checkout attempt as the simulator records it."""
    user = world.customer(n)
    address = world.address(user)
    set_cart_quantity(world.ports, user.user_id, world.items["dosa"].food_id, 2)
    apply_coupon(world.ports, user.user_id, WELCOME)
    set_cart_tip(world.ports, user.user_id, 3_000)
    bill = price_cart(world.ports, user.user_id).bill
    assert bill is not None
    key = f"checkout-{n:04d}"
    order = place_order(
        world.ports,
        user.user_id,
        idempotency_key=key,
        address_id=address.address_id,
        payment_mode=PaymentMode.CARD,
        expected_total=bill.total_amount,
    ).order
    order = pay_order(
        world.ports,
        user.user_id,
        order.order_id,
        idempotency_key=f"payment-{n:04d}",
        payment_mode=PaymentMode.CARD,
        card=GOOD_CARD,
    ).order
    assert order.order_status is OrderStatus.CONFIRMED
    attempt = CheckoutAttempt(
        user.user_id,
        key,
        bill.total_amount,
        tuple((line.code.value, line.amount) for line in bill.lines),
    )
    attempt.order_ids.add(order.order_id)
    attempt.sent = 1
    return order, attempt


def _audit(world: World, attempts: Sequence[CheckoutAttempt] = ()) -> AuditReport:
    return audit_memory(world.store, world.gateway, attempts=attempts)


def _examples(report: AuditReport, name: str) -> list[str]:
    finding = report.findings[name]
    assert not finding.ok, f"{name} passed"
    return finding.examples


def _who(order: Order) -> str:
    return f"order {order.order_id} (customer {order.user})"


def _with_line(order: Order, code: BillCode, amount: int) -> Bill:
    """The order's bill with one line's amount replaced (added if missing)."""
    lines = [line for line in order.bill.lines if line.code is not code]
    lines.append(BillLine(code, code.value, amount))
    with attrs.validators.disabled():
        return Bill(tuple(lines))


def _store(world: World, order: Order, **changes: object) -> None:
    with attrs.validators.disabled():  # states the domain refuses to make
        world.store.orders[order.order_id] = evolve(order, **changes)  # type: ignore[arg-type]


def test_an_order_with_a_coupon_and_a_tip_passes() -> None:
    world = _world()
    order, attempt = _order(world)
    assert order.bill.amount_of(BillCode.DISCOUNT) == -10_000  # 50% of ₹240, capped at ₹100
    assert order.bill.amount_of(BillCode.TIP) == 3_000
    report = _audit(world, [attempt])
    assert report.ok, [(f.name, f.examples) for f in report.failed]


def test_a_bill_item_total_that_is_not_its_lines_is_reported() -> None:
    world = _world()
    order, attempt = _order(world)
    item = order.items[0]
    _store(world, order, items=(evolve(item, quantity=item.quantity + 1), *order.items[1:]))
    examples = _examples(_audit(world, [attempt]), "order_totals")
    assert (
        f"{_who(order)}: bill item_total {order.bill.amount_of(BillCode.ITEM_TOTAL)} ≠ sum of "
        f"its lines {order.bill.amount_of(BillCode.ITEM_TOTAL) + item.price}"
    ) in examples


def test_bill_lines_that_do_not_add_up_to_its_total_are_reported() -> None:
    # Memory mode's bill derives its total from its lines; the live receipt states both,
    # so the rule is broken in the records the audit reads.
    world = _world()
    order, attempt = _order(world)
    orders, users = memory_records(world.store)
    orders = [o._replace(bill_total=o.bill_total + 1, total_amount=o.total_amount + 1)
              for o in orders]  # fmt: skip
    report = audit_records(orders, users, attempts=[attempt], coupons=world.store.coupons)
    examples = _examples(report, "order_totals")
    total = order.total_amount
    assert f"{_who(order)}: bill lines add up to {total} ≠ its total {total + 1}" in examples
    assert f"{_who(order)}: payment {order.paid_by} amount {total} ≠ total {total + 1}" in (
        examples
    )


def test_a_negative_line_other_than_the_discount_is_reported() -> None:
    world = _world()
    order, attempt = _order(world)
    _store(world, order, bill=_with_line(order, BillCode.PLATFORM_FEE, -1_000))
    examples = _examples(_audit(world, [attempt]), "order_totals")
    assert f"{_who(order)}: bill line platform_fee is -1000" in examples


def test_a_payment_amount_other_than_the_total_is_reported() -> None:
    world = _world()
    order, attempt = _order(world)
    assert order.payment is not None
    wrong = evolve(order.payment, amount=order.total_amount - 3_000)  # charged without the tip
    _store(world, order, payments=(wrong,))
    examples = _examples(_audit(world, [attempt]), "order_totals")
    assert (
        f"{_who(order)}: payment {wrong.payment_id} amount {wrong.amount} ≠ total "
        f"{order.total_amount}"
    ) in examples


def test_a_total_other_than_the_bill_shown_is_reported() -> None:
    world = _world()
    order, attempt = _order(world)
    attempt.expected_total -= 500
    examples = _examples(_audit(world, [attempt]), "order_totals")
    assert examples == [
        f"{_who(order)}: total {order.total_amount} ≠ the bill total "
        f"{attempt.expected_total} the customer was shown"
    ]


def test_a_receipt_without_the_bill_shown_is_reported() -> None:
    # The stored order lost its tip (and was charged without it): the receipt is not the
    # bill the customer agreed to.
    world = _world()
    order, attempt = _order(world)
    lines = tuple(line for line in order.bill.lines if line.code is not BillCode.TIP)
    assert order.payment is not None
    with attrs.validators.disabled():
        bill = Bill(lines)
        paid = evolve(order.payment, amount=bill.total_amount)
    _store(world, order, bill=bill, payments=(paid,))
    examples = _examples(_audit(world, [attempt]), "order_totals")
    assert any(e.startswith(f"{_who(order)}: the receipt's bill [item_total") for e in examples)
    assert any("≠ the bill shown" in e and "tip 3000]" in e for e in examples)


def test_a_discount_above_the_coupons_cap_is_reported() -> None:
    world = _world()
    order, _attempt = _order(world)
    _store(world, order, bill=_with_line(order, BillCode.DISCOUNT, -15_000))
    assert _examples(_audit(world), "coupons") == [
        f"{_who(order)}: WELCOME50 took ₹150.00 off, above its cap of ₹100.00"
    ]


def test_a_discount_above_the_item_total_is_reported() -> None:
    world = _world()
    order, _attempt = _order(world)
    items = order.bill.amount_of(BillCode.ITEM_TOTAL)
    _store(world, order, bill=_with_line(order, BillCode.DISCOUNT, -(items + 100)))
    examples = _examples(_audit(world), "coupons")
    assert (
        f"{_who(order)}: WELCOME50 took ₹{(items + 100) / 100:,.2f} off an item total of "
        f"₹{items / 100:,.2f}"
    ) in examples


def test_a_discount_without_a_coupon_is_reported() -> None:
    world = _world()
    order, _attempt = _order(world)
    _store(world, order, coupon=None)
    assert _examples(_audit(world), "coupons") == [
        f"{_who(order)}: a discount of ₹100.00 without a coupon"
    ]


def test_welcome50_on_two_orders_of_one_customer_is_reported() -> None:
    world = _world()
    order, _attempt = _order(world)
    # A second order of the same customer holding WELCOME50 (a second use slot, as a
    # store that lost the claim's uniqueness could make).
    copy = evolve(
        order, order_id=order.order_id + 1, idempotency_key="checkout-0002",
        coupon=CouponUse(WELCOME, 2), order_status=OrderStatus.PENDING_PAYMENT,
        payments=(), paid_by=None, confirmed_at=None, delivery=None,
    )  # fmt: skip
    world.store.orders[copy.order_id] = copy
    ids = sorted([order.order_id, copy.order_id])
    examples = _examples(_audit(world), "coupons")
    assert examples == [
        f"customer {order.user}: WELCOME50 on 2 orders not cancelled {ids}, at most 1 allowed"
    ]


def test_welcome50_again_after_a_cancelled_order_passes() -> None:
    world = _world()
    order, _attempt = _order(world)
    cancelled = evolve(
        order, order_id=order.order_id + 1, idempotency_key="checkout-0002",
        order_status=OrderStatus.CANCELLED, coupon=CouponUse(WELCOME, 1, released=True),
        payments=(), paid_by=None, confirmed_at=None, delivery=None,
    )  # fmt: skip
    world.store.orders[cancelled.order_id] = cancelled
    assert _audit(world).findings["coupons"].ok
