"""Coupons: what they take off, and the rules that say whether one applies.

A coupon's use is counted by the order that used it: the order claims one of the
customer's ``uses_per_customer`` slots of the coupon in the very insert that places it
(``CouponUse``), and gives the slot back when it is cancelled (docs/design.md §3).
"""

from __future__ import annotations

import enum
import re
from datetime import datetime

from attrs import evolve, field, frozen, validators

from food_core.errors import CouponInvalid, ValidationFailed
from food_core.model.bill import share
from food_core.model.catalog import Restaurant

_CODE = re.compile(r"^[A-Z0-9]{3,20}$")
# What a customer may type: the code in any case (the API documents it).
COUPON_CODE_PATTERN = r"^[A-Za-z0-9]{3,20}$"


def normalize_coupon_code(raw: str) -> str:
    code = raw.strip().upper()
    if not _CODE.fullmatch(code):
        raise ValidationFailed(
            "a coupon code is 3 to 20 letters and digits, like WELCOME50", field="code"
        )
    return code


def _code(_instance: object, _attribute: object, value: str) -> None:
    if not _CODE.fullmatch(value):
        raise ValueError(f"coupon code {value!r} is not 3 to 20 capital letters and digits")


class CouponKind(enum.StrEnum):
    PERCENT = "PERCENT"  # value: percent off the item total
    FLAT = "FLAT"  # value: paise off


class CouponRefusal(enum.StrEnum):
    """Why a coupon does not apply (``CouponInvalid.reason``)."""

    UNKNOWN = "unknown"
    NOT_STARTED = "not_started"
    EXPIRED = "expired"
    BELOW_MINIMUM = "below_minimum"
    FIRST_ORDER_ONLY = "first_order_only"
    USED_UP = "used_up"
    OTHER_RESTAURANT = "other_restaurant"
    OTHER_CITY = "other_city"


def _value(instance: Coupon, _attribute: object, value: int) -> None:
    if instance.kind is CouponKind.PERCENT and not 1 <= value <= 100:
        raise ValueError("a percent coupon takes 1 to 100 percent off")
    if instance.kind is CouponKind.FLAT and value <= 0:
        raise ValueError("a flat coupon takes a positive amount off")


def _window(instance: Coupon, _attribute: object, until: datetime | None) -> None:
    if until is not None and instance.valid_from is not None and until <= instance.valid_from:
        raise ValueError("a coupon's validity ends after it starts")


@frozen
class Coupon:
    code: str = field(validator=_code)
    description: str
    kind: CouponKind
    value: int = field(validator=_value)
    min_item_total: int = field(default=0, validator=validators.ge(0))  # paise
    max_discount: int | None = field(default=None, validator=validators.optional(validators.gt(0)))
    first_order_only: bool = False
    uses_per_customer: int = field(default=1, validator=validators.ge(1))
    valid_from: datetime | None = None
    valid_until: datetime | None = field(default=None, validator=_window)
    restaurant_id: int | None = None  # only this restaurant's carts
    city_pincode: str | None = None  # only restaurants of this city

    def discount_on(self, item_total: int) -> int:
        """Paise off ``item_total``: never more than the cap, nor than the items."""
        raw = share(item_total, self.value * 100) if self.kind is CouponKind.PERCENT else self.value
        if self.max_discount is not None:
            raw = min(raw, self.max_discount)
        return min(raw, item_total)

    def refusal(
        self,
        *,
        item_total: int,
        restaurant: Restaurant,
        now: datetime,
        confirmed_orders: int,
        uses_held: int,
    ) -> CouponRefusal | None:
        """Why the coupon does not apply to this cart and customer, or None if it does.
        ``confirmed_orders``: the customer's orders ever confirmed; ``uses_held``: the
        slots of this coupon the customer's orders hold now."""
        if self.valid_from is not None and now < self.valid_from:
            return CouponRefusal.NOT_STARTED
        if self.valid_until is not None and now >= self.valid_until:
            return CouponRefusal.EXPIRED
        if self.restaurant_id is not None and restaurant.restaurant_id != self.restaurant_id:
            return CouponRefusal.OTHER_RESTAURANT
        if self.city_pincode is not None and restaurant.city.pincode != self.city_pincode:
            return CouponRefusal.OTHER_CITY
        if item_total < self.min_item_total:
            return CouponRefusal.BELOW_MINIMUM
        if self.first_order_only and confirmed_orders > 0:
            return CouponRefusal.FIRST_ORDER_ONLY
        if uses_held >= self.uses_per_customer:
            return CouponRefusal.USED_UP
        return None

    def invalid(self, refusal: CouponRefusal) -> CouponInvalid:
        return coupon_invalid(self.code, refusal, self)


def coupon_invalid(code: str, refusal: CouponRefusal, coupon: Coupon | None) -> CouponInvalid:
    """The error a refusal is raised as (``coupon``: None when no coupon has the code)."""
    return CouponInvalid(explain(code, refusal, coupon), reason=refusal.value)


def explain(code: str, refusal: CouponRefusal, coupon: Coupon | None = None) -> str:
    """The customer's message for a refusal."""
    match refusal:
        case CouponRefusal.UNKNOWN:
            return f"{code} is not a coupon we know"
        case CouponRefusal.NOT_STARTED:
            return f"{code} is not valid yet"
        case CouponRefusal.EXPIRED:
            return f"{code} has expired"
        case CouponRefusal.BELOW_MINIMUM:
            minimum = 0 if coupon is None else coupon.min_item_total
            return f"{code} needs an item total of at least ₹{minimum / 100:g}"
        case CouponRefusal.FIRST_ORDER_ONLY:
            return f"{code} is for a first order only"
        case CouponRefusal.USED_UP:
            return f"you have used {code} as many times as it allows"
        case CouponRefusal.OTHER_RESTAURANT:
            return f"{code} is not valid at this restaurant"
        case CouponRefusal.OTHER_CITY:
            return f"{code} is not valid in this restaurant's city"


@frozen
class CouponUse:
    """The coupon an order used, and which of the customer's uses of it the order holds."""

    code: str = field(validator=_code)
    slot: int = field(validator=validators.ge(1))  # 1..uses_per_customer
    released: bool = False  # the order was cancelled: the use is the customer's again

    @property
    def claim(self) -> str | None:
        """What the store keeps unique per customer while the use is held."""
        return None if self.released else f"{self.code}#{self.slot}"  # as coupon_claims

    def release(self) -> CouponUse:
        return self if self.released else evolve(self, released=True)


def coupon_claims(code: str, slots: int) -> dict[str, int]:
    """The claims of a customer's uses 1..``slots`` of coupon ``code``, to their slot: what
    a store looks up to say which uses the customer's orders hold."""
    return {f"{code}#{slot}": slot for slot in range(1, slots + 1)}
