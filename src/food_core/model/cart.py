"""The cart: lines of one restaurant's items, bounded in quantity, total derived."""

from __future__ import annotations

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

    @property
    def line_total(self) -> int:
        return self.food_item.price * self.quantity


def _lines(instance: Cart, _attribute: object, lines: tuple[CartLine, ...]) -> None:
    restaurant = instance.restaurant
    if (restaurant is None) != (not lines):
        raise ValueError("a cart has a restaurant exactly when it has lines")
    seen: set[int] = set()
    units = 0
    for line in lines:
        if restaurant is not None and line.food_item.restaurant_id != restaurant.restaurant_id:
            raise CartRestaurantConflict(
                "a cart holds items from one restaurant only", field="food_id"
            )
        if line.food_item.food_id in seen:
            raise ValueError(f"food item {line.food_item.food_id} appears twice")
        seen.add(line.food_item.food_id)
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
        return sum([line.food_item.price * line.quantity for line in self.food_items])

    @property
    def units(self) -> int:
        return sum(line.quantity for line in self.food_items)

    @property
    def is_empty(self) -> bool:
        return not self.food_items

    def quantity_of(self, food_id: int) -> int:
        for line in self.food_items:
            if line.food_item.food_id == food_id:
                return line.quantity
        return 0

    def set_quantity(
        self,
        item: FoodItem,
        restaurant: RestaurantRef,
        quantity: int,
        *,
        replace_cart: bool = False,
    ) -> Cart:
        """Set a line's quantity; 0 removes it.

        Adding from another restaurant raises :class:`CartRestaurantConflict` unless
        ``replace_cart`` is true, in which case the old lines are dropped first.
        """
        if quantity == 0:
            return self.remove(item.food_id) if self.quantity_of(item.food_id) else self
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
        new_line = CartLine(item, quantity)
        replaced = False
        new_lines: list[CartLine] = []
        for line in lines:
            if line.food_item.food_id == item.food_id:
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
        if not self.quantity_of(food_id):
            raise NotFound(f"food item {food_id} is not in the cart", field="food_id")
        lines = tuple(line for line in self.food_items if line.food_item.food_id != food_id)
        if not lines:
            return self.cleared()
        return evolve(self, food_items=lines, version=self.version + 1, placed_order=None)

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
            CartLine(current.get(line.food_item.food_id, line.food_item), line.quantity)
            for line in self.food_items
        )
        return self if lines == self.food_items else evolve(self, food_items=lines)
