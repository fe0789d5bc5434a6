"""Where a restaurant delivers: in its own city, to the PIN codes the city serves, and to
an address that says it is in that city (docs/design.md §3)."""

from __future__ import annotations

from attrs import frozen

from food_core.errors import AddressNotServiceable, CartEmpty, NotFound
from food_core.model import Address, Restaurant
from food_core.usecases.addresses import own_address
from food_core.usecases.context import Ports


def ensure_delivers(ports: Ports, restaurant: Restaurant, address: Address) -> None:
    """Raise ``AddressNotServiceable`` (naming ``address_id``) unless it delivers there."""
    city = ports.catalog.get_city(restaurant.city.pincode) or restaurant.city
    if not city.serves(address.pincode):
        raise AddressNotServiceable(
            f"{restaurant.restaurant_name} does not deliver to PIN code {address.pincode}; "
            f"it delivers in {city.city_name}",
            field="address_id",
        )
    if address.city_name.casefold() != city.city_name.casefold():
        raise AddressNotServiceable(
            f"the address's city, {address.city_name}, is not its PIN code's city "
            f"({city.city_name})",
            field="address_id",
        )


@frozen
class DeliveryCheck:
    address_id: int
    serviceable: bool
    detail: str | None  # why not, when it is not


def check_delivery(ports: Ports, user_id: int, address_id: int) -> DeliveryCheck:
    """Would the restaurant of the customer's cart deliver to this address of theirs?
    (What placing the order would answer, asked before paying.)"""
    address = own_address(ports, user_id, address_id)
    cart = ports.carts.get(user_id)
    if cart is None or cart.restaurant is None:
        raise CartEmpty("the cart is empty: there is no restaurant to deliver", field="cart")
    restaurant = ports.catalog.get_restaurant(cart.restaurant.restaurant_id)
    if restaurant is None:
        raise NotFound(f"{cart.restaurant.restaurant_name} is no longer listed", field="cart")
    try:
        ensure_delivers(ports, restaurant, address)
    except AddressNotServiceable as refused:
        return DeliveryCheck(address_id, False, refused.message)
    return DeliveryCheck(address_id, True, None)
