"""Pay an order (docs/design.md §5): one attempt per idempotency key, charged once at the gateway.

Two writes, both compare-and-sets of the order: the attempt is recorded (PENDING) before
the gateway is asked — so a lost answer is found again by reconciliation — and the
gateway's answer is recorded with its effect on the order. A retry with the same key
finds its attempt in the order and charges again under the same gateway key, which the
gateway answers with the first charge.
"""

from __future__ import annotations

from attrs import frozen

from food_core.errors import OrderAlreadyPaid, PaymentDeclined, ValidationFailed
from food_core.model import CardDetails, Order, Payment, PaymentMode, PaymentStatus, UpiDetails
from food_core.ports import ChargeRequest
from food_core.usecases.changing import change_order
from food_core.usecases.context import Ports
from food_core.usecases.idempotency import check_key, ensure_same_request, fingerprint
from food_core.usecases.ownership import own_order
from food_core.usecases.reconciling import reconcile_order
from food_core.usecases.settlement import charge, gateway_key, new_attempt


@frozen
class PaymentResult:
    order: Order
    payment: Payment
    replayed: bool


def _details_fingerprint(
    order_id: int, mode: PaymentMode, card: CardDetails | None, upi: UpiDetails | None
) -> str:
    """Never the full card number or CVC: those must not be stored, even hashed."""
    payload: dict[str, object] = {"order_id": order_id, "payment_mode": mode.value}
    if card is not None:
        payload["card"] = [card.last4, card.exp_month, card.exp_year, card.name]
    if upi is not None:
        payload["upi"] = upi.vpa
    return fingerprint("pay_order", payload)


def _check_details(mode: PaymentMode, card: CardDetails | None, upi: UpiDetails | None) -> None:
    wanted = {PaymentMode.CARD: "card", PaymentMode.UPI: "upi"}.get(mode)
    given = [name for name, value in (("card", card), ("upi", upi)) if value is not None]
    if given != ([wanted] if wanted else []):
        what = f"exactly the {wanted} details" if wanted else "no card or upi details"
        raise ValidationFailed(f"payment_mode {mode.value} takes {what}", field=wanted or given[0])


def pay_order(
    ports: Ports,
    user_id: int,
    order_id: int,
    *,
    idempotency_key: str,
    payment_mode: PaymentMode,
    card: CardDetails | None = None,
    upi: UpiDetails | None = None,
) -> PaymentResult:
    """Raises ``PaymentDeclined`` (the order moves to PAYMENT_FAILED), ``OrderAlreadyPaid``,
    ``PaymentUnavailable`` (outcome unknown: the order stays PENDING_PAYMENT until a
    retry with the same key or reconciliation settles it), ``RequestInProgress``."""
    check_key(idempotency_key)
    _check_details(payment_mode, card, upi)
    order = own_order(ports, user_id, order_id)
    request = _details_fingerprint(order_id, payment_mode, card, upi)

    attempt = order.attempt_for_key(idempotency_key)
    replayed = attempt is not None
    if attempt is None:
        fresh = new_attempt(ports, order, payment_mode, idempotency_key, request)

        def start(current: Order) -> Order:
            if current.attempt_for_key(idempotency_key) is not None:
                return current  # a concurrent request with this key recorded it first
            return current.attempt_started(fresh, ports.clock.now())

        order = change_order(ports, order_id, start, current=order)
        attempt = order.attempt_for_key(idempotency_key)
        assert attempt is not None
        replayed = attempt.payment_id != fresh.payment_id
    ensure_same_request(attempt.request_fingerprint, request)

    if attempt.payment_status is PaymentStatus.PENDING and attempt.gateway_reference is None:
        # First run, or a retry after an unknown outcome: the gateway key makes it safe.
        request_to_gateway = ChargeRequest(
            order_id=order_id,
            amount=attempt.amount,
            payment_mode=payment_mode,
            idempotency_key=gateway_key(order_id, idempotency_key),
            merchant_reference=str(attempt.payment_id),
            card=card,
            upi=upi,
        )
        try:
            order = charge(ports, order, attempt, request_to_gateway)
        except OrderAlreadyPaid:
            # The gateway holds a success we have not recorded yet: record it now.
            reconcile_order(ports, order_id)
            raise
        attempt = order.attempt(attempt.payment_id)

    if attempt.payment_status is PaymentStatus.FAILED:
        raise PaymentDeclined(
            f"the payment was declined ({attempt.failure_code})",
            failure_code=attempt.failure_code or "payment_failed",
        )
    return PaymentResult(order, attempt, replayed)
