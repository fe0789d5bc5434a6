"""Timeouts, retries and the circuit breaker of the HTTP gateway, on a scripted transport
with a fake clock: deterministic, no network."""

from __future__ import annotations

import json
from collections.abc import Callable

import httpx
import pytest

from adapters.payments_http import CircuitBreaker, HttpPaymentGateway
from food_core.errors import InvalidPaymentDetails, PaymentUnavailable
from food_core.model import CardDetails, PaymentMode, PaymentStatus
from food_core.ports import ChargeRequest

Reply = Callable[[httpx.Request], httpx.Response]


class FakeTime:
    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def _payment(status: str = "SUCCEEDED", failure_code: str | None = None) -> dict[str, object]:
    body: dict[str, object] = {
        "payment_id": "pay_1",
        "order_id": 42,
        "amount": 100,
        "currency": "INR",
        "payment_mode": "CARD",
        "payment_status": status,
        "card": {"brand": "visa", "last4": "4242"},
    }
    if failure_code:
        body["failure_code"] = failure_code
    return body


def ok(request: httpx.Request) -> httpx.Response:
    return httpx.Response(201, json=_payment())


def unavailable(request: httpx.Request) -> httpx.Response:
    return httpx.Response(503, json={"code": "fault_injected"})


def refused(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("connection refused", request=request)


class Script:
    """Answers with the given replies in turn (the last one repeats) and records requests."""

    def __init__(self, *replies: Reply) -> None:
        self.replies = list(replies)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        reply = self.replies.pop(0) if len(self.replies) > 1 else self.replies[0]
        return reply(request)

    @property
    def keys(self) -> list[str | None]:
        return [r.headers.get("Idempotency-Key") for r in self.requests]


def _gateway(script: Script, clock: FakeTime, **options: object) -> HttpPaymentGateway:
    return HttpPaymentGateway(
        "http://payments.test",
        "secret",
        transport=httpx.MockTransport(script),
        monotonic=clock.monotonic,
        sleep=clock.sleep,
        jitter=lambda: 0.5,
        **options,  # type: ignore[arg-type]
    )


def _charge(key: str = "key-1") -> ChargeRequest:
    return ChargeRequest(
        order_id=42,
        amount=100,
        payment_mode=PaymentMode.CARD,
        idempotency_key=key,
        merchant_reference="1",
        card=CardDetails("4242424242424242", 12, 2031, "123"),
    )


def test_the_defaults_are_one_second_to_connect_and_three_in_all() -> None:
    gateway = HttpPaymentGateway("http://payments.test", "secret")
    timeout = gateway._client.timeout
    assert (timeout.connect, timeout.read) == (1.0, 3.0)
    gateway.close()


def test_5xx_answers_are_retried_with_the_same_key_after_jittered_backoff() -> None:
    clock, script = FakeTime(), Script(unavailable, unavailable, ok)
    paid = _gateway(script, clock).charge(_charge())
    assert paid.payment_status is PaymentStatus.SUCCEEDED
    assert script.keys == ["key-1"] * 3
    assert [json.loads(r.content) for r in script.requests].count(
        json.loads(script.requests[0].content)
    ) == 3, "the very same body each time"
    assert clock.sleeps == [0.05, 0.1]  # base 0.1 s doubling, times the jitter 0.5


def test_transport_errors_are_retried_then_reported_unavailable() -> None:
    clock, script = FakeTime(), Script(refused)
    with pytest.raises(PaymentUnavailable, match="ConnectError"):
        _gateway(script, clock).charge(_charge())
    assert script.keys == ["key-1"] * 3


def test_a_lost_answer_is_asked_again_and_the_replay_counts() -> None:
    def timed_out(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("no answer", request=request)

    clock, script = FakeTime(), Script(timed_out, ok)
    assert _gateway(script, clock).charge(_charge()).reference == "pay_1"
    assert script.keys == ["key-1", "key-1"]


@pytest.mark.parametrize(
    ("status", "body", "error"),
    [
        (422, {"code": "invalid_card", "errors": [{"field": "card.cvc"}]}, InvalidPaymentDetails),
        (401, {"code": "invalid_signature"}, PaymentUnavailable),
    ],
)
def test_4xx_answers_are_final_and_never_retried(
    status: int, body: dict[str, object], error: type[Exception]
) -> None:
    clock, script = FakeTime(), Script(lambda _: httpx.Response(status, json=body))
    gateway = _gateway(script, clock)
    with pytest.raises(error):
        gateway.charge(_charge())
    assert len(script.requests) == 1
    assert gateway.breaker.state == CircuitBreaker.CLOSED, "the service did answer"


def test_a_decline_is_a_failed_result_not_an_error() -> None:
    declined = Script(lambda _: httpx.Response(201, json=_payment("FAILED", "card_declined")))
    result = _gateway(declined, FakeTime()).charge(_charge())
    assert (result.payment_status, result.failure_code) == (PaymentStatus.FAILED, "card_declined")
    assert len(declined.requests) == 1


def test_the_whole_call_stays_within_its_budget() -> None:
    clock = FakeTime()
    budgets: list[float] = []

    def slow(request: httpx.Request) -> httpx.Response:
        timeout = request.extensions["timeout"]
        budgets.append(timeout["read"])
        assert timeout["connect"] <= 1.0
        clock.now += timeout["read"]  # the attempt uses all it was given
        raise httpx.ReadTimeout("slow", request=request)

    started = clock.now
    with pytest.raises(PaymentUnavailable):
        _gateway(Script(slow), clock).charge(_charge())
    assert budgets == [3.0], "no time was left for a second attempt"
    assert clock.now - started <= 3.0


def test_a_retry_gets_only_what_is_left_of_the_budget() -> None:
    clock = FakeTime()
    budgets: list[float] = []

    def then(request: httpx.Request) -> httpx.Response:
        budgets.append(request.extensions["timeout"]["read"])
        if len(budgets) == 1:
            clock.now += 2.0
            raise httpx.ReadTimeout("slow", request=request)
        return ok(request)

    _gateway(Script(then), clock).charge(_charge())
    assert budgets == [3.0, pytest.approx(3.0 - 2.0 - 0.05)]


def test_the_circuit_opens_after_five_failures_and_then_fails_fast() -> None:
    clock, script = FakeTime(), Script(refused)
    gateway = _gateway(script, clock)
    for _ in range(2):  # 3 + 2 failed attempts
        with pytest.raises(PaymentUnavailable):
            gateway.charge(_charge())
    assert len(script.requests) == 5
    assert gateway.breaker.state == CircuitBreaker.OPEN
    with pytest.raises(PaymentUnavailable, match="circuit open"):
        gateway.charge(_charge())
    with pytest.raises(PaymentUnavailable, match="circuit open"):
        gateway.payments_for_order(42)
    assert len(script.requests) == 5, "nothing was sent while open"


def test_after_the_cool_down_one_probe_closes_the_circuit() -> None:
    clock, script = FakeTime(), Script(refused, refused, refused, refused, refused, ok)
    gateway = _gateway(script, clock, reset_timeout_s=10.0)
    for _ in range(2):
        with pytest.raises(PaymentUnavailable):
            gateway.charge(_charge())
    clock.now += 9.9
    with pytest.raises(PaymentUnavailable, match="circuit open"):
        gateway.charge(_charge())
    clock.now += 0.1
    assert gateway.breaker.state == CircuitBreaker.HALF_OPEN
    assert gateway.charge(_charge()).payment_status is PaymentStatus.SUCCEEDED
    assert gateway.breaker.state == CircuitBreaker.CLOSED
    assert len(script.requests) == 6


def test_a_failed_probe_reopens_the_circuit_at_once() -> None:
    clock, script = FakeTime(), Script(refused)
    gateway = _gateway(script, clock, failure_threshold=2, reset_timeout_s=5.0)
    with pytest.raises(PaymentUnavailable):
        gateway.charge(_charge())
    assert len(script.requests) == 2
    clock.now += 5.0
    with pytest.raises(PaymentUnavailable, match="circuit open"):
        gateway.charge(_charge())  # the probe fails; the retry finds the circuit open
    assert len(script.requests) == 3
    assert gateway.breaker.state == CircuitBreaker.OPEN


def test_half_open_lets_exactly_one_probe_through() -> None:
    clock = FakeTime()
    breaker = CircuitBreaker(failure_threshold=1, reset_timeout_s=1.0, monotonic=clock.monotonic)
    breaker.record_failure()
    assert not breaker.allow()
    clock.now += 1.0
    assert [breaker.allow() for _ in range(3)] == [True, False, False]
    breaker.record_success()
    assert breaker.state == CircuitBreaker.CLOSED
    assert breaker.allow()


def test_successes_reset_the_count_of_consecutive_failures() -> None:
    breaker = CircuitBreaker(failure_threshold=3, monotonic=FakeTime().monotonic)
    for _ in range(5):
        breaker.record_failure()
        breaker.record_failure()
        breaker.record_success()
    assert breaker.state == CircuitBreaker.CLOSED
