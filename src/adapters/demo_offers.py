"""What the demo catalog charges besides its dishes: packaging per dish, each restaurant's
delivery fee and free-delivery threshold, and the platform's coupons.

Derived from the catalog's own data (a dish's category, a restaurant's delivery time and
cost for two), so no random draw is added and the generator's ids and names stay put.
"""

from __future__ import annotations

from datetime import datetime

from food_core.model import IST, Coupon, CouponKind

# Rupees of packaging per unit, by menu category: a biryani handi or a thali tray costs
# more to pack than a bread or a drink. Categories not listed pack for ₹5.
PACKAGING_RUPEES: dict[str, int] = {
    "Biryani": 25,
    "Thalis": 20,
    "Mains": 15,
    "Rice": 15,
    "Noodles": 15,
    "Pasta": 15,
    "Pizzas": 20,
    "Soups": 10,
    "Starters": 10,
    "Chaat": 10,
    "Desserts": 10,
    "Ice Creams": 10,
    "Breads": 0,
}
DEFAULT_PACKAGING_RUPEES = 5

# Delivery fee by the restaurant's delivery time (a proxy for how far it sends riders):
# up to 25 minutes, up to 40, beyond.
DELIVERY_FEE_RUPEES = ((25, 25), (40, 35), (60, 45))
# Free delivery from an item total of twice the restaurant's cost for two, at least ₹499.
FREE_DELIVERY_MIN_RUPEES = 499


def packaging_paise(category: str) -> int:
    return PACKAGING_RUPEES.get(category, DEFAULT_PACKAGING_RUPEES) * 100


def delivery_fee_paise(delivery_time_minutes: int) -> int:
    for up_to, rupees in DELIVERY_FEE_RUPEES:
        if delivery_time_minutes <= up_to:
            return rupees * 100
    return DELIVERY_FEE_RUPEES[-1][1] * 100


def free_delivery_above_paise(cost_for_two: int) -> int:
    return max(2 * cost_for_two, FREE_DELIVERY_MIN_RUPEES * 100)


def demo_coupons(first_restaurants: dict[str, int]) -> tuple[Coupon, ...]:
    """The platform's coupons; ``first_restaurants``: each city's first restaurant by
    city name (one of them runs its own offer)."""
    return (
        Coupon(
            code="WELCOME50",
            description="50% off up to ₹100 on your first order above ₹149",
            kind=CouponKind.PERCENT,
            value=50,
            min_item_total=14_900,
            max_discount=10_000,
            first_order_only=True,
            uses_per_customer=1,
        ),
        Coupon(
            code="FEAST100",
            description="₹100 off orders above ₹599, three times per customer",
            kind=CouponKind.FLAT,
            value=10_000,
            min_item_total=59_900,
            uses_per_customer=3,
        ),
        Coupon(
            code="NAMMA20",
            description="20% off up to ₹80 at Bengaluru restaurants, twice per customer",
            kind=CouponKind.PERCENT,
            value=20,
            max_discount=8_000,
            uses_per_customer=2,
            city_pincode="560001",
        ),
        Coupon(
            code="HOUSE15",
            description="15% off up to ₹75 at one Mumbai kitchen's menu",
            kind=CouponKind.PERCENT,
            value=15,
            max_discount=7_500,
            uses_per_customer=5,
            restaurant_id=first_restaurants["Mumbai"],
        ),
        Coupon(
            code="MONSOON30",
            description="30% off in the monsoon sale (ended)",
            kind=CouponKind.PERCENT,
            value=30,
            max_discount=12_000,
            valid_from=datetime(2026, 6, 1, tzinfo=IST),
            valid_until=datetime(2026, 9, 30, tzinfo=IST),
        ),
    )
