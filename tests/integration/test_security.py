"""Security sweeps: object-level authorisation over many ids, mass assignment, oversized
bodies, and secrets that must never come back in a response body."""

from __future__ import annotations

import io
import json
import random
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from adapters.stores import Store
from services.api import cli
from services.api.container import Container
from services.api.limits import MAX_BODY_BYTES
from services.api.settings import Settings
from tests.integration.support import (
    API,
    COFFEE,
    DECLINED_CARD,
    DOSA,
    GOOD_CARD,
    IDLI,
    MARGHERITA,
    PASSWORD,
    Api,
    ApiClient,
    command_container,
    new_key,
)

pytestmark = pytest.mark.every_store  # memory and MongoDB-wire stores

# User A's ids in the sweep, (addresses, orders, neighbours probed): on memory 100 ids, a
# full address book (20, the most one holds) and 80 orders; on FerretDB (tens of ms a
# request) a smaller sweep of the same kinds, to keep the suite's runtime reasonable.
SWEEP = {"memory": (20, 80, 15), "mongodb": (4, 8, 4)}
PARTNER_PASSWORD = "kitchen password 1"
PROBLEM_KEYS = {"type", "title", "status", "detail", "code", "errors"}


@pytest.fixture
def settings() -> Settings:
    # Short event streams: a stream that wrongly opened would end instead of hanging.
    return Settings.for_tests(sse_poll_s=0.02, sse_heartbeat_s=0.05, sse_max_s=0.3)


def _partner(api: Api, container: Container, email: str, restaurant_id: int) -> ApiClient:
    phone = f"90000000{restaurant_id:02d}"
    code = cli.main(
        [
            "create-partner",
            *("--email", email, "--phone", phone, "--name", "Kitchen"),
            *("--restaurant-id", str(restaurant_id), "--password-stdin"),
        ],
        container=command_container(container),
        stdin=io.StringIO(PARTNER_PASSWORD + "\n"),
        out=io.StringIO(),
    )
    assert code == 0
    partner = api.client()
    partner.login(email, PARTNER_PASSWORD)
    return partner


# --- object-level authorisation (BOLA) ------------------------------------------------


def _secret_line(n: int) -> str:
    return f"Flat {n}, A's private lane {n * 7919}"


def _order_attempts(order_id: int) -> list[tuple[str, str, Any]]:
    return [
        ("GET", f"{API}/orders/{order_id}", None),
        ("GET", f"{API}/orders/{order_id}/events", None),
        ("POST", f"{API}/orders/{order_id}/cancel", None),
        ("POST", f"{API}/orders/{order_id}/payment", {"payment_mode": "CARD", "card": GOOD_CARD}),
        ("POST", f"{API}/partner/orders/{order_id}/status", {"order_status": "PREPARING"}),
    ]


def _address_attempts(address_id: int) -> list[tuple[str, str, Any]]:
    return [
        ("DELETE", f"{API}/addresses/{address_id}", None),
        ("POST", f"{API}/orders", {"address_id": address_id, "payment_mode": "COD"}),
    ]


def _normalised(response: httpx.Response, some_id: int) -> str:
    return response.text.replace(str(some_id), "{id}")


