"""Which change of an order is a notice for its customer (``notice_for``), and that the
order's use cases hand each such notice to the notifier exactly once — from the writer
whose compare-and-set won, never from a replay, a lost race or a change with nothing to
do — and that a notifier that breaks its promise never fails an order."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from attrs import evolve

from food_core.model import (
    CancelReason,
    Order,
    OrderStatus,
    Payment,
    PaymentMode,
    PaymentStatus,
)
from food_core.model.notices import Notice, NoticeKind, notice_for
from food_core.usecases import (
    accept_order,
    advance_order,
    cancel_order,
    expire_unaccepted_orders,
    expire_unpaid_orders,
    pay_order,
    place_order,
    reject_order,
    set_cart_quantity,
)
from food_core.usecases.accepting import ACCEPT_WINDOW
from food_core.usecases.changing import change_order
from tests.builders import DECLINED_CARD, GOOD_CARD, World, make_world

_K = NoticeKind
_S = OrderStatus


@pytest.fixture
def world() -> World:
    return make_world()


def _placed(world: World, mode: PaymentMode = PaymentMode.CARD, n: int = 1) -> Order:
    user = world.customer(n)
    address = world.address(user).address_id
    set_cart_quantity(world.ports, user.user_id, 11, 2)
    return place_order(
        world.ports,
        user.user_id,
        idempotency_key=f"notice-{n:04d}",
        address_id=address,
        payment_mode=mode,
    ).order


def _pay(world: World, order: Order, key: str = "pay-0001", card: object = GOOD_CARD) -> Order:
    return pay_order(
        world.ports,
        order.user,
        order.order_id,
        idempotency_key=key,
        payment_mode=PaymentMode.CARD,
        card=card,  # type: ignore[arg-type]
    ).order


def _partner(world: World) -> int:
    return world.partner().user_id


def _attempt(world: World, order: Order, key: str = "pay-k") -> Payment:
    now = world.clock.now()
    return Payment(
        world.ports.ids.next_id(),
        order.order_id,
        PaymentMode.CARD,
        order.total_amount,
        PaymentStatus.PENDING,
        key,
        "fingerprint",
        now,
        now,
    )


def _confirmed(world: World, order: Order) -> Order:
    """``order`` paid by card, by the model alone (no use case, no notifier)."""
    now = world.clock.now()
    attempt = _attempt(world, order)
    started = order.attempt_started(attempt, now)
    succeeded = attempt.succeeded(now, gateway_reference="gw-1", card=None)
    return started.attempt_settled(succeeded, world.ports.ids.next_id(), now)


# --- notice_for: the pure decision, transition by transition ---------------------------


def test_a_payment_that_confirms_the_order_is_the_confirmed_notice(world: World) -> None:
    order = _placed(world)
    now = world.clock.now()
    attempt = _attempt(world, order)
    started = order.attempt_started(attempt, now)
    assert notice_for(order, started) is None  # an attempt begun is no news
    confirmed = started.attempt_settled(
        attempt.succeeded(now, gateway_reference="gw-1", card=None), 99, now
    )
    notice = notice_for(started, confirmed)
    assert notice == Notice(NoticeKind.CONFIRMED, confirmed)
    assert notice.order.bill == order.bill  # the mail has the bill
    assert notice.refund_due == 0 and notice.refunded == ()


def test_a_decline_is_no_notice_and_a_later_success_confirms(world: World) -> None:
    order = _placed(world)
    now = world.clock.now()
    first = _attempt(world, order, "pay-1")
    started = order.attempt_started(first, now)
    failed = started.attempt_settled(first.failed(now, failure_code="card_declined"), 9, now)
    assert failed.order_status is _S.PAYMENT_FAILED
    assert notice_for(started, failed) is None
    second = _attempt(world, order, "pay-2")
    retried = failed.attempt_started(second, now)
    confirmed = retried.attempt_settled(
        second.succeeded(now, gateway_reference="gw-2", card=None), 9, now
    )
    assert notice_for(retried, confirmed) == Notice(_K.CONFIRMED, confirmed)


def test_cash_on_delivery_recorded_by_the_gateway_is_the_confirmed_notice(
    world: World,
) -> None:
    world_order = _placed(world, PaymentMode.COD)  # placing recorded it: already confirmed
    assert world_order.order_status is _S.CONFIRMED
    assert world.notifier.kinds(world_order.order_id) == [_K.CONFIRMED]


def test_each_kitchen_step_but_preparing_is_a_notice(world: World) -> None:
    now = world.clock.now()
    confirmed = _confirmed(world, _placed(world))
    preparing = confirmed.accepted(20, now)
    out = preparing.advanced(_S.OUT_FOR_DELIVERY, now)
    delivered = out.advanced(_S.DELIVERED, now)
    assert notice_for(confirmed, preparing) is None
    assert notice_for(preparing, out) == Notice(_K.OUT_FOR_DELIVERY, out)
    assert notice_for(out, delivered) == Notice(_K.DELIVERED, delivered)


def test_a_delivered_cash_order_is_delivered_not_refunded(world: World) -> None:
    now = world.clock.now()
    order = _placed(world, PaymentMode.COD)
    out = order.accepted(None, now).advanced(_S.OUT_FOR_DELIVERY, now)
    delivered = out.advanced(_S.DELIVERED, now)  # the COD attempt SUCCEEDED in this change
    assert notice_for(out, delivered) == Notice(_K.DELIVERED, delivered)


def test_cancelling_a_paid_order_says_the_money_is_due_back(world: World) -> None:
    confirmed = _confirmed(world, _placed(world))
    cancelled = confirmed.cancelled(world.clock.now())
    notice = notice_for(confirmed, cancelled)
    assert notice is not None and notice.kind is _K.CANCELLED
    assert notice.refund_due == confirmed.total_amount
    assert notice.order.cancel_reason is CancelReason.BY_CUSTOMER


def test_cancelling_an_unpaid_or_cash_order_says_nothing_is_due(world: World) -> None:
    now = world.clock.now()
    unpaid = _placed(world)
    expired = unpaid.cancelled(now, CancelReason.UNPAID)
    cash = _placed(world, PaymentMode.COD, n=2)
    rejected = cash.rejected("Out of dosa batter", now)
    for before, after in ((unpaid, expired), (cash, rejected)):
        notice = notice_for(before, after)
        assert notice is not None and notice.kind is _K.CANCELLED
        assert notice.refund_due == 0
    assert rejected.cancel_note == "Out of dosa batter"


def test_an_attempt_refunded_is_the_refunded_notice(world: World) -> None:
    confirmed = _confirmed(world, _placed(world))
    cancelled = confirmed.cancelled(world.clock.now())
    paid = cancelled.refunds_due[0]
    refunded = cancelled.attempt_refunded(paid.payment_id, world.clock.now())
    notice = notice_for(cancelled, refunded)
    assert notice is not None and notice.kind is _K.REFUNDED
    assert [p.payment_id for p in notice.refunded] == [paid.payment_id]
    assert notice.refunded_amount == confirmed.total_amount
    assert notice.refund_due == 0  # a REFUNDED notice is about what came back


def test_a_second_charge_refunded_on_a_live_order_is_a_refunded_notice(world: World) -> None:
    now = world.clock.now()
    confirmed = _confirmed(world, _placed(world))
    extra = evolve(
        _attempt(world, confirmed, "pay-extra"),
        payment_status=PaymentStatus.SUCCEEDED,
        gateway_reference="gw-extra",
    )
    twice = evolve(confirmed, payments=(*confirmed.payments, extra), version=confirmed.version + 1)
    assert twice.refunds_due == (extra,)
    refunded = twice.attempt_refunded(extra.payment_id, now)
    notice = notice_for(twice, refunded)
    assert notice is not None and notice.kind is _K.REFUNDED
    assert notice.order.order_status is _S.CONFIRMED and notice.refunded_amount == extra.amount


def test_a_change_that_moves_nothing_a_customer_hears_of_is_no_notice(world: World) -> None:
    order = _placed(world)
    assert notice_for(order, order) is None
    touched = evolve(order, version=order.version + 1)
    assert notice_for(order, touched) is None


def test_a_notice_is_about_one_order(world: World) -> None:
    with pytest.raises(ValueError, match="one order"):
        notice_for(_placed(world), _placed(world, n=2))


def test_every_notice_has_its_own_key(world: World) -> None:
    now = world.clock.now()
    confirmed = _confirmed(world, _placed(world))
    cancelled = confirmed.cancelled(now)
    refunded = cancelled.attempt_refunded(cancelled.refunds_due[0].payment_id, now)
    keys = {
        notice.key
        for notice in (notice_for(confirmed, cancelled), notice_for(cancelled, refunded))
        if notice is not None
    }
    assert len(keys) == 2 and all(str(confirmed.order_id) in key for key in keys)


# --- the use cases: one notice per transition, handed over by the winning writer -------


def test_a_card_order_delivered_sends_confirmed_out_for_delivery_and_delivered_once(
    world: World,
) -> None:
    order = _placed(world)
    partner = _partner(world)
    assert world.notifier.kinds(order.order_id) == []  # placed, not paid: nothing yet
    _pay(world, order)
    _pay(world, order)  # the same request again: replayed, no second notice
    accept_order(world.ports, partner, order.order_id, 20)
    for status in (_S.OUT_FOR_DELIVERY, _S.OUT_FOR_DELIVERY, _S.DELIVERED, _S.DELIVERED):
        advance_order(world.ports, partner, order.order_id, status)  # each clicked twice
    assert world.notifier.kinds(order.order_id) == [
        _K.CONFIRMED,
        _K.OUT_FOR_DELIVERY,
        _K.DELIVERED,
    ]
    notices = world.notifier.of_order(order.order_id)
    assert notices[0].order.order_status is _S.CONFIRMED
    assert notices[-1].order.order_status is _S.DELIVERED


def test_a_declined_payment_sends_nothing(world: World) -> None:
    order = _placed(world)
    with pytest.raises(Exception, match="declined"):
        _pay(world, order, card=DECLINED_CARD)
    assert world.notifier.kinds(order.order_id) == []


def test_a_customer_cancelling_a_paid_order_hears_cancelled_then_refunded(world: World) -> None:
    order = _pay(world, _placed(world))
    cancel_order(world.ports, order.user, order.order_id)
    cancel_order(world.ports, order.user, order.order_id)  # twice: nothing new
    assert world.notifier.kinds(order.order_id) == [_K.CONFIRMED, _K.CANCELLED, _K.REFUNDED]
    cancelled, refunded = world.notifier.of_order(order.order_id)[1:]
    assert cancelled.refund_due == order.total_amount
    assert refunded.refunded_amount == order.total_amount
    assert refunded.order.payments[0].payment_status is PaymentStatus.REFUNDED


def test_the_restaurant_rejecting_and_the_sweep_expiring_send_cancelled(world: World) -> None:
    partner = _partner(world)
    rejected = _pay(world, _placed(world), "pay-rejected")
    reject_order(world.ports, partner, rejected.order_id, "Kitchen closed early")
    unanswered = _pay(world, _placed(world, n=2), "pay-unanswered")
    world.clock.advance(ACCEPT_WINDOW + timedelta(seconds=1))
    assert expire_unaccepted_orders(world.ports, window=ACCEPT_WINDOW) == 1
    for order, reason in (
        (rejected, CancelReason.REJECTED),
        (unanswered, CancelReason.NOT_ACCEPTED),
    ):
        kinds = world.notifier.kinds(order.order_id)
        assert kinds == [_K.CONFIRMED, _K.CANCELLED, _K.REFUNDED]
        assert world.notifier.of_order(order.order_id)[1].order.cancel_reason is reason
    note = world.notifier.of_order(rejected.order_id)[1].order.cancel_note
    assert note == "Kitchen closed early"


def test_an_unpaid_order_expiring_sends_cancelled_with_nothing_due(world: World) -> None:
    order = _placed(world)
    world.clock.advance(timedelta(hours=1))
    assert expire_unpaid_orders(world.ports, waited=timedelta(minutes=15)) == 1
    [notice] = world.notifier.of_order(order.order_id)
    assert notice.kind is _K.CANCELLED and notice.refund_due == 0
    assert notice.order.cancel_reason is CancelReason.UNPAID


def test_only_the_writer_that_wins_the_compare_and_set_hands_the_notice_over(
    world: World,
) -> None:
    """A rival stores the same cancellation first: our compare-and-set loses, the change
    is computed again from what the rival stored — nothing to do — and only one notice
    (the rival's, were it ours) exists."""
    order = _pay(world, _placed(world))
    world.notifier.clear()
    stale = world.ports.orders.get(order.order_id)
    assert stale is not None
    rival = stale.cancelled(world.clock.now())
    assert world.ports.orders.save(rival, stale.version)  # the rival's write, no notice here

    def cancel(current: Order) -> Order:
        if current.order_status is _S.CANCELLED:
            return current
        return current.cancelled(world.clock.now())

    result = change_order(world.ports, order.order_id, cancel, current=stale)
    assert result == rival
    assert world.notifier.kinds(order.order_id) == []


def test_writers_racing_for_one_transition_hand_over_one_notice(world: World) -> None:
    """Eight threads (as many replicas) cancel the same paid order at once: one
    compare-and-set wins, so one CANCELLED notice — and one REFUNDED, the refund being
    keyed by its attempt."""
    order = _pay(world, _placed(world))
    start = threading.Barrier(8)
    errors: list[BaseException] = []

    def cancel() -> None:
        start.wait()
        try:
            cancel_order(world.ports, order.user, order.order_id)
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=cancel) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert world.notifier.kinds(order.order_id) == [_K.CONFIRMED, _K.CANCELLED, _K.REFUNDED]


def test_a_notifier_that_raises_never_fails_the_order(world: World) -> None:
    class Broken:
        def notify(self, notice: Notice) -> None:
            raise RuntimeError("mail server on fire")

    broken = evolve(world.ports, notifier=Broken())
    order = _placed(world)
    paid = pay_order(
        broken,
        order.user,
        order.order_id,
        idempotency_key="pay-0001",
        payment_mode=PaymentMode.CARD,
        card=GOOD_CARD,
    ).order
    assert paid.order_status is _S.CONFIRMED
    assert cancel_order(broken, order.user, order.order_id).order_status is _S.CANCELLED
    stored = world.ports.orders.get(order.order_id)
    assert stored is not None and stored.payments[0].payment_status is PaymentStatus.REFUNDED
