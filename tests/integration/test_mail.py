"""The SMTP notifier against a real SMTP server in the test process (aiosmtpd): the
confirmation arrives with its bill; a server that is down, failing or hanging never
fails or delays an order — the mail waits in the queue and goes once the server is
healthy, once; a permanent refusal, a full queue and stopping with mail unsent are
logged. Then the same through the API's container (``FOOD_SMTP_URL``), and the local
stack's sink keeping what it receives as files."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from attrs import evolve

from adapters.mail import NOTICE_HEADER, ORDER_HEADER, SmtpNotifier, SmtpTarget
from food_core.model import Order, OrderStatus, PaymentMode
from food_core.ports import NoNotifier
from food_core.usecases import Ports, cancel_order, pay_order, place_order, set_cart_quantity
from services.api.container import Container
from services.devstack.ports import free_port
from services.stack.mailsink import MailFolder, mails, text_of
from tests.builders import GOOD_CARD, World, make_world
from tests.integration.support import Api, build_test_container, seeded_store
from tests.mail_servers import FAIL, HANG, OK, REFUSE, SmtpServer, wait_for

SENDER = "Food Ordering <orders@food.localhost>"
# Placing and paying on the in-memory store takes milliseconds; a mail step that waited
# for the SMTP server (its timeout is seconds here) would show.
QUICK_S = 0.9


@pytest.fixture
def world() -> World:
    return make_world()


@pytest.fixture
def server() -> Iterator[SmtpServer]:
    running = SmtpServer().start()
    yield running
    running.stop()


@pytest.fixture
def notifiers() -> Iterator[list[SmtpNotifier]]:
    made: list[SmtpNotifier] = []
    yield made
    for notifier in made:
        notifier.close()


def _notifier(world: World, url: str, made: list[SmtpNotifier], **options: float) -> SmtpNotifier:
    settings: dict[str, float] = {
        "timeout_s": 2.0,
        "backoff_s": 0.05,
        "max_backoff_s": 0.2,
        "drain_s": 0.3,
    }
    notifier = SmtpNotifier(
        SmtpTarget.from_url(url), SENDER, world.ports.users, **(settings | options)
    ).start()
    made.append(notifier)
    return notifier


def _checkout(ports: Ports, world: World, n: int = 1) -> Order:
    customer = world.customer(n)
    address = world.address(customer).address_id
    set_cart_quantity(ports, customer.user_id, 11, 2)
    placed = place_order(
        ports,
        customer.user_id,
        idempotency_key=f"mail-order-{n:04d}",
        address_id=address,
        payment_mode=PaymentMode.CARD,
    ).order
    return pay_order(
        ports,
        customer.user_id,
        placed.order_id,
        idempotency_key=f"mail-pay-{n:04d}",
        payment_mode=PaymentMode.CARD,
        card=GOOD_CARD,
    ).order


def _timed_checkout(ports: Ports, world: World, n: int = 1) -> Order:
    started = time.monotonic()
    order = _checkout(ports, world, n)
    took = time.monotonic() - started
    assert order.order_status is OrderStatus.CONFIRMED
    assert took < QUICK_S, f"placing and paying took {took:.2f}s: the mail held it up"
    return order


def test_a_confirmed_order_is_mailed_to_its_customer_with_the_bill(
    world: World, server: SmtpServer, notifiers: list[SmtpNotifier]
) -> None:
    notifier = _notifier(world, server.url, notifiers)
    order = _checkout(evolve(world.ports, notifier=notifier), world)
    wait_for(lambda: server.mails(), what="the confirmation mail")
    [mail] = server.mails()
    assert mail["To"] == "Customer 1 <customer1@example.com>" and mail["From"] == SENDER
    assert mail[ORDER_HEADER] == str(order.order_id) and mail[NOTICE_HEADER] == "confirmed"
    text = text_of(mail)
    assert "2 x Masala Dosa" in text
    for line in order.bill.lines:
        assert line.label in text
    assert f"₹{order.total_amount / 100:,.2f}" in text
    wait_for(lambda: notifier.sent == 1, what="the worker counting it sent")
    assert notifier.queued == 0


def test_a_mail_waits_while_the_server_is_down_and_goes_once_it_is_up(
    world: World, notifiers: list[SmtpNotifier]
) -> None:
    down = SmtpServer(port=free_port())  # nothing listens there yet
    notifier = _notifier(world, down.url, notifiers)
    order = _timed_checkout(evolve(world.ports, notifier=notifier), world)
    time.sleep(0.3)  # a few refused connections
    assert notifier.sent == 0 and notifier.queued == 1
    down.start()
    try:
        wait_for(lambda: notifier.sent == 1, what="the mail after the server came up")
        [mail] = down.mails()
        assert mail[ORDER_HEADER] == str(order.order_id)
        assert notifier.given_up == 0
    finally:
        down.stop()


def test_a_server_that_takes_the_data_and_hangs_never_blocks_an_order(
    world: World, server: SmtpServer, notifiers: list[SmtpNotifier]
) -> None:
    server.behaviour.mode = HANG
    notifier = _notifier(world, server.url, notifiers, timeout_s=2.0)
    ports = evolve(world.ports, notifier=notifier)
    order = _timed_checkout(ports, world)
    wait_for(lambda: server.behaviour.tries >= 1, what="the worker reaching DATA")
    started = time.monotonic()
    cancelled = cancel_order(ports, order.user, order.order_id)  # two more notices
    assert time.monotonic() - started < QUICK_S
    assert cancelled.order_status is OrderStatus.CANCELLED
    assert server.mails() == []
    server.behaviour.mode = OK
    wait_for(lambda: notifier.sent == 3, what="the three mails once healthy")
    kinds = [mail[NOTICE_HEADER] for mail in server.mails()]
    assert kinds == ["confirmed", "cancelled", "refunded"]  # each once, in order
    assert notifier.given_up == 0 and notifier.queued == 0


def test_a_server_that_refuses_for_now_is_tried_again_until_it_takes_the_mail(
    world: World, server: SmtpServer, notifiers: list[SmtpNotifier]
) -> None:
    server.behaviour.mode = FAIL
    notifier = _notifier(world, server.url, notifiers)
    _timed_checkout(evolve(world.ports, notifier=notifier), world)
    wait_for(lambda: server.behaviour.tries >= 3, what="three tries refused with 451")
    server.behaviour.mode = OK
    wait_for(lambda: notifier.sent == 1, what="the mail once the server takes it")
    assert len(server.mails()) == 1


def test_a_permanent_refusal_is_given_up_at_once_and_logged(
    world: World,
    server: SmtpServer,
    notifiers: list[SmtpNotifier],
    caplog: pytest.LogCaptureFixture,
) -> None:
    server.behaviour.mode = REFUSE
    notifier = _notifier(world, server.url, notifiers)
    with caplog.at_level(logging.INFO, logger="food.mail"):
        order = _timed_checkout(evolve(world.ports, notifier=notifier), world)
        wait_for(lambda: notifier.given_up == 1, what="giving up")
    time.sleep(0.2)
    assert server.behaviour.tries == 1  # 550: never tried again
    [record] = [r for r in caplog.records if r.getMessage() == "mail given up"]
    assert record.levelno == logging.WARNING
    assert record.__dict__["order_id"] == order.order_id
    assert "550" in record.__dict__["error"]


def test_a_mail_is_given_up_when_it_has_waited_too_long(
    world: World, notifiers: list[SmtpNotifier], caplog: pytest.LogCaptureFixture
) -> None:
    down = SmtpServer(port=free_port())
    notifier = _notifier(world, down.url, notifiers, give_up_after_s=0.3)
    with caplog.at_level(logging.WARNING, logger="food.mail"):
        _timed_checkout(evolve(world.ports, notifier=notifier), world)
        wait_for(lambda: notifier.given_up == 1, what="giving up after 0.3 s")
    assert notifier.queued == 0
    assert any(r.getMessage() == "mail given up" for r in caplog.records)


def test_a_full_queue_drops_the_new_mail_and_logs_but_the_order_goes_on(
    world: World, notifiers: list[SmtpNotifier], caplog: pytest.LogCaptureFixture
) -> None:
    down = SmtpServer(port=free_port())
    notifier = _notifier(world, down.url, notifiers, max_queue=1, backoff_s=5.0)
    ports = evolve(world.ports, notifier=notifier)
    with caplog.at_level(logging.WARNING, logger="food.mail"):
        _timed_checkout(ports, world, 1)
        wait_for(lambda: notifier.queued == 1, what="the first mail back in the queue")
        second = _timed_checkout(ports, world, 2)
    assert notifier.dropped == 1
    [record] = [r for r in caplog.records if r.getMessage() == "mail dropped: the queue is full"]
    assert record.__dict__["order_id"] == second.order_id


def test_stopping_with_mail_unsent_says_how_many(
    world: World, caplog: pytest.LogCaptureFixture
) -> None:
    down = SmtpServer(port=free_port())
    notifier = SmtpNotifier(
        SmtpTarget.from_url(down.url), SENDER, world.ports.users, backoff_s=30.0, drain_s=0.2
    ).start()
    _timed_checkout(evolve(world.ports, notifier=notifier), world)
    wait_for(lambda: notifier.queued == 1, what="the mail waiting for its retry")
    with caplog.at_level(logging.WARNING, logger="food.mail"):
        started = time.monotonic()
        notifier.close()
        assert time.monotonic() - started < 1.5
    [record] = [r for r in caplog.records if r.getMessage() == "mails not sent: stopping"]
    assert record.__dict__["unsent"] == 1


# --- through the API: the container's notifier Resource --------------------------------


def _api_container(url: str = "", **settings: object) -> Container:
    from adapters.clock import ManualClock
    from adapters.memory import FakePaymentGateway
    from services.api.settings import Settings

    clock = ManualClock()
    return build_test_container(
        Settings.for_tests(smtp_url=url, **settings),
        clock,
        FakePaymentGateway(clock),
        seeded_store(),
    )


def test_the_api_places_and_pays_while_the_smtp_server_hangs_and_mails_once_healthy(
    server: SmtpServer,
) -> None:
    from services.api.app import create_app

    server.behaviour.mode = HANG
    container = _api_container(server.url, smtp_timeout_s=2.0)
    with Api(create_app(container)) as api:
        customer = api.client()
        customer.signup()
        started = time.monotonic()
        order = customer.ordered((11, 2))
        paid = customer.pay(order["order_id"])
        took = time.monotonic() - started
        assert paid.status_code == 200, paid.text
        assert paid.json()["order"]["order_status"] == "CONFIRMED"
        assert took < 2.0, f"checkout took {took:.2f}s while the mail server hung"
        wait_for(lambda: server.behaviour.tries >= 1, what="the worker reaching DATA")
        server.behaviour.mode = OK
        wait_for(lambda: server.mails(), timeout=20.0, what="the confirmation mail")
    [mail] = server.mails()
    assert mail[ORDER_HEADER] == str(order["order_id"]) and mail[NOTICE_HEADER] == "confirmed"
    assert mail["To"] == "Customer 1 <customer1@example.com>"


def test_without_an_smtp_url_mail_is_off_and_the_api_says_so_once(
    caplog: pytest.LogCaptureFixture,
) -> None:
    from services.api.app import create_app

    container = _api_container()
    with caplog.at_level(logging.INFO, logger="food.api"), Api(create_app(container)) as api:
        customer = api.client()
        customer.signup()
        order = customer.ordered((11, 1))
        assert customer.pay(order["order_id"]).status_code == 200
        assert isinstance(container.notifier(), NoNotifier)
    said = [r for r in caplog.records if r.getMessage().startswith("mail off")]
    assert len(said) == 1


# --- the local stack's sink ------------------------------------------------------------


def test_the_stack_sink_keeps_each_mail_as_a_file_to_read(
    world: World, tmp_path: Path, notifiers: list[SmtpNotifier]
) -> None:
    folder = tmp_path / "mail"
    sink = SmtpServer()
    sink.behaviour = MailFolder(folder)  # type: ignore[assignment]
    sink.start()
    try:
        notifier = _notifier(world, sink.url, notifiers)
        order = _checkout(evolve(world.ports, notifier=notifier), world)
        wait_for(lambda: len(list(folder.glob("*.eml"))) == 1, what="the mail on disk")
    finally:
        sink.stop()
    [kept] = mails(folder)
    assert kept[NOTICE_HEADER] == "confirmed" and kept[ORDER_HEADER] == str(order.order_id)
    [readable] = folder.glob("*.txt")
    assert f"{order.order_id}-confirmed" in readable.name
    text = readable.read_text()
    assert "Subject: Order" in text and "Bill:" in text and "₹" in text
    assert list(folder.glob("*.part")) == []