def test_bola_sweep_over_another_users_ids(
    api: Api, container: Container, store: Store, store_kind: str
) -> None:
    addresses_owned, orders_owned, neighboured = SWEEP[store_kind]
    owner = api.client()
    owner.signup(1, user_name="Alice Owner")
    orders: list[dict[str, Any]] = []
    addresses: list[dict[str, Any]] = []
    for n in range(addresses_owned):
        addresses.append(owner.add_address(line1=_secret_line(n), landmark=f"A-landmark-{n}"))
    for n in range(orders_owned):
        address = addresses[n % addresses_owned]
        owner.set_item(DOSA, 1 + n % 5)
        owner.set_item(IDLI, 1 + n % 3)
        # Alternate: some confirmed (COD, in the kitchen's queue), some awaiting payment.
        orders.append(owner.place_order(address["address_id"], ("COD", "CARD")[n % 2]))
    order_ids = [o["order_id"] for o in orders]
    address_ids = [a["address_id"] for a in addresses]
    owned = set(order_ids) | set(address_ids)
    # Ids that are not A's: neighbours of some of A's, ids between A's, ids far away.
    rng = random.Random(20261125)
    low, high = min(owned), max(owned)
    probes = {i + d for i in rng.sample(sorted(owned), neighboured) for d in (-1, 1)}
    probes |= {rng.randint(low, high) for _ in range(10)}
    probes |= {rng.randint(1, 2**53 - 1) for _ in range(5)} | {1, 2, 11, 21}
    probes -= owned

    me_before = owner.get(f"{API}/me").json()

    stranger = api.client()
    stranger.signup(2)
    stranger.add_address(line1="Stranger's own street")
    stranger.set_item(COFFEE, 1)  # a cart, so an order with A's address gets that far
    pizza = _partner(api, container, "pizza.kitchen@example.com", 2)

    secrets = [_secret_line(n) for n in range(addresses_owned)] + [
        "A-landmark-",
        "Alice Owner",
        "customer1@example.com",
        owner.user["phone"],
        str(owner.user_id),
    ]
    totals = {str(o["total_amount"]) for o in orders}
    not_found_shape: dict[str, str] = {}

    def attempt(caller: ApiClient, method: str, path: str, body: Any, some_id: int) -> None:
        response = caller.request(method, path, json=body, headers={"Idempotency-Key": new_key()})
        role_refused = caller is stranger and "/partner/" in path
        expected = 403 if role_refused else 404
        assert response.status_code == expected, (method, path, response.text)
        problem = response.json()
        assert set(problem) <= PROBLEM_KEYS, problem
        assert not any(secret in response.text for secret in secrets), response.text
        normalised = _normalised(response, some_id)
        assert not any(total in normalised for total in totals), response.text
        # A's id answers exactly as an id that never existed does: nothing to enumerate.
        route = path.replace(str(some_id), "{id}")
        shape = not_found_shape.setdefault(f"{id(caller)} {method} {route}", normalised)
        assert normalised == shape, (shape, normalised)

    for caller in (stranger, pizza):
        for order_id in sorted(probes | set(order_ids)):
            for method, path, body in _order_attempts(order_id):
                if caller is pizza and "/partner/" not in path:
                    continue  # a partner is a user too, but its customer side is the same
                attempt(caller, method, path, body, order_id)
    for address_id in sorted(probes | set(address_ids)):
        for method, path, body in _address_attempts(address_id):
            attempt(stranger, method, path, body, address_id)
    # Order ids where an address id goes, and the other way round.
    for some_id in order_ids[:5]:
        for method, path, body in _address_attempts(some_id):
            attempt(stranger, method, path, body, some_id)
    for some_id in address_ids[:5]:
        for method, path, body in _order_attempts(some_id):
            attempt(stranger, method, path, body, some_id)

    # The stranger's own lists show nothing of A's.
    for path in (f"{API}/orders", f"{API}/addresses", f"{API}/partner/orders"):
        for caller in (stranger, pizza):
            listing = caller.get(path)
            assert not any(secret in listing.text for secret in secrets), (path, listing.text)
    assert stranger.get(f"{API}/orders").json() == {"orders": []}
    assert pizza.get(f"{API}/partner/orders").json() == {"orders": []}
    # And A's things are untouched by every attempt.
    assert owner.get(f"{API}/addresses").json() == {"addresses": addresses}
    mine = {o["order_id"]: o for o in _all_orders(owner)}
    assert set(mine) == set(order_ids)
    for order in orders:
        now = mine[order["order_id"]]
        assert now["order_status"] == order["order_status"], now
        assert now["payment"] == order["payment"], now
    assert owner.get(f"{API}/me").json() == me_before
    assert stranger.get(f"{API}/cart").json()["food_items"][0]["food_id"] == COFFEE
    assert store.orders.get(order_ids[0]) is not None


def _all_orders(client: ApiClient) -> list[dict[str, Any]]:
    orders: list[dict[str, Any]] = []
    params: dict[str, Any] = {"limit": 20}
    while page := client.get(f"{API}/orders", params=params).json()["orders"]:
        orders += page
        params["before"] = page[-1]["order_id"]
    return orders


# --- mass assignment ------------------------------------------------------------------


def _refused(response: httpx.Response, *fields: str) -> None:
    assert response.status_code == 422, response.text
    errors = response.json()["errors"]
    assert {e["field"] for e in errors} == set(fields), errors
    assert all(e["message"] == "is not a field a client may set" for e in errors), errors


SIGNUP = {
    "user_name": "Mallory",
    "email": "mallory@example.com",
    "phone": "9800000099",
    "password": PASSWORD,
}


@pytest.mark.parametrize(
    "extra",
    [
        {"total_orders": 1000},
        {"user_id": 1},
        {"role": "PARTNER"},
        {"role": "ADMIN"},
        {"restaurant_id": 1, "role": "PARTNER"},
        {"total_orders": 5, "user_id": 7, "role": "PARTNER"},
    ],
)
def test_signup_refuses_fields_a_client_must_not_set(api: Api, extra: dict[str, Any]) -> None:
    client = api.client()
    _refused(client.post(f"{API}/auth/signup", json=SIGNUP | extra), *extra)
    # Nothing was created: the same signup without them succeeds, as a plain customer.
    session = client.signup(99, **{k: SIGNUP[k] for k in ("user_name", "email", "phone")})
    assert session["user"]["total_orders"] == 0
    assert session["user"]["role"] == "CUSTOMER"
    assert session["user"]["user_id"] != extra.get("user_id")
    assert session["user"].get("restaurant_id") is None


