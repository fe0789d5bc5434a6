"""The SQL adapter (SQLAlchemy 2 Core): SQLite and PostgreSQL, schema by Alembic."""

from __future__ import annotations

from adapters.sql.migrate import migrate
from adapters.sql.store import SqlStore

__all__ = ["SqlStore", "migrate"]
