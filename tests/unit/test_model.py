"""The explicit state machines: every pair of statuses is either allowed or an error."""

from __future__ import annotations

import itertools

import pytest

from food_core.errors import InvalidTransition
from food_core.model.status import (
    DELIVERY_TRANSITIONS,
    ORDER_TRANSITIONS,
    PAYMENT_TRANSITIONS,
    DeliveryStatus,
    OrderStatus,
    PaymentStatus,
    check_transition,
)

ALLOWED_ORDER_MOVES = {
    ("PENDING_PAYMENT", "PAYMENT_FAILED"),
    ("PENDING_PAYMENT", "CONFIRMED"),
    ("PENDING_PAYMENT", "CANCELLED"),
    ("PAYMENT_FAILED", "PAYMENT_FAILED"),
    ("PAYMENT_FAILED", "CONFIRMED"),
    ("PAYMENT_FAILED", "CANCELLED"),
    ("CONFIRMED", "PREPARING"),
    ("CONFIRMED", "CANCELLED"),
    ("PREPARING", "OUT_FOR_DELIVERY"),
    ("OUT_FOR_DELIVERY", "DELIVERED"),
}


@pytest.mark.parametrize(("current", "target"), list(itertools.product(OrderStatus, OrderStatus)))
def test_order_transitions_follow_the_design(current: OrderStatus, target: OrderStatus) -> None:
    if (current.value, target.value) in ALLOWED_ORDER_MOVES:
        check_transition(ORDER_TRANSITIONS, current, target, what="order_status")
    else:
        with pytest.raises(InvalidTransition):
            check_transition(ORDER_TRANSITIONS, current, target, what="order_status")


def test_payments_move_forward_only() -> None:
    assert PAYMENT_TRANSITIONS[PaymentStatus.PENDING] == {
        PaymentStatus.SUCCEEDED,
        PaymentStatus.FAILED,
    }
    assert PAYMENT_TRANSITIONS[PaymentStatus.SUCCEEDED] == {PaymentStatus.REFUNDED}
    assert not PAYMENT_TRANSITIONS[PaymentStatus.FAILED]
    assert not PAYMENT_TRANSITIONS[PaymentStatus.REFUNDED]


def test_a_delivered_delivery_cannot_be_cancelled() -> None:
    with pytest.raises(InvalidTransition):
        check_transition(
            DELIVERY_TRANSITIONS,
            DeliveryStatus.DELIVERED,
            DeliveryStatus.CANCELLED,
            what="delivery_status",
        )
    assert DeliveryStatus.CANCELLED in DELIVERY_TRANSITIONS[DeliveryStatus.ASSIGNED]
