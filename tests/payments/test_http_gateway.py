"""What only the HTTP adapter has to get right: signing and failing safe."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import httpx
import pytest

from adapters.ids import SnowflakeIds
from adapters.payments_http import HttpPaymentGateway, new_nonce, sign
from food_core.errors import PaymentUnavailable
from food_core.model import CardDetails, PaymentMode
from food_core.ports import ChargeRequest
from services.devstack.ports import free_port
from services.devstack.server import RunningServer

VECTORS_FILE = Path(__file__).resolve().parents[2] / "contracts/payments-signing-vectors.json"
VECTORS: list[dict[str, Any]] = json.loads(VECTORS_FILE.read_text(encoding="utf-8"))["vectors"]


def test_the_signature_matches_the_readme_worked_example() -> None:
    # node-payments/README.md "Request signing (v2)", computed by node-payments/src/signing.js.
    body = (
        b'{"order_id":42,"amount":49900,"currency":"INR",'
        b'"payment_mode":"UPI","upi":{"vpa":"asha@okhdfc"}}'
    )
    header = sign(
        b"whsec_test_secret",
        1_700_000_000,
        "n0nce-README-00001",
        "POST",
        "/v1/payments",
        "order-42-pay-1",
        body,
    )
    assert header == (
        "t=1700000000,n=n0nce-README-00001,"
        "v2=55baba8ffb991ee0c7bc4305ebcddd16cd6c03a56c2059d0d83cbea5a16ec4dc"
    )


@pytest.mark.parametrize("vector", VECTORS, ids=[v["name"] for v in VECTORS])
def test_every_shared_signing_vector(vector: dict[str, Any]) -> None:
    # node-payments/test/signing.test.js checks the same file against src/signing.js.
    header = sign(
        vector["secret"].encode(),
        vector["t"],
        vector["nonce"],
        vector["method"],
        vector["path_and_query"],
        vector["idempotency_key"] or None,
        vector["body"].encode(),
    )
    assert header == vector["header"]
    assert header == f"t={vector['t']},n={vector['nonce']},v2={vector['expected']}"


def test_the_shared_vectors_show_the_key_and_the_nonce_are_signed() -> None:
    assert len(VECTORS) >= 8
    assert any(v["body"] == "" and v["idempotency_key"] == "" for v in VECTORS)
    assert any(not v["body"].isascii() for v in VECTORS)
    assert any(v["method"] == "GET" and "&" in v["path_and_query"] for v in VECTORS)
    by_request: dict[tuple[str, int, str, str, str], list[dict[str, Any]]] = {}
    for v in VECTORS:
        request = (v["secret"], v["t"], v["method"], v["path_and_query"], v["body"])
        by_request.setdefault(request, []).append(v)
    group = max(by_request.values(), key=len)
    assert len({(v["idempotency_key"], v["nonce"]) for v in group}) == len(group) >= 3
    assert len({v["expected"] for v in group}) == len(group), "each key and nonce signs apart"


def test_every_attempt_is_signed_with_a_new_nonce_and_covers_the_key() -> None:
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        if len(sent) < 3:
            return httpx.Response(503, json={"code": "processor_unavailable"})
        return httpx.Response(201, json=_payment_json())

    nonces = iter(["nonce-aaaaaaaaaaaaaaaa", "nonce-bbbbbbbbbbbbbbbb", "nonce-cccccccccccccccc"])
    client = HttpPaymentGateway(
        "http://payments.test",
        "secret",
        transport=httpx.MockTransport(answer),
        clock=lambda: 1_700_000_000.0,
        sleep=lambda _: None,
        nonce=lambda: next(nonces),
    )
    client.charge(_request(42))
    client.close()
    signatures = [r.headers["X-Payments-Signature"] for r in sent]
    assert len(set(signatures)) == 3, "same second, same request: still three signatures"
    for request, nonce in zip(sent, ["aaaa", "bbbb", "cccc"], strict=True):
        expected = sign(
            b"secret",
            1_700_000_000,
            f"nonce-{nonce * 4}",
            "POST",
            "/v1/payments",
            "k-42",
            request.content,
        )
        assert request.headers["X-Payments-Signature"] == expected
        assert request.headers["Idempotency-Key"] == "k-42"


def test_nonces_are_random_and_of_the_accepted_shape() -> None:
    nonces = {new_nonce() for _ in range(100)}
    assert len(nonces) == 100
    assert all(re.fullmatch(r"[A-Za-z0-9_-]{16,64}", n) for n in nonces)


def _payment_json() -> dict[str, object]:
    return {
        "payment_id": "pay_1",
        "order_id": 42,
        "amount": 100,
        "currency": "INR",
        "payment_mode": "CARD",
        "payment_status": "SUCCEEDED",
    }


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
