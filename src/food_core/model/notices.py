"""Notices: what a change of an order tells its customer (docs/design.md, "Notifications").

``notice_for(before, after)`` is the one place that decides which change is worth a
message: the order confirmed (with its bill), out for delivery, delivered, cancelled
(saying whether money comes back) and a payment refunded. It is a pure function of the
stored value before and after one compare-and-set, so the writer that won that
compare-and-set — and only it — has a notice to send: one per transition, however many
replicas raced for it.
"""

from __future__ import annotations

import enum

from attrs import frozen

from food_core.model.orders import Order
from food_core.model.payments import Payment
from food_core.model.status import OrderStatus, PaymentStatus


class NoticeKind(enum.StrEnum):
    CONFIRMED = "confirmed"
    OUT_FOR_DELIVERY = "out_for_delivery"
    DELIVERED = "delivered"
    CANCELLED = "cancelled"
    REFUNDED = "refunded"


# The order statuses whose arrival is a notice; the others (PREPARING, PAYMENT_FAILED)
# the customer sees in the app and in the event stream only.
_ARRIVALS: dict[OrderStatus, NoticeKind] = {
    OrderStatus.CONFIRMED: NoticeKind.CONFIRMED,
    OrderStatus.OUT_FOR_DELIVERY: NoticeKind.OUT_FOR_DELIVERY,
    OrderStatus.DELIVERED: NoticeKind.DELIVERED,
    OrderStatus.CANCELLED: NoticeKind.CANCELLED,
}


@frozen
class Notice:
    """One message for the customer of ``order`` (the order as that change stored it)."""

    kind: NoticeKind
    order: Order
    # The attempts this change refunded (REFUNDED only).
    refunded: tuple[Payment, ...] = ()

    @property
    def order_id(self) -> int:
        return self.order.order_id

    @property
    def user_id(self) -> int:
        return self.order.user

    @property
    def key(self) -> str:
        """Unique per notice: the order, the kind and the version that made it."""
        return f"{self.order.order_id}.{self.kind.value}.{self.order.version}"

    @property
    def refund_due(self) -> int:
        """CANCELLED: the paise that are to come back (0: nothing was charged, or cash
        on delivery); the refund follows, with a REFUNDED notice of its own."""
        if self.kind is not NoticeKind.CANCELLED:
            return 0
        return sum(payment.amount for payment in self.order.refunds_due)

    @property
    def refunded_amount(self) -> int:
        return sum(payment.amount for payment in self.refunded)


def notice_for(before: Order, after: Order) -> Notice | None:
    """The notice of the change ``before`` → ``after`` of one order, or None.

    A move to CONFIRMED, OUT_FOR_DELIVERY, DELIVERED or CANCELLED is that notice; else an
    attempt moving to REFUNDED is a REFUNDED notice (of every attempt the change
    refunded). A change does one of these at most; were it ever to do both, the move
    of the order is the notice (its mail says what is due back).
    """
    if before.order_id != after.order_id:
        raise ValueError("a notice is about one order")
    if after.order_status is not before.order_status:
        kind = _ARRIVALS.get(after.order_status)
        return None if kind is None else Notice(kind, after)
    was = {payment.payment_id: payment.payment_status for payment in before.payments}
    refunded = tuple(
        payment
        for payment in after.payments
        if payment.payment_status is PaymentStatus.REFUNDED
        and was.get(payment.payment_id) is not PaymentStatus.REFUNDED
    )
    return Notice(NoticeKind.REFUNDED, after, refunded) if refunded else None
