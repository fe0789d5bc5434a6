"""Paying an order."""

from __future__ import annotations

from food_core.errors import DomainError
from food_core.usecases import pay_order
from services.api.calls import Call, Reply, ok
from services.api.paths import PREFIX
from services.api.routes.orders import required_key
from services.api.routing import Keys, Operation
from services.api.schemas.payments import (
    PAY_IN,
    PayBody,
    PaymentResultOut,
    card_details,
    payment_result_out,
    upi_details,
)

_OUTCOMES = {
    "payment_declined": "declined",
    "invalid_payment_details": "invalid",
    "order_already_paid": "already_paid",
    "payment_unavailable": "unavailable",
}


async def pay(call: Call) -> Reply:
    body = call.body
    assert isinstance(body, PayBody)
    payments = call.container.metrics().payments
    try:
        result = await call.run(
            pay_order,
            call.ports,
            call.user_id,
            call.id("order_id"),
            idempotency_key=required_key(call),
            payment_mode=body.payment_mode,
            card=card_details(body),
            upi=upi_details(body),
        )
    except DomainError as error:
        payments.labels(_OUTCOMES.get(error.code, "refused")).inc()
        raise
    if not result.replayed:
        payments.labels(result.payment.payment_status.value.lower()).inc()
    return ok(payment_result_out(result, call.accept_window), replayed=result.replayed)


OPERATIONS = [
    Operation(
        "payOrder",
        "POST",
        f"{PREFIX}/orders/{{order_id}}/payment",
        "Pay an order by card, UPI or cash on delivery",
        "orders",
        pay,
        request=PAY_IN,
        response=PaymentResultOut,
        keys=Keys.REQUIRED,
        errors=(402, 404, 409, 422, 503),
        description=(
            "Keep the Idempotency-Key across retries: a retried or replayed payment never "
            "charges twice. 402 payment_declined (with failure_code; the order moves to "
            "PAYMENT_FAILED and may be paid again with a new key), 409 order_already_paid, "
            "422 invalid_payment_details, 503 payment_unavailable (outcome unknown: retry "
            "with the same key after Retry-After)."
        ),
    ),
]
