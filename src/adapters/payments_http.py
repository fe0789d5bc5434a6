"""The payment gateway port over HTTP: the Node.js payments service (docs/design.md §7).

Every request is signed (``X-Payments-Signature: t=…,n=…,v2=…``, HMAC-SHA256 over
``<t>\n<nonce>\n<METHOD>\n<path and query>\n<Idempotency-Key>\n<raw body>``; the shared
vectors are ``contracts/payments-signing-vectors.json``). The idempotency key is signed, and
every attempt gets a new nonce: the service refuses a signature it has seen before.
Charges and refunds carry an idempotency key, so a request whose answer was lost is simply
sent again (re-signed) with the same key: the service replays the first outcome instead of
charging twice.

Failing safe and fast:

- every call has a total budget (``timeout_s``, default 3 s, retries and back-off
  included) and a connect timeout (``connect_timeout_s``, default 1 s);
- transport errors and 5xx answers are retried (``max_attempts``, default 3) after an
  exponential back-off with full jitter, always with the SAME idempotency key; 4xx
  answers are final and never retried;
- a circuit breaker opens after ``failure_threshold`` consecutive failed attempts
  (default 5); while open, calls fail at once with ``PaymentUnavailable``; after
  ``reset_timeout_s`` one half-open probe is let through, and its success closes it.

Declines are results (FAILED with their ``failure_code``); an unknown outcome is
``PaymentUnavailable``, which the core settles later by asking for the order's payments.
The service's error codes are the contract ``contracts/payments-errors.json``; ``ERRORS``
below maps each one to what the core is told (``tests/payments/test_error_contract.py``
holds the two together). "In progress" answers (``request_in_progress``,
``payment_in_progress``) are ``RequestInProgress``: retry later, nothing to alert on.
Time, sleeping and randomness are injectable, so all of this is tested deterministically.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import random
import secrets
import threading
import time
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import urlencode

import httpx

from adapters.backoff import doubling
from food_core.errors import (
    DomainError,
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
DEFAULT_TIMEOUT_S = 3.0
DEFAULT_CONNECT_TIMEOUT_S = 1.0
DEFAULT_MAX_ATTEMPTS = 3
DEFAULT_BACKOFF_BASE_S = 0.1
DEFAULT_BACKOFF_MAX_S = 1.0
DEFAULT_FAILURE_THRESHOLD = 5
DEFAULT_RESET_TIMEOUT_S = 10.0


def sign(
    secret: bytes,
    timestamp: int,
    nonce: str,
    method: str,
    path_and_query: str,
    idempotency_key: str | None,
    body: bytes,
) -> str:
    """The ``X-Payments-Signature`` value (scheme v2) for one request."""
    message = f"{timestamp}\n{nonce}\n{method.upper()}\n{path_and_query}\n{idempotency_key or ''}\n"
    mac = hmac.new(secret, message.encode(), hashlib.sha256)
    mac.update(body)
    return f"t={timestamp},n={nonce},v2={mac.hexdigest()}"


def new_nonce() -> str:
    """16 random bytes, base64url: 22 characters of ``[A-Za-z0-9_-]``."""
    return secrets.token_urlsafe(16)


# What each error code of the payments service (contracts/payments-errors.json) becomes.
# ``retry`` codes: 5xx, retried here with the same key, then ``PaymentUnavailable``.
# ``in_progress``: ``RequestInProgress`` (ask again later). ``final``: a domain error for
# the core. ``alert``: this client or its configuration is wrong (or the gateway and the
# core disagree): ``PaymentUnavailable`` (outcome unknown), logged at ERROR for an operator.
RETRY = "retry"
IN_PROGRESS = "in_progress"
FINAL = "final"
ALERT = "alert"
ERRORS: dict[str, str] = {
    "bad_request": ALERT,
    "malformed_json": ALERT,
    "idempotency_key_required": ALERT,
    "invalid_idempotency_key": ALERT,
    "invalid_signature": ALERT,
    "signature_replayed": ALERT,
    "not_found": ALERT,
    "payment_not_found": FINAL,
    "method_not_allowed": ALERT,
    "request_in_progress": IN_PROGRESS,
    "payment_in_progress": IN_PROGRESS,
    "order_already_paid": FINAL,
    "payment_not_refundable": ALERT,
    "payload_too_large": ALERT,
    "unsupported_media_type": ALERT,
    "validation_error": FINAL,
    "invalid_card": FINAL,
    "idempotency_key_reused": FINAL,
    "internal_error": RETRY,
    "processor_unavailable": RETRY,
    "store_unavailable": RETRY,
    "shutting_down": RETRY,
}


def _final_error(code: str, detail: str, field: str | None) -> DomainError:
    if code == "payment_not_found":
        return NotFound(detail or "payment not found", field="payment_id")
    if code == "order_already_paid":
        return OrderAlreadyPaid(detail or "the order is already paid", field="order_id")
    if code == "idempotency_key_reused":
        return IdempotencyKeyReused(detail, field="Idempotency-Key")
    # validation_error, invalid_card: the payment details the customer gave.
    return InvalidPaymentDetails(detail or "the payment details are invalid", field=field)


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


def _code_of(response: httpx.Response) -> str | None:
    try:
        data = response.json()
    except ValueError:
        return None
    code = data.get("code") if isinstance(data, dict) else None
    return code if isinstance(code, str) else None


class CircuitBreaker:
    """Closed → (``failure_threshold`` consecutive failures) → open → (``reset_timeout_s``)
    → half-open: exactly one probe; its success closes the circuit, its failure reopens it.

    Thread-safe: one gateway (and breaker) is shared by every request of an API process.
    """

    CLOSED = "closed"
    OPEN = "open"
    HALF_OPEN = "half_open"

    def __init__(
        self,
        *,
        failure_threshold: int = DEFAULT_FAILURE_THRESHOLD,
        reset_timeout_s: float = DEFAULT_RESET_TIMEOUT_S,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        if failure_threshold < 1:
            raise ValueError("failure_threshold must be at least 1")
        self._threshold = failure_threshold
        self._reset_after = reset_timeout_s
        self._now = monotonic
        self._lock = threading.Lock()
        self._failures = 0
        self._opened_at: float | None = None
        self._probing = False

    @property
    def state(self) -> str:
        with self._lock:
            if self._opened_at is None:
                return self.CLOSED
            if self._probing or self._now() - self._opened_at >= self._reset_after:
                return self.HALF_OPEN
            return self.OPEN

    def allow(self) -> bool:
        """May a request be sent now? In half-open state only the first caller may."""
        with self._lock:
            if self._opened_at is None:
                return True
            if self._probing or self._now() - self._opened_at < self._reset_after:
                return False
            self._probing = True
            return True

    def record_success(self) -> None:
        with self._lock:
            if self._opened_at is not None and not self._probing:
                return  # a straggler sent before the circuit opened proves little
            self._failures = 0
            self._opened_at = None
            self._probing = False

    def record_failure(self) -> None:
        with self._lock:
            self._failures += 1
            if self._probing or self._failures >= self._threshold:
                if self._opened_at is None or self._probing:
                    log.warning("payments circuit opened after %d failures", self._failures)
                self._opened_at = self._now()
                self._probing = False


class _Retryable(Exception):
    """An attempt failed in a way that another attempt with the same key may fix."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class HttpPaymentGateway:
    def __init__(
        self,
        base_url: str,
        secret: str,
        *,
        timeout_s: float = DEFAULT_TIMEOUT_S,
        connect_timeout_s: float = DEFAULT_CONNECT_TIMEOUT_S,
        request_id: Callable[[], str | None] = lambda: None,
        transport: httpx.BaseTransport | None = None,
        clock: Callable[[], float] = time.time,
        max_attempts: int = DEFAULT_MAX_ATTEMPTS,
        backoff_base_s: float = DEFAULT_BACKOFF_BASE_S,
        backoff_max_s: float = DEFAULT_BACKOFF_MAX_S,
        failure_threshold: int = DEFAULT_FAILURE_THRESHOLD,
        reset_timeout_s: float = DEFAULT_RESET_TIMEOUT_S,
        breaker: CircuitBreaker | None = None,
        monotonic: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        jitter: Callable[[], float] = random.random,
        nonce: Callable[[], str] = new_nonce,
    ) -> None:
        """``clock`` (wall time) and ``nonce`` sign requests; ``monotonic``, ``sleep`` and
        ``jitter`` (uniform in [0, 1)) drive deadlines, back-off and the breaker."""
        if not secret:
            raise ValueError("the payments HMAC secret must not be empty")
        if timeout_s <= 0 or connect_timeout_s <= 0:
            raise ValueError("payment timeouts must be positive")
        if max_attempts < 1:
            raise ValueError("max_attempts must be at least 1")
        self._secret = secret.encode()
        self._request_id = request_id
        self._clock = clock
        self._timeout_s = timeout_s
        self._connect_timeout_s = min(connect_timeout_s, timeout_s)
        self._max_attempts = max_attempts
        self._backoff_base_s = backoff_base_s
        self._backoff_max_s = backoff_max_s
        self._monotonic = monotonic
        self._sleep = sleep
        self._jitter = jitter
        self._nonce = nonce
        self.breaker = breaker or CircuitBreaker(
            failure_threshold=failure_threshold,
            reset_timeout_s=reset_timeout_s,
            monotonic=monotonic,
        )
        self._client = httpx.Client(
            base_url=base_url.rstrip("/"),
            timeout=httpx.Timeout(timeout_s, connect=self._connect_timeout_s),
            transport=transport,
            headers={"Accept": "application/json"},
        )

    def close(self) -> None:
        self._client.close()

    def ping(self) -> bool:
        try:
            return self._client.get("/readyz").status_code == 200  # outside the breaker
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
        deadline = self._monotonic() + self._timeout_s
        reason = "no attempt"
        for attempt in range(self._max_attempts):
            if attempt:
                if self.breaker.state == CircuitBreaker.OPEN:
                    break  # that failure opened it: no point waiting to be refused
                delay = self._backoff(attempt)
                if self._monotonic() + delay >= deadline:
                    break  # no time left for another attempt
                log.warning(
                    "payments %s %s failed (%s); retry %d in %.3fs%s",
                    method,
                    path.split("?")[0],
                    reason,
                    attempt,
                    delay,
                    " with the same idempotency key" if key else "",
                )
                self._sleep(delay)
            remaining = deadline - self._monotonic()
            if remaining <= 0:
                break
            if not self.breaker.allow():
                raise PaymentUnavailable("the payment service is unavailable (circuit open)")
            try:
                response = self._attempt(method, path, raw, key, body is not None, remaining)
            except _Retryable as failed:
                self.breaker.record_failure()
                reason = failed.reason
                continue
            self.breaker.record_success()  # it answered: 2xx or a definite 4xx
            return self._read(response)
        if self.breaker.state == CircuitBreaker.OPEN:
            reason += "; circuit open"
        raise PaymentUnavailable(f"the payment service did not answer ({reason})")

    def _backoff(self, attempt: int) -> float:
        """Full jitter: uniform in [0, min(max, base * 2**(attempt-1)))."""
        return doubling(attempt, self._backoff_base_s, self._backoff_max_s) * self._jitter()

    def _attempt(
        self, method: str, path: str, raw: bytes, key: str | None, has_body: bool, budget: float
    ) -> httpx.Response:
        # A new timestamp and nonce for every attempt: a retry is never a replayed signature.
        signature = sign(self._secret, int(self._clock()), self._nonce(), method, path, key, raw)
        headers = {SIGNATURE_HEADER: signature}
        if has_body:
            headers["Content-Type"] = "application/json"
        if key is not None:
            headers["Idempotency-Key"] = key
        request_id = self._request_id()
        if request_id:
            headers["X-Request-ID"] = request_id
        timeout = httpx.Timeout(budget, connect=min(self._connect_timeout_s, budget))
        try:
            response = self._client.request(
                method, path, content=raw, headers=headers, timeout=timeout
            )
        except httpx.TransportError as error:
            # Not sent, or sent and unanswered (outcome unknown): repeating a keyed
            # request is safe, and so is an unkeyed read.
            raise _Retryable(type(error).__name__) from error
        if response.status_code >= 500:
            # Retryable by contract (same key); the last failure becomes PaymentUnavailable.
            code = _code_of(response)
            log.warning("payments service answered %s (%s)", response.status_code, code)
            raise _Retryable(f"HTTP {response.status_code} {code}")
        return response

    def _read(self, response: httpx.Response) -> dict[str, Any]:
        try:
            data = response.json()
        except ValueError:
            data = {}
        if response.status_code < 300 and isinstance(data, dict):
            return data
        body = data if isinstance(data, dict) else {}
        code = body.get("code")
        detail = str(body.get("detail") or "")
        status = response.status_code
        kind = ERRORS.get(code) if isinstance(code, str) else None
        if kind == IN_PROGRESS:
            # Retryable by contract: the same key, later. Not an incident.
            log.info("payments service: %s (retry later)", code)
            raise RequestInProgress(detail or "the payment is still being processed")
        if kind == FINAL:
            errors = body.get("errors") or [{}]
            first = errors[0] if isinstance(errors, list) and errors else {}
            field = first.get("field") if isinstance(first, dict) else None
            raise _final_error(str(code), detail, field)
        # ALERT codes (401 misconfigured secret, a request this client built wrong, a
        # refund the gateway refuses), or a code the contract does not know: the caller
        # cannot tell what happened; an operator must look. The outcome is unknown.
        log.error("payments service answered %s (%s)", status, code)
        raise PaymentUnavailable(f"the payment service answered {status} ({code})")
