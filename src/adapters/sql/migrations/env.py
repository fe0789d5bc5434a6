"""Alembic environment: runs on the connection ``adapters.sql.migrate`` hands over
(already inside its locked transaction), or on ``sqlalchemy.url`` from the alembic CLI."""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from adapters.sql.database import Database, create_engine
from adapters.sql.tables import metadata


def _run(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=metadata, compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_offline() -> None:
    context.configure(
        url=context.config.get_main_option("sqlalchemy.url"),
        target_metadata=metadata,
        literal_binds=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    given = context.config.attributes.get("connection")
    if isinstance(given, Connection):
        _run(given)
        return
    url = context.config.get_main_option("sqlalchemy.url")
    if url is None:
        raise RuntimeError("set sqlalchemy.url, or call adapters.sql.migrate(url)")
    engine = create_engine(url)
    try:
        with Database(engine).writing() as connection:
            _run(connection)
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
