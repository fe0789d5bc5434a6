"""What only the HTTP adapter has to get right: signing and failing safe."""

from __future__ import annotations

import pytest

from adapters.ids import SnowflakeIds
from adapters.payments_http import HttpPaymentGateway, sign
from food_core.errors import PaymentUnavailable
from food_core.model import CardDetails, PaymentMode
from food_core.ports import ChargeRequest
from services.devstack.ports import free_port
from services.devstack.server import RunningServer


def test_the_signature_matches_the_shared_test_vector() -> None:
    # Computed independently by node-payments/src/signing.js for the same inputs.
    header = sign(b"whsec_test_vector", 1_700_000_000, "post", "/v1/payments?x=1", b'{"a":1}')
    assert header == (
        "t=1700000000,v1=cf2fff5c7e5e5a86bb4efe812f4ecd8d087df40944af65579d69cf4ff3d4bba6"
    )


def _request(order_id: int) -> ChargeRequest:
    return ChargeRequest(
        order_id=order_id,
        amount=100,
        payment_mode=PaymentMode.CARD,
        idempotency_key=f"k-{order_id}",
        merchant_reference="1",
        card=CardDetails("4242424242424242", 12, 2031, "123"),
    )


def test_a_wrong_secret_is_refused_and_reported_as_unavailable(
    payments_server: RunningServer, order_ids: SnowflakeIds
) -> None:
    client = HttpPaymentGateway(payments_server.url, "not-the-secret")
    with pytest.raises(PaymentUnavailable, match="401"):
        client.charge(_request(order_ids.next_id()))
    client.close()


def test_a_service_that_is_down_is_unavailable_quickly(order_ids: SnowflakeIds) -> None:
    client = HttpPaymentGateway(f"http://127.0.0.1:{free_port()}", "secret", timeout_s=1.0)
    with pytest.raises(PaymentUnavailable):
        client.charge(_request(order_ids.next_id()))
    assert client.ping() is False
    client.close()


def test_the_service_answers_ready(payments_server: RunningServer) -> None:
    client = HttpPaymentGateway(payments_server.url, "any")
    assert client.ping() is True
    client.close()
