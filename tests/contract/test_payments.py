"""PaymentRepository: the idempotent claim, lookups, pending attempts for the sweep and
the compare-and-set on ``payment_status``."""

from __future__ import annotations

from datetime import timedelta, timezone

from adapters.stores import Store
from food_core.model import Order, PaymentMode, PaymentStatus
from tests.contract.builders import VISA, Maker


def _order(make: Maker, mode: PaymentMode = PaymentMode.CARD) -> Order:
    return make.order(1, mode=mode)


def test_a_claimed_payment_is_returned_and_stored(store: Store, make: Maker) -> None:
    payment = make.payment(_order(make), key="pay-1")
    assert store.payments.claim(payment) == payment
    assert store.payments.get(payment.payment_id) == payment
    assert store.payments.get_by_key(payment.order_id, "pay-1") == payment


def test_claiming_a_taken_key_returns_the_stored_attempt(store: Store, make: Maker) -> None:
    order = _order(make)
    first = make.payment(order, key="pay-1")
    store.payments.claim(first)
    second = make.payment(order, key="pay-1")
    assert store.payments.claim(second) == first
    assert store.payments.get(second.payment_id) is None
    assert store.payments.list_for_order(order.order_id) == [first]


def test_the_same_key_on_two_orders_is_two_attempts(store: Store, make: Maker) -> None:
    a, b = make.payment(_order(make), key="k"), make.payment(_order(make), key="k")
    assert store.payments.claim(a) == a
    assert store.payments.claim(b) == b


def test_unknown_payments_are_none(store: Store, make: Maker) -> None:
    payment = make.payment(_order(make), key="k")
    store.payments.claim(payment)
    assert store.payments.get(404) is None
    assert store.payments.get_by_key(payment.order_id, "other") is None
    assert store.payments.get_by_key(404, "k") is None


def test_an_orders_attempts_are_listed_oldest_first(store: Store, make: Maker) -> None:
    order = _order(make)
    attempts = [make.payment(order) for _ in range(3)]
    store.payments.claim(make.payment(_order(make)))
    for attempt in reversed(attempts):
        store.payments.claim(attempt)
    assert store.payments.list_for_order(order.order_id) == attempts
    assert store.payments.list_for_order(404) == []


def test_an_update_from_the_expected_status_replaces_the_attempt(store: Store, make: Maker) -> None:
    payment = make.payment(_order(make))
    store.payments.claim(payment)
    paid = make.paid(payment)
    assert store.payments.update(paid, PaymentStatus.PENDING)
    assert store.payments.get(payment.payment_id) == paid
    assert paid.card == VISA and paid.gateway_reference is not None


def test_an_update_from_another_status_is_refused(store: Store, make: Maker) -> None:
    payment = make.payment(_order(make))
    store.payments.claim(payment)
    paid = make.paid(payment)
    store.payments.update(paid, PaymentStatus.PENDING)
    failed = payment.failed(make.clock.now(), failure_code="card_declined")
    assert not store.payments.update(failed, PaymentStatus.PENDING)
    assert store.payments.get(payment.payment_id) == paid


def test_an_update_of_an_unknown_attempt_is_refused(store: Store, make: Maker) -> None:
    payment = make.payment(_order(make))
    assert not store.payments.update(make.paid(payment), PaymentStatus.PENDING)
    assert store.payments.get(payment.payment_id) is None


def test_a_recorded_cod_attempt_stays_pending_but_is_not_listed_as_unknown(
    store: Store, make: Maker
) -> None:
    payment = make.payment(_order(make, PaymentMode.COD))
    store.payments.claim(payment)
    later = payment.created_at + timedelta(hours=1)
    assert store.payments.list_pending(later, 10) == [payment]
    recorded = payment.recorded_by_gateway("pay_cod_1", None)
    assert store.payments.update(recorded, PaymentStatus.PENDING)
    assert store.payments.get(payment.payment_id) == recorded
    # Its outcome is known (cash at the door), so the sweep has nothing to ask about.
    assert store.payments.list_pending(later, 10) == []


def test_pending_attempts_created_before_the_cutoff_are_listed_oldest_first(
    store: Store, make: Maker
) -> None:
    old = [make.payment(_order(make)) for _ in range(3)]
    settled = make.payment(_order(make))
    make.clock.advance(timedelta(minutes=1))
    at_cutoff = make.payment(_order(make))
    young = make.payment(_order(make))
    for payment in (young, old[2], settled, at_cutoff, old[0], old[1]):
        store.payments.claim(payment)
    store.payments.update(make.paid(settled), PaymentStatus.PENDING)
    cutoff = at_cutoff.created_at  # "before" is strict: at_cutoff is not listed
    assert store.payments.list_pending(cutoff, 10) == old
    assert store.payments.list_pending(cutoff, 2) == old[:2]
    assert store.payments.list_pending(old[0].created_at, 10) == []
    later = young.created_at + timedelta(days=1)
    assert store.payments.list_pending(later, 10) == [*old, at_cutoff, young]
    assert store.payments.list_pending(later, 0) == []


def test_a_cutoff_in_another_time_zone_is_the_same_instant(store: Store, make: Maker) -> None:
    payment = make.payment(_order(make))
    store.payments.claim(payment)
    ist = timezone(timedelta(hours=5, minutes=30))
    after = (payment.created_at + timedelta(seconds=1)).astimezone(ist)
    assert store.payments.list_pending(after, 10) == [payment]
    assert store.payments.list_pending(payment.created_at.astimezone(ist), 10) == []


def test_pending_cutoffs_compare_to_the_microsecond(store: Store, make: Maker) -> None:
    payment = make.payment(_order(make))
    store.payments.claim(payment)
    created = payment.created_at
    assert store.payments.list_pending(created, 10) == []
    assert store.payments.list_pending(created + timedelta(microseconds=1), 10) == [payment]