def test_address_refuses_an_owner_or_id(client: ApiClient, api: Api) -> None:
    client.signup(1)
    other = api.client()
    other.signup(2)
    body = {"label": "Home", "line1": "1 Planted Street", "city_name": "Bengaluru"}
    body["pincode"] = "560001"
    for extra in (
        {"user": other.user_id},
        {"user_id": other.user_id},
        {"address_id": 1},
        {"user": other.user_id, "user_id": other.user_id},
    ):
        _refused(client.post(f"{API}/addresses", json=body | extra), *extra)
    assert client.get(f"{API}/addresses").json() == {"addresses": []}
    assert other.get(f"{API}/addresses").json() == {"addresses": []}


def test_order_and_cart_refuse_amounts_and_statuses(client: ApiClient) -> None:
    client.signup(1)
    client.set_item(DOSA, 2)
    address_id = client.add_address()["address_id"]
    base = {"address_id": address_id, "payment_mode": "CARD"}
    for extra in (
        {"total_amount": 1},
        {"order_status": "CONFIRMED"},
        {"order_status": "DELIVERED", "total_amount": 0},
        {"currency": "USD"},
        {"items": [{"food_id": DOSA, "quantity": 1, "price": 1}]},
        {"payment": {"payment_status": "SUCCEEDED"}},
    ):
        response = client.post(
            f"{API}/orders", json=base | extra, headers={"Idempotency-Key": new_key()}
        )
        _refused(response, *extra)
    for extra in ({"price": 1}, {"line_total": 1}, {"food_name": "Free"}):
        _refused(client.put(f"{API}/cart/items/{DOSA}", json={"quantity": 1} | extra), *extra)
    payment = {"payment_mode": "CARD", "card": GOOD_CARD}
    order = client.place_order(address_id)
    items = next(line for line in order["bill"]["lines"] if line["code"] == "item_total")
    assert items["amount"] == 2 * 12_000 and order["order_status"] == "PENDING_PAYMENT"
    for extra in ({"amount": 1}, {"payment_status": "SUCCEEDED"}):
        response = client.post(
            f"{API}/orders/{order['order_id']}/payment",
            json=payment | extra,
            headers={"Idempotency-Key": new_key()},
        )
        _refused(response, *extra)
    # Nothing moved: one order, still unpaid, at the catalog's price.
    assert [o["order_id"] for o in client.get(f"{API}/orders").json()["orders"]] == [
        order["order_id"]
    ]
    assert client.get(f"{API}/orders/{order['order_id']}").json()["order_status"] == (
        "PENDING_PAYMENT"
    )


# --- oversized bodies -----------------------------------------------------------------

THREE_MB = 3 * 1024 * 1024


def _three_megabytes() -> bytes:
    return b'{"line1": "' + b"x" * THREE_MB + b'"}'


def _chunks(body: bytes, size: int = 64 * 1024) -> Iterator[bytes]:
    for start in range(0, len(body), size):
        yield body[start : start + size]


@pytest.mark.parametrize("declared", [True, False], ids=["content-length", "chunked"])
@pytest.mark.parametrize(
    ("method", "path", "signed_in"),
    [
        ("POST", f"{API}/auth/signup", False),
        ("POST", f"{API}/auth/login", False),
        ("POST", f"{API}/addresses", True),
        ("PUT", f"{API}/cart/items/{DOSA}", True),
        ("POST", f"{API}/orders", True),
    ],
)
def test_a_three_megabyte_body_is_413(
    api: Api, method: str, path: str, signed_in: bool, declared: bool
) -> None:
    assert MAX_BODY_BYTES < THREE_MB
    client = api.client()
    if signed_in:
        client.signup(1)
    body = _three_megabytes()
    headers = {"Content-Type": "application/json", "Idempotency-Key": new_key()}
    content: bytes | Iterator[bytes] = body if declared else _chunks(body)
    response = client.request(method, path, content=content, headers=headers)
    assert response.status_code == 413, response.text[:300]
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["code"] == "payload_too_large"
    assert len(response.content) < 1024
    if signed_in:
        assert client.get(f"{API}/addresses").json() == {"addresses": []}
        assert client.get(f"{API}/cart").json()["food_items"] == []


# --- secrets in responses -------------------------------------------------------------


class Recorder:
    """Every response any client received, body read."""

    def __init__(self) -> None:
        self.responses: list[httpx.Response] = []

    def __call__(self, response: httpx.Response) -> None:
        response.read()
        self.responses.append(response)

    def client(self, api: Api) -> ApiClient:
        client = api.client()
        client.event_hooks = {"request": [], "response": [self]}
        return client


