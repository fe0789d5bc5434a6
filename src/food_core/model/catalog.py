"""Cities, restaurants and their menus."""

from __future__ import annotations

from functools import cached_property

from attrs import field, frozen, validators

from food_core.rules import check_pincode


def _pincode(_instance: object, _attribute: object, value: str) -> None:
    check_pincode(value)


@frozen
class City:
    """A city is identified by its main 6-digit PIN code."""

    pincode: str = field(validator=_pincode)
    city_name: str


@frozen
class RestaurantRef:
    """What an order or cart remembers of a restaurant."""

    restaurant_id: int
    restaurant_name: str


@frozen
class Restaurant:
    restaurant_id: int
    restaurant_name: str
    restaurant_description: str
    restaurant_rating: float = field(validator=[validators.ge(0.0), validators.le(5.0)])
    city: City
    cuisines: tuple[str, ...]
    is_veg_only: bool
    delivery_time_minutes: int = field(validator=validators.gt(0))
    cost_for_two: int = field(validator=validators.ge(0))  # paise
    open_hours: str = "10:00-23:00"

    @cached_property
    def ref(self) -> RestaurantRef:
        return RestaurantRef(self.restaurant_id, self.restaurant_name)


@frozen
class FoodItem:
    food_id: int
    restaurant_id: int
    food_name: str
    food_category: str
    price: int = field(validator=validators.gt(0))  # paise
    availability: bool
    is_veg: bool
    description: str = ""
