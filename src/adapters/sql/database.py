"""Engines for SQLite and PostgreSQL, and the two kinds of transaction the adapter uses.

SQLite: WAL (readers never block the writer), a busy timeout (a writer waits for the
lock instead of failing), foreign keys on. A write transaction starts with ``BEGIN
IMMEDIATE``: it takes the write lock up front, so two processes doing
read-then-write cannot deadlock on lock upgrade (SQLITE_BUSY that no timeout cures).
PostgreSQL: psycopg 3, READ COMMITTED; a conditional UPDATE there re-checks its WHERE
against the row a concurrent winner committed, which is what compare-and-set needs.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.pool import StaticPool

BUSY_TIMEOUT_MS = 10_000
_WRITE = "food_write"  # execution option marking a write transaction


def create_engine(url: str | sa.URL, **kwargs: Any) -> Engine:
    parsed = sa.make_url(url)
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        return _sqlite_engine(parsed, **kwargs)
    if backend == "postgresql":
        if parsed.drivername != "postgresql+psycopg":
            raise ValueError(
                f"PostgreSQL URLs must use the psycopg 3 driver (postgresql+psycopg://), "
                f"got {parsed.drivername}://"
            )
        return sa.create_engine(parsed, pool_pre_ping=True, **kwargs)
    raise ValueError(f"not a SQL URL this adapter supports: {parsed.drivername}://")


def _sqlite_engine(url: sa.URL, **kwargs: Any) -> Engine:
    in_memory = url.database in (None, "", ":memory:")
    if in_memory:
        # One shared connection, or every checkout would see its own empty database.
        kwargs.setdefault("poolclass", StaticPool)
        kwargs.setdefault("connect_args", {"check_same_thread": False})
    engine = sa.create_engine(url, **kwargs)

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: Any, _record: object) -> None:
        # The driver must not open transactions on its own: _begin below does.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA foreign_keys = ON")
            if not in_memory:
                cursor.execute("PRAGMA journal_mode = WAL")
                cursor.execute("PRAGMA synchronous = NORMAL")  # durable at checkpoints in WAL
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        immediate = connection.get_execution_options().get(_WRITE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


class Database:
    """An engine plus the transaction helpers every repository uses."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._writer = engine.execution_options(**{_WRITE: True})

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        with self.engine.connect() as connection:
            yield connection

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """One transaction: committed when the block ends, rolled back if it raises."""
        with self._writer.begin() as connection:
            yield connection


def upsert(
    connection: Connection,
    table: sa.Table,
    rows: Sequence[Mapping[str, object]],
    key: Sequence[str],
) -> None:
    """Insert ``rows``, replacing the other columns of any row whose ``key`` exists
    (the ports' ``add`` methods overwrite, as the in-memory reference does)."""
    if not rows:
        return
    if connection.dialect.name == "postgresql":
        pg = postgresql.insert(table)
        pg_update = {c.name: pg.excluded[c.name] for c in table.columns if c.name not in key}
        statement: sa.Executable = pg.on_conflict_do_update(index_elements=key, set_=pg_update)
    else:
        lite = sqlite.insert(table)
        lite_update = {c.name: lite.excluded[c.name] for c in table.columns if c.name not in key}
        statement = lite.on_conflict_do_update(index_elements=key, set_=lite_update)
    connection.execute(statement, [dict(row) for row in rows])


def insert_new(connection: Connection, table: sa.Table, row: Mapping[str, object]) -> bool:
    """Insert ``row`` unless a row with its primary key (or another unique key) exists:
    then insert nothing and return False. One statement, so two racing inserts of one
    key leave one row and exactly one True."""
    key = list(table.primary_key.columns)
    if connection.dialect.name == "postgresql":
        statement: sa.Insert = postgresql.insert(table).on_conflict_do_nothing()
    else:
        statement = sqlite.insert(table).on_conflict_do_nothing()
    # RETURNING says whether the row went in (the row count is not reliable for an
    # insert on every driver).
    inserted = connection.execute(statement.values(dict(row)).returning(*key)).first()
    return inserted is not None
