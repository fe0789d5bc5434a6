"""The container's lifecycle: the app's lifespan opens the store and the payments client
(dependency-injector resources) and shuts them down on exit; ports built without a
gateway refuse every payment call."""

from __future__ import annotations

import pytest
from dependency_injector import providers
from starlette.testclient import TestClient

from adapters.clock import ManualClock
from adapters.ids import SnowflakeIds
from adapters.memory import FastTestHasher
from adapters.stores import MemoryBackedStore, ports_for
from food_core.model import PaymentMode
from food_core.ports import ChargeRequest
from services.api.app import create_app
from services.api.container import Container
from services.api.settings import Settings


def test_the_lifespan_opens_the_resources_and_shuts_them_down() -> None:
    container = Container()
    container.settings.override(providers.Object(Settings.for_tests()))
    container.hasher.override(providers.Object(FastTestHasher()))
    app = create_app(container)
    assert not container.store.initialized and not container.gateway.initialized
    with TestClient(app) as client:
        assert container.store.initialized and container.gateway.initialized
        assert client.get("/readyz").status_code == 200
    assert not container.store.initialized and not container.gateway.initialized


def test_ports_without_a_gateway_refuse_every_payment_call() -> None:
    ports = ports_for(
        MemoryBackedStore(), hasher=FastTestHasher(), clock=ManualClock(), ids=SnowflakeIds(1)
    )
    request = ChargeRequest(1, 100, PaymentMode.CARD, "key-0001", "pay-1")
    for call in (
        lambda: ports.gateway.charge(request),
        lambda: ports.gateway.payments_for_order(1),
        lambda: ports.gateway.refund("ref", "key-0002"),
    ):
        with pytest.raises(RuntimeError, match="without a payment gateway"):
            call()
