"""Cities, restaurants and their menus."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from functools import cached_property

from attrs import field, frozen, validators

from food_core.errors import OptionsInvalid
from food_core.model.hours import OpenHours
from food_core.model.options import Option, OptionGroup, check_groups, choose
from food_core.rules import check_pincode


def _pincode(_instance: object, _attribute: object, value: str) -> None:
    check_pincode(value)


def _pincodes(_instance: object, _attribute: object, value: tuple[str, ...]) -> None:
    for pincode in value:
        check_pincode(pincode)


@frozen
class City:
    """A city is identified by its main 6-digit PIN code. Its restaurants deliver to the
    PIN codes it serves (its own main one always)."""

    pincode: str = field(validator=_pincode)
    city_name: str
    served_pincodes: tuple[str, ...] = field(default=(), validator=_pincodes)

    def serves(self, pincode: str) -> bool:
        return pincode == self.pincode or pincode in self.served_pincodes

    @property
    def ref(self) -> City:
        """The city as a restaurant names it: PIN code and name, no service area."""
        return self if not self.served_pincodes else City(self.pincode, self.city_name)


def _city_ref(city: City) -> City:
    return city.ref


def _hours(value: OpenHours | str) -> OpenHours:
    return OpenHours.parse(value) if isinstance(value, str) else value


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
    # The score of its customers' ratings (food_core.model.ratings.RatingTotals.score).
    restaurant_rating: float = field(validator=[validators.ge(0.0), validators.le(5.0)])
    # A reference (PIN code and name): the city's service area is the catalog's City.
    city: City = field(converter=_city_ref)
    cuisines: tuple[str, ...]
    is_veg_only: bool
    delivery_time_minutes: int = field(validator=validators.gt(0))
    cost_for_two: int = field(validator=validators.ge(0))  # paise
    # Accepts the text form too (food_core.model.hours), so a catalog can be written down.
    open_hours: OpenHours = field(factory=lambda: OpenHours.parse("10:00-23:00"), converter=_hours)
    # The bill's delivery line: a flat fee, waived when the item total reaches the
    # threshold (None: never waived). Paise.
    delivery_fee: int = field(default=0, validator=validators.ge(0))
    free_delivery_above: int | None = field(
        default=None, validator=validators.optional(validators.ge(0))
    )
    # How many ratings ``restaurant_rating`` is the score of.
    rating_count: int = field(default=0, validator=validators.ge(0))

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
    packaging: int = field(default=0, validator=validators.ge(0))  # paise per unit
    option_groups: tuple[OptionGroup, ...] = field(default=(), validator=check_groups)

    def choose(self, option_ids: Collection[int]) -> tuple[Option, ...]:
        """The options chosen by id, in menu order; ``OptionsInvalid`` names what is wrong."""
        return choose(self.food_name, self.option_groups, option_ids)

    def orderable_with(self, option_ids: Collection[int]) -> bool:
        """Available, and those options a valid choice of it."""
        if not self.availability:
            return False
        try:
            self.choose(option_ids)
        except OptionsInvalid:
            return False
        return True

    @property
    def needs_choice(self) -> bool:
        """Must options be chosen to order it (has it a required group)?"""
        return any(group.required for group in self.option_groups)

    def unit_price(self, options: Iterable[Option]) -> int:
        return self.price + sum(option.price_delta for option in options)
