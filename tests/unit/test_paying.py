from __future__ import annotations

from datetime import timedelta

import pytest

from adapters.memory import Fault
from food_core.errors import (
    IdempotencyKeyReused,
    InvalidPaymentDetails,
    InvalidTransition,
    NotFound,
    OrderAlreadyPaid,
    PaymentDeclined,
    PaymentUnavailable,
    ValidationFailed,
)
from food_core.model import CardDetails, Order, OrderStatus, PaymentMode, PaymentStatus, UpiDetails
from food_core.ports import ChargeRequest
from food_core.usecases import (
    PaymentResult,
    cancel_order,
    get_order,
    pay_order,
    place_order,
    reconcile_pending,
    set_cart_quantity,
)
from tests.builders import DECLINED_CARD, GOOD_CARD, World, make_world


def _placed(world: World, n: int = 1) -> Order:
    user = world.customer(n)
    set_cart_quantity(world.ports, user.user_id, 11, 2)
    address = world.address(user)
    return place_order(
        world.ports,
        user.user_id,
        idempotency_key=f"place-{n:08d}",
        address_id=address.address_id,
        payment_mode=PaymentMode.CARD,
    ).order


def _pay_by_card(
    world: World, order: Order, key: str, card: CardDetails = GOOD_CARD
) -> PaymentResult:
    return pay_order(
        world.ports,
        order.user,
        order.order_id,
        idempotency_key=key,
        payment_mode=PaymentMode.CARD,
        card=card,
    )


def _total_orders(world: World, user_id: int) -> int:
    user = world.ports.users.get(user_id)
    assert user is not None
    return user.total_orders


def test_a_good_card_confirms_the_order_and_counts_it_once(world: World) -> None:
    order = _placed(world)
    result = _pay_by_card(world, order, "pay-00000001", GOOD_CARD)
    assert result.order.order_status is OrderStatus.CONFIRMED
    assert result.payment.payment_status is PaymentStatus.SUCCEEDED
    assert result.payment.card is not None
    assert (result.payment.card.brand, result.payment.card.last4) == ("visa", "4242")
    assert result.order.delivery is not None
    assert result.payment.amount == order.total_amount
    assert _total_orders(world, order.user) == 1


def test_replaying_a_payment_returns_it_without_charging_again(world: World) -> None:
    order = _placed(world)
    first = _pay_by_card(world, order, "pay-00000001", GOOD_CARD)
    again = _pay_by_card(world, order, "pay-00000001", GOOD_CARD)
    assert again.replayed
    assert again.payment == first.payment
    assert world.gateway.successful_charges() == {order.order_id: 1}
    assert _total_orders(world, order.user) == 1


def test_a_new_key_for_a_paid_order_is_refused(world: World) -> None:
    order = _placed(world)
    _pay_by_card(world, order, "pay-00000001", GOOD_CARD)
    with pytest.raises(OrderAlreadyPaid):
        _pay_by_card(world, order, "pay-00000002", GOOD_CARD)


def test_the_same_key_with_another_card_is_refused(world: World) -> None:
    order = _placed(world)
    with pytest.raises(PaymentDeclined):
        _pay_by_card(world, order, "pay-00000001", DECLINED_CARD)
    with pytest.raises(IdempotencyKeyReused):
        _pay_by_card(world, order, "pay-00000001", GOOD_CARD)


@pytest.mark.parametrize(
    ("number", "failure"),
    [
        ("4000000000000002", "card_declined"),
        ("4000000000009995", "insufficient_funds"),
        ("4000000000000069", "expired_card"),
        ("4000000000000127", "incorrect_cvc"),
    ],
)
def test_test_cards_decline_with_their_code_and_a_new_card_can_pay(
    world: World, number: str, failure: str
) -> None:
    order = _placed(world)
    with pytest.raises(PaymentDeclined) as declined:
        pay_order(
            world.ports,
            order.user,
            order.order_id,
            idempotency_key="pay-00000001",
            payment_mode=PaymentMode.CARD,
            card=CardDetails(number, 12, 2031, "123"),
        )
    assert declined.value.failure_code == failure
    failed = world.ports.orders.get(order.order_id)
    assert failed is not None and failed.order_status is OrderStatus.PAYMENT_FAILED
    assert _total_orders(world, order.user) == 0
    result = _pay_by_card(world, order, "pay-00000002", GOOD_CARD)
    assert result.order.order_status is OrderStatus.CONFIRMED
    assert _total_orders(world, order.user) == 1


