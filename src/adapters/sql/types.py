"""Column types that make SQLite and PostgreSQL agree with the in-memory reference.

- ``UtcDateTime``: timezone-aware UTC in and out. PostgreSQL stores ``timestamptz``;
  SQLite has no time zones, so UTC is stored naive and re-attached on the way out.
- ``SortKey``: text whose ordering is by code point, as Python orders ``str``. SQLite's
  default BINARY collation already is; PostgreSQL's default follows the server locale,
  so such columns get ``COLLATE "C"`` there.
- ``Json``: JSONB on PostgreSQL, JSON text elsewhere, for nested values never queried.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator, TypeEngine


class UtcDateTime(TypeDecorator[datetime]):
    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            # A naive datetime has no instant: refuse it rather than guess a zone.
            raise ValueError(f"naive datetime {value!r}: the domain uses aware UTC datetimes")
        value = value.astimezone(UTC)
        # SQLite stores the text form; without the offset every value sorts as an instant.
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def sort_key_type() -> TypeEngine[str]:
    return sa.Text().with_variant(postgresql.TEXT(collation="C"), "postgresql")


def json_type() -> TypeEngine[Any]:
    # none_as_null: Python None is SQL NULL, not the JSON text 'null'.
    return sa.JSON(none_as_null=True).with_variant(
        postgresql.JSONB(none_as_null=True), "postgresql"
    )
