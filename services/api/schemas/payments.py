"""Paying an order: card or UPI details in (a body of one of three shapes, by
``payment_mode``), the order and its payment out.

Card numbers and CVCs pass through to the gateway only; they are kept out of every repr
(so out of logs) and never stored.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Literal

from attrs import frozen

from food_core.model import CardDetails, PaymentMode, UpiDetails
from food_core.usecases import PaymentResult
from services.api.schemas import fields as f
from services.api.schemas.orders import OrderOut, PaymentOut, order_out, payment_out
from services.api.schemas.unions import OneOf


@frozen(kw_only=True)
class CardIn:
    number: str = f.pattern(
        r"^[0-9]{12,19}$", "must be 12 to 19 digits", max_length=19, min_length=12, secret=True
    )
    exp_month: int = f.integer(1, 12)
    exp_year: int = f.integer(2000, 2100)
    cvc: str = f.pattern(
        r"^[0-9]{3,4}$", "must be 3 or 4 digits", max_length=4, min_length=3, secret=True
    )
    name: str = f.text(80, required=False, default="", description="The name on the card")


@frozen(kw_only=True)
class UpiIn:
    vpa: str = f.pattern(
        r"^[a-zA-Z0-9._-]{2,256}@[a-zA-Z]{2,64}$",
        "must look like name@bank",
        max_length=321,
        min_length=5,
    )


@frozen(kw_only=True)
class CardPayIn:
    """Pay by card: ``card`` holds its details."""

    payment_mode: Literal[PaymentMode.CARD]
    card: CardIn
    upi: None = None


@frozen(kw_only=True)
class UpiPayIn:
    """Pay by UPI: ``upi`` holds the payer's VPA."""

    payment_mode: Literal[PaymentMode.UPI]
    upi: UpiIn
    card: None = None


@frozen(kw_only=True)
class CodPayIn:
    """Cash on delivery: no card or UPI details."""

    payment_mode: Literal[PaymentMode.COD]
    card: None = None
    upi: None = None


PayBody = CardPayIn | UpiPayIn | CodPayIn
PAY_IN = OneOf(
    "PayIn",
    "payment_mode",
    (CardPayIn, UpiPayIn, CodPayIn),
    "By payment_mode: CARD takes card, UPI takes upi, COD neither (null is the same as "
    "leaving a field out).",
)


def card_details(body: PayBody) -> CardDetails | None:
    card = body.card
    if card is None:
        return None
    return CardDetails(card.number, card.exp_month, card.exp_year, card.cvc, card.name)


def upi_details(body: PayBody) -> UpiDetails | None:
    return UpiDetails(body.upi.vpa) if body.upi is not None else None


@frozen(kw_only=True)
class PaymentResultOut:
    order: OrderOut
    payment: PaymentOut


def payment_result_out(result: PaymentResult, accept_window: timedelta) -> PaymentResultOut:
    return PaymentResultOut(
        order=order_out(result.order, accept_window), payment=payment_out(result.payment)
    )