def test_a_replayed_decline_is_declined_again(world: World) -> None:
    order = _placed(world)
    for _ in range(2):
        with pytest.raises(PaymentDeclined):
            _pay_by_card(world, order, "pay-00000001", DECLINED_CARD)


def test_upi_pays_and_fail_at_upi_declines(world: World) -> None:
    order = _placed(world)
    with pytest.raises(PaymentDeclined) as declined:
        pay_order(
            world.ports,
            order.user,
            order.order_id,
            idempotency_key="pay-00000001",
            payment_mode=PaymentMode.UPI,
            upi=UpiDetails("fail@upi"),
        )
    assert declined.value.failure_code == "upi_declined"
    result = pay_order(
        world.ports,
        order.user,
        order.order_id,
        idempotency_key="pay-00000002",
        payment_mode=PaymentMode.UPI,
        upi=UpiDetails("asha.rao@okbank"),
    )
    assert result.order.order_status is OrderStatus.CONFIRMED


@pytest.mark.parametrize(
    ("card", "field"),
    [
        (CardDetails("4242424242424241", 12, 2031, "123"), "card.number"),
        (CardDetails("4242424242424242", 13, 2031, "123"), "card.exp_month"),
        (CardDetails("4242424242424242", 1, 2020, "123"), "card.exp_year"),
        (CardDetails("4242424242424242", 12, 2031, "12"), "card.cvc"),
    ],
)
def test_invalid_card_data_charges_nothing_and_names_the_field(
    world: World, card: CardDetails, field: str
) -> None:
    order = _placed(world)
    with pytest.raises(InvalidPaymentDetails) as error:
        _pay_by_card(world, order, "pay-00000001", card)
    assert error.value.field == field
    assert "4242424242424242" not in error.value.message
    stored = world.ports.orders.get(order.order_id)
    assert stored is not None and stored.order_status is OrderStatus.PENDING_PAYMENT


@pytest.mark.parametrize(
    ("mode", "card", "upi"),
    [
        (PaymentMode.CARD, None, None),
        (PaymentMode.UPI, GOOD_CARD, None),
        (PaymentMode.COD, None, UpiDetails("a@upi")),
    ],
)
def test_payment_details_must_match_the_mode(
    world: World, mode: PaymentMode, card: CardDetails | None, upi: UpiDetails | None
) -> None:
    order = _placed(world)
    with pytest.raises(ValidationFailed):
        pay_order(
            world.ports,
            order.user,
            order.order_id,
            idempotency_key="pay-00000001",
            payment_mode=mode,
            card=card,
            upi=upi,
        )


def test_paying_someone_elses_order_is_not_found(world: World) -> None:
    order = _placed(world, 1)
    stranger = world.customer(2)
    with pytest.raises(NotFound):
        pay_order(
            world.ports,
            stranger.user_id,
            order.order_id,
            idempotency_key="pay-00000001",
            payment_mode=PaymentMode.CARD,
            card=GOOD_CARD,
        )


def test_a_cancelled_order_cannot_be_paid(world: World) -> None:
    order = _placed(world)
    cancel_order(world.ports, order.user, order.order_id)
    with pytest.raises(InvalidTransition):
        _pay_by_card(world, order, "pay-00000001", GOOD_CARD)


def test_an_unreachable_gateway_leaves_the_order_pending_and_a_retry_charges_once() -> None:
    down = {"on": True}

    def fault(_request: ChargeRequest) -> Fault | None:
        return Fault.UNAVAILABLE if down["on"] else None

    world = make_world(fault=fault)
    order = _placed(world)
    with pytest.raises(PaymentUnavailable):
        _pay_by_card(world, order, "pay-00000001", GOOD_CARD)
    stored = world.ports.orders.get(order.order_id)
    assert stored is not None and stored.order_status is OrderStatus.PENDING_PAYMENT
    down["on"] = False
    result = _pay_by_card(world, order, "pay-00000001", GOOD_CARD)
    assert result.order.order_status is OrderStatus.CONFIRMED
    assert world.gateway.successful_charges() == {order.order_id: 1}


