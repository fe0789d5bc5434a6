"""The address book."""

from __future__ import annotations

from attrs import frozen

from food_core.model import Address
from services.api.schemas import fields as f
from services.api.schemas.catalog import PINCODE_MESSAGE, PINCODE_PATTERN


@frozen(kw_only=True)
class AddressIn:
    label: str = f.text(30, description="Home, Work…")
    line1: str = f.text(200)
    line2: str = f.text(200, required=False, default="")
    landmark: str = f.text(100, required=False, default="")
    city_name: str = f.text(80)
    pincode: str = f.pattern(PINCODE_PATTERN, PINCODE_MESSAGE, max_length=6, min_length=6)


@frozen(kw_only=True)
class AddressOut:
    address_id: int
    label: str
    line1: str
    line2: str
    landmark: str
    city_name: str
    pincode: str


@frozen(kw_only=True)
class AddressesOut:
    addresses: list[AddressOut]


def address_out(address: Address) -> AddressOut:
    return AddressOut(
        address_id=address.address_id,
        label=address.label,
        line1=address.line1,
        line2=address.line2,
        landmark=address.landmark,
        city_name=address.city_name,
        pincode=address.pincode,
    )
