"""The API in process: a container with test overrides (manual clock, fast hasher, fake
gateway, test settings) and a Starlette TestClient that runs the app's lifespan."""

from __future__ import annotations

import warnings
from collections.abc import Iterator

import pytest
from starlette.applications import Starlette

# Starlette 1.x nudges towards httpx2; httpx is the project's pinned client. Filtered
# before support.py imports starlette.testclient, which warns at import.
warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")

from adapters.clock import ManualClock  # noqa: E402
from adapters.memory import FakePaymentGateway  # noqa: E402
from adapters.stores import MemoryBackedStore  # noqa: E402
from services.api.app import create_app  # noqa: E402
from services.api.container import Container  # noqa: E402
from services.api.settings import Settings  # noqa: E402
from tests.integration.support import Api, ApiClient, build_test_container, seeded_store  # noqa: E402


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
def store() -> MemoryBackedStore:
    return seeded_store()


@pytest.fixture
def container(
    settings: Settings,
    clock: ManualClock,
    gateway: FakePaymentGateway,
    store: MemoryBackedStore,
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
