"""Bring a database's schema to the newest migration: ``alembic upgrade head``, in process.

Safe to run from several processes at once (two API replicas starting together): the
whole upgrade runs in one transaction that first takes a lock — a transaction-scoped
advisory lock on PostgreSQL, the write lock (``BEGIN IMMEDIATE``) on SQLite — so the
second runner waits, then finds the schema current and does nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from adapters.sql.database import Database, create_engine

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_LOCK_KEY = 0x666F6F645F6D6967  # "food_mig": any constant unique to this application


def alembic_config() -> Config:
    # Alembic is imported only when migrating: a store opened with migrate=False (a
    # worker process, a replica after the first) starts faster without it.
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("path_separator", "os")
    return config


def migrate(url: str | sa.URL | Engine) -> None:
    """Run every migration not yet applied to the database at ``url``."""
    from alembic import command

    engine = url if isinstance(url, Engine) else create_engine(url)
    try:
        with Database(engine).writing() as connection:
            if connection.dialect.name == "postgresql":
                connection.execute(sa.select(sa.func.pg_advisory_xact_lock(_LOCK_KEY)))
            config = alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    finally:
        if engine is not url:
            engine.dispose()
