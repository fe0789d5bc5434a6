"""The partner console's own shapes: its day, its menu, a dish's edit."""

from __future__ import annotations

from datetime import datetime

from attrs import frozen

from food_core.model import FoodItem
from food_core.usecases import DayTally
from food_core.usecases.kitchen import MAX_PRICE
from services.api.schemas import fields as f
from services.api.schemas.catalog import FoodItemOut, food_item_out
from services.api.schemas.common import INR, Currency


@frozen(kw_only=True)
class DayTallyOut:
    """The restaurant's orders placed today (India time) that were confirmed, and what
    those not cancelled took (paise)."""

    orders: int
    delivered: int
    cancelled: int
    takings: int
    currency: Currency
    since: datetime


@frozen(kw_only=True)
class PartnerMenuOut:
    """Every dish of the restaurant, unavailable ones included."""

    items: list[FoodItemOut]


@frozen(kw_only=True)
class DishEditIn:
    """What to change of a dish; a field left out stays as it is."""

    availability: bool | None = f.described("Whether customers can order it now", default=None)
    price: int | None = f.integer(
        1,
        MAX_PRICE,
        default=None,
        core_checked=True,
        description="Its new base price in paise (options keep their own)",
    )


def day_tally_out(tally: DayTally) -> DayTallyOut:
    return DayTallyOut(
        orders=tally.orders,
        delivered=tally.delivered,
        cancelled=tally.cancelled,
        takings=tally.takings,
        currency=INR,
        since=tally.since,
    )


def partner_menu_out(items: list[FoodItem]) -> PartnerMenuOut:
    return PartnerMenuOut(items=[food_item_out(item) for item in items])
