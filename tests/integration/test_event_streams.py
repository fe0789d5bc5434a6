"""Order event streams are bounded: a few per user across replicas (429 beyond), and
they end with their session (logout, expiry). The slot bookkeeping itself
(:class:`StreamSlot`) is tested first, on the reference leases and a manual clock."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import ExitStack
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from dependency_injector import providers

from adapters.clock import ManualClock
from adapters.memory.requests import MemoryStreamLeases
from services.api.app import create_app
from services.api.container import Container
from services.api.routes.events import SESSION_ENDED
from services.api.settings import Settings
from services.api.stream_slots import StreamSlot
from tests.integration.support import API, DOSA, Api, ApiClient

PERIOD = 30.0
LIMIT = 2
START = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)  # a period boundary (30 s divides it)


# --- the slots (no HTTP) ---


def _slot(leases: MemoryStreamLeases, clock: ManualClock, limit: int = LIMIT) -> StreamSlot:
    return StreamSlot(leases, clock, 7, limit=limit, period_s=PERIOD)


def test_only_the_limit_of_slots_open_and_a_closed_one_frees_its_place() -> None:
    leases, clock = MemoryStreamLeases(), ManualClock(START)
    first, second, third = (_slot(leases, clock) for _ in range(3))
    assert first.open() and second.open()
    assert not third.open()
    first.close()
    assert third.open()
    # Another user's streams have slots of their own.
    assert StreamSlot(leases, clock, 8, limit=LIMIT, period_s=PERIOD).open()


def test_an_open_stream_renews_its_slot_period_after_period() -> None:
    leases, clock = MemoryStreamLeases(), ManualClock(START)
    slot = _slot(leases, clock, limit=1)
    assert slot.open()
    for _ in range(5):
        clock.advance(timedelta(seconds=PERIOD / 2))
        assert slot.keep()
        clock.advance(timedelta(seconds=PERIOD / 2))
        assert slot.keep()
        assert not _slot(leases, clock, limit=1).open()  # still the one stream
    slot.close()
    assert _slot(leases, clock, limit=1).open()


def test_a_stream_that_finds_the_next_period_full_ends_with_its_own() -> None:
    leases, clock = MemoryStreamLeases(), ManualClock(START)
    slot = _slot(leases, clock, limit=1)
    assert slot.open()
    # Another replica's stream already holds the next period's only slot.
    leases.claim(["stream:7:" + str(int(START.timestamp() // PERIOD) + 1) + ":0"], START)
    clock.advance(timedelta(seconds=PERIOD * 0.9))
    assert slot.keep()  # still its period
    clock.advance(timedelta(seconds=PERIOD * 0.1))
    assert not slot.keep()


def test_slots_of_a_replica_that_died_lapse_with_their_period() -> None:
    leases, clock = MemoryStreamLeases(), ManualClock(START)
    assert _slot(leases, clock, limit=1).open()  # never closed, never kept: it died
    assert not _slot(leases, clock, limit=1).open()
    clock.advance(timedelta(seconds=PERIOD))
    assert _slot(leases, clock, limit=1).open()


def test_closing_twice_never_gives_back_a_slot_someone_else_took_since() -> None:
    leases, clock = MemoryStreamLeases(), ManualClock(START)
    mine = _slot(leases, clock, limit=1)
    assert mine.open()
    mine.close()
    theirs = _slot(leases, clock, limit=1)
    assert theirs.open()
    mine.close()
    assert not _slot(leases, clock, limit=1).open()


# --- over HTTP ---


@pytest.fixture
def settings() -> Settings:
    return Settings.for_tests(
        sse_poll_s=0.02, sse_heartbeat_s=0.05, sse_max_s=20.0, sse_max_per_user=LIMIT
    )


def _url(order: dict[str, object]) -> str:
    return f"{API}/orders/{order['order_id']}/events"


def _opened(stack: ExitStack, client: ApiClient, url: str) -> tuple[httpx.Response, Iterator[str]]:
    response = stack.enter_context(client.stream("GET", url))
    lines = response.iter_lines()
    if response.status_code == 200:
        assert any(line.startswith("event: status") for line in lines)  # it is live
    return response, lines


@pytest.mark.every_store
@pytest.mark.timeout(60)
def test_a_user_may_keep_only_a_few_streams_open(api: Api) -> None:
    customer, other = api.client(), api.client()
    customer.signup(1)
    other.signup(2)
    order = customer.ordered((DOSA, 1), payment_mode="COD")
    theirs = other.ordered((DOSA, 1), payment_mode="COD")
    with ExitStack() as stack:
        for _ in range(LIMIT):
            response, _ = _opened(stack, customer, _url(order))
            assert response.status_code == 200
        refused = customer.get(_url(order))
        assert refused.status_code == 429
        assert refused.headers["content-type"] == "application/problem+json"
        assert refused.json()["code"] == "too_many_streams"
        assert int(refused.headers["Retry-After"]) >= 1
        # Someone else is not affected.
        response, _ = _opened(stack, other, _url(theirs))
        assert response.status_code == 200


@pytest.mark.every_store
@pytest.mark.timeout(60)
def test_a_stream_that_ends_gives_its_slot_back(api: Api) -> None:
    customer = api.client()
    customer.signup()
    order = customer.ordered((DOSA, 1), payment_mode="COD")
    with ExitStack() as stack:
        _opened(stack, customer, _url(order))
        with customer.stream("GET", _url(order)) as leaving:
            assert leaving.status_code == 200
            next(leaving.iter_lines())
        # The client went away: once the server notices, the slot is free again.
        deadline = time.monotonic() + 10
        while True:
            response, _ = _opened(stack, customer, _url(order))
            if response.status_code == 200 or time.monotonic() > deadline:
                break
            time.sleep(0.05)
        assert response.status_code == 200


@pytest.mark.every_store
@pytest.mark.timeout(60)
def test_the_limit_holds_across_replicas_sharing_a_store(container: Container) -> None:
    replica_b = Container()
    for name in ("settings", "clock", "hasher", "gateway", "store"):
        getattr(replica_b, name).override(providers.Object(getattr(container, name)()))
    with Api(create_app(container)) as a, Api(create_app(replica_b)) as b, ExitStack() as stack:
        customer = a.client()
        customer.signup()
        order = customer.ordered((DOSA, 1), payment_mode="COD")
        on_b = b.client()
        on_b.headers["Authorization"] = f"Bearer {customer.token}"
        assert _opened(stack, customer, _url(order))[0].status_code == 200
        assert _opened(stack, on_b, _url(order))[0].status_code == 200
        assert customer.get(_url(order)).status_code == 429
        assert on_b.get(_url(order)).status_code == 429


def _ends_with(lines: Iterator[str], reason: str) -> None:
    rest = list(lines)  # the server ends the stream: this returns
    assert rest, "the stream ended without a word"
    assert any(reason in line for line in rest), rest[-5:]


@pytest.mark.every_store
@pytest.mark.timeout(60)
def test_logging_out_closes_the_sessions_open_streams(api: Api) -> None:
    customer = api.client()
    customer.signup()
    order = customer.ordered((DOSA, 1), payment_mode="COD")
    with ExitStack() as stack:
        _, lines = _opened(stack, customer, _url(order))
        assert customer.post(f"{API}/auth/logout").status_code == 204
        _ends_with(lines, SESSION_ENDED)
    # The slot went back with the stream; the token itself is refused now.
    assert customer.get(_url(order)).status_code == 401


@pytest.mark.every_store
@pytest.mark.timeout(60)
def test_a_stream_ends_when_its_token_expires(
    api: Api, clock: ManualClock, settings: Settings
) -> None:
    customer = api.client()
    customer.signup()
    order = customer.ordered((DOSA, 1), payment_mode="COD")
    with ExitStack() as stack:
        _, lines = _opened(stack, customer, _url(order))
        clock.advance(timedelta(seconds=settings.token_ttl_s))
        _ends_with(lines, SESSION_ENDED)
