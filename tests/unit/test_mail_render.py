"""The mails a notice becomes (``adapters.mail.render``): the confirmation carries the
items with their options and every line of the bill; a cancellation says why and what
comes back; a refund says how much and where to; each is addressed to the customer and
can be found by its order and kind."""

from __future__ import annotations

import pytest
from attrs import evolve

from adapters.mail import NOTICE_HEADER, ORDER_HEADER, render_mail
from adapters.mail.render import rupees
from food_core.model import IST, OrderOption, OrderStatus, PaymentMode, User
from food_core.model.notices import Notice, NoticeKind
from food_core.usecases import (
    accept_order,
    cancel_order,
    mark_ready,
    pay_order,
    pick_up,
    place_order,
    reject_order,
    set_cart_quantity,
)
from tests.builders import GOOD_CARD, World, make_world
from tests.unit.test_acceptance import partner_of
from tests.unit.test_dispatch import rider_near_dosa

SENDER = "Food Ordering <orders@food.localhost>"


@pytest.fixture
def world() -> World:
    return make_world()


def _journey(world: World, mode: PaymentMode = PaymentMode.CARD) -> User:
    customer = world.customer()
    address = world.address(customer).address_id
    set_cart_quantity(world.ports, customer.user_id, 11, 2)
    set_cart_quantity(world.ports, customer.user_id, 13, 1)
    order = place_order(
        world.ports,
        customer.user_id,
        idempotency_key="render-0001",
        address_id=address,
        payment_mode=mode,
    ).order
    if mode is PaymentMode.CARD:
        pay_order(
            world.ports,
            customer.user_id,
            order.order_id,
            idempotency_key="render-pay-1",
            payment_mode=mode,
            card=GOOD_CARD,
        )
    return customer


def _text(notice: Notice, customer: User) -> str:
    body = render_mail(notice, customer, SENDER).get_body(preferencelist=("plain",))
    assert body is not None
    return str(body.get_content())


def _notice(world: World, kind: NoticeKind) -> Notice:
    return next(n for n in world.notifier.notices if n.kind is kind)


def test_the_confirmation_mail_has_the_items_the_bill_and_the_total(world: World) -> None:
    customer = _journey(world)
    notice = _notice(world, NoticeKind.CONFIRMED)
    order = notice.order
    mail = render_mail(notice, customer, SENDER)
    assert mail["To"] == "Customer 1 <customer1@example.com>"
    assert mail["From"] == SENDER
    assert mail[ORDER_HEADER] == str(order.order_id) and mail[NOTICE_HEADER] == "confirmed"
    assert str(order.order_id) in mail["Subject"] and "Dosa Corner" in mail["Subject"]
    text = _text(notice, customer)
    assert "2 x Masala Dosa" in text and "1 x Filter Coffee" in text
    for line in order.bill.lines:
        assert line.label in text and rupees(line.amount) in text
        for part in line.parts:
            assert part.label in text
    assert rupees(order.total_amount) in text
    assert "card ending 4242" in text
    assert "12 MG Road, Bengaluru 560001" in text


def test_an_item_is_named_with_its_options(world: World) -> None:
    customer = _journey(world)
    notice = _notice(world, NoticeKind.CONFIRMED)
    dosa = notice.order.items[0]
    chosen = evolve(dosa, options=(OrderOption(501, "Extra chutney", 1_000),))
    order = evolve(notice.order, items=(chosen, *notice.order.items[1:]))
    text = _text(evolve(notice, order=order), customer)
    assert "2 x Masala Dosa (Extra chutney)" in text


def test_a_cash_order_is_confirmed_with_the_amount_to_have_ready(world: World) -> None:
    customer = _journey(world, PaymentMode.COD)
    text = _text(_notice(world, NoticeKind.CONFIRMED), customer)
    order = _notice(world, NoticeKind.CONFIRMED).order
    assert "pay on delivery" in text and f"have {rupees(order.total_amount)} ready" in text


def test_a_cancelled_paid_order_says_why_and_that_the_money_comes_back(world: World) -> None:
    customer = _journey(world)
    order = _notice(world, NoticeKind.CONFIRMED).order
    cancel_order(world.ports, customer.user_id, order.order_id)
    cancelled = _notice(world, NoticeKind.CANCELLED)
    text = _text(cancelled, customer)
    assert "was cancelled" in text and "You cancelled it." in text
    assert f"Refund: {rupees(order.total_amount)} is on its way back" in text
    assert rupees(order.total_amount) in text and "Bill:" in text
    refunded = _notice(world, NoticeKind.REFUNDED)
    mail = render_mail(refunded, customer, SENDER)
    assert mail[NOTICE_HEADER] == "refunded"
    assert rupees(order.total_amount) in mail["Subject"]
    text = _text(refunded, customer)
    assert f"{rupees(order.total_amount)} was refunded" in text and "ending 4242" in text


def test_a_rejected_order_carries_the_restaurants_words(world: World) -> None:
    customer = _journey(world, PaymentMode.COD)
    partner = partner_of(world, 1)
    order = _notice(world, NoticeKind.CONFIRMED).order
    reject_order(world.ports, partner, order.order_id, "Out of dosa batter")
    notice = _notice(world, NoticeKind.CANCELLED)
    assert notice.order.order_status is OrderStatus.CANCELLED
    text = _text(notice, customer)
    assert "The restaurant could not take it." in text
    assert '"Out of dosa batter"' in text
    assert "nothing was charged, so there is nothing to refund" in text


def test_the_out_for_delivery_mail_names_the_rider_and_the_expected_time(world: World) -> None:
    rider = rider_near_dosa(world, 1, 2.0)
    customer = _journey(world)
    order = _notice(world, NoticeKind.CONFIRMED).order
    partner = partner_of(world, 1)
    accept_order(world.ports, partner, order.order_id, 20)
    mark_ready(world.ports, partner, order.order_id)
    picked = pick_up(world.ports, rider.rider_id, order.order_id)
    eta = picked.eta()
    assert eta is not None
    text = _text(_notice(world, NoticeKind.OUT_FOR_DELIVERY), customer)
    assert "Rider 1 is bringing it (phone 77XXXXXX01)." in text
    assert f"Expected at your door by {eta.astimezone(IST).strftime('%H:%M')} IST." in text


def test_each_kind_has_its_own_subject_and_message_id(world: World) -> None:
    customer = _journey(world)
    order = _notice(world, NoticeKind.CONFIRMED).order
    cancel_order(world.ports, customer.user_id, order.order_id)
    mails = [render_mail(n, customer, SENDER) for n in world.notifier.notices]
    assert len({m["Subject"] for m in mails}) == len(mails) == 3
    assert len({m["Message-ID"] for m in mails}) == 3
    # The same notice rendered again is recognisably the same mail.
    again = render_mail(world.notifier.notices[0], customer, SENDER)
    assert world.notifier.notices[0].key in again["Message-ID"]
