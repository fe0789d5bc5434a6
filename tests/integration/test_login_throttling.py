"""Failed logins are throttled per (account, client) with a progressive delay, per
account from unknown devices, and per client network — and none of it lets an attacker
elsewhere lock the owner out. 429 with Retry-After; a wrong password stays a 401."""

from __future__ import annotations

import threading
from datetime import timedelta

import httpx
import pytest
from dependency_injector import providers
from starlette.applications import Starlette

from adapters.clock import ManualClock
from services.api.app import create_app
from services.api.auth.client_ip import client_bucket
from services.api.auth.throttle import DEVICE_COOKIE, DEVICE_COOKIE_PATH
from services.api.container import Container
from services.api.settings import Settings, parse_networks
from tests.integration.support import API, PASSWORD, Api, ApiClient

WINDOW = timedelta(hours=1)
EMAIL = "customer1@example.com"


@pytest.fixture
def settings() -> Settings:
    return Settings.for_tests(
        login_max_failures_client=6,
        login_max_failures_account=8,
        login_max_failures_ip=12,
        login_window_s=int(WINDOW.total_seconds()),
        trusted_proxies=parse_networks("127.0.0.1"),
    )


def _login(client: ApiClient, email: str, password: str, **headers: str) -> httpx.Response:
    return client.post(
        f"{API}/auth/login", json={"email": email, "password": password}, headers=headers
    )


def _from(api: Api, ip: str) -> ApiClient:
    return api.client(client_address=(ip, 4000))


def _refused(response: httpx.Response) -> int:
    assert response.status_code == 429, response.text
    assert response.json()["code"] == "too_many_attempts"
    return int(response.headers["Retry-After"])


def test_guessing_from_one_client_slows_down_then_stops_there_only(
    api: Api, clock: ManualClock
) -> None:
    _from(api, "198.51.100.1").signup()
    attacker = _from(api, "203.0.113.9")
    for _ in range(3):  # a few free tries
        assert _login(attacker, EMAIL, "wrong password").status_code == 401
    waits = []
    for _ in range(3):  # then each try waits twice as long as the one before
        wait = _refused(_login(attacker, EMAIL, "wrong password"))
        waits.append(wait)
        clock.advance(timedelta(seconds=wait))
        assert _login(attacker, EMAIL, "wrong password").status_code == 401
    assert waits == [1, 2, 4]
    clock.advance(timedelta(seconds=8))
    # Six failures from this client: it is done for the window, even with the password.
    assert _refused(_login(attacker, EMAIL, PASSWORD)) == int(WINDOW.total_seconds())
    # The owner, elsewhere, signs in at once.
    assert _login(_from(api, "198.51.100.1"), EMAIL, PASSWORD).status_code == 200
    clock.advance(WINDOW)
    assert _login(attacker, EMAIL, "wrong password").status_code == 401


def test_an_attacker_spread_over_many_networks_cannot_lock_the_owner_out(
    api: Api, clock: ManualClock
) -> None:
    owner = _from(api, "198.51.100.1")
    owner.signup(cookies=True)  # the owner's browser: a known device of the account
    assert owner.cookies.get(DEVICE_COOKIE, path=DEVICE_COOKIE_PATH)
    for n in range(8):  # the account's ceiling, one failure from each of 8 networks
        attacker = _from(api, f"203.0.113.{n + 1}")
        assert _login(attacker, EMAIL, "wrong password").status_code == 401
    # Any new device now waits out the window — the right password makes no difference…
    assert _refused(_login(_from(api, "203.0.113.200"), EMAIL, PASSWORD)) == 3600
    assert _refused(_login(_from(api, "198.51.100.1"), EMAIL, PASSWORD)) == 3600
    # …but the owner's own browser signs in.
    assert _login(owner, EMAIL, PASSWORD).status_code == 200


def test_a_device_cookie_counts_only_for_the_account_it_was_issued_for(api: Api) -> None:
    mallory = _from(api, "203.0.113.1")
    mallory.signup(2, cookies=True)  # a known device — of Mallory's own account
    _from(api, "198.51.100.1").signup(1)
    for n in range(8):
        _login(_from(api, f"203.0.113.{n + 10}"), EMAIL, "wrong password")
    assert _refused(_login(mallory, EMAIL, "wrong password")) == 3600
    forged = _from(api, "203.0.113.2")
    forged.cookies.set(DEVICE_COOKIE, "made.up", path=DEVICE_COOKIE_PATH)
    assert _refused(_login(forged, EMAIL, PASSWORD)) == 3600


def test_a_success_resets_the_clients_count(api: Api) -> None:
    client = api.client()
    client.signup()
    for _ in range(2):
        _login(client, EMAIL, "wrong password")
    assert _login(client, EMAIL, PASSWORD).status_code == 200
    for _ in range(3):
        assert _login(client, EMAIL, "wrong password").status_code == 401


