"""Liveness, readiness, metrics, request ids and the reconciliation sweep."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from dependency_injector import providers
from starlette.applications import Starlette

from adapters.clock import ManualClock
from adapters.memory import FakePaymentGateway, Fault
from adapters.stores import MemoryBackedStore
from food_core.ports import ChargeRequest, GatewayPayment
from services.api.app import create_app
from services.api.container import Container
from services.api.request_context import current_request_id
from services.api.settings import Settings
from tests.integration.support import API, DOSA, Api, ApiClient


class DownStore(MemoryBackedStore):
    def ping(self) -> None:
        raise ConnectionError("the database is unreachable")


class UnreachablePayments(FakePaymentGateway):
    def ping(self) -> bool:
        return False


class RequestIdRecordingGateway(FakePaymentGateway):
    """Notes the request id the edge's context carries while a charge runs."""

    def __init__(self, clock: ManualClock) -> None:
        super().__init__(clock)
        self.request_ids: list[str | None] = []

    def charge(self, request: ChargeRequest) -> GatewayPayment:
        self.request_ids.append(current_request_id())
        return super().charge(request)


def test_healthz_and_readyz(client: ApiClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/readyz").json() == {"status": "ready", "store": True, "payments": True}


@pytest.mark.parametrize(
    ("broken_store", "broken_gateway", "down"),
    [
        (DownStore(), None, "store"),
        (None, UnreachablePayments(ManualClock()), "payments"),
    ],
)
def test_readyz_is_503_when_a_dependency_does_not_answer(
    container: Container,
    broken_store: MemoryBackedStore | None,
    broken_gateway: FakePaymentGateway | None,
    down: str,
) -> None:
    if broken_store is not None:
        container.store.override(providers.Object(broken_store))
    if broken_gateway is not None:
        container.gateway.override(providers.Object(broken_gateway))
    with Api(create_app(container)) as api:
        client = api.client()
        response = client.get("/readyz")
        assert response.status_code == 503
        assert response.json()["code"] == "not_ready"
        assert down in response.json()["detail"]
        assert response.headers["Retry-After"]
        assert client.get("/healthz").status_code == 200  # alive all the same


def test_request_ids_are_echoed_or_made(api: Api) -> None:
    client = api.client()
    given = client.get(f"{API}/cities", headers={"X-Request-ID": "abc-123"})
    assert given.headers["X-Request-ID"] == "abc-123"
    made = client.get(f"{API}/cities")
    assert len(made.headers["X-Request-ID"]) == 32
    hostile = client.get(f"{API}/cities", headers={"X-Request-ID": "x" * 500})
    assert hostile.headers["X-Request-ID"] != "x" * 500
    assert client.get(f"{API}/nothing").headers["X-Request-ID"]  # on problems too


def test_the_request_id_reaches_the_payments_service(
    container: Container, clock: ManualClock
) -> None:
    gateway = RequestIdRecordingGateway(clock)
    container.gateway.override(providers.Object(gateway))
    with Api(create_app(container)) as api:
        client = api.client()
        client.signup()
        order = client.ordered((DOSA, 1))
        response = client.post(
            f"{API}/orders/{order['order_id']}/payment",
            json={
                "payment_mode": "CARD",
                "card": {
                    "number": "4242424242424242",
                    "exp_month": 1,
                    "exp_year": 2030,
                    "cvc": "123",
                },
            },
            headers={"Idempotency-Key": "pay-attempt-0001", "X-Request-ID": "trace-me-42"},
        )
        assert response.status_code == 200
    assert gateway.request_ids == ["trace-me-42"]


def test_metrics_count_requests_by_route_template(client: ApiClient) -> None:
    client.signup()
    order = client.ordered((DOSA, 1))
    client.get(f"{API}/orders/{order['order_id']}")
    key = "same-key-for-replay"
    assert client.pay(order["order_id"], key=key).status_code == 200
    assert client.pay(order["order_id"], key=key).headers["Idempotent-Replayed"] == "true"
    assert client.pay(order["order_id"]).status_code == 409
    text = client.get("/metrics").text
    assert (
        'food_api_requests_total{method="GET",route="/api/v1/orders/{order_id}",status="200"} 1.0'
        in text
    )
    assert str(order["order_id"]) not in text  # no raw paths
    assert 'food_api_request_duration_seconds_bucket{le="0.005",method="GET"' in text
    assert 'food_api_orders_placed_total{payment_mode="CARD"} 1.0' in text
    assert 'food_api_payments_total{outcome="succeeded"} 1.0' in text
    assert 'food_api_payments_total{outcome="already_paid"} 1.0' in text
    assert 'food_api_idempotent_replays_total{route="/api/v1/orders/{order_id}/payment"}' in text


@pytest.mark.timeout(30)
def test_the_sweep_settles_payments_whose_answer_was_lost(
    container: Container, clock: ManualClock, gateway: FakePaymentGateway, app: Starlette
) -> None:
    container.settings.override(providers.Object(Settings.for_tests(reconcile_interval_s=0.05)))
    lost = [Fault.TIMEOUT_AFTER_CHARGE]
    gateway._fault = lambda _request: lost.pop() if lost else None
    with Api(app) as api:
        client = api.client()
        client.signup()
        order = client.ordered((DOSA, 1))
        assert client.pay(order["order_id"]).status_code == 503
        clock.advance(timedelta(seconds=31))  # the sweep looks at attempts older than 30 s
        deadline = time.monotonic() + 10
        status = None
        while time.monotonic() < deadline:
            # The list does not reconcile on read: only the sweep can have settled it.
            status = client.get(f"{API}/orders").json()["orders"][0]["order_status"]
            if status == "CONFIRMED":
                break
            time.sleep(0.05)
        assert status == "CONFIRMED"


class BrokenCatalog:
    """A catalog with a bug: the request fails in an unexpected way."""

    def list_cities(self) -> list[object]:
        raise RuntimeError("a bug in the catalog adapter")


class StoreWithBrokenCatalog(MemoryBackedStore):
    def __init__(self) -> None:
        super().__init__()
        self.catalog = BrokenCatalog()  # type: ignore[assignment]


def test_an_unexpected_error_is_a_500_problem_logged_once_with_its_request_id(
    container: Container, caplog: pytest.LogCaptureFixture
) -> None:
    container.store.override(providers.Object(StoreWithBrokenCatalog()))
    with Api(create_app(container)) as api, caplog.at_level("INFO"):
        response = api.client().get(f"{API}/cities", headers={"X-Request-ID": "bug-1"})
    assert response.status_code == 500
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["X-Request-ID"] == "bug-1"
    assert response.json()["code"] == "internal_error"
    assert "catalog adapter" not in response.text  # internals stay in the log
    errors = [r for r in caplog.records if r.levelname == "ERROR"]
    assert len(errors) == 1 and errors[0].exc_info is not None
    assert getattr(errors[0], "request_id", None) == "bug-1"
    access = [r for r in caplog.records if r.name == "food.access"]
    assert getattr(access[-1], "status", None) == 500
