"""The OpenAPI document says exactly what the API does: each case here is one that a
schemathesis run against the stack (tests/system/test_openapi_conformance.py) found the
document wrong about, checked in process with schemathesis' own checks."""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from schemathesis.specs.openapi.checks import response_schema_conformance
from starlette.applications import Starlette

from services.api.settings import Settings
from tests.integration.support import API, DOSA, Api, ApiClient

SCHEMA_PATH = f"{API}/openapi.json"


@pytest.fixture
def settings() -> Settings:
    # Streams end soon, so a test reads one whole.
    return Settings.for_tests(sse_poll_s=0.02, sse_heartbeat_s=0.05, sse_max_s=0.3)


def _operation(app: Starlette, operation_id: str) -> Any:
    return schemathesis.openapi.from_asgi(SCHEMA_PATH, app).find_operation_by_id(operation_id)


def _bearer(client: ApiClient) -> dict[str, str]:
    return {"Authorization": f"Bearer {client.token}"}


@pytest.mark.parametrize("cancelled", [False, True], ids=["live", "final"])
def test_an_orders_events_match_the_documented_event_schema(api: Api, cancelled: bool) -> None:
    customer = api.client()
    customer.signup(1)
    order = customer.ordered((DOSA, 2), payment_mode="COD")
    if cancelled:
        assert customer.post(f"{API}/orders/{order['order_id']}/cancel").status_code == 200
    case = _operation(api.app, "orderEvents").Case(
        path_parameters={"order_id": order["order_id"]}, headers=_bearer(customer)
    )
    response = case.call()
    assert response.status_code == 200
    assert "event: status" in response.text
    case.validate_response(response, checks=[response_schema_conformance])
