"""The OpenAPI document says exactly what the API does: each case here is one that a
schemathesis run against the stack (tests/system/test_openapi_conformance.py) found the
document wrong about, checked in process with schemathesis' own checks."""

from __future__ import annotations

from typing import Any

import jsonschema_rs
import pytest
import schemathesis
from schemathesis.specs.openapi.checks import response_schema_conformance
from starlette.applications import Starlette

from services.api.settings import Settings
from tests.integration.support import API, BENGALURU, DOSA, GOOD_CARD, Api, ApiClient, new_key

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


def _body_schema(document: dict[str, Any], component: str) -> Any:
    return jsonschema_rs.Draft202012Validator(
        {"$ref": f"#/components/schemas/{component}", "components": document["components"]}
    )


UPI = {"vpa": "asha@okbank"}
PAYMENT_BODIES = {
    "card": {"payment_mode": "CARD", "card": GOOD_CARD},
    "card, upi null": {"payment_mode": "CARD", "card": GOOD_CARD, "upi": None},
    "upi": {"payment_mode": "UPI", "upi": UPI},
    "cod": {"payment_mode": "COD"},
    "cod, both null": {"payment_mode": "COD", "card": None, "upi": None},
    "card without card": {"payment_mode": "CARD"},
    "card, card null": {"payment_mode": "CARD", "card": None},
    "card with upi": {"payment_mode": "CARD", "card": GOOD_CARD, "upi": UPI},
    "upi with card": {"payment_mode": "UPI", "card": GOOD_CARD},
    "upi with both": {"payment_mode": "UPI", "upi": UPI, "card": GOOD_CARD},
    "cod with upi": {"payment_mode": "COD", "upi": UPI},
    "cod with card": {"payment_mode": "COD", "card": GOOD_CARD},
    "no mode": {"card": GOOD_CARD},
    "unknown mode": {"payment_mode": "CHEQUE"},
}


@pytest.mark.parametrize("body", PAYMENT_BODIES.values(), ids=PAYMENT_BODIES.keys())
def test_a_payment_body_is_refused_exactly_when_the_document_refuses_it(
    api: Api, body: dict[str, Any]
) -> None:
    """payment_mode picks the shape (a discriminated oneOf): CARD with card, UPI with upi,
    COD with neither; a schema-valid body is never a 422 validation_failed."""
    customer = api.client()
    customer.signup(1)
    document = customer.get(SCHEMA_PATH).json()
    order = customer.ordered((DOSA, 1), payment_mode="CARD")
    response = customer.post(
        f"{API}/orders/{order['order_id']}/payment",
        json=body,
        headers={"Idempotency-Key": new_key()},
    )
    refused = response.status_code == 422
    assert refused != _body_schema(document, "PayIn").is_valid(body), response.text
    if refused:
        assert response.json()["code"] == "validation_failed"


def _parameter(document: dict[str, Any], operation_id: str, name: str) -> dict[str, Any]:
    operation = next(
        operation
        for item in document["paths"].values()
        for operation in item.values()
        if operation["operationId"] == operation_id
    )
    return dict(next(p for p in operation["parameters"] if p["name"] == name))


@pytest.mark.parametrize("sort", ["rating", "name", "delivery_time"])
def test_a_search_cursor_is_documented_as_the_opaque_token_the_server_makes(
    client: ApiClient, sort: str
) -> None:
    document = client.get(SCHEMA_PATH).json()
    cursor = _parameter(document, "searchRestaurants", "cursor")
    assert "opaque" in cursor["description"]
    schema = jsonschema_rs.Draft202012Validator(cursor["schema"])
    made = client.get(f"{API}/cities/{BENGALURU}/restaurants", params={"sort": sort, "limit": 1})
    assert made.status_code == 200
    token = made.json()["next_cursor"]
    assert schema.is_valid(token)  # what the server makes is what the document describes
    following = {"sort": sort, "limit": 1, "cursor": token}
    assert client.get(f"{API}/cities/{BENGALURU}/restaurants", params=following).status_code == 200
    # A token of the same form that the server did not sign is the documented 422.
    forged = "A" * len(token)
    assert schema.is_valid(forged)
    refused = client.get(
        f"{API}/cities/{BENGALURU}/restaurants", params={**following, "cursor": forged}
    )
    assert refused.status_code == 422
    assert [e["field"] for e in refused.json()["errors"]] == ["cursor"]
    # Shorter than a signature cannot be one: the schema refuses it.
    assert not schema.is_valid(token[:22])


def test_every_keyed_operation_documents_what_a_reused_key_answers(client: ApiClient) -> None:
    document = client.get(SCHEMA_PATH).json()
    keyed = [
        operation
        for item in document["paths"].values()
        for operation in item.values()
        if any(p["name"] == "Idempotency-Key" for p in operation.get("parameters", []))
    ]
    assert len(keyed) >= 6
    for operation in keyed:
        key = _parameter(document, operation["operationId"], "Idempotency-Key")
        assert "idempotency_key_reused" in key["description"]
        responses = operation["responses"]
        assert "idempotency_key_reused" in responses["422"]["description"], operation
        assert "request_in_progress" in responses["409"]["description"], operation


def test_a_key_reused_for_another_request_is_the_documented_422(client: ApiClient) -> None:
    client.signup(1)
    key = new_key()
    first = client.post(f"{API}/addresses", json=_address("Home"), headers={"Idempotency-Key": key})
    assert first.status_code == 201
    again = client.post(f"{API}/addresses", json=_address("Home"), headers={"Idempotency-Key": key})
    assert (again.status_code, again.headers.get("Idempotent-Replayed")) == (201, "true")
    other = client.post(f"{API}/addresses", json=_address("Work"), headers={"Idempotency-Key": key})
    assert (other.status_code, other.json()["code"]) == (422, "idempotency_key_reused")


def _address(label: str) -> dict[str, str]:
    return {"label": label, "line1": "12 MG Road", "city_name": "Bengaluru", "pincode": BENGALURU}


@pytest.mark.every_store
@pytest.mark.parametrize("email", ["nul\x00@example.com", "line\nbreak@example.com", " "])
def test_a_login_email_the_document_refuses_is_a_422_on_every_store(
    client: ApiClient, email: str
) -> None:
    """The throttle records a failed login under its email: a NUL there is text no
    PostgreSQL-backed store can hold (a 500 from FerretDB). Like every other text field,
    the email is one line of printable text, and the document says so."""
    document = client.get(SCHEMA_PATH).json()
    body = {"email": email, "password": "a long password"}
    assert not _body_schema(document, "LoginIn").is_valid(body)
    response = client.post(f"{API}/auth/login", json=body)
    assert response.status_code == 422, response.text
    assert [e["field"] for e in response.json()["errors"]] == ["email"]
