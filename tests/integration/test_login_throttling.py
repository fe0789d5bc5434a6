"""Failed logins are limited per account and per client IP (429 with Retry-After)."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest
from dependency_injector import providers
from starlette.applications import Starlette

from adapters.clock import ManualClock
from services.api.app import create_app
from services.api.container import Container
from services.api.settings import Settings, parse_networks
from tests.integration.support import API, PASSWORD, Api, ApiClient

WINDOW = timedelta(hours=1)


@pytest.fixture
def settings() -> Settings:
    return Settings.for_tests(
        login_max_failures_account=3,
        login_max_failures_ip=5,
        login_window_s=int(WINDOW.total_seconds()),
        trusted_proxies=parse_networks("127.0.0.1"),
    )


def _login(client: ApiClient, email: str, password: str, **headers: str) -> httpx.Response:
    return client.post(
        f"{API}/auth/login", json={"email": email, "password": password}, headers=headers
    )


def test_an_account_is_locked_after_too_many_failures(api: Api, clock: ManualClock) -> None:
    owner = api.client()
    owner.signup()
    attacker = api.client()
    email = "customer1@example.com"
    for _ in range(3):
        assert _login(attacker, email, "wrong password").status_code == 401
    locked = _login(attacker, email, "wrong password")
    assert locked.status_code == 429
    assert locked.json()["code"] == "too_many_attempts"
    assert int(locked.headers["Retry-After"]) == 3600
    # Even the right password waits: the check comes before the password is looked at.
    assert _login(owner, email, PASSWORD).status_code == 429
    # Same account, other spelling of the email: still the same account.
    assert _login(owner, "  Customer1@Example.com ", PASSWORD).status_code == 429

    clock.advance(WINDOW + timedelta(seconds=1))
    assert _login(owner, email, PASSWORD).status_code == 200


def test_a_success_resets_the_accounts_count(api: Api) -> None:
    client = api.client()
    client.signup()
    email = "customer1@example.com"
    for _ in range(2):
        _login(client, email, "wrong password")
    assert _login(client, email, PASSWORD).status_code == 200
    for _ in range(2):
        assert _login(client, email, "wrong password").status_code == 401


def test_one_ip_guessing_many_accounts_is_limited(api: Api) -> None:
    attacker = api.client(client_address=("203.0.113.9", 4000))
    for n in range(5):
        response = _login(attacker, f"victim{n}@example.com", "guess")
        assert response.status_code == 401
    blocked = _login(attacker, "victim9@example.com", "guess")
    assert blocked.status_code == 429
    # Someone else, from another address, is not affected.
    bystander = api.client(client_address=("198.51.100.7", 4000))
    assert _login(bystander, "victim9@example.com", "guess").status_code == 401


def test_forwarded_for_counts_only_behind_a_trusted_proxy(api: Api) -> None:
    proxy = api.client(client_address=("127.0.0.1", 4000))
    for n in range(5):
        _login(proxy, f"v{n}@example.com", "guess", **{"X-Forwarded-For": "203.0.113.50"})
    # The client behind the proxy is blocked…
    blocked = _login(proxy, "v9@example.com", "guess", **{"X-Forwarded-For": "203.0.113.50"})
    assert blocked.status_code == 429
    # …others behind the same proxy are not.
    other = _login(proxy, "v9@example.com", "guess", **{"X-Forwarded-For": "203.0.113.51"})
    assert other.status_code == 401
    # An untrusted peer cannot dodge its own count by making up a forwarded address.
    direct = api.client(client_address=("198.51.100.1", 4000))
    for n in range(5):
        _login(direct, f"w{n}@example.com", "guess", **{"X-Forwarded-For": f"10.0.0.{n}"})
    spoofed = _login(direct, "w9@example.com", "guess", **{"X-Forwarded-For": "10.9.9.9"})
    assert spoofed.status_code == 429


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
        email = "customer1@example.com"
        for replica in (a, b, a):
            _login(replica.client(), email, "wrong password")
        locked = _login(b.client(), email, PASSWORD)
        assert locked.status_code == 429
