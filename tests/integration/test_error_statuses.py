"""Every bad request gets a 4xx problem naming what is wrong; never a 5xx."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from services.api.limits import MAX_BODY_BYTES
from tests.integration.support import API, DOSA, RAVA_UNAVAILABLE, Api, ApiClient, new_key

pytestmark = pytest.mark.every_store  # memory and MongoDB-wire stores

PROBLEM = "application/problem+json"


def _is_problem(response: object, status: int, code: str | None = None) -> dict[str, object]:
    assert response.status_code == status, response.text  # type: ignore[attr-defined]
    assert response.headers["content-type"] == PROBLEM  # type: ignore[attr-defined]
    body: dict[str, object] = response.json()  # type: ignore[attr-defined]
    assert {"type", "title", "status", "detail", "code"} <= set(body)
    assert body["status"] == status
    if code is not None:
        assert body["code"] == code
    return body


@pytest.fixture
def signed_in(client: ApiClient) -> ApiClient:
    client.signup()
    return client


def test_malformed_json_is_400(signed_in: ApiClient) -> None:
    for raw in (b"{", b"[1,", b"{'a': 1}", b"NaN", b'{"quantity": Infinity}', b"\xff\xfe"):
        response = signed_in.put(
            f"{API}/cart/items/{DOSA}",
            content=raw,
            headers={"Content-Type": "application/json"},
        )
        _is_problem(response, 400, "malformed_json")
    lone_surrogate = b'{"label": "\\ud800", "line1": "x", "city_name": "y", "pincode": "560001"}'
    response = signed_in.post(
        f"{API}/addresses", content=lone_surrogate, headers={"Content-Type": "application/json"}
    )
    _is_problem(response, 400, "malformed_json")


def test_a_body_that_is_not_json_is_415(signed_in: ApiClient) -> None:
    for content_type in ("text/plain", "application/x-www-form-urlencoded", ""):
        response = signed_in.put(
            f"{API}/cart/items/{DOSA}",
            content=b'{"quantity": 1}',
            headers={"Content-Type": content_type},
        )
        _is_problem(response, 415, "unsupported_media_type")


def test_a_body_over_one_mebibyte_is_413(signed_in: ApiClient) -> None:
    big = b'{"label": "' + b"x" * MAX_BODY_BYTES + b'"}'
    declared = signed_in.post(
        f"{API}/addresses", content=big, headers={"Content-Type": "application/json"}
    )
    _is_problem(declared, 413, "payload_too_large")

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it streams
        for start in range(0, len(big), 64 * 1024):
            yield big[start : start + 64 * 1024]

    streamed = signed_in.post(
        f"{API}/addresses", content=chunks(), headers={"Content-Type": "application/json"}
    )
    _is_problem(streamed, 413, "payload_too_large")


def test_a_wrong_method_is_405_with_allow(signed_in: ApiClient) -> None:
    response = signed_in.patch(f"{API}/cart")
    _is_problem(response, 405, "method_not_allowed")
    assert set(response.headers["Allow"].split(", ")) == {"GET", "HEAD", "DELETE"}
    response = signed_in.delete(f"{API}/orders")
    assert set(response.headers["Allow"].split(", ")) == {"GET", "HEAD", "POST"}


def test_unknown_routes_are_404_problems(api: Api) -> None:
    client = api.client()
    for path in (f"{API}/nothing", "/api/v2/cities", f"{API}/cart/", "/nope"):
        _is_problem(client.get(path), 404, "not_found")


def test_path_parameters_that_do_not_parse_are_404(signed_in: ApiClient) -> None:
    for path in (
        f"{API}/orders/abc",
        f"{API}/orders/-1",
        f"{API}/orders/0",
        f"{API}/orders/1.5",
        f"{API}/orders/99999999999999999999999",
        f"{API}/orders/{2**53}",
        f"{API}/restaurants/%00",
        f"{API}/cities/abc/restaurants",
        f"{API}/cities/012345/restaurants",
    ):
        _is_problem(signed_in.get(path), 404, "not_found")


def test_invalid_fields_are_422_naming_each(signed_in: ApiClient) -> None:
    response = signed_in.post(
        f"{API}/addresses",
        json={"label": " ", "line1": 5, "city_name": "x" * 81, "pincode": "12345"},
    )
    body = _is_problem(response, 422, "validation_failed")
    assert [e["field"] for e in body["errors"]] == ["line1"]  # type: ignore[union-attr]
    response = signed_in.post(
        f"{API}/addresses",
        json={"label": " ", "line1": "x", "city_name": "x" * 81, "pincode": "12345"},
    )
    body = _is_problem(response, 422, "validation_failed")
    assert {e["field"] for e in body["errors"]} == {  # type: ignore[union-attr]
        "label",
        "city_name",
        "pincode",
    }
    missing = signed_in.post(f"{API}/addresses", json={})
    body = _is_problem(missing, 422)
    assert {e["field"] for e in body["errors"]} == {  # type: ignore[union-attr]
        "label",
        "line1",
        "city_name",
        "pincode",
    }
    not_object = signed_in.post(f"{API}/addresses", json=[1, 2])
    _is_problem(not_object, 422)
    no_body = signed_in.post(f"{API}/addresses")
    _is_problem(no_body, 422)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"quantity": "2"}, "quantity"),
        ({"quantity": 2.5}, "quantity"),
        ({"quantity": True}, "quantity"),
        ({"quantity": None}, "quantity"),
        ({"quantity": 1, "replace_cart": "yes"}, "replace_cart"),
        ({}, "quantity"),
    ],
)
def test_json_types_are_strict(signed_in: ApiClient, body: dict[str, object], field: str) -> None:
    response = signed_in.put(f"{API}/cart/items/{DOSA}", json=body)
    errors = _is_problem(response, 422, "validation_failed")["errors"]
    assert [e["field"] for e in errors] == [field]  # type: ignore[union-attr]


def test_an_integral_number_is_an_integer(signed_in: ApiClient) -> None:
    # JSON Schema counts 2.0 as an integer, so the API does too.
    response = signed_in.put(f"{API}/cart/items/{DOSA}", json={"quantity": 2.0})
    assert response.status_code == 200
    assert response.json()["food_items"][0]["quantity"] == 2


def test_domain_rules_keep_their_codes(signed_in: ApiClient) -> None:
    for quantity in (21, -1, 10**30):
        response = signed_in.put(f"{API}/cart/items/{DOSA}", json={"quantity": quantity})
        _is_problem(response, 422, "quantity_out_of_range")
    signed_in.set_item(DOSA, 20)
    signed_in.set_item(11 + 1, 20)
    too_large = signed_in.put(f"{API}/cart/items/13", json={"quantity": 20})
    _is_problem(too_large, 422, "cart_too_large")
    unavailable = signed_in.put(f"{API}/cart/items/{RAVA_UNAVAILABLE}", json={"quantity": 1})
    _is_problem(unavailable, 409, "item_unavailable")
    _is_problem(signed_in.put(f"{API}/cart/items/999", json={"quantity": 1}), 404, "not_found")


def test_signup_conflicts_and_format_errors(api: Api) -> None:
    client = api.client()
    client.signup(1)
    other = api.client()
    taken = other.post(
        f"{API}/auth/signup",
        json={
            "user_name": "Someone",
            "email": "CUSTOMER1@example.com",
            "phone": "9123456789",
            "password": "another long one",
        },
    )
    _is_problem(taken, 409, "email_taken")
    phone = other.post(
        f"{API}/auth/signup",
        json={
            "user_name": "Someone",
            "email": "someone@example.com",
            "phone": "+919800000001",
            "password": "another long one",
        },
    )
    _is_problem(phone, 409, "phone_taken")
    bad = other.post(
        f"{API}/auth/signup",
        json={"user_name": "", "email": "not-an-email", "phone": "12345", "password": "short"},
    )
    body = _is_problem(bad, 422, "validation_failed")
    assert {e["field"] for e in body["errors"]} == {  # type: ignore[union-attr]
        "user_name",
        "email",
        "phone",
        "password",
    }
    wrong = other.post(
        f"{API}/auth/login", json={"email": "customer1@example.com", "password": "nope"}
    )
    _is_problem(wrong, 401, "invalid_credentials")


def test_query_parameters_are_validated(api: Api) -> None:
    client = api.client()
    base = f"{API}/cities/560001/restaurants"
    for params, field in [
        ({"limit": "0"}, "limit"),
        ({"limit": "51"}, "limit"),
        ({"limit": "ten"}, "limit"),
        ({"min_rating": "6"}, "min_rating"),
        ({"min_rating": "nan"}, "min_rating"),
        ({"veg": "maybe"}, "veg"),
        ({"sort": "price"}, "sort"),
        ({"cursor": "!!"}, "cursor"),
        ({"cursor": "abc"}, "cursor"),
    ]:
        body = _is_problem(client.get(base, params=params), 422)
        assert body["errors"][0]["field"] == field  # type: ignore[index]
    _is_problem(client.get(f"{API}/cities/110001/restaurants"), 404, "not_found")


def test_search_pages_with_a_cursor(api: Api) -> None:
    client = api.client()
    base = f"{API}/cities/560001/restaurants"
    first = client.get(base, params={"limit": 1, "sort": "name"}).json()
    assert len(first["restaurants"]) == 1 and first["next_cursor"]
    second = client.get(
        base, params={"limit": 1, "sort": "name", "cursor": first["next_cursor"]}
    ).json()
    assert second["next_cursor"] is None
    names = [r["restaurant_name"] for r in first["restaurants"] + second["restaurants"]]
    assert names == ["Dosa Corner", "Slice of Bandra"]
    veg = client.get(base, params={"veg": "true"}).json()["restaurants"]
    assert [r["restaurant_name"] for r in veg] == ["Dosa Corner"]


def test_a_partner_only_endpoint_is_403_for_customers(signed_in: ApiClient) -> None:
    _is_problem(signed_in.get(f"{API}/partner/orders"), 403, "forbidden")
    response = signed_in.post(
        f"{API}/partner/orders/1/status",
        json={"order_status": "PREPARING"},
        headers={"Idempotency-Key": new_key()},
    )
    _is_problem(response, 403, "forbidden")
