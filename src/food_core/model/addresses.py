"""Delivery addresses in a customer's address book."""

from __future__ import annotations

from attrs import field, frozen

from food_core.rules import check_pincode


def _pincode(_instance: object, _attribute: object, value: str) -> None:
    check_pincode(value)


@frozen
class Address:
    """Also used as the snapshot an order keeps, so deleting it later changes no order."""

    address_id: int
    user: int  # the owner's user_id
    label: str
    line1: str
    line2: str
    landmark: str
    city_name: str
    pincode: str = field(validator=_pincode)
