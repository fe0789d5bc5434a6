"""The gateway contract suite runs on the fake gateway and on the real payments service."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from adapters.clock import SystemClock
from adapters.ids import SnowflakeIds
from adapters.memory import FakePaymentGateway
from adapters.payments_http import HttpPaymentGateway
from food_core.ports import PaymentGateway
from services.devstack.payments import start_payments
from services.devstack.server import RunningServer, ServerStartError

SECRET = "test-secret-for-the-payments-contract"


@pytest.fixture(scope="session")
def payments_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    try:
        server = start_payments(Path(tmp_path_factory.mktemp("payments")), secret=SECRET)
    except ServerStartError as error:
        if os.environ.get("CI"):
            pytest.fail(f"the payments service must start in CI: {error}")
        pytest.skip(f"the payments service could not start: {error}")
    with server:
        yield server


@pytest.fixture(scope="session")
def order_ids() -> SnowflakeIds:
    return SnowflakeIds(7)


@pytest.fixture(params=["fake", "http"])
def gateway(request: pytest.FixtureRequest) -> Iterator[PaymentGateway]:
    if request.param == "fake":
        yield FakePaymentGateway(SystemClock())
        return
    server: RunningServer = request.getfixturevalue("payments_server")
    client = HttpPaymentGateway(server.url, SECRET)
    yield client
    client.close()
