"""The one cattrs converter for this edge: nested domain values ↔ JSON column values.

Datetimes become fixed-width UTC ISO-8601 text with microseconds, so a value read back
equals the one written (JSON has no datetime type).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, TypeVar

from cattrs.preconf.json import make_converter

T = TypeVar("T")

_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"


def _datetime_to_text(value: datetime) -> str:
    if value.tzinfo is None:
        raise ValueError(f"naive datetime {value!r}: the domain uses aware UTC datetimes")
    return value.astimezone(UTC).strftime(_FORMAT)


def _datetime_from_text(value: str, _type: object) -> datetime:
    return datetime.strptime(value, _FORMAT).replace(tzinfo=UTC)


converter = make_converter()
converter.register_unstructure_hook(datetime, _datetime_to_text)
converter.register_structure_hook(datetime, _datetime_from_text)


def to_json(value: object) -> Any:
    return converter.unstructure(value)


def from_json(data: Any, cls: type[T]) -> T:
    return converter.structure(data, cls)
