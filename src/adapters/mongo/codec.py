"""The one cattrs converter for this edge: domain entities ↔ BSON documents.

- Datetimes are stored as fixed-width UTC ISO-8601 text with microseconds, not as BSON
  dates: a BSON date keeps milliseconds only, so a value read back would differ from the
  one written (the ports return what was stored, exactly). The fixed width keeps range
  queries (``created_at < cutoff``) and sorting correct on the text.
- The owner of a cart, address or order is stored as ``user_id`` (the entities call it
  ``user``), the name the indexes and queries use.
- Reading ignores keys the entity lacks (``_id``, search keys, bookkeeping flags).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any, TypeVar

from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override
from cattrs.preconf.bson import make_converter

from food_core.model import Address, Cart, OpenHours, Order

T = TypeVar("T")

_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"


def datetime_text(value: datetime) -> str:
    if value.tzinfo is None:
        raise ValueError(f"naive datetime {value!r}: the domain uses aware UTC datetimes")
    return value.astimezone(UTC).strftime(_FORMAT)


def _datetime_from_text(value: str, _type: object) -> datetime:
    return datetime.strptime(value, _FORMAT).replace(tzinfo=UTC)


converter = make_converter()
converter.register_unstructure_hook(datetime, datetime_text)
converter.register_structure_hook(datetime, _datetime_from_text)
# Open hours are stored as their canonical text (food_core.model.hours).
converter.register_unstructure_hook(OpenHours, lambda hours: hours.text)
converter.register_structure_hook(OpenHours, lambda text, _type: OpenHours.parse(text))
for _owned in (Cart, Address, Order):
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