def test_a_wrong_password_and_an_unknown_account_are_the_same_401(api: Api) -> None:
    _from(api, "198.51.100.1").signup()
    wrong = _login(_from(api, "203.0.113.1"), EMAIL, "wrong password")
    unknown = _login(_from(api, "203.0.113.2"), "nobody@example.com", "wrong password")
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json() == unknown.json()


def test_one_network_guessing_many_accounts_is_limited(api: Api) -> None:
    attacker = _from(api, "203.0.113.9")
    for n in range(12):
        response = _login(attacker, f"victim{n}@example.com", "guess")
        assert response.status_code == 401
    _refused(_login(attacker, "victim99@example.com", "guess"))
    # Someone else, from another address, is not affected.
    bystander = _from(api, "198.51.100.7")
    assert _login(bystander, "victim99@example.com", "guess").status_code == 401


def test_ipv6_clients_are_counted_per_64(api: Api) -> None:
    # Every address of one /64 is one client: hopping addresses inside it gains nothing.
    for n in range(12):
        hopper = _from(api, f"2001:db8:1:2::{n + 1:x}")
        assert _login(hopper, f"victim{n}@example.com", "guess").status_code == 401
    _refused(_login(_from(api, "2001:db8:1:2:ffff:ffff:ffff:ffff"), "v@example.com", "g"))
    # The next /64 is someone else.
    neighbour = _from(api, "2001:db8:1:3::1")
    assert _login(neighbour, "v@example.com", "guess").status_code == 401


def test_forwarded_for_counts_only_behind_a_trusted_proxy(api: Api) -> None:
    proxy = _from(api, "127.0.0.1")
    for n in range(12):
        _login(proxy, f"v{n}@example.com", "guess", **{"X-Forwarded-For": "203.0.113.50"})
    # The client behind the proxy is blocked…
    blocked = _login(proxy, "v99@example.com", "guess", **{"X-Forwarded-For": "203.0.113.50"})
    _refused(blocked)
    # …others behind the same proxy are not.
    other = _login(proxy, "v99@example.com", "guess", **{"X-Forwarded-For": "203.0.113.51"})
    assert other.status_code == 401
    # An untrusted peer cannot dodge its own count by making up a forwarded address.
    direct = _from(api, "198.51.100.1")
    for n in range(12):
        _login(direct, f"w{n}@example.com", "guess", **{"X-Forwarded-For": f"10.0.0.{n}"})
    _refused(_login(direct, "w99@example.com", "guess", **{"X-Forwarded-For": "10.9.9.9"}))


def test_the_limits_hold_across_replicas_sharing_a_store(
    container: Container, app: Starlette, settings: Settings
) -> None:
    # Two apps (replicas) with one set of login attempts, as a shared store provides.
    shared = container.login_attempts()
    second = Container()
    for name in ("settings", "clock", "hasher", "gateway", "store"):
        getattr(second, name).override(providers.Object(getattr(container, name)()))
    second.login_attempts.override(providers.Object(shared))
    with Api(app) as a, Api(create_app(second)) as b:
        a.client().signup()
        for n in range(8):
            replica = (a, b)[n % 2]
            _login(_from(replica, f"203.0.113.{n + 1}"), EMAIL, "wrong password")
        _refused(_login(_from(b, "203.0.113.99"), EMAIL, PASSWORD))


@pytest.mark.every_store
@pytest.mark.timeout(120)
def test_concurrent_failed_logins_never_get_past_a_budget(api: Api, settings: Settings) -> None:
    # Sixteen guesses from one network at the same moment, each at another account (so
    # only the network's budget of 12 applies): at most 12 may reach a password check.
    racers = 16
    barrier = threading.Barrier(racers)
    statuses: list[int] = []
    lock = threading.Lock()

    def guess(n: int) -> None:
        client = _from(api, "203.0.113.77")
        barrier.wait(30)
        status = _login(client, f"racer{n}@example.com", "guess").status_code
        with lock:
            statuses.append(status)

    threads = [threading.Thread(target=guess, args=(n,)) for n in range(racers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert sorted(set(statuses)) <= [401, 429] and len(statuses) == racers
    assert statuses.count(401) <= settings.login_max_failures_ip
    assert statuses.count(401) >= 1  # and the throttle still lets someone through


@pytest.mark.parametrize(
    ("ip", "bucket"),
    [
        ("203.0.113.9", "203.0.113.9"),
        ("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"),
        ("2001:DB8:1:2::", "2001:db8:1:2::/64"),
        ("::ffff:203.0.113.9", "203.0.113.9"),  # IPv4-mapped: the IPv4 client it is
        ("fe80::1%eth0", "fe80::/64"),
        ("testclient", "testclient"),
    ],
)
def test_clients_are_bucketed_by_ipv4_address_or_ipv6_64(ip: str, bucket: str) -> None:
    assert client_bucket(ip) == bucket
