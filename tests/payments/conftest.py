"""The gateway contract suite runs on the fake gateway and on the real payments service,
with its in-memory store ("http") and backed by FerretDB ("http-ferretdb")."""

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
from services.devstack.ferretdb import start_ferretdb
from services.devstack.payments import start_payments
from services.devstack.server import RunningServer, ServerStartError

SECRET = "test-secret-for-the-payments-contract"


def cannot_start(what: str, error: Exception) -> None:
    """In CI a server that does not start fails the run; locally the tests are skipped."""
    if os.environ.get("CI"):
        pytest.fail(f"{what} must start in CI: {error}")
    pytest.skip(f"{what} could not start: {error}")


@pytest.fixture(scope="session")
def payments_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    try:
        server = start_payments(Path(tmp_path_factory.mktemp("payments")), secret=SECRET)
    except ServerStartError as error:
        cannot_start("the payments service", error)
        raise
    with server:
        yield server


@pytest.fixture(scope="session")
def ferretdb_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    try:
        server = start_ferretdb(Path(tmp_path_factory.mktemp("ferretdb")))
    except ServerStartError as error:
        cannot_start("FerretDB", error)
        raise
    with server:
        yield server


@pytest.fixture(scope="session")
def payments_mongodb_url(ferretdb_server: RunningServer) -> str:
    return ferretdb_server.url + "payments"


@pytest.fixture(scope="session")
def payments_ferretdb_server(
    tmp_path_factory: pytest.TempPathFactory, payments_mongodb_url: str
) -> Iterator[RunningServer]:
    """The payments service on its real store (MongoDB wire protocol, here FerretDB)."""
    try:
        server = start_payments(
            Path(tmp_path_factory.mktemp("payments-ferretdb")),
            secret=SECRET,
            mongodb_url=payments_mongodb_url,
        )
    except ServerStartError as error:
        cannot_start("the payments service on FerretDB", error)
        raise
    with server:
        yield server


@pytest.fixture(scope="session")
def order_ids() -> SnowflakeIds:
    return SnowflakeIds(7)


@pytest.fixture(params=["fake", "http", "http-ferretdb"])
def gateway(request: pytest.FixtureRequest) -> Iterator[PaymentGateway]:
    if request.param == "fake":
        yield FakePaymentGateway(SystemClock())
        return
    name = "payments_server" if request.param == "http" else "payments_ferretdb_server"
    server: RunningServer = request.getfixturevalue(name)
    client = HttpPaymentGateway(server.url, SECRET)
    yield client
    client.close()
