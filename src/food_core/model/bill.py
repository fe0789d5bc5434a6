"""The bill: every line the customer pays, in integer paise, computed in one place.

``quote`` is the one function that prices a cart; the cart view, the price lock, the
order's snapshot, the payment amount, the receipt and the refund all use what it
returned (docs/design.md §3, "The bill"). Rounding is per line, half up to the paisa.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from functools import cached_property

from attrs import field, frozen, validators

from food_core.model.catalog import FoodItem, Restaurant
from food_core.model.options import Option

# GST on a restaurant's food and packaging (restaurant service, no input credit) and on
# the delivery and platform fees, in basis points; each is half CGST, half SGST.
GST_ON_FOOD_BPS = 500
GST_ON_FEES_BPS = 1800
_BPS = 10_000

MAX_TIP = 50_000  # ₹500
DEFAULT_PLATFORM_FEE = 1_000  # ₹10 per order


class BillCode(enum.StrEnum):
    ITEM_TOTAL = "item_total"
    PACKAGING = "packaging"
    DELIVERY_FEE = "delivery_fee"
    PLATFORM_FEE = "platform_fee"
    GST = "gst"
    DISCOUNT = "discount"
    TIP = "tip"


LABELS: dict[BillCode, str] = {
    BillCode.ITEM_TOTAL: "Item total",
    BillCode.PACKAGING: "Packaging",
    BillCode.DELIVERY_FEE: "Delivery fee",
    BillCode.PLATFORM_FEE: "Platform fee",
    BillCode.GST: "GST",
    BillCode.DISCOUNT: "Discount",
    BillCode.TIP: "Rider tip",
}


def share(amount: int, bps: int) -> int:
    """``amount`` × ``bps`` / 10,000, rounded half up to the paisa (amount ≥ 0)."""
    if amount < 0:
        raise ValueError("a tax base is never negative")
    return (amount * bps * 2 + _BPS) // (2 * _BPS)


@frozen
class BillPart:
    """A component of a line: the GST's CGST and SGST halves."""

    code: str
    label: str
    amount: int = field(validator=validators.ge(0))


def _lines(_instance: Bill, _attribute: object, lines: tuple[BillLine, ...]) -> None:
    codes = [line.code for line in lines]
    if len(set(codes)) != len(codes):
        raise ValueError("a bill has each line at most once")
    for line in lines:
        if line.amount < 0 and line.code is not BillCode.DISCOUNT:
            raise ValueError(f"the {line.code.value} line is negative")
        if line.amount > 0 and line.code is BillCode.DISCOUNT:
            raise ValueError("a discount is negative")
        if line.parts and sum(part.amount for part in line.parts) != line.amount:
            raise ValueError(f"the parts of {line.code.value} do not add up to it")
    if sum(line.amount for line in lines) < 0:
        raise ValueError("a bill's total is never below zero")


@frozen
class BillLine:
    code: BillCode
    label: str
    amount: int
    parts: tuple[BillPart, ...] = ()


@frozen
class Bill:
    lines: tuple[BillLine, ...] = field(validator=_lines)
    currency: str = "INR"

    @cached_property
    def total_amount(self) -> int:
        return sum(line.amount for line in self.lines)

    def amount_of(self, code: BillCode) -> int:
        return next((line.amount for line in self.lines if line.code is code), 0)

    @classmethod
    def of_items(cls, item_total: int) -> Bill:
        """The bill of an order stored before bills existed: its items, nothing else."""
        return cls((_line(BillCode.ITEM_TOTAL, item_total),))


@frozen
class Tariff:
    """What the platform charges, the same for every restaurant (configurable)."""

    platform_fee: int = field(default=DEFAULT_PLATFORM_FEE, validator=validators.ge(0))


@frozen
class PricedLine:
    """A cart line as it is priced now: the item's current data, the quantity and the
    options chosen (at their current prices)."""

    item: FoodItem
    quantity: int
    options: tuple[Option, ...] = ()

    @property
    def unit_price(self) -> int:
        return self.item.unit_price(self.options)


def _line(code: BillCode, amount: int, parts: tuple[BillPart, ...] = ()) -> BillLine:
    return BillLine(code, LABELS[code], amount, parts)


def delivery_fee(restaurant: Restaurant, item_total: int) -> int:
    """The restaurant's flat fee, waived from its free-delivery threshold up."""
    free_from = restaurant.free_delivery_above
    return 0 if free_from is not None and item_total >= free_from else restaurant.delivery_fee


def _gst(food_base: int, fee_base: int) -> BillLine:
    half_food, half_fees = GST_ON_FOOD_BPS // 2, GST_ON_FEES_BPS // 2
    half = share(food_base, half_food) + share(fee_base, half_fees)
    parts = (
        BillPart("cgst", f"CGST ({half_food / 100:g}% food, {half_fees / 100:g}% fees)", half),
        BillPart("sgst", f"SGST ({half_food / 100:g}% food, {half_fees / 100:g}% fees)", half),
    )
    return _line(BillCode.GST, 2 * half, parts)


def quote(
    lines: Sequence[PricedLine],
    restaurant: Restaurant,
    tariff: Tariff,
    *,
    discount: int = 0,
    tip: int = 0,
) -> Bill:
    """The bill of ``lines`` from ``restaurant``: ``discount`` (≥ 0, what a coupon takes
    off the items; ``Coupon.discount_on`` caps it) and ``tip`` (0..``MAX_TIP``).

    GST on food is charged on the items and packaging after the discount (a discount on
    the invoice lowers the taxable value); the tip carries no GST.
    """
    item_total = sum(line.unit_price * line.quantity for line in lines)
    packaging = sum(line.item.packaging * line.quantity for line in lines)
    if not 0 <= discount <= item_total:
        raise ValueError("a discount is between 0 and the item total")
    if not 0 <= tip <= MAX_TIP:
        raise ValueError(f"a tip is between 0 and {MAX_TIP} paise")
    fee = delivery_fee(restaurant, item_total)
    bill_lines = [_line(BillCode.ITEM_TOTAL, item_total)]
    if packaging:
        bill_lines.append(_line(BillCode.PACKAGING, packaging))
    bill_lines.append(_line(BillCode.DELIVERY_FEE, fee))
    bill_lines.append(_line(BillCode.PLATFORM_FEE, tariff.platform_fee))
    bill_lines.append(_gst(item_total + packaging - discount, fee + tariff.platform_fee))
    if discount:
        bill_lines.append(_line(BillCode.DISCOUNT, -discount))
    if tip:
        bill_lines.append(_line(BillCode.TIP, tip))
    return Bill(tuple(bill_lines))