def test_a_charge_whose_answer_was_lost_is_settled_on_read() -> None:
    lose = {"on": True}

    def fault(_request: ChargeRequest) -> Fault | None:
        return Fault.TIMEOUT_AFTER_CHARGE if lose["on"] else None

    world = make_world(fault=fault)
    order = _placed(world)
    with pytest.raises(PaymentUnavailable):
        _pay_by_card(world, order, "pay-00000001", GOOD_CARD)
    lose["on"] = False
    seen = get_order(world.ports, order.user, order.order_id)
    assert seen.order_status is OrderStatus.CONFIRMED
    assert _total_orders(world, order.user) == 1
    # A new attempt with another key is refused: the order is paid.
    with pytest.raises(OrderAlreadyPaid):
        _pay_by_card(world, order, "pay-00000002", GOOD_CARD)


def test_the_sweep_fails_attempts_the_gateway_never_saw() -> None:
    world = make_world(fault=lambda _r: Fault.UNAVAILABLE)
    order = _placed(world)
    with pytest.raises(PaymentUnavailable):
        _pay_by_card(world, order, "pay-00000001", GOOD_CARD)
    world.clock.advance(timedelta(minutes=3))
    assert reconcile_pending(world.ports) == 1
    stored = world.ports.orders.get(order.order_id)
    assert stored is not None and stored.order_status is OrderStatus.PAYMENT_FAILED
    assert stored.payment is not None and stored.payment.failure_code == "payment_not_received"
    assert reconcile_pending(world.ports) == 0


def test_the_sweep_confirms_a_charge_whose_answer_was_lost() -> None:
    world = make_world(fault=lambda _r: Fault.TIMEOUT_AFTER_CHARGE)
    order = _placed(world)
    with pytest.raises(PaymentUnavailable):
        _pay_by_card(world, order, "pay-00000001", GOOD_CARD)
    world.clock.advance(timedelta(minutes=1))
    reconcile_pending(world.ports)
    stored = world.ports.orders.get(order.order_id)
    assert stored is not None and stored.order_status is OrderStatus.CONFIRMED
    assert _total_orders(world, order.user) == 1


def test_an_order_cancelled_while_its_charge_was_lost_is_refunded() -> None:
    world = make_world(fault=lambda _r: Fault.TIMEOUT_AFTER_CHARGE)
    order = _placed(world)
    with pytest.raises(PaymentUnavailable):
        _pay_by_card(world, order, "pay-00000001", GOOD_CARD)
    cancel_order(world.ports, order.user, order.order_id)
    world.clock.advance(timedelta(minutes=1))
    reconcile_pending(world.ports)
    stored = world.ports.orders.get(order.order_id)
    assert stored is not None and stored.order_status is OrderStatus.CANCELLED
    assert [p.payment_status for p in stored.payments] == [PaymentStatus.REFUNDED]
    assert _total_orders(world, order.user) == 0


def test_a_cash_attempt_that_never_reached_the_gateway_is_closed_once_a_card_pays() -> None:
    down = {"on": True}

    def fault(_request: ChargeRequest) -> Fault | None:
        return Fault.UNAVAILABLE if down["on"] else None

    world = make_world(fault=fault)
    user = world.customer()
    set_cart_quantity(world.ports, user.user_id, 11, 1)
    address = world.address(user)
    order = place_order(
        world.ports,
        user.user_id,
        idempotency_key="place-cod-0001",
        address_id=address.address_id,
        payment_mode=PaymentMode.COD,
    ).order
    assert order.order_status is OrderStatus.PENDING_PAYMENT  # the COD record was refused
    down["on"] = False
    paid = _pay_by_card(world, order, "pay-00000001")
    assert paid.order.order_status is OrderStatus.CONFIRMED
    world.clock.advance(timedelta(minutes=3))
    reconcile_pending(world.ports, older_than=timedelta(0))
    assert world.ports.orders.list_needing_attention(10) == []
    stored = world.ports.orders.get(order.order_id)
    assert stored is not None
    statuses = {p.payment_mode: p.payment_status for p in stored.payments}
    assert statuses == {
        PaymentMode.COD: PaymentStatus.FAILED,
        PaymentMode.CARD: PaymentStatus.SUCCEEDED,
    }
