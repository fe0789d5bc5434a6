"""The bill as the API shows it: the same on the cart, the order and its receipt."""

from __future__ import annotations

from attrs import frozen

from food_core.model import MAX_TIP, Bill, BillCode, BillPart
from food_core.model.coupons import COUPON_CODE_PATTERN
from food_core.usecases import CouponStatus
from services.api.schemas import fields as f
from services.api.schemas.common import INR, Currency


@frozen(kw_only=True)
class BillPartOut:
    """A component of a line: GST's CGST and SGST halves."""

    code: str
    label: str
    amount: int


@frozen(kw_only=True)
class BillLineOut:
    """One line, in paise; only ``discount`` is negative."""

    code: BillCode
    label: str
    amount: int
    parts: list[BillPartOut]


@frozen(kw_only=True)
class BillOut:
    """Every line the customer pays; ``total_amount`` is their sum (rounded per line, half
    up to the paisa)."""

    lines: list[BillLineOut]
    total_amount: int
    currency: Currency


@frozen(kw_only=True)
class CouponOut:
    """The coupon on the cart: ``applied`` false says why not in ``reason`` and
    ``message`` (it is checked again whenever the cart changes)."""

    code: str
    description: str | None
    applied: bool
    reason: str | None
    message: str | None


@frozen(kw_only=True)
class CouponIn:
    code: str = f.pattern(
        COUPON_CODE_PATTERN,
        "a coupon code is 3 to 20 letters and digits, like WELCOME50",
        max_length=20,
        min_length=3,
        description="The coupon code, e.g. WELCOME50 (any case)",
    )


@frozen(kw_only=True)
class TipIn:
    # Range documented here, checked by the core so the answer says tip_out_of_range.
    amount: int = f.integer(
        0, MAX_TIP, core_checked=True, description="The rider's tip in paise (0 removes it)"
    )


def bill_out(bill: Bill) -> BillOut:
    return BillOut(
        lines=[
            BillLineOut(
                code=line.code,
                label=line.label,
                amount=line.amount,
                parts=[
                    BillPartOut(code=p.code, label=p.label, amount=p.amount) for p in line.parts
                ],
            )
            for line in bill.lines
        ],
        total_amount=bill.total_amount,
        currency=INR,
    )


def coupon_out(status: CouponStatus) -> CouponOut:
    return CouponOut(
        code=status.code,
        description=status.description,
        applied=status.applied,
        reason=None if status.refusal is None else status.refusal.value,
        message=status.message,
    )


def _part_out(part: BillPart) -> BillPartOut:
    return BillPartOut(code=part.code, label=part.label, amount=part.amount)
