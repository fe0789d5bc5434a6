"""A notice as a plain-text mail: what changed, the items, the bill, what is due back.

``render_mail`` is pure (no I/O): the SMTP notifier calls it in its worker with the
customer it read there. Amounts are the order's own, in paise, shown in rupees; times in
India's time zone.
"""

from __future__ import annotations

from collections.abc import Iterator
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from food_core.model import IST, BillCode, CancelReason, Order, PaymentMode, User
from food_core.model.notices import Notice, NoticeKind

# Headers a reader (a test, the stack's sink) can find a mail by.
ORDER_HEADER = "X-Food-Order"
NOTICE_HEADER = "X-Food-Notice"

_WHY = {
    CancelReason.BY_CUSTOMER: "You cancelled it.",
    CancelReason.UNPAID: "No payment was completed in time.",
    CancelReason.REJECTED: "The restaurant could not take it.",
    CancelReason.NOT_ACCEPTED: "The restaurant did not accept it in time.",
}
_WIDTH = 44  # the column where amounts end


def rupees(paise: int) -> str:
    sign = "-" if paise < 0 else ""
    return f"{sign}₹{abs(paise) / 100:,.2f}"


def subject(notice: Notice) -> str:
    order = notice.order
    number, name = order.order_id, order.restaurant.restaurant_name
    return {
        NoticeKind.CONFIRMED: f"Order {number} from {name} is confirmed",
        NoticeKind.OUT_FOR_DELIVERY: f"Order {number} from {name} is on its way",
        NoticeKind.DELIVERED: f"Order {number} from {name} was delivered",
        NoticeKind.CANCELLED: f"Order {number} from {name} was cancelled",
        NoticeKind.REFUNDED: f"{rupees(notice.refunded_amount)} refunded for order {number}",
    }[notice.kind]


def render_mail(notice: Notice, customer: User, sender: str) -> EmailMessage:
    """The mail of ``notice`` to ``customer`` from ``sender``. Its Message-ID is made
    from the notice's key, so a mail sent twice (an answer lost after the server took
    it) is recognisably the same mail."""
    order = notice.order
    message = EmailMessage()
    message["From"] = sender
    message["To"] = f"{customer.user_name} <{customer.email}>"
    message["Subject"] = subject(notice)
    message["Date"] = format_datetime(order.updated_at)
    message["Message-ID"] = make_msgid(idstring=notice.key, domain="food.orders")
    message[ORDER_HEADER] = str(order.order_id)
    message[NOTICE_HEADER] = notice.kind.value
    message.set_content("\n".join(_body(notice, customer)) + "\n")
    return message


def _body(notice: Notice, customer: User) -> Iterator[str]:
    order = notice.order
    yield f"Hello {customer.user_name},"
    yield ""
    yield from _news(notice)
    yield ""
    if notice.kind in (NoticeKind.CONFIRMED, NoticeKind.CANCELLED):
        yield from _items(order)
        yield ""
        yield from _bill(order)
        yield ""
    else:
        yield _amount_line("Order total", order.total_amount)
        yield ""
    if notice.kind in (NoticeKind.CONFIRMED, NoticeKind.OUT_FOR_DELIVERY):
        yield "Delivering to:"
        yield f"  {_address(order)}"
        yield ""
    yield f"Order {order.order_id}, placed {_when(order)}."
    yield "Food Ordering"


def _news(notice: Notice) -> Iterator[str]:
    order = notice.order
    name = order.restaurant.restaurant_name
    kind = notice.kind
    if kind is NoticeKind.CONFIRMED:
        yield f"Your order from {name} is confirmed. {_how_paid(order)}"
        if order.payment_mode is PaymentMode.COD:
            yield f"Please have {rupees(order.total_amount)} ready for the rider."
    elif kind is NoticeKind.OUT_FOR_DELIVERY:
        yield f"Your order from {name} has left the restaurant and is on its way."
        rider = None if order.delivery is None else order.delivery.rider
        if rider is not None:
            yield f"{rider.rider_name} is bringing it (phone {rider.phone_masked})."
        eta = order.eta()
        if eta is not None:
            yield f"Expected at your door by {eta.astimezone(IST).strftime('%H:%M IST')}."
    elif kind is NoticeKind.DELIVERED:
        yield f"Your order from {name} was delivered. Enjoy your meal!"
        yield "You can rate it in the app."
    elif kind is NoticeKind.CANCELLED:
        reason = order.cancel_reason
        yield f"Your order from {name} was cancelled."
        if reason is not None:
            yield _WHY.get(reason, reason.value)
        if order.cancel_note:
            yield f'The restaurant said: "{order.cancel_note}"'
        due = notice.refund_due
        if due:
            yield (
                f"Refund: {rupees(due)} is on its way back to you; another mail will "
                "say when it has been refunded."
            )
        else:
            yield "Refund: nothing was charged, so there is nothing to refund."
    else:
        yield f"Refund: {rupees(notice.refunded_amount)} was refunded for your order from {name}."
        for payment in notice.refunded:
            card = f" ending {payment.card.last4}" if payment.card is not None else ""
            mode = payment.payment_mode.value.lower()
            yield f"  {rupees(payment.amount)} to your {mode}{card} (payment {payment.payment_id})"
        yield "It can take 5-7 working days to appear on your statement."


def _how_paid(order: Order) -> str:
    payment = order.payment
    if payment is None or order.payment_mode is PaymentMode.COD:
        return "You pay on delivery (cash)."
    paid = f"Paid {rupees(payment.amount)}"
    if payment.card is not None:
        return f"{paid} by {payment.card.brand} card ending {payment.card.last4}."
    return f"{paid} by {payment.payment_mode.value}."


def _amount_line(label: str, paise: int, indent: str = "  ") -> str:
    amount = rupees(paise)
    gap = max(_WIDTH - len(indent) - len(label) - len(amount), 1)
    return f"{indent}{label}{' ' * gap}{amount}"


def _items(order: Order) -> Iterator[str]:
    yield "Items:"
    for item in order.items:
        yield _amount_line(f"{item.quantity} x {item.label}", item.line_total)


def _bill(order: Order) -> Iterator[str]:
    yield "Bill:"
    for line in order.bill.lines:
        label = line.label
        if line.code is BillCode.DISCOUNT and order.coupon is not None:
            label = f"{label} ({order.coupon.code})"
        yield _amount_line(label, line.amount)
        for part in line.parts:
            yield _amount_line(part.label, part.amount, indent="    ")
    yield _amount_line("Total", order.total_amount)


def _address(order: Order) -> str:
    address = order.delivery_address
    parts = [address.label, address.line1, address.line2, address.landmark]
    place = f"{address.city_name} {address.pincode}"
    return ", ".join([*(part for part in parts if part), place])


def _when(order: Order) -> str:
    return order.created_at.astimezone(IST).strftime("%d %b %Y, %H:%M IST")
