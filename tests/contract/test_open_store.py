"""open_store: one URL chooses the store; anything else is a clear ValueError."""

from __future__ import annotations

from pathlib import Path

import pytest

from adapters.mongo import MongoStore
from adapters.sql import SqlStore
from adapters.stores import MemoryBackedStore, open_store
from tests.contract.backends import CONTRACT_DATABASE, with_database
from tests.contract.builders import Maker


def test_memory_url_opens_a_fresh_in_memory_store(make: Maker) -> None:
    first, second = open_store("memory://"), open_store("memory://")
    assert isinstance(first, MemoryBackedStore)
    user = make.user()
    first.users.add(user, "hash")
    assert second.users.get(user.user_id) is None
    first.ping()
    first.close()


def test_sqlite_url_opens_a_migrated_database_file(tmp_path: Path, make: Maker) -> None:
    path = tmp_path / "food.db"
    store = open_store(f"sqlite:///{path}")
    try:
        assert isinstance(store, SqlStore)
        store.ping()
        user = make.user()
        store.users.add(user, "hash")
    finally:
        store.close()
    reopened = open_store(f"sqlite:///{path}")  # migrating again is a no-op
    try:
        assert reopened.users.get(user.user_id) == user
    finally:
        reopened.close()


def test_postgresql_urls_without_a_driver_use_psycopg(postgres_url: str) -> None:
    plain = postgres_url.replace("postgresql+psycopg://", "postgresql://", 1)
    store = open_store(plain)
    try:
        assert isinstance(store, SqlStore)
        assert store.engine.url.drivername == "postgresql+psycopg"
        store.ping()
    finally:
        store.close()


def test_mongodb_url_opens_the_database_it_names(mongodb_url: str) -> None:
    store = open_store(with_database(mongodb_url, CONTRACT_DATABASE))
    try:
        assert isinstance(store, MongoStore)
        assert store.db.name == CONTRACT_DATABASE
        store.ping()
    finally:
        store.close()


@pytest.mark.parametrize(
    ("url", "scheme"),
    [
        ("mysql://root:secret@db/food", "'mysql'"),
        ("redis://localhost:6379", "'redis'"),
        ("postgresql+psycopg2://u@h/db", "'postgresql+psycopg2'"),
        ("/var/lib/food.db", "missing"),
        ("", "missing"),
    ],
)
def test_an_unsupported_url_names_its_scheme_and_the_accepted_ones(url: str, scheme: str) -> None:
    with pytest.raises(ValueError, match="accepted") as raised:
        open_store(url)
    message = str(raised.value)
    assert scheme in message
    for accepted in ("memory://", "sqlite:///", "postgresql+psycopg://", "mongodb://"):
        assert accepted in message
    assert "secret" not in message  # the URL may carry a password; it is not repeated
