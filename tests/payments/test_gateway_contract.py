"""What every PaymentGateway does (docs/design.md §7): the fake and the Node.js service alike."""

from __future__ import annotations

import pytest

from adapters.ids import SnowflakeIds
from food_core.errors import IdempotencyKeyReused, InvalidPaymentDetails, OrderAlreadyPaid
from food_core.model import CardDetails, PaymentMode, PaymentStatus, UpiDetails
from food_core.ports import ChargeRequest, PaymentGateway

GOOD = CardDetails("4242424242424242", 12, 2031, "123", "Asha Rao")


def _charge(
    order_id: int,
    key: str,
    *,
    card: CardDetails | None = GOOD,
    upi: UpiDetails | None = None,
    mode: PaymentMode = PaymentMode.CARD,
    amount: int = 45_000,
) -> ChargeRequest:
    return ChargeRequest(
        order_id=order_id,
        amount=amount,
        payment_mode=mode,
        idempotency_key=key,
        merchant_reference=f"ref-{key}",
        card=card,
        upi=upi,
    )


def test_a_good_card_succeeds_keeping_only_brand_and_last4(
    gateway: PaymentGateway, order_ids: SnowflakeIds
) -> None:
    order_id = order_ids.next_id()
    paid = gateway.charge(_charge(order_id, f"k-{order_id}"))
    assert paid.payment_status is PaymentStatus.SUCCEEDED
    assert (paid.order_id, paid.amount, paid.payment_mode) == (order_id, 45_000, PaymentMode.CARD)
    assert paid.card is not None and (paid.card.brand, paid.card.last4) == ("visa", "4242")
    assert paid.merchant_reference == f"ref-k-{order_id}"


@pytest.mark.parametrize(
    ("number", "code"),
    [
        ("4000000000000002", "card_declined"),
        ("4000000000009995", "insufficient_funds"),
        ("4000000000000069", "expired_card"),
        ("4000000000000127", "incorrect_cvc"),
    ],
)
def test_test_cards_decline_with_their_code(
    gateway: PaymentGateway, order_ids: SnowflakeIds, number: str, code: str
) -> None:
    order_id = order_ids.next_id()
    declined = gateway.charge(
        _charge(order_id, f"k-{order_id}", card=CardDetails(number, 12, 2031, "123"))
    )
    assert declined.payment_status is PaymentStatus.FAILED
    assert declined.failure_code == code


def test_a_declined_order_can_be_paid_with_another_card(
    gateway: PaymentGateway, order_ids: SnowflakeIds
) -> None:
    order_id = order_ids.next_id()
    gateway.charge(
        _charge(order_id, f"a-{order_id}", card=CardDetails("4000000000000002", 12, 2031, "123"))
    )
    paid = gateway.charge(_charge(order_id, f"b-{order_id}"))
    assert paid.payment_status is PaymentStatus.SUCCEEDED


def test_the_same_key_replays_the_first_outcome(
    gateway: PaymentGateway, order_ids: SnowflakeIds
) -> None:
    order_id = order_ids.next_id()
    first = gateway.charge(_charge(order_id, f"k-{order_id}"))
    again = gateway.charge(_charge(order_id, f"k-{order_id}"))
    assert again == first
    assert [p.reference for p in gateway.payments_for_order(order_id)] == [first.reference]


def test_the_same_key_for_another_request_is_refused(
    gateway: PaymentGateway, order_ids: SnowflakeIds
) -> None:
    order_id = order_ids.next_id()
    gateway.charge(_charge(order_id, f"k-{order_id}"))
    with pytest.raises(IdempotencyKeyReused):
        gateway.charge(_charge(order_id, f"k-{order_id}", amount=46_000))


def test_an_order_is_charged_successfully_at_most_once(
    gateway: PaymentGateway, order_ids: SnowflakeIds
) -> None:
    order_id = order_ids.next_id()
    gateway.charge(_charge(order_id, f"a-{order_id}"))
    with pytest.raises(OrderAlreadyPaid):
        gateway.charge(_charge(order_id, f"b-{order_id}"))


@pytest.mark.parametrize(
    ("card", "field"),
    [
        (CardDetails("4242424242424241", 12, 2031, "123"), "card.number"),
        (CardDetails("4242424242424242", 1, 2021, "123"), "card.exp_year"),
        (CardDetails("4242424242424242", 12, 2031, "1234"), "card.cvc"),
    ],
)
def test_invalid_card_data_is_refused_naming_the_field(
    gateway: PaymentGateway, order_ids: SnowflakeIds, card: CardDetails, field: str
) -> None:
    order_id = order_ids.next_id()
    with pytest.raises(InvalidPaymentDetails) as error:
        gateway.charge(_charge(order_id, f"k-{order_id}", card=card))
    assert error.value.field == field
    assert gateway.payments_for_order(order_id) == []


def test_upi_pays_and_fail_at_upi_declines(
    gateway: PaymentGateway, order_ids: SnowflakeIds
) -> None:
    order_id = order_ids.next_id()
    failed = gateway.charge(
        _charge(
            order_id, f"a-{order_id}", card=None, mode=PaymentMode.UPI, upi=UpiDetails("fail@upi")
        )
    )
    assert (failed.payment_status, failed.failure_code) == (PaymentStatus.FAILED, "upi_declined")
    paid = gateway.charge(
        _charge(
            order_id,
            f"b-{order_id}",
            card=None,
            mode=PaymentMode.UPI,
            upi=UpiDetails("asha.rao@okbank"),
        )
    )
    assert paid.payment_status is PaymentStatus.SUCCEEDED


def test_a_malformed_vpa_is_refused(gateway: PaymentGateway, order_ids: SnowflakeIds) -> None:
    order_id = order_ids.next_id()
    with pytest.raises(InvalidPaymentDetails) as error:
        gateway.charge(
            _charge(
                order_id,
                f"k-{order_id}",
                card=None,
                mode=PaymentMode.UPI,
                upi=UpiDetails("no-at-sign"),
            )
        )
    assert error.value.field == "upi.vpa"


def test_cash_on_delivery_is_recorded_pending(
    gateway: PaymentGateway, order_ids: SnowflakeIds
) -> None:
    order_id = order_ids.next_id()
    cod = gateway.charge(_charge(order_id, f"k-{order_id}", card=None, mode=PaymentMode.COD))
    assert cod.payment_status is PaymentStatus.PENDING
    assert cod.card is None


def test_a_refund_is_full_and_idempotent(gateway: PaymentGateway, order_ids: SnowflakeIds) -> None:
    order_id = order_ids.next_id()
    paid = gateway.charge(_charge(order_id, f"k-{order_id}"))
    refunded = gateway.refund(paid.reference, f"refund-{order_id}")
    again = gateway.refund(paid.reference, f"refund-{order_id}")
    assert refunded.payment_status is PaymentStatus.REFUNDED
    assert again.payment_status is PaymentStatus.REFUNDED
    [listed] = gateway.payments_for_order(order_id)
    assert listed.payment_status is PaymentStatus.REFUNDED


def test_an_order_without_payments_lists_none(
    gateway: PaymentGateway, order_ids: SnowflakeIds
) -> None:
    assert gateway.payments_for_order(order_ids.next_id()) == []
