"""A customer's favourite restaurants."""

from __future__ import annotations

from food_core.errors import NotFound, ValidationFailed
from food_core.model import Restaurant
from food_core.usecases.context import Ports

MAX_FAVOURITES = 100


def _restaurant(ports: Ports, restaurant_id: int) -> Restaurant:
    restaurant = ports.catalog.get_restaurant(restaurant_id)
    if restaurant is None:
        raise NotFound(f"restaurant {restaurant_id} not found", field="restaurant_id")
    return restaurant


def add_favourite(ports: Ports, user_id: int, restaurant_id: int) -> Restaurant:
    """Save a restaurant (again: no change). At most ``MAX_FAVOURITES``: the check and
    the insert are two steps, so racing saves may pass it by their number — harmless."""
    restaurant = _restaurant(ports, restaurant_id)
    saved = ports.favourites.list_for_user(user_id, MAX_FAVOURITES)
    if restaurant_id not in saved and len(saved) >= MAX_FAVOURITES:
        raise ValidationFailed(
            f"at most {MAX_FAVOURITES} favourites; remove one first", field="restaurant_id"
        )
    ports.favourites.add(user_id, restaurant_id, ports.clock.now())
    return restaurant


def remove_favourite(ports: Ports, user_id: int, restaurant_id: int) -> None:
    if not ports.favourites.remove(user_id, restaurant_id):
        raise NotFound(f"restaurant {restaurant_id} is not a favourite", field="restaurant_id")


def list_favourites(ports: Ports, user_id: int) -> list[Restaurant]:
    """The saved restaurants still listed, the most recently saved first."""
    found = []
    for restaurant_id in ports.favourites.list_for_user(user_id, MAX_FAVOURITES):
        restaurant = ports.catalog.get_restaurant(restaurant_id)
        if restaurant is not None:
            found.append(restaurant)
    return found
