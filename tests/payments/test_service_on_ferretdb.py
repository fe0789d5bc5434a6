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
from adapters.payments_http import SIGNATURE_HEADER, CircuitBreaker, HttpPaymentGateway, sign
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


def _post(client: httpx.Client, body: bytes, signature: str | None) -> httpx.Response:
    headers = {"Content-Type": "application/json", "Idempotency-Key": f"raw-{time.time_ns()}"}
    if signature is not None:
        headers[SIGNATURE_HEADER] = signature
    return client.post("/v1/payments", content=body, headers=headers)


def test_a_correctly_signed_raw_request_is_accepted(
    raw: httpx.Client, order_ids: SnowflakeIds
) -> None:
    body = _body(order_ids.next_id()).replace(b'"cvc":"1"', b'"cvc":"123"')
    now = int(time.time())
    response = _post(raw, body, sign(SECRET.encode(), now, "POST", "/v1/payments", body))
    assert response.status_code == 201, response.text


def test_an_unsigned_request_is_refused(raw: httpx.Client, order_ids: SnowflakeIds) -> None:
    response = _post(raw, _body(order_ids.next_id()), None)
    assert response.status_code == 401


def test_a_stale_timestamp_is_refused(raw: httpx.Client, order_ids: SnowflakeIds) -> None:
    body = _body(order_ids.next_id())
    stale = int(time.time()) - 301
    response = _post(raw, body, sign(SECRET.encode(), stale, "POST", "/v1/payments", body))
    assert response.status_code == 401


def test_a_tampered_body_is_refused(raw: httpx.Client, order_ids: SnowflakeIds) -> None:
    order_id = order_ids.next_id()
    body = _body(order_id)
    signature = sign(SECRET.encode(), int(time.time()), "POST", "/v1/payments", body)
    response = _post(raw, body.replace(b'"amount":100', b'"amount":1'), signature)
    assert response.status_code == 401
    assert raw.get(
        f"/v1/payments?order_id={order_id}",
        headers={
            SIGNATURE_HEADER: sign(
                SECRET.encode(), int(time.time()), "GET", f"/v1/payments?order_id={order_id}", b""
            )
        },
    ).json() == {"payments": []}


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
