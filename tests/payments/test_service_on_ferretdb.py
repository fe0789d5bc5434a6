"""The real payments service on FerretDB: what the parametrized contract suite cannot say.

Signature checks with raw HTTP, 20 concurrent charges under one key, and the service going
away mid-checkout and coming back: the core's pay flow then charges exactly once.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import attrs
import httpx
import pytest

from adapters.ids import SnowflakeIds
from adapters.payments_http import (
    SIGNATURE_HEADER,
    CircuitBreaker,
    HttpPaymentGateway,
    new_nonce,
    sign,
)
from food_core.errors import PaymentUnavailable, RequestInProgress
from food_core.model import CardDetails, OrderStatus, PaymentMode, PaymentStatus
from food_core.ports import ChargeRequest, GatewayPayment
from food_core.usecases import get_order, pay_order, place_order, set_cart_quantity
from services.devstack.payments import start_payments
from services.devstack.ports import free_port
from services.devstack.server import RunningServer, ServerStartError
from tests.builders import GOOD_CARD, make_world
from tests.payments.conftest import SECRET, cannot_start


def _body(order_id: int) -> bytes:
    return json.dumps(
        {
            "order_id": order_id,
            "amount": 100,
            "currency": "INR",
            "payment_mode": "CARD",
            "card": {"number": "4242424242424242", "exp_month": 12, "exp_year": 2031, "cvc": "1"},
        },
        separators=(",", ":"),
    ).encode()


@pytest.fixture
def raw(payments_ferretdb_server: RunningServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=payments_ferretdb_server.url, timeout=3.0) as client:
        yield client


def _key() -> str:
    return f"raw-{time.time_ns()}"


def _signed(
    body: bytes, key: str | None, *, t: int | None = None, path: str = "/v1/payments"
) -> str:
    stamp = int(time.time()) if t is None else t
    method = "POST" if body else "GET"
    return sign(SECRET.encode(), stamp, new_nonce(), method, path, key, body)


def _post(
    client: httpx.Client, body: bytes, signature: str | None, key: str | None = None
) -> httpx.Response:
    headers = {"Content-Type": "application/json", "Idempotency-Key": key or _key()}
    if signature is not None:
        headers[SIGNATURE_HEADER] = signature
    return client.post("/v1/payments", content=body, headers=headers)


def test_a_correctly_signed_raw_request_is_accepted(
    raw: httpx.Client, order_ids: SnowflakeIds
) -> None:
    body = _body(order_ids.next_id()).replace(b'"cvc":"1"', b'"cvc":"123"')
    key = _key()
    response = _post(raw, body, _signed(body, key), key)
    assert response.status_code == 201, response.text


def test_an_unsigned_request_is_refused(raw: httpx.Client, order_ids: SnowflakeIds) -> None:
    response = _post(raw, _body(order_ids.next_id()), None)
    assert response.status_code == 401


def test_a_stale_timestamp_is_refused(raw: httpx.Client, order_ids: SnowflakeIds) -> None:
    body = _body(order_ids.next_id())
    key = _key()
    response = _post(raw, body, _signed(body, key, t=int(time.time()) - 301), key)
    assert response.status_code == 401


def test_a_tampered_body_is_refused(raw: httpx.Client, order_ids: SnowflakeIds) -> None:
    order_id = order_ids.next_id()
    body = _body(order_id)
    key = _key()
    response = _post(raw, body.replace(b'"amount":100', b'"amount":1'), _signed(body, key), key)
    assert response.status_code == 401
    assert _payments_of(raw, order_id) == []


def _payments_of(client: httpx.Client, order_id: int) -> list[dict[str, object]]:
    path = f"/v1/payments?order_id={order_id}"
    response = client.get(path, headers={SIGNATURE_HEADER: _signed(b"", None, path=path)})
    assert response.status_code == 200, response.text
    payments: list[dict[str, object]] = response.json()["payments"]
    return payments


def test_a_captured_charge_under_a_new_key_is_refused(
    raw: httpx.Client, order_ids: SnowflakeIds
) -> None:
    # Issue 12 item 7: the key is signed, so swapping it breaks the signature.
    order_id = order_ids.next_id()
    body = _body(order_id).replace(b'"cvc":"1"', b'"cvc":"123"')
    key = _key()
    signature = _signed(body, key)
    assert _post(raw, body, signature, key).status_code == 201
    for i in range(3):
        response = _post(raw, body, signature, f"{key}-attacker-{i}")
        assert response.status_code == 401
        assert response.json()["code"] == "invalid_signature"
    assert len(_payments_of(raw, order_id)) == 1


def test_a_replayed_signature_is_refused_by_every_instance(
    raw: httpx.Client,
    order_ids: SnowflakeIds,
    tmp_path: Path,
    payments_mongodb_url: str,
) -> None:
    # The replay cache lives in the shared store: a second instance refuses it too.
    order_id = order_ids.next_id()
    path = f"/v1/payments?order_id={order_id}"
    signature = _signed(b"", None, path=path)
    assert raw.get(path, headers={SIGNATURE_HEADER: signature}).status_code == 200
    again = raw.get(path, headers={SIGNATURE_HEADER: signature})
    assert (again.status_code, again.json()["code"]) == (401, "signature_replayed")
    with (
        _start(tmp_path / "other", free_port(), payments_mongodb_url) as other,
        httpx.Client(base_url=other.url, timeout=3.0) as client,
    ):
        elsewhere = client.get(path, headers={SIGNATURE_HEADER: signature})
        assert (elsewhere.status_code, elsewhere.json()["code"]) == (401, "signature_replayed")
        fresh = client.get(path, headers={SIGNATURE_HEADER: _signed(b"", None, path=path)})
        assert fresh.status_code == 200


def test_twenty_concurrent_charges_with_one_key_charge_once(
    payments_ferretdb_server: RunningServer, order_ids: SnowflakeIds
) -> None:
    order_id = order_ids.next_id()
    request = ChargeRequest(
        order_id=order_id,
        amount=45_000,
        payment_mode=PaymentMode.CARD,
        idempotency_key=f"same-{order_id}",
        merchant_reference="1",
        card=CardDetails("4242424242424242", 12, 2031, "123"),
    )
    gateway = HttpPaymentGateway(payments_ferretdb_server.url, SECRET)

    def charge(_: int) -> GatewayPayment | str:
        try:
            return gateway.charge(request)
        except RequestInProgress:
            return "in progress"

    with ThreadPoolExecutor(max_workers=20) as pool:
        outcomes = list(pool.map(charge, range(20)))
    paid = [o for o in outcomes if isinstance(o, GatewayPayment)]
    assert paid, outcomes
    assert {p.reference for p in paid} == {paid[0].reference}
    assert all(o == "in progress" for o in outcomes if not isinstance(o, GatewayPayment))
    listed = gateway.payments_for_order(order_id)
    assert [(p.reference, p.payment_status) for p in listed] == [
        (paid[0].reference, PaymentStatus.SUCCEEDED)
    ]
    gateway.close()


def _start(state_dir: Path, port: int, mongodb_url: str) -> RunningServer:
    try:
        return start_payments(state_dir, secret=SECRET, port=port, mongodb_url=mongodb_url)
    except ServerStartError as error:
        cannot_start("the payments service on FerretDB", error)
        raise


def test_the_service_down_then_up_charges_the_order_exactly_once(
    tmp_path: Path, payments_mongodb_url: str
) -> None:
    port = free_port()
    server = _start(tmp_path / "first", port, payments_mongodb_url)
    cool_down = 1.0
    gateway = HttpPaymentGateway(server.url, SECRET, reset_timeout_s=cool_down)
    world = make_world(worker_id=9)
    ports = attrs.evolve(world.ports, gateway=gateway)
    user = world.customer()
    set_cart_quantity(ports, user.user_id, 11, 2)
    order = place_order(
        ports,
        user.user_id,
        idempotency_key="place-down-up",
        address_id=world.address(user).address_id,
        payment_mode=PaymentMode.CARD,
    ).order
    server.stop()

    started = time.monotonic()
    with pytest.raises(PaymentUnavailable):
        pay_order(
            ports,
            user.user_id,
            order.order_id,
            idempotency_key="pay-down-up",
            payment_mode=PaymentMode.CARD,
            card=GOOD_CARD,
        )
    assert time.monotonic() - started < 3.0, "fails fast: refused connections, short back-off"
    assert get_order(ports, user.user_id, order.order_id).order_status is (
        OrderStatus.PENDING_PAYMENT
    )

    # The failed charge (3 attempts) and get_order's reconciling read (2 more) opened the
    # circuit: while it is open nothing is sent, even once the service is back.
    assert gateway.breaker.state == CircuitBreaker.OPEN
    opened = time.monotonic()

    with _start(tmp_path / "second", port, payments_mongodb_url):
        if gateway.breaker.state == CircuitBreaker.OPEN:
            with pytest.raises(PaymentUnavailable, match="circuit open"):
                gateway.payments_for_order(order.order_id)
        time.sleep(max(0.0, cool_down - (time.monotonic() - opened)))
        # After the cool-down the retry with the same key is the half-open probe.
        result = pay_order(
            ports,
            user.user_id,
            order.order_id,
            idempotency_key="pay-down-up",
            payment_mode=PaymentMode.CARD,
            card=GOOD_CARD,
        )
        assert result.order.order_status is OrderStatus.CONFIRMED
        listed = gateway.payments_for_order(order.order_id)
        assert [p.payment_status for p in listed] == [PaymentStatus.SUCCEEDED]
        assert listed[0].reference == result.payment.gateway_reference
        assert gateway.breaker.state == CircuitBreaker.CLOSED
        assert get_order(ports, user.user_id, order.order_id).order_status is (
            OrderStatus.CONFIRMED
        )
    gateway.close()
