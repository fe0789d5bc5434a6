"""Status enums and their explicit state machines."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import TypeVar

from food_core.errors import InvalidTransition


class OrderStatus(enum.StrEnum):
    PENDING_PAYMENT = "PENDING_PAYMENT"
    PAYMENT_FAILED = "PAYMENT_FAILED"
    CONFIRMED = "CONFIRMED"
    PREPARING = "PREPARING"
    OUT_FOR_DELIVERY = "OUT_FOR_DELIVERY"
    DELIVERED = "DELIVERED"
    CANCELLED = "CANCELLED"


class PaymentStatus(enum.StrEnum):
    PENDING = "PENDING"
    SUCCEEDED = "SUCCEEDED"
    FAILED = "FAILED"
    REFUNDED = "REFUNDED"


class PaymentMode(enum.StrEnum):
    CARD = "CARD"
    UPI = "UPI"
    COD = "COD"


class DeliveryStatus(enum.StrEnum):
    PENDING = "PENDING"
    ASSIGNED = "ASSIGNED"
    PICKED_UP = "PICKED_UP"
    DELIVERED = "DELIVERED"
    CANCELLED = "CANCELLED"


class CancelReason(enum.StrEnum):
    """Why an order was cancelled, as the customer is told."""

    BY_CUSTOMER = "cancelled_by_customer"
    UNPAID = "payment_not_completed"  # no payment within the time an order waits for one
    REJECTED = "rejected_by_restaurant"  # the restaurant said no (its note says why)
    NOT_ACCEPTED = "not_accepted_in_time"  # the restaurant did not answer in time


class UserRole(enum.StrEnum):
    CUSTOMER = "CUSTOMER"
    PARTNER = "PARTNER"
    RIDER = "RIDER"


_O = OrderStatus
ORDER_TRANSITIONS: Mapping[OrderStatus, frozenset[OrderStatus]] = {
    # A second decline keeps the order in PAYMENT_FAILED with the newer failure recorded.
    _O.PENDING_PAYMENT: frozenset({_O.PAYMENT_FAILED, _O.CONFIRMED, _O.CANCELLED}),
    _O.PAYMENT_FAILED: frozenset({_O.PAYMENT_FAILED, _O.CONFIRMED, _O.CANCELLED}),
    _O.CONFIRMED: frozenset({_O.PREPARING, _O.CANCELLED}),
    _O.PREPARING: frozenset({_O.OUT_FOR_DELIVERY}),
    _O.OUT_FOR_DELIVERY: frozenset({_O.DELIVERED}),
    _O.DELIVERED: frozenset(),
    _O.CANCELLED: frozenset(),
}

_P = PaymentStatus
PAYMENT_TRANSITIONS: Mapping[PaymentStatus, frozenset[PaymentStatus]] = {
    _P.PENDING: frozenset({_P.SUCCEEDED, _P.FAILED}),
    _P.SUCCEEDED: frozenset({_P.REFUNDED}),
    _P.FAILED: frozenset(),
    _P.REFUNDED: frozenset(),
}

_D = DeliveryStatus
DELIVERY_TRANSITIONS: Mapping[DeliveryStatus, frozenset[DeliveryStatus]] = {
    # PENDING → PICKED_UP: the restaurant hands the food to its own delivery staff.
    _D.PENDING: frozenset({_D.ASSIGNED, _D.PICKED_UP, _D.CANCELLED}),
    _D.ASSIGNED: frozenset({_D.PICKED_UP, _D.CANCELLED}),
    _D.PICKED_UP: frozenset({_D.DELIVERED}),
    _D.DELIVERED: frozenset(),
    _D.CANCELLED: frozenset(),
}


# The named sets of order statuses, next to the transitions they summarise.
# An order in one of these can take a payment.
PAYABLE_STATUSES: frozenset[OrderStatus] = frozenset({_O.PENDING_PAYMENT, _O.PAYMENT_FAILED})
# The order has been confirmed (paid, or cash on delivery) and not cancelled.
CONFIRMED_STATUSES: frozenset[OrderStatus] = frozenset(
    {_O.CONFIRMED, _O.PREPARING, _O.OUT_FOR_DELIVERY, _O.DELIVERED}
)
# Nothing more happens to the order (its event stream ends).
FINAL_STATUSES: frozenset[OrderStatus] = frozenset(
    status for status, onward in ORDER_TRANSITIONS.items() if not onward
)
# The steps after confirmation, and where each leaves the delivery: accepting leaves it
# waiting for a rider (dispatch assigns one: PENDING → ASSIGNED); the rider, or the
# restaurant's own staff, picks it up and delivers it.
PARTNER_STEPS: Mapping[OrderStatus, DeliveryStatus] = {
    _O.PREPARING: DeliveryStatus.PENDING,
    _O.OUT_FOR_DELIVERY: DeliveryStatus.PICKED_UP,
    _O.DELIVERED: DeliveryStatus.DELIVERED,
}
# The statuses a restaurant's kitchen works on, oldest first.
KITCHEN_STATUSES: frozenset[OrderStatus] = frozenset(
    {_O.CONFIRMED, _O.PREPARING, _O.OUT_FOR_DELIVERY}
)


S = TypeVar("S", bound=enum.StrEnum)


def check_transition(table: Mapping[S, frozenset[S]], current: S, target: S, *, what: str) -> None:
    """Raise :class:`InvalidTransition` unless ``current → target`` is in ``table``."""
    if target not in table[current]:
        raise InvalidTransition(
            f"{what} cannot move from {current.value} to {target.value}", field=what
        )
