"""The address book."""

from __future__ import annotations

from food_core.errors import NotFound, ValidationFailed
from food_core.model import Address
from food_core.rules import check_pincode, normalize_text
from food_core.usecases.context import Ports

MAX_ADDRESSES = 20


def add_address(
    ports: Ports,
    user_id: int,
    *,
    label: str,
    line1: str,
    line2: str = "",
    landmark: str = "",
    city_name: str,
    pincode: str,
) -> Address:
    address = Address(
        address_id=ports.ids.next_id(),
        user=user_id,
        label=normalize_text(label, field="label", max_length=30),
        line1=normalize_text(line1, field="line1", max_length=200),
        line2=normalize_text(line2, field="line2", max_length=200, required=False),
        landmark=normalize_text(landmark, field="landmark", max_length=100, required=False),
        city_name=normalize_text(city_name, field="city_name", max_length=80),
        pincode=check_pincode(pincode.strip()),
    )
    # The store counts and adds in one step: concurrent adds cannot pass the cap.
    if not ports.addresses.add(address, limit=MAX_ADDRESSES):
        raise ValidationFailed(
            f"an address book holds at most {MAX_ADDRESSES} addresses", field="address"
        )
    return address


def list_addresses(ports: Ports, user_id: int) -> list[Address]:
    return ports.addresses.list_for_user(user_id)


def own_address(ports: Ports, user_id: int, address_id: int) -> Address:
    address = ports.addresses.get(address_id)
    if address is None or address.user != user_id:
        raise NotFound(f"address {address_id} not found", field="address_id")
    return address


def delete_address(ports: Ports, user_id: int, address_id: int) -> None:
    if not ports.addresses.delete(address_id, user_id):
        raise NotFound(f"address {address_id} not found", field="address_id")
