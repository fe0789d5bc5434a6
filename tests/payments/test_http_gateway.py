"""What only the HTTP adapter has to get right: signing and failing safe."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

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


VECTORS_FILE = Path(__file__).resolve().parents[2] / "contracts/payments-signing-vectors.json"
VECTORS: list[dict[str, Any]] = json.loads(VECTORS_FILE.read_text(encoding="utf-8"))


@pytest.mark.parametrize("vector", VECTORS, ids=[v["name"] for v in VECTORS])
def test_every_shared_signing_vector(vector: dict[str, Any]) -> None:
    # node-payments/test/signing.test.js checks the same file against src/signing.js.
    header = sign(
        vector["secret"].encode(),
        vector["t"],
        vector["method"],
        vector["path_and_query"],
        vector["body"].encode(),
    )
    assert header == f"t={vector['t']},v1={vector['expected']}"


def test_the_shared_vectors_cover_the_known_cases() -> None:
    assert len(VECTORS) >= 8
    expected = {v["expected"] for v in VECTORS}
    assert "cf2fff5c7e5e5a86bb4efe812f4ecd8d087df40944af65579d69cf4ff3d4bba6" in expected
    assert "b77d812d84a84e33ecd3490459fbbc62363f4f193631a21415ada547a673ad92" in expected
    assert any(v["body"] == "" for v in VECTORS)
    assert any(not v["body"].isascii() for v in VECTORS)
    assert any(v["method"] == "GET" and "&" in v["path_and_query"] for v in VECTORS)


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
