"""The cart: lines of one restaurant's items — each an item with its chosen options —
bounded in quantity, total derived."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property

from attrs import evolve, field, frozen

from food_core.errors import (
    CartRestaurantConflict,
    CartTooLarge,
    ItemUnavailable,
    NotFound,
    QuantityOutOfRange,
    TipOutOfRange,
)
from food_core.model.bill import MAX_TIP
from food_core.model.catalog import FoodItem, RestaurantRef
from food_core.model.options import Option, line_key

MAX_LINE_QUANTITY = 20
MAX_CART_UNITS = 50


def _check_line_quantity(quantity: int) -> None:
    if not 1 <= quantity <= MAX_LINE_QUANTITY:
        raise QuantityOutOfRange(
            f"quantity must be between 1 and {MAX_LINE_QUANTITY}, got {quantity}",
            field="quantity",
        )


def _line_quantity(_instance: object, _attribute: object, value: int) -> None:
    _check_line_quantity(value)


@frozen
class CartLine:
    food_item: FoodItem
    quantity: int = field(validator=_line_quantity)
    # The options chosen (checked against the item's groups when the line was added, and
    # again when an order is placed), in menu order.
    options: tuple[Option, ...] = ()

    @cached_property
    def line_id(self) -> str:
        return line_key(self.food_item.food_id, self.options)

    @property
    def option_ids(self) -> tuple[int, ...]:
        return tuple(option.option_id for option in self.options)

    @property
    def unit_price(self) -> int:
        return self.food_item.unit_price(self.options)

    @property
    def line_total(self) -> int:
        return self.unit_price * self.quantity

    def refreshed(self, item: FoodItem) -> CartLine:
        """The line with the item's current data, its options at their current prices
        (an option the item no longer has keeps what the line knew; placing refuses it)."""
        current = {
            option.option_id: option for group in item.option_groups for option in group.options
        }
        options = tuple(current.get(option.option_id, option) for option in self.options)
        return CartLine(item, self.quantity, options)


def _lines(instance: Cart, _attribute: object, lines: tuple[CartLine, ...]) -> None:
    restaurant = instance.restaurant
    if (restaurant is None) != (not lines):
        raise ValueError("a cart has a restaurant exactly when it has lines")
    seen: set[str] = set()
    units = 0
    for line in lines:
        if restaurant is not None and line.food_item.restaurant_id != restaurant.restaurant_id:
            raise CartRestaurantConflict(
                "a cart holds items from one restaurant only", field="food_id"
            )
        if line.line_id in seen:
            raise ValueError(f"cart line {line.line_id} appears twice")
        seen.add(line.line_id)
        units += line.quantity
    if units > MAX_CART_UNITS:
        raise CartTooLarge(
            f"a cart holds at most {MAX_CART_UNITS} units in all, this would be {units}",
            field="quantity",
        )


def _tip(_instance: object, _attribute: object, value: int) -> None:
    if not 0 <= value <= MAX_TIP:
        raise TipOutOfRange(
            f"a tip is between 0 and ₹{MAX_TIP // 100}, got {value} paise", field="amount"
        )


@frozen
class Cart:
    """Immutable: every edit returns a new cart with ``version`` + 1."""

    cart_id: int
    user: int  # the owner's user_id
    restaurant: RestaurantRef | None = None
    food_items: tuple[CartLine, ...] = field(default=(), validator=_lines)
    version: int = 0
    # Set when placing an order consumed the cart (the order's id); the next edit clears it.
    placed_order: int | None = None
    # The coupon code the customer applied (checked again on every quote) and the tip
    # for the rider, in paise. Both go when the cart is emptied.
    coupon: str | None = None
    tip: int = field(default=0, validator=_tip)

    @cached_property  # lines never change: computed once per cart value
    def item_total(self) -> int:
        return sum([line.line_total for line in self.food_items])

    @property
    def units(self) -> int:
        return sum(line.quantity for line in self.food_items)

    @property
    def is_empty(self) -> bool:
        return not self.food_items

    def line(self, line_id: str) -> CartLine | None:
        return next((line for line in self.food_items if line.line_id == line_id), None)

    def quantity_of(self, food_id: int) -> int:
        """The quantity of the item's line without options."""
        line = self.line(line_key(food_id, ()))
        return 0 if line is None else line.quantity

    def set_quantity(
        self,
        item: FoodItem,
        restaurant: RestaurantRef,
        quantity: int,
        *,
        replace_cart: bool = False,
    ) -> Cart:
        """Set the quantity of the item's line without options; 0 removes it. An item
        with a required choice has no such line (``OptionsInvalid``)."""
        if quantity == 0:
            return self.remove(item.food_id) if self.quantity_of(item.food_id) else self
        return self._put(item, restaurant, item.choose(()), quantity, replace_cart=replace_cart)

    def add_line(
        self,
        item: FoodItem,
        restaurant: RestaurantRef,
        option_ids: Sequence[int],
        quantity: int,
        *,
        replace_cart: bool = False,
    ) -> Cart:
        """Add ``quantity`` of the item with these options: to its line if the cart has
        the same item with the same options, else as a new line.

        Adding from another restaurant raises :class:`CartRestaurantConflict` unless
        ``replace_cart`` is true, in which case the old lines are dropped first.
        """
        _check_line_quantity(quantity)
        options = item.choose(option_ids)
        existing = self.line(line_key(item.food_id, options))
        same_restaurant = self.restaurant == restaurant
        if existing is not None and same_restaurant:
            quantity += existing.quantity
        return self._put(item, restaurant, options, quantity, replace_cart=replace_cart)

    def set_line_quantity(self, line_id: str, quantity: int) -> Cart:
        """Change a line's quantity; 0 removes it."""
        line = self.line(line_id)
        if line is None:
            raise NotFound(f"line {line_id} is not in the cart", field="line_id")
        if quantity == 0:
            return self.remove_line(line_id)
        _check_line_quantity(quantity)
        if quantity == line.quantity:
            return self
        assert self.restaurant is not None  # it has a line
        return self._put(line.food_item, self.restaurant, line.options, quantity)

    def _put(
        self,
        item: FoodItem,
        restaurant: RestaurantRef,
        options: tuple[Option, ...],
        quantity: int,
        *,
        replace_cart: bool = False,
    ) -> Cart:
        _check_line_quantity(quantity)
        if item.restaurant_id != restaurant.restaurant_id:
            raise ValueError("the food item does not belong to the given restaurant")
        if not item.availability:
            raise ItemUnavailable(f"{item.food_name} is not available right now", field="food_id")
        lines = self.food_items
        if (
            self.restaurant is not None
            and self.restaurant.restaurant_id != restaurant.restaurant_id
        ):
            if not replace_cart:
                raise CartRestaurantConflict(
                    f"your cart has items from {self.restaurant.restaurant_name}; "
                    "replace the cart to add from another restaurant",
                    field="food_id",
                )
            lines = ()
        new_line = CartLine(item, quantity, options)
        replaced = False
        new_lines: list[CartLine] = []
        for line in lines:
            if line.line_id == new_line.line_id:
                new_lines.append(new_line)
                replaced = True
            else:
                new_lines.append(line)
        if not replaced:
            new_lines.append(new_line)
        return evolve(
            self,
            restaurant=restaurant,
            food_items=tuple(new_lines),
            version=self.version + 1,
            placed_order=None,
        )

    def remove(self, food_id: int) -> Cart:
        """Remove the item's line without options."""
        if not self.quantity_of(food_id):
            raise NotFound(f"food item {food_id} is not in the cart", field="food_id")
        return self.remove_line(line_key(food_id, ()))

    def remove_line(self, line_id: str) -> Cart:
        if self.line(line_id) is None:
            raise NotFound(f"line {line_id} is not in the cart", field="line_id")
        lines = tuple(line for line in self.food_items if line.line_id != line_id)
        if not lines:
            return self.cleared()
        return evolve(self, food_items=lines, version=self.version + 1, placed_order=None)

    def filled_with(self, restaurant: RestaurantRef, lines: Sequence[CartLine]) -> Cart:
        """The cart holding only ``lines`` (of ``restaurant``): what reordering makes."""
        if not lines:
            raise ValueError("a filled cart has lines")
        return evolve(
            self,
            restaurant=restaurant,
            food_items=tuple(lines),
            version=self.version + 1,
            placed_order=None,
            coupon=None,
            tip=0,
        )

    def cleared(self) -> Cart:
        return self._emptied(placed_order=None)

    def consumed_by(self, order_id: int) -> Cart:
        """The cart once an order was placed from it: empty, and naming that order, so a
        second placement of it (another tab, a retry) finds the order instead."""
        return self._emptied(placed_order=order_id)

    def _emptied(self, *, placed_order: int | None) -> Cart:
        return evolve(
            self,
            restaurant=None,
            food_items=(),
            version=self.version + 1,
            placed_order=placed_order,
            coupon=None,
            tip=0,
        )

    def with_coupon(self, code: str | None) -> Cart:
        """Apply (or, with None, take off) a coupon code; the caller checked it applies."""
        if code == self.coupon:
            return self
        return evolve(self, coupon=code, version=self.version + 1, placed_order=None)

    def with_tip(self, amount: int) -> Cart:
        if amount == self.tip:
            return self
        return evolve(self, tip=amount, version=self.version + 1, placed_order=None)

    def repriced(self, current: dict[int, FoodItem]) -> Cart:
        """The same lines at the catalog's current data, as an edit to store (version + 1):
        what the customer agrees to after a price changed."""
        return evolve(self.refreshed(current), version=self.version + 1, placed_order=None)

    def refreshed(self, current: dict[int, FoodItem]) -> Cart:
        """The same lines with the catalog's current item data (prices, availability)."""
        lines = tuple(
            line.refreshed(current.get(line.food_item.food_id, line.food_item))
            for line in self.food_items
        )
        return self if lines == self.food_items else evolve(self, food_items=lines)
