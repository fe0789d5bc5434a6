"""The OpenAPI document is generated from the routes and schemas, and a page shows it."""

from __future__ import annotations

import re
from typing import Any

import pytest
from starlette.applications import Starlette
from starlette.routing import Route

from tests.integration.support import API, Api

DOCS_ONLY = {f"{API}/openapi.json", f"{API}/docs"}


@pytest.fixture
def document(api: Api) -> dict[str, Any]:
    response = api.client().get(f"{API}/openapi.json")
    assert response.status_code == 200
    body: dict[str, Any] = response.json()
    return body


def _operations(document: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (method.upper(), path, operation)
        for path, item in document["paths"].items()
        for method, operation in item.items()
    ]


def test_every_route_and_method_is_documented(app: Starlette, document: dict[str, Any]) -> None:
    served = {
        (method, route.path)
        for route in app.routes
        if isinstance(route, Route) and route.path not in DOCS_ONLY
        for method in route.methods or ()
        if method != "HEAD"
    }
    documented = {(method, path) for method, path, _ in _operations(document)}
    assert served == documented
    assert document["openapi"] == "3.1.0"


def test_the_design_endpoints_are_all_there(document: dict[str, Any]) -> None:
    documented = {f"{method} {path}" for method, path, _ in _operations(document)}
    expected = {
        "POST /auth/signup", "POST /auth/login", "POST /auth/logout", "GET /me",
        "GET /cities", "GET /cities/{pincode}/restaurants", "GET /restaurants/{restaurant_id}",
        "GET /cart", "PUT /cart/items/{food_id}", "DELETE /cart/items/{food_id}",
        "GET /cart/delivery/{address_id}", "PUT /cart/coupon", "DELETE /cart/coupon",
        "PUT /cart/tip", "POST /cart/lines", "PUT /cart/lines/{line_id}",
        "DELETE /cart/lines/{line_id}",
        "DELETE /cart", "GET /addresses", "POST /addresses", "DELETE /addresses/{address_id}",
        "POST /orders", "POST /orders/{order_id}/payment", "GET /orders",
        "GET /orders/{order_id}", "POST /orders/{order_id}/cancel",
        "GET /orders/{order_id}/events", "GET /partner/orders",
        "POST /orders/{order_id}/rating", "PUT /orders/{order_id}/rating",
        "GET /orders/{order_id}/rating", "POST /orders/{order_id}/reorder",
        "GET /favourites", "PUT /favourites/{restaurant_id}", "DELETE /favourites/{restaurant_id}",
        "POST /partner/orders/{order_id}/status", "POST /partner/orders/{order_id}/accept",
        "POST /partner/orders/{order_id}/reject", "POST /partner/orders/{order_id}/ready",
        "GET /partner/events", "GET /partner/today", "GET /partner/menu",
        "PATCH /partner/menu/{food_id}", "GET /rider/job",
        "POST /rider/orders/{order_id}/picked-up", "POST /rider/orders/{order_id}/delivered",
    }  # fmt: skip
    api_ops = {e.split(" ")[0] + " " + API + e.split(" ")[1] for e in expected}
    assert api_ops | {"GET /healthz", "GET /readyz", "GET /metrics"} == documented


def test_operation_ids_are_unique_and_camel_case(document: dict[str, Any]) -> None:
    ids = [operation["operationId"] for _, _, operation in _operations(document)]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z][A-Za-z]+", i) for i in ids)


def test_errors_are_documented_as_problems(document: dict[str, Any]) -> None:
    for method, path, operation in _operations(document):
        statuses = {int(s) for s in operation["responses"]}
        assert 500 in statuses, (method, path)
        if "security" in operation:
            assert 401 in statuses
        if "{" in path:
            assert 404 in statuses, (method, path)
        if "requestBody" in operation:
            assert {400, 413, 415, 422} <= statuses, (method, path)
        for status, response in operation["responses"].items():
            if int(status) >= 400:
                schema = response["content"]["application/problem+json"]["schema"]
                assert schema == {"$ref": "#/components/schemas/ProblemOut"}


def test_security_schemes_are_bearer_and_cookie(document: dict[str, Any]) -> None:
    schemes = document["components"]["securitySchemes"]
    assert schemes["bearerAuth"] == {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}
    assert schemes["cookieAuth"]["in"] == "cookie" and schemes["cookieAuth"]["name"] == (
        "food_session"
    )
    public = {"/api/v1/cities", "/healthz"}
    for _, path, operation in _operations(document):
        if path in public:
            assert "security" not in operation
    assert document["paths"]["/api/v1/cart"]["get"]["security"] == [
        {"bearerAuth": []},
        {"cookieAuth": []},
    ]


def test_schemas_come_from_the_attrs_classes(document: dict[str, Any]) -> None:
    schemas = document["components"]["schemas"]
    signup = schemas["SignupIn"]
    assert signup["additionalProperties"] is False
    assert set(signup["required"]) == {"user_name", "email", "phone", "password"}
    assert signup["properties"]["password"] == {
        "type": "string",
        "minLength": 10,
        "maxLength": 128,
    }
    order = schemas["OrderOut"]["properties"]
    assert order["total_amount"] == {"type": "integer"}
    assert order["currency"] == {"const": "INR"}
    assert order["order_status"]["enum"][0] == "PENDING_PAYMENT"
    user = schemas["UserOut"]["properties"]
    assert "password" not in user and "password_hash" not in user
    payment = schemas["PaymentOut"]["properties"]
    assert "number" not in str(payment) and "cvc" not in str(payment)
    cart_in = schemas["SetQuantityIn"]["properties"]["quantity"]
    assert (cart_in["minimum"], cart_in["maximum"]) == (0, 20)
    keyed = document["paths"]["/api/v1/orders"]["post"]["parameters"]
    assert {k: keyed[0][k] for k in ("name", "in", "required")} == {
        "name": "Idempotency-Key",
        "in": "header",
        "required": True,
    }


def test_the_docs_page_is_self_contained(api: Api) -> None:
    response = api.client().get(f"{API}/docs")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    page = response.text
    assert 'fetch("openapi.json")' in page
    assert "<script src" not in page and "<link" not in page
    assert not re.search(r"https?://", page)  # no CDN, no external anything
    assert "connect-src 'self'" in response.headers["Content-Security-Policy"]
