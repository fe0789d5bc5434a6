"""The one cattrs converter for this edge: domain entities ↔ BSON documents.

- Datetimes are stored as the stores' fixed-width UTC text (``adapters.stored_time``),
  not as BSON dates, which keep milliseconds only.
- The owner of a cart, address, order or rating is stored as ``user_id`` (the entities call it
  ``user``), the name the indexes and queries use.
- Reading ignores keys the entity lacks (``_id``, search keys, bookkeeping flags).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override
from cattrs.preconf.bson import make_converter

from adapters.stored_time import store_datetimes_as_text
from food_core.model import Address, Cart, OpenHours, Order, Rating

T = TypeVar("T")

converter = make_converter()
store_datetimes_as_text(converter)
# Open hours are stored as their canonical text (food_core.model.hours).
converter.register_unstructure_hook(OpenHours, lambda hours: hours.text)
converter.register_structure_hook(OpenHours, lambda text, _type: OpenHours.parse(text))
for _owned in (Cart, Address, Order, Rating):
    converter.register_unstructure_hook(
        _owned, make_dict_unstructure_fn(_owned, converter, user=override(rename="user_id"))
    )
    converter.register_structure_hook(
        _owned, make_dict_structure_fn(_owned, converter, user=override(rename="user_id"))
    )


def to_document(entity: object) -> dict[str, Any]:
    document: dict[str, Any] = converter.unstructure(entity)
    return document


def from_document(document: Mapping[str, Any], cls: type[T]) -> T:
    return converter.structure(document, cls)
