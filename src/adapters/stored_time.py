"""How the stores write a datetime: fixed-width UTC ISO-8601 text with microseconds.

Both JSON columns (SQL) and documents (MongoDB) keep datetimes as this text: JSON has no
datetime type and a BSON date keeps milliseconds only, so a value read back equals the
one written; the fixed width keeps range queries and sorting on the text correct.
"""

from __future__ import annotations

from datetime import UTC, datetime

from cattrs import Converter

_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"


def datetime_text(value: datetime) -> str:
    if value.tzinfo is None:
        raise ValueError(f"naive datetime {value!r}: the domain uses aware UTC datetimes")
    return value.astimezone(UTC).strftime(_FORMAT)


def datetime_from_text(value: str, _type: object = datetime) -> datetime:
    return datetime.strptime(value, _FORMAT).replace(tzinfo=UTC)


def store_datetimes_as_text(converter: Converter) -> None:
    """Register the two hooks on one of the stores' converters."""
    converter.register_unstructure_hook(datetime, datetime_text)
    converter.register_structure_hook(datetime, datetime_from_text)
