"""The API with the real payments service (node-payments) behind the HTTP gateway, wired
by the container from its settings, as in production: signed requests, idempotency keys,
the request id forwarded."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from attrs import evolve
from dependency_injector import providers

from adapters.memory import FastTestHasher
from adapters.payments_http import HttpPaymentGateway
from food_core.model import OpenHours
from food_core.search import RestaurantQuery
from services.api.app import create_app
from services.api.container import Container
from services.api.settings import Settings
from services.devstack.payments import start_payments
from services.devstack.server import RunningServer, ServerStartError
from tests.integration.support import (
    API,
    BENGALURU,
    DECLINED_CARD,
    DOSA,
    Api,
    ApiClient,
    new_key,
    seeded_store,
)

SECRET = "integration-secret-for-the-payments-service"


@pytest.fixture(scope="module")
def payments(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    try:
        server = start_payments(Path(tmp_path_factory.mktemp("payments")), secret=SECRET)
    except ServerStartError as error:
        if os.environ.get("CI"):
            pytest.fail(f"the payments service must start in CI: {error}")
        pytest.skip(f"the payments service could not start: {error}")
    with server:
        yield server


@pytest.fixture
def api(payments: RunningServer) -> Iterator[Api]:
    container = Container()
    settings = Settings.for_tests(payments_url=payments.url, payments_secret=SECRET)
    container.settings.override(providers.Object(settings))
    container.hasher.override(providers.Object(FastTestHasher()))
    store = seeded_store()
    # This test runs on the system clock (the payments service checks signed times), so
    # the kitchen must be open whenever it runs.
    for restaurant in store.catalog.search_restaurants(RestaurantQuery(pincode=BENGALURU)):
        store.catalog.add_restaurant(evolve(restaurant, open_hours=OpenHours.parse("00:00-24:00")))
    container.store.override(providers.Object(store))
    assert isinstance(container.gateway(), HttpPaymentGateway)  # chosen by the URL
    with Api(create_app(container)) as api:
        yield api


@pytest.fixture
def client(api: Api) -> ApiClient:
    client = api.client()
    client.signup()
    return client


def test_ready_when_the_payments_service_answers(client: ApiClient) -> None:
    assert client.get("/readyz").json()["payments"] is True


def test_a_card_payment_through_the_payments_service(client: ApiClient) -> None:
    order = client.ordered((DOSA, 2))
    key = new_key()
    paid = client.pay(order["order_id"], key=key)
    assert paid.status_code == 200, paid.text
    assert paid.json()["order"]["order_status"] == "CONFIRMED"
    assert paid.json()["payment"]["card"] == {"brand": "visa", "last4": "4242"}
    replayed = client.pay(order["order_id"], key=key)
    assert replayed.headers["Idempotent-Replayed"] == "true"
    assert replayed.json()["payment"]["payment_id"] == paid.json()["payment"]["payment_id"]
    again = client.pay(order["order_id"])
    assert again.status_code == 409 and again.json()["code"] == "order_already_paid"


def test_a_declined_card_then_upi(client: ApiClient) -> None:
    order = client.ordered((DOSA, 1))
    declined = client.pay(order["order_id"], DECLINED_CARD)
    assert declined.status_code == 402
    assert declined.json()["failure_code"] == "card_declined"
    upi = client.post(
        f"{API}/orders/{order['order_id']}/payment",
        json={"payment_mode": "UPI", "upi": {"vpa": "asha@okbank"}},
        headers={"Idempotency-Key": new_key()},
    )
    assert upi.status_code == 200, upi.text
    assert upi.json()["order"]["order_status"] == "CONFIRMED"


def test_cash_on_delivery_is_recorded_by_the_payments_service(client: ApiClient) -> None:
    order = client.ordered((DOSA, 1), payment_mode="COD")
    assert order["order_status"] == "CONFIRMED"
    assert order["payment"]["payment_status"] == "PENDING"


def test_refused_details_are_422(client: ApiClient) -> None:
    order = client.ordered((DOSA, 1))
    response = client.pay(
        order["order_id"],
        {"number": "4242424242424241", "exp_month": 12, "exp_year": 2031, "cvc": "123"},
    )
    assert response.status_code == 422
    assert response.json()["code"] == "invalid_payment_details"
