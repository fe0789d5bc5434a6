"""The payment gateway port over HTTP: the Node.js payments service (DESIGN §7).

Every request is signed (``X-Payments-Signature: t=…,v1=…``, HMAC-SHA256 over
``<t>.<METHOD>.<path and query>.<raw body>``). Charges and refunds carry an
idempotency key, so a request whose answer was lost is simply sent again with the same
key: the service replays the first outcome instead of charging twice.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import urlencode

import httpx

from food_core.errors import (
    IdempotencyKeyReused,
    InvalidPaymentDetails,
    NotFound,
    OrderAlreadyPaid,
    PaymentUnavailable,
    RequestInProgress,
)
from food_core.model import CardSummary, PaymentMode, PaymentStatus
from food_core.ports import ChargeRequest, GatewayPayment

log = logging.getLogger(__name__)

SIGNATURE_HEADER = "X-Payments-Signature"
# Connection failures are retried with the same idempotency key: safe by construction.
_SEND_ATTEMPTS = 3


def sign(secret: bytes, timestamp: int, method: str, path_and_query: str, body: bytes) -> str:
    """The header value for one request."""
    mac = hmac.new(
        secret, f"{timestamp}.{method.upper()}.{path_and_query}.".encode(), hashlib.sha256
    )
    mac.update(body)
    return f"t={timestamp},v1={mac.hexdigest()}"


def _card_body(request: ChargeRequest) -> dict[str, Any] | None:
    card = request.card
    if card is None:
        return None
    body: dict[str, Any] = {
        "number": card.number,
        "exp_month": card.exp_month,
        "exp_year": card.exp_year,
        "cvc": card.cvc,
    }
    if card.name:
        body["name"] = card.name
    return body


def _to_gateway_payment(data: Mapping[str, Any]) -> GatewayPayment:
    card = data.get("card")
    return GatewayPayment(
        reference=str(data["payment_id"]),
        order_id=int(data["order_id"]),
        amount=int(data["amount"]),
        payment_mode=PaymentMode(data["payment_mode"]),
        payment_status=PaymentStatus(data["payment_status"]),
        merchant_reference=data.get("merchant_reference"),
        failure_code=data.get("failure_code"),
        card=CardSummary(card["brand"], card["last4"]) if card else None,
    )


class HttpPaymentGateway:
    def __init__(
        self,
        base_url: str,
        secret: str,
        *,
        timeout_s: float = 5.0,
        connect_timeout_s: float = 1.0,
        request_id: Callable[[], str | None] = lambda: None,
        transport: httpx.BaseTransport | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if not secret:
            raise ValueError("the payments HMAC secret must not be empty")
        self._secret = secret.encode()
        self._request_id = request_id
        self._clock = clock
        self._client = httpx.Client(
            base_url=base_url.rstrip("/"),
            timeout=httpx.Timeout(timeout_s, connect=connect_timeout_s),
            transport=transport,
            headers={"Accept": "application/json"},
        )

    def close(self) -> None:
        self._client.close()

    def ping(self) -> bool:
        try:
            return self._client.get("/readyz").status_code == 200
        except httpx.HTTPError:
            return False

    # --- the port ------------------------------------------------------------------

    def charge(self, request: ChargeRequest) -> GatewayPayment:
        body: dict[str, Any] = {
            "order_id": request.order_id,
            "amount": request.amount,
            "currency": request.currency,
            "payment_mode": request.payment_mode.value,
            "merchant_reference": request.merchant_reference,
        }
        card = _card_body(request)
        if card is not None:
            body["card"] = card
        if request.upi is not None:
            body["upi"] = {"vpa": request.upi.vpa}
        response = self._send("POST", "/v1/payments", body, request.idempotency_key)
        return _to_gateway_payment(response)

    def payments_for_order(self, order_id: int) -> list[GatewayPayment]:
        path = "/v1/payments?" + urlencode({"order_id": str(order_id)})
        response = self._send("GET", path, None, None)
        return [_to_gateway_payment(p) for p in response["payments"]]

    def refund(self, reference: str, idempotency_key: str) -> GatewayPayment:
        response = self._send("POST", f"/v1/payments/{reference}/refunds", {}, idempotency_key)
        return _to_gateway_payment(response)

    # --- transport -------------------------------------------------------------------

    def _send(
        self, method: str, path: str, body: dict[str, Any] | None, key: str | None
    ) -> dict[str, Any]:
        raw = b"" if body is None else json.dumps(body, separators=(",", ":")).encode()
        last_error: Exception | None = None
        for _ in range(_SEND_ATTEMPTS):
            headers = {SIGNATURE_HEADER: sign(self._secret, int(self._clock()), method, path, raw)}
            if body is not None:
                headers["Content-Type"] = "application/json"
            if key is not None:
                headers["Idempotency-Key"] = key
            request_id = self._request_id()
            if request_id:
                headers["X-Request-ID"] = request_id
            try:
                response = self._client.request(method, path, content=raw, headers=headers)
            except (httpx.ConnectError, httpx.ConnectTimeout) as error:
                last_error = error  # nothing reached the service: try again
                continue
            except httpx.HTTPError as error:
                # Sent but unanswered: the outcome is unknown. Repeating a keyed request
                # is safe; an unkeyed read is too.
                last_error = error
                continue
            return self._read(response)
        raise PaymentUnavailable(
            f"the payment service did not answer ({type(last_error).__name__})"
        )

    def _read(self, response: httpx.Response) -> dict[str, Any]:
        try:
            data = response.json()
        except ValueError:
            data = {}
        if response.status_code < 300 and isinstance(data, dict):
            return data
        code = data.get("code") if isinstance(data, dict) else None
        detail = data.get("detail", "") if isinstance(data, dict) else ""
        status = response.status_code
        if status == 404:
            raise NotFound(detail or "payment not found", field="payment_id")
        if code == "idempotency_key_reused":
            raise IdempotencyKeyReused(detail, field="Idempotency-Key")
        if code == "request_in_progress":
            raise RequestInProgress(detail or "the payment is still being processed")
        if code == "order_already_paid":
            raise OrderAlreadyPaid(detail or "the order is already paid", field="order_id")
        if status in (400, 422):
            errors = data.get("errors") or [{}]
            field = errors[0].get("field") if isinstance(errors[0], dict) else None
            raise InvalidPaymentDetails(detail or "the payment details are invalid", field=field)
        # 401 (misconfigured secret), 5xx, anything else: the caller cannot tell what
        # happened; an operator must look. The outcome is treated as unknown.
        log.error("payments service answered %s (%s)", status, code)
        raise PaymentUnavailable(f"the payment service answered {status}")
