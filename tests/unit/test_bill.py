"""The bill's arithmetic: every line in paise, GST in halves, rounding half up per line."""

from __future__ import annotations

import pytest
from attrs import evolve

from food_core.model import (
    Bill,
    BillCode,
    BillLine,
    FoodItem,
    PricedLine,
    Restaurant,
    Tariff,
    quote,
)
from food_core.model.bill import share
from tests.builders import BENGALURU

RESTAURANT = Restaurant(
    1, "Dosa Corner", "Crisp dosas", 4.4, BENGALURU, ("South Indian",), True, 25, 40_000,
    delivery_fee=3_000, free_delivery_above=49_900,
)  # fmt: skip
DOSA = FoodItem(11, 1, "Masala Dosa", "Dosa", 12_000, True, True, packaging=1_000)
COFFEE = FoodItem(13, 1, "Filter Coffee", "Beverages", 4_000, True, True)
TARIFF = Tariff(platform_fee=1_000)


def _amounts(bill: Bill) -> dict[str, int]:
    return {line.code.value: line.amount for line in bill.lines}


def test_a_worked_bill_with_every_line() -> None:
    lines = [PricedLine(DOSA, 2), PricedLine(COFFEE, 1)]
    bill = quote(lines, RESTAURANT, TARIFF, discount=10_000, tip=3_000)
    # Food GST: 5% of (28,000 + 2,000 − 10,000) = 1,000; fees GST: 18% of 4,000 = 720.
    assert _amounts(bill) == {
        "item_total": 28_000,
        "packaging": 2_000,
        "delivery_fee": 3_000,
        "platform_fee": 1_000,
        "gst": 1_720,
        "discount": -10_000,
        "tip": 3_000,
    }
    assert bill.total_amount == 28_720
    gst = next(line for line in bill.lines if line.code is BillCode.GST)
    assert [(p.code, p.amount) for p in gst.parts] == [("cgst", 860), ("sgst", 860)]


def test_lines_without_an_amount_are_left_out_but_the_fees_always_show() -> None:
    bill = quote([PricedLine(COFFEE, 1)], evolve(RESTAURANT, delivery_fee=0), Tariff(0))
    assert [line.code for line in bill.lines] == [
        BillCode.ITEM_TOTAL, BillCode.DELIVERY_FEE, BillCode.PLATFORM_FEE, BillCode.GST,
    ]  # fmt: skip
    assert bill.total_amount == 4_000 + 200


def test_delivery_is_free_from_the_restaurants_threshold() -> None:
    below = quote([PricedLine(DOSA, 4)], RESTAURANT, TARIFF)  # ₹480
    at = quote([PricedLine(DOSA, 4), PricedLine(COFFEE, 1)], RESTAURANT, TARIFF)  # ₹520
    assert below.amount_of(BillCode.DELIVERY_FEE) == 3_000
    assert at.amount_of(BillCode.DELIVERY_FEE) == 0
    never = evolve(RESTAURANT, free_delivery_above=None)
    assert quote([PricedLine(DOSA, 20)], never, TARIFF).amount_of(BillCode.DELIVERY_FEE) == 3_000


@pytest.mark.parametrize(
    ("amount", "bps", "expected"),
    [(20, 250, 1), (19, 250, 0), (60, 250, 2), (100, 900, 9), (50, 900, 5), (0, 900, 0)],
)
def test_shares_round_half_up_to_the_paisa(amount: int, bps: int, expected: int) -> None:
    assert share(amount, bps) == expected


def test_a_discount_beyond_the_items_or_a_tip_beyond_the_limit_is_refused() -> None:
    with pytest.raises(ValueError, match="discount"):
        quote([PricedLine(COFFEE, 1)], RESTAURANT, TARIFF, discount=4_001)
    with pytest.raises(ValueError, match="tip"):
        quote([PricedLine(COFFEE, 1)], RESTAURANT, TARIFF, tip=50_001)


def test_a_bill_refuses_a_negative_line_other_than_the_discount() -> None:
    with pytest.raises(ValueError, match="negative"):
        Bill((BillLine(BillCode.TIP, "Tip", -1),))
    with pytest.raises(ValueError, match="discount"):
        Bill((BillLine(BillCode.ITEM_TOTAL, "Items", 100), BillLine(BillCode.DISCOUNT, "x", 5)))
    with pytest.raises(ValueError, match="below zero"):
        Bill((BillLine(BillCode.ITEM_TOTAL, "Items", 100), BillLine(BillCode.DISCOUNT, "x", -101)))
