"""The one cattrs converter for this edge: nested domain values ↔ JSON column values.

Datetimes become the stores' fixed-width UTC text (``adapters.stored_time``).
"""

from __future__ import annotations

from typing import Any, TypeVar

from cattrs.preconf.json import make_converter

from adapters.stored_time import store_datetimes_as_text

T = TypeVar("T")

converter = make_converter()
store_datetimes_as_text(converter)


def to_json(value: object) -> Any:
    return converter.unstructure(value)


def from_json(data: Any, cls: type[T]) -> T:
    return converter.structure(data, cls)
