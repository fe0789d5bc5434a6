"""The OpenAPI document says what the API does, on the real stack: ``schemathesis run``
over every operation through Traefik (both replicas, payments, FerretDB), with every
check and its coverage, fuzzing and stateful phases, signed in, must find 0 failures.

The customer is signed up with a Bearer token (no CSRF needed); the partner operations
run as the seeded partner, the rider operations as a seeded rider of its city. Before
the run the test seeds what the cases can reach — an address, a dish in the cart, orders
of the partner's restaurant, search cursors — and hands the ids to schemathesis as
dictionaries (openapi_conformance.toml). Left out, each for its reason:
:data:`EXCLUDED`. The operator endpoints, which Traefik hides, run against a replica
directly. The run is bounded by :data:`MAX_TIME_S` (fuzzing and stateful testing repeat
until it is spent), so the test takes about two minutes with the stack's start.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from services.stack import Stack, StackConfig
from services.stack.seed import PARTNER_EMAIL, rider_email
from tests.system import conformance_hooks as hooks
from tests.system.conftest import TEST_AUTH_RATE, run_stack
from tests.system.journeys import Customer, plainly_orderable

SCHEMA_PATH = "/api/v1/openapi.json"
CONFIG = Path(__file__).with_name("openapi_conformance.toml")
REPO = Path(__file__).resolve().parents[2]
MAX_TIME_S = 100  # the run through Traefik; the operator endpoints' takes a few seconds

# Operations the run leaves out, and why. Signup and login stay: they start other
# sessions (cookies the run's HTTP session keeps) but never end this one, and the Bearer
# token every case carries wins over a cookie.
EXCLUDED = {
    "logout": (
        "it revokes the token every case is sent with (customer or partner), so every "
        "later case would be a 401; tests/integration/test_sessions.py and "
        "test_revocations.py cover it"
    ),
}
# Traefik answers 404 for these on the web entry point (operators only, see
# traefik/dynamic.yml.tmpl), so through it they would fail as undocumented 404s: they
# run against a replica directly instead.
OPERATOR_ONLY = ("metrics", "readyz")

# 422 answers to schema-valid data that depend on state the request cannot show, by
# operation: a problem code, or code:field (the check refusals_of_valid_data in
# conformance_hooks.py holds a 422 on these operations to exactly these).
KEY_REUSED = "idempotency_key_reused"  # the key was already used for another request
REFUSALS: dict[str, list[str]] = {
    "signup": [KEY_REUSED],
    # the address book holds 20 addresses already
    "addAddress": [KEY_REUSED, "validation_failed:address"],
    "cancelOrder": [KEY_REUSED],
    "setPartnerOrderStatus": [KEY_REUSED],
    "acceptPartnerOrder": [KEY_REUSED],
    "rejectPartnerOrder": [KEY_REUSED],
    "markPartnerOrderReady": [KEY_REUSED],
    "editPartnerDish": [KEY_REUSED],
    "pickUpRiderOrder": [KEY_REUSED],
    # a cash-on-delivery order is delivered only with cash_collected=true
    "deliverRiderOrder": [KEY_REUSED, "cash_not_collected"],
    # the cart's other dishes count towards its 50 units; a dish with a required choice
    # (its option groups are in the menu, not the request) has no line without options
    "setCartItem": ["cart_too_large", "options_invalid"],
    "setCartLine": ["cart_too_large"],
    # ids that are no valid choice for that dish (its groups are in the menu, not the
    # request); the line's quantity so far counts towards its 20
    "addCartLine": [KEY_REUSED, "options_invalid", "cart_too_large", "quantity_out_of_range"],
    # the customer has 100 favourites already
    "saveFavourite": ["validation_failed:restaurant_id"],
    "reorder": [KEY_REUSED],
    # the address is in a city the cart's restaurant does not deliver to; the cart's
    # coupon no longer applies to it
    "placeOrder": [KEY_REUSED, "address_not_serviceable", "coupon_invalid"],
    # a well-formed code the catalog has no coupon for, or one that does not apply here
    "applyCartCoupon": ["coupon_invalid"],
    # a card number failing Luhn, an expired card, a CVC of the wrong length for the brand
    "payOrder": [KEY_REUSED, "invalid_payment_details"],
    # a cursor the server did not sign (or signed for another sort): it is opaque
    "searchRestaurants": ["validation_failed:cursor"],
}
POSITIVE_STATUSES = ["2xx", "3xx", "401", "403", "404", "409", "422", "429", "5xx"]


@pytest.fixture(scope="module")
def conformance_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """A stack of its own: the run fills its store and trips the login throttle of
    127.0.0.1, which the other system tests must not inherit. Event streams end after
    2 s so that schemathesis reads each one whole."""
    config = StackConfig.on_free_ports(
        Path(tmp_path_factory.mktemp("conformance-stack")),
        auth_rate=TEST_AUTH_RATE,
        extra_api_env={"FOOD_SSE_MAX_S": "2", "FOOD_SSE_HEARTBEAT_S": "0.5"},
    )
    yield from run_stack(config)


def seed(
    client: httpx.Client, partner_password: str
) -> tuple[dict[str, str], dict[str, list[object]]]:
    """Sign in the three accounts and make what the cases can reach; (tokens, dictionaries)."""
    customer = Customer(client)
    partner = client.post(
        "/api/v1/auth/login",
        json={"email": PARTNER_EMAIL, "password": partner_password, "bearer": True},
    )
    assert partner.status_code == 200, partner.text
    restaurant_id = partner.json()["user"]["restaurant_id"]
    restaurant = client.get(f"/api/v1/restaurants/{restaurant_id}").json()
    rider = client.post(
        "/api/v1/auth/login",
        json={
            "email": rider_email(restaurant["city"]["pincode"], 1),
            "password": partner_password,
            "bearer": True,
        },
    )
    assert rider.status_code == 200, rider.text
    dishes = [item["food_id"] for item in restaurant["menu"] if plainly_orderable(item)]
    address_id = customer.add_address(restaurant["city"])  # where it delivers
    orders = []
    for mode in ("CARD", "COD", "UPI"):  # a CONFIRMED order, two waiting for payment
        assert customer.put(f"/api/v1/cart/items/{dishes[0]}", {"quantity": 1}).status_code == 200
        placed = customer.post(
            "/api/v1/orders",
            {"address_id": address_id, "payment_mode": mode},
            str(uuid.uuid4()),
        )
        assert placed.status_code == 201, placed.text
        orders.append(placed.json()["order_id"])
    # A filled cart, so that placing an order can succeed.
    assert customer.put(f"/api/v1/cart/items/{dishes[1]}", {"quantity": 2}).status_code == 200
    cursors = []
    for sort in ("rating", "name", "delivery_time", "cost"):
        page = customer.get(
            f"/api/v1/cities/{customer.pincode}/restaurants", sort=sort, limit=1
        ).json()
        cursors.append(page["next_cursor"])
    cities = client.get("/api/v1/cities").json()["cities"]
    tokens = {
        hooks.CUSTOMER_TOKEN: customer.headers["Authorization"].removeprefix("Bearer "),
        hooks.PARTNER_TOKEN: partner.json()["token"],
        hooks.RIDER_TOKEN: rider.json()["token"],
    }
    dictionaries: dict[str, list[object]] = {
        "order_ids": orders,
        "address_ids": [address_id, customer.address_id],
        "food_ids": dishes,
        "restaurant_ids": [restaurant_id],
        "pincodes": [city["pincode"] for city in cities],
        "cursors": [c for c in cursors if c],
    }
    return tokens, dictionaries


def _config(path: Path, dictionaries: dict[str, list[object]]) -> Path:
    """openapi_conformance.toml with the seeded dictionaries and the accepted refusals."""
    lines = [CONFIG.read_text(), "", "[dictionaries]"]
    lines += [
        f"{name} = {{ values = {json.dumps(values)} }}" for name, values in dictionaries.items()
    ]
    lines += [
        "",
        "[[operations]]",
        f"include-operation-id = {json.dumps(sorted(REFUSALS))}",
        "checks = { positive_data_acceptance = { expected-statuses = "
        f"{json.dumps(POSITIVE_STATUSES)} }} }}",
    ]
    path.write_text("\n".join(lines) + "\n")
    return path


def _schemathesis(
    config: Path, url: str, env: dict[str, str], *options: str
) -> subprocess.CompletedProcess[str]:
    command = [
        str(Path(sys.executable).with_name("schemathesis")),
        "--config-file",
        str(config),
        "--no-color",
        "run",
        url + SCHEMA_PATH,
        *options,
    ]
    print("$", " ".join(command))
    return subprocess.run(
        command,
        env=os.environ | env | {"SCHEMATHESIS_HOOKS": hooks.__name__, "PYTHONPATH": str(REPO)},
        cwd=config.parent,  # anything schemathesis writes stays in the test's tmp_path
        capture_output=True,
        text=True,
        timeout=MAX_TIME_S + 120,
        check=False,
    )


def _summary(output: str) -> str:
    marker = output.rfind("=== SUMMARY ===")
    start = output.rfind("\n", 0, marker) + 1 if marker >= 0 else 0
    return output[start:]


def test_schemathesis_finds_nothing_against_the_stack(
    conformance_stack: Stack, tmp_path: Path
) -> None:
    stack = conformance_stack
    assert stack.secrets is not None
    with httpx.Client(base_url=stack.config.web_url, timeout=10.0) as client:
        tokens, dictionaries = seed(client, stack.secrets.demo_password)
    config = _config(tmp_path / "schemathesis.toml", dictionaries)
    env = tokens | {hooks.REFUSALS: json.dumps(REFUSALS)}

    for operation, why in EXCLUDED.items():
        print(f"left out: {operation}: {why}")
    excluded = [*EXCLUDED, *OPERATOR_ONLY]
    edge = _schemathesis(
        config,
        stack.config.web_url,
        env,
        f"--max-time={MAX_TIME_S}",
        *(f"--exclude-operation-id={operation}" for operation in excluded),
    )
    operators = _schemathesis(
        config,
        stack.config.api_url(0),
        env,
        *(f"--include-operation-id={operation}" for operation in OPERATOR_ONLY),
    )
    for name, run in (("through Traefik", edge), ("operator endpoints, on a replica", operators)):
        summary = _summary(run.stdout)
        print(f"--- schemathesis {name} ---\n{summary}")
        verdict = summary.strip().splitlines()[-1] if summary.strip() else ""
        assert run.returncode == 0, run.stdout + run.stderr
        assert "failure" not in verdict and "error" not in verdict, run.stdout