def test_no_secret_in_any_response_of_a_full_flow(
    api: Api, container: Container, store: Store, settings: Settings
) -> None:
    seen = Recorder()
    customer = seen.client(api)
    session = customer.signup(1)
    web = seen.client(api)
    web.signup(2, cookies=True)
    customer.login("customer1@example.com", PASSWORD)  # a second token for the same user
    customer.get(f"{API}/me")
    customer.get(f"{API}/cities")
    customer.get(f"{API}/cities/560001/restaurants", params={"q": "dosa"})
    customer.get(f"{API}/restaurants/1")
    customer.set_item(DOSA, 2)
    customer.set_item(COFFEE, 1)
    customer.get(f"{API}/cart")
    address = customer.add_address()
    customer.get(f"{API}/addresses")
    declined_order = customer.place_order(address["address_id"])
    assert customer.pay(declined_order["order_id"], DECLINED_CARD).status_code == 402
    paid = customer.pay(declined_order["order_id"])  # paid after the decline
    assert paid.status_code == 200, paid.text
    customer.get(f"{API}/orders/{declined_order['order_id']}")
    customer.set_item(DOSA, 1)
    other = customer.place_order(address["address_id"])
    key = new_key()
    assert customer.pay(other["order_id"], key=key).status_code == 200
    assert customer.pay(other["order_id"], key=key).status_code == 200  # replayed
    assert customer.post(f"{API}/orders/{other['order_id']}/cancel").status_code == 200
    customer.set_item(MARGHERITA, 1)
    cod = customer.place_order(address["address_id"], "COD")
    customer.get(f"{API}/orders")
    with customer.stream("GET", f"{API}/orders/{cod['order_id']}/events") as stream:
        assert stream.status_code == 200
    # Errors carry no secrets either: a wrong password, a bad card, a bad token.
    assert seen.client(api).post(
        f"{API}/auth/login", json={"email": "customer1@example.com", "password": "wrong pass"}
    ).status_code in (401, 400)
    bad_card = {**GOOD_CARD, "number": "4242424242424241"}
    customer.set_item(DOSA, 1)
    pending = customer.place_order(address["address_id"])
    assert customer.pay(pending["order_id"], bad_card).status_code in (402, 422)
    forged = seen.client(api)
    assert (
        forged.get(
            f"{API}/me", headers={"Authorization": f"Bearer {session['token']}x"}
        ).status_code
        == 401
    )
    # The kitchen's side.
    code = cli.main(
        [
            "create-partner",
            *("--email", "pizza.kitchen@example.com", "--phone", "9000000002"),
            *("--name", "Kitchen", "--restaurant-id", "2", "--password-stdin"),
        ],
        container=command_container(container),
        stdin=io.StringIO(PARTNER_PASSWORD + "\n"),
        out=io.StringIO(),
    )
    assert code == 0
    partner = seen.client(api)
    partner.login("pizza.kitchen@example.com", PARTNER_PASSWORD)
    partner.get(f"{API}/partner/orders")
    partner.post(
        f"{API}/partner/orders/{cod['order_id']}/status",
        json={"order_status": "PREPARING"},
        headers={"Idempotency-Key": new_key()},
    )
    web.get(f"{API}/me")
    web.post(f"{API}/auth/logout")
    customer.post(f"{API}/auth/logout")
    customer.get(f"{API}/me")  # 401 after logout

    hashes = [
        store.users.password_hash(user_id)
        for user_id in (customer.user_id, web.user_id, partner.user_id)
    ]
    assert all(hashes)
    tokens = {customer.token, web.token, partner.token, session["token"]}
    cards = {GOOD_CARD["number"], DECLINED_CARD["number"], bad_card["number"]}
    forbidden_anywhere = [
        *(h for h in hashes if h),
        *cards,
        PASSWORD,
        PARTNER_PASSWORD,
        "password_hash",
        "sha256-test$",
        settings.payments_secret,
        *(key.secret.decode() for key in settings.token_keys),
        '"cvc"',
    ]
    issuing = {f"{API}/auth/signup", f"{API}/auth/login"}
    assert len(seen.responses) > 30
    for response in seen.responses:
        text = response.text
        where = f"{response.request.method} {response.request.url.path} -> {response.status_code}"
        for secret in forbidden_anywhere:
            assert secret not in text, (where, secret)
        for name, value in response.headers.items():
            if name != "set-cookie":
                assert not any(card in value for card in cards), (where, name)
        if response.request.url.path not in issuing:
            # A token is handed out only by signup and login, never echoed anywhere else.
            assert not any(token and token in text for token in tokens), where
        if text.startswith("{"):
            _no_secret_keys(json.loads(text), where)


def _no_secret_keys(value: Any, where: str) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            assert key not in {"password", "password_hash", "number", "cvc", "secret"}, where
            _no_secret_keys(item, where)
    elif isinstance(value, list):
        for item in value:
            _no_secret_keys(item, where)
