"""Shapes shared by several resources: money's currency, restaurant references, problems."""

from __future__ import annotations

from typing import Literal

from attrs import field, frozen

from food_core.model import RestaurantRef

# Money is integer paise with its currency beside it (docs/design.md §3).
Currency = Literal["INR"]
INR: Currency = "INR"


@frozen(kw_only=True)
class RestaurantRefOut:
    """What a cart or an order remembers of its restaurant."""

    restaurant_id: int
    restaurant_name: str


def restaurant_ref_out(ref: RestaurantRef) -> RestaurantRefOut:
    return RestaurantRefOut(restaurant_id=ref.restaurant_id, restaurant_name=ref.restaurant_name)


@frozen(kw_only=True)
class FieldErrorOut:
    field: str
    message: str


@frozen(kw_only=True)
class ProblemOut:
    """RFC 9457 problem details. ``code`` is stable and machine-readable; ``errors`` names
    the fields at fault; ``failure_code`` says why a payment was declined; ``reason`` why
    a coupon does not apply (coupon_invalid); ``group_name`` the dish's option group at
    fault (options_invalid, when one group is)."""

    type: str
    title: str
    status: int
    detail: str
    code: str
    errors: list[FieldErrorOut] = field(factory=list)
    failure_code: str = ""
    reason: str = ""
    group_name: str = ""


@frozen(kw_only=True)
class ChosenOptionOut:
    """An option chosen for a dish, and what it adds to the dish's price (paise)."""

    option_id: int
    option_name: str
    price_delta: int
