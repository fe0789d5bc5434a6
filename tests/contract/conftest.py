"""The ``backend`` fixture: every contract test runs once per store."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from adapters.clock import ManualClock
from adapters.ids import SnowflakeIds
from adapters.mongo import MongoStore
from adapters.sql import SqlStore
from adapters.stores import Store
from tests.contract.backends import (
    CONTRACT_DATABASE,
    NAMES,
    Backend,
    memory_backend,
    mongo_backend,
    sql_backend,
    with_database,
)
from tests.contract.builders import Maker
from tests.contract.racing import RacePool


@pytest.fixture(scope="session")
def sqlite_session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Backend]:
    url = f"sqlite:///{tmp_path_factory.mktemp('sqlite') / 'contract.db'}"
    store = SqlStore(url)
    yield sql_backend("sqlite", store, url)
    store.close()


@pytest.fixture(scope="session")
def postgresql_session(postgres_url: str) -> Iterator[Backend]:
    store = SqlStore(postgres_url)
    yield sql_backend("postgresql", store, postgres_url)
    store.close()


@pytest.fixture(scope="session")
def mongodb_session(mongodb_url: str) -> Iterator[Backend]:
    url = with_database(mongodb_url, CONTRACT_DATABASE)
    store = MongoStore(url)
    yield mongo_backend(store, url)
    store.close()


@pytest.fixture(params=NAMES)
def backend(request: pytest.FixtureRequest) -> Backend:
    name: str = request.param
    if name == "memory":
        return memory_backend()
    opened: Backend = request.getfixturevalue(f"{name}_session")
    opened.reset()
    return opened


@pytest.fixture
def store(backend: Backend) -> Store:
    return backend.store


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def make(clock: ManualClock) -> Maker:
    # Worker 0: the race tests' worker processes use 1–4, the state machine 5.
    return Maker(clock, SnowflakeIds(0))


@pytest.fixture(scope="session")
def racers() -> Iterator[RacePool]:
    pool = RacePool()
    yield pool
    pool.close()
