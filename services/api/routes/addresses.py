"""The signed-in customer's address book."""

from __future__ import annotations

from food_core.usecases import add_address, delete_address, list_addresses
from services.api.calls import Call, Reply, no_content, ok
from services.api.paths import PREFIX
from services.api.routing import Keys, Operation
from services.api.schemas.addresses import AddressesOut, AddressIn, AddressOut, address_out


async def list_all(call: Call) -> Reply:
    found = await call.run(list_addresses, call.ports, call.user_id)
    return ok(AddressesOut(addresses=[address_out(a) for a in found]))


async def add(call: Call) -> Reply:
    body = call.body_as(AddressIn)
    address = await call.run(
        add_address,
        call.ports,
        call.user_id,
        label=body.label,
        line1=body.line1,
        line2=body.line2,
        landmark=body.landmark,
        city_name=body.city_name,
        pincode=body.pincode,
    )
    return ok(address_out(address), 201)


async def delete(call: Call) -> Reply:
    await call.run(delete_address, call.ports, call.user_id, call.id("address_id"))
    return no_content()


OPERATIONS = [
    Operation(
        "listAddresses",
        "GET",
        f"{PREFIX}/addresses",
        "Your address book",
        "addresses",
        list_all,
        response=AddressesOut,
    ),
    Operation(
        "addAddress",
        "POST",
        f"{PREFIX}/addresses",
        "Add an address (at most 20)",
        "addresses",
        add,
        status=201,
        request=AddressIn,
        response=AddressOut,
        keys=Keys.OPTIONAL,
        errors=(409, 422),
    ),
    Operation(
        "deleteAddress",
        "DELETE",
        f"{PREFIX}/addresses/{{address_id}}",
        "Delete an address (orders keep their own copy)",
        "addresses",
        delete,
        status=204,
        errors=(404,),
    ),
]
