"""The API in process: a container with test overrides (manual clock, fast hasher, fake
gateway, test settings) and a Starlette TestClient that runs the app's lifespan.

A module (or test) marked ``every_store`` runs once on the memory store and once on a
MongoDB-wire store: a fresh database per test on the session's FerretDB server
(``mongodb_url`` of tests/servers.py: started once, failing the run under ``CI`` if it
cannot start, skipping otherwise). Unmarked tests use the memory store only.
"""

from __future__ import annotations

import uuid
import warnings
from collections.abc import Iterator

import pytest
from pymongo import MongoClient
from starlette.applications import Starlette

# Starlette 1.x nudges towards httpx2; httpx is the project's pinned client. Filtered
# before support.py imports starlette.testclient, which warns at import.
warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")

from adapters.clock import ManualClock  # noqa: E402
from adapters.memory import FakePaymentGateway  # noqa: E402
from adapters.mongo import MongoStore  # noqa: E402
from adapters.stores import Store  # noqa: E402
from services.api.app import create_app  # noqa: E402
from services.api.container import Container  # noqa: E402
from services.api.settings import Settings  # noqa: E402
from tests.integration.support import (  # noqa: E402
    Api,
    ApiClient,
    build_test_container,
    seed_catalog,
    seeded_store,
)

STORES = ("memory", "mongodb")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "every_store: run on the memory store and on a MongoDB-wire (FerretDB) store"
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "store_kind" in metafunc.fixturenames and metafunc.definition.get_closest_marker(
        "every_store"
    ):
        metafunc.parametrize("store_kind", STORES, indirect=True)


@pytest.fixture
def store_kind(request: pytest.FixtureRequest) -> str:
    """``memory`` unless the test is marked ``every_store`` (then each of STORES)."""
    return str(getattr(request, "param", "memory"))


@pytest.fixture(scope="session")
def mongodb_admin(mongodb_url: str) -> Iterator[MongoClient[dict[str, object]]]:
    """One client to drop the per-test databases (each store closes its own client)."""
    admin: MongoClient[dict[str, object]] = MongoClient(mongodb_url)
    yield admin
    admin.close()


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def settings() -> Settings:
    return Settings.for_tests()


@pytest.fixture
def gateway(clock: ManualClock) -> FakePaymentGateway:
    return FakePaymentGateway(clock)


@pytest.fixture
def store(store_kind: str, request: pytest.FixtureRequest) -> Iterator[Store]:
    if store_kind == "memory":
        yield seeded_store()
        return
    url: str = request.getfixturevalue("mongodb_url")
    admin: MongoClient[dict[str, object]] = request.getfixturevalue("mongodb_admin")
    database = f"api_it_{uuid.uuid4().hex[:16]}"  # fresh per test, same server
    store = MongoStore(url, database=database, server_selection_timeout_ms=5_000)
    try:
        seed_catalog(store)
        yield store
    finally:
        store.close()  # lent to the app, whose lifespan closes only what it opened
        admin.drop_database(database)


@pytest.fixture
def container(
    settings: Settings,
    clock: ManualClock,
    gateway: FakePaymentGateway,
    store: Store,
) -> Container:
    return build_test_container(settings, clock, gateway, store)


@pytest.fixture
def app(container: Container) -> Starlette:
    return create_app(container)


@pytest.fixture
def api(app: Starlette) -> Iterator[Api]:
    with Api(app) as api:
        yield api


@pytest.fixture
def client(api: Api) -> ApiClient:
    return api.client()
