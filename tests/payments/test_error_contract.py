"""The payments service's error codes (contracts/payments-errors.json) and what the HTTP
client makes of each: retried, "in progress", a domain error, or an alert for an operator.
node-payments/test/error-codes.test.js holds the service to the same file."""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from adapters.ids import SnowflakeIds
from adapters.payments_http import ALERT, ERRORS, FINAL, IN_PROGRESS, RETRY, HttpPaymentGateway
from food_core.errors import (
    IdempotencyKeyReused,
    InvalidPaymentDetails,
    NotFound,
    OrderAlreadyPaid,
    PaymentUnavailable,
    RequestInProgress,
)
from food_core.model import CardDetails, PaymentMode, PaymentStatus
from food_core.ports import ChargeRequest
from services.devstack.payments import start_payments
from services.devstack.server import RunningServer, ServerStartError
from tests.payments.conftest import SECRET, cannot_start

CONTRACT_FILE = Path(__file__).resolve().parents[2] / "contracts/payments-errors.json"
CONTRACT: list[dict[str, Any]] = json.loads(CONTRACT_FILE.read_text(encoding="utf-8"))["errors"]
BY_CODE = {e["code"]: e for e in CONTRACT}

FINAL_ERRORS: dict[str, type[Exception]] = {
    "payment_not_found": NotFound,
    "order_already_paid": OrderAlreadyPaid,
    "idempotency_key_reused": IdempotencyKeyReused,
    "validation_error": InvalidPaymentDetails,
    "invalid_card": InvalidPaymentDetails,
}


def _charge(order_id: int = 42, key: str = "key-1") -> ChargeRequest:
    return ChargeRequest(
        order_id=order_id,
        amount=100,
        payment_mode=PaymentMode.CARD,
        idempotency_key=key,
        merchant_reference="1",
        card=CardDetails("4242424242424242", 12, 2031, "123"),
    )


def test_the_client_knows_exactly_the_codes_of_the_contract() -> None:
    assert set(ERRORS) == set(BY_CODE)
    assert len(BY_CODE) == len(CONTRACT), "no code twice"


@pytest.mark.parametrize("code", sorted(BY_CODE))
def test_what_the_client_does_with_a_code_follows_its_retryability(code: str) -> None:
    entry = BY_CODE[code]
    if entry["retryable"]:
        expected = RETRY if entry["status"] >= 500 else IN_PROGRESS
    else:
        assert entry["status"] < 500
        expected = FINAL if code in FINAL_ERRORS else ALERT
    assert ERRORS[code] == expected


def _scripted(status: int, code: str) -> tuple[HttpPaymentGateway, list[httpx.Request]]:
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        body = {
            "type": f"urn:food-payments:problem:{code}",
            "title": "x",
            "status": status,
            "detail": f"detail of {code}",
            "code": code,
            "errors": [{"field": "card.number", "message": "is wrong"}],
        }
        return httpx.Response(status, json=body)

    gateway = HttpPaymentGateway(
        "http://payments.test",
        "secret",
        transport=httpx.MockTransport(answer),
        sleep=lambda _: None,
        jitter=lambda: 0.0,
    )
    return gateway, sent


@pytest.mark.parametrize("code", sorted(BY_CODE))
def test_every_code_of_the_contract_is_handled_as_the_contract_says(
    code: str, caplog: pytest.LogCaptureFixture
) -> None:
    entry = BY_CODE[code]
    gateway, sent = _scripted(entry["status"], code)
    caplog.set_level(logging.INFO, logger="adapters.payments_http")
    kind = ERRORS[code]
    expected: type[Exception] = {
        RETRY: PaymentUnavailable,
        IN_PROGRESS: RequestInProgress,
        ALERT: PaymentUnavailable,
    }.get(kind) or FINAL_ERRORS[code]
    with pytest.raises(expected) as raised:
        gateway.charge(_charge())
    gateway.close()
    errors_logged = [r for r in caplog.records if r.levelno >= logging.ERROR]
    if kind == RETRY:
        assert len(sent) == 3, "retried with the same key"
        assert {r.headers["Idempotency-Key"] for r in sent} == {"key-1"}
        assert errors_logged == [], "a retryable 5xx is a warning, not an incident"
    else:
        assert len(sent) == 1, "a 4xx answer is final for this call"
    if kind == IN_PROGRESS:
        assert errors_logged == [], f"{code} is a normal 'retry later' answer"
    if kind == ALERT:
        assert len(errors_logged) == 1 and code in errors_logged[0].getMessage()
        assert code in str(raised.value)
    if kind == FINAL and expected is InvalidPaymentDetails:
        assert getattr(raised.value, "field", None) == "card.number"


@pytest.fixture(scope="module")
def slow_payments(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    """The real service (memory store) whose processor takes 1.5 s per charge."""
    try:
        server = start_payments(
            Path(tmp_path_factory.mktemp("payments-slow")),
            secret=SECRET,
            extra_env={"PAYMENTS_LATENCY_MS": "1500"},
        )
    except ServerStartError as error:
        cannot_start("the payments service", error)
        raise
    with server:
        yield server


def test_payment_in_progress_from_the_service_is_request_in_progress_not_an_error(
    slow_payments: RunningServer, order_ids: SnowflakeIds, caplog: pytest.LogCaptureFixture
) -> None:
    gateway = HttpPaymentGateway(slow_payments.url, SECRET, timeout_s=10.0)
    order_id = order_ids.next_id()
    first: dict[str, Any] = {}
    charging = threading.Thread(
        target=lambda: first.update(paid=gateway.charge(_charge(order_id, f"a-{order_id}")))
    )
    charging.start()
    # Wait (bounded) until the first attempt is recorded and still undecided.
    deadline = time.monotonic() + 5.0
    while not any(
        p.payment_status is PaymentStatus.PENDING for p in gateway.payments_for_order(order_id)
    ):
        assert time.monotonic() < deadline, "the first charge never showed up"
        time.sleep(0.02)
    caplog.set_level(logging.INFO, logger="adapters.payments_http")
    caplog.clear()
    with pytest.raises(RequestInProgress):
        gateway.charge(_charge(order_id, f"b-{order_id}"))
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []
    assert any("payment_in_progress" in r.getMessage() for r in caplog.records)
    charging.join(timeout=10.0)
    assert first["paid"].payment_status is PaymentStatus.SUCCEEDED
    # The key of the refused attempt was released: retried, it learns the order is paid.
    with pytest.raises(OrderAlreadyPaid):
        gateway.charge(_charge(order_id, f"b-{order_id}"))
    gateway.close()
