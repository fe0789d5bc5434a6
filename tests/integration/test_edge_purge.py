"""The sweep purges the edge's shared state once it has outlived its use — replayable
requests after their retention, revocations after their token expired, old login
failures, expired stream leases — on the memory store and on FerretDB."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from dependency_injector import providers
from starlette.applications import Starlette

from adapters.clock import ManualClock
from services.api.container import Container
from services.api.settings import Settings
from services.api.sweep import purge_edge_state
from tests.integration.support import API, PASSWORD, Api, new_key

pytestmark = pytest.mark.every_store

SIGNUP = {
    "user_name": "Asha",
    "email": "asha@example.com",
    "phone": "9876543210",
    "password": PASSWORD,
}


def _container(app: Starlette) -> Container:
    container: Container = app.state.container
    return container


def test_a_replayable_signup_is_purged_after_its_retention_and_not_before(
    api: Api, app: Starlette, clock: ManualClock
) -> None:
    key = new_key()
    client = api.client()
    first = client.post(f"{API}/auth/signup", json=SIGNUP, headers={"Idempotency-Key": key})
    assert first.status_code == 201
    clock.advance(timedelta(hours=23, minutes=59))
    assert purge_edge_state(_container(app))["request_log"] == 0
    replay = client.post(f"{API}/auth/signup", json=SIGNUP, headers={"Idempotency-Key": key})
    assert replay.headers.get("Idempotent-Replayed") == "true"
    clock.advance(timedelta(minutes=2))
    assert purge_edge_state(_container(app))["request_log"] == 1
    # The stored answer (with the new user in it) is gone: the same request runs afresh.
    again = client.post(f"{API}/auth/signup", json=SIGNUP, headers={"Idempotency-Key": key})
    assert again.status_code == 409
    assert "Idempotent-Replayed" not in again.headers


def test_a_revocation_is_kept_while_its_token_could_be_used_and_purged_after(
    api: Api, app: Starlette, clock: ManualClock, settings: Settings
) -> None:
    client = api.client()
    client.signup()
    token = client.token
    assert client.post(f"{API}/auth/logout").status_code == 204
    container = _container(app)
    jti = container.tokens().verify(str(token)).token_id
    clock.advance(timedelta(seconds=settings.token_ttl_s - 1))
    assert purge_edge_state(container)["revoked_tokens"] == 0
    assert container.revoked_tokens().is_revoked(jti)
    # Past its expiry (and the clock-skew allowance) the token is refused as expired
    # anyway, so its revocation is no longer needed.
    clock.advance(timedelta(minutes=6))
    assert purge_edge_state(container)["revoked_tokens"] == 1
    assert not container.revoked_tokens().is_revoked(jti)
    assert client.get(f"{API}/me").status_code == 401


def test_login_failures_older_than_the_window_are_purged(
    api: Api, app: Starlette, clock: ManualClock, settings: Settings
) -> None:
    attacker = api.client()
    for n in range(3):
        response = attacker.post(
            f"{API}/auth/login", json={"email": f"v{n}@example.com", "password": "guess"}
        )
        assert response.status_code == 401
    container = _container(app)
    assert purge_edge_state(container)["login_failures"] == 0
    clock.advance(timedelta(seconds=settings.login_window_s) + timedelta(minutes=6))
    assert purge_edge_state(container)["login_failures"] > 0
    assert purge_edge_state(container)["login_failures"] == 0


@pytest.mark.timeout(30)
def test_the_running_sweep_purges(container: Container, clock: ManualClock) -> None:
    from services.api.app import create_app

    swept = Settings.for_tests(reconcile_interval_s=0.02, purge_interval_s=0.02)
    container.settings.override(providers.Object(swept))
    app = create_app(container)
    with Api(app) as api:
        key = new_key()
        client = api.client()
        headers = {"Idempotency-Key": key}
        assert client.post(f"{API}/auth/signup", json=SIGNUP, headers=headers).status_code == 201
        clock.advance(timedelta(days=2))
        deadline = time.monotonic() + 10
        status = 201
        while time.monotonic() < deadline and status == 201:
            time.sleep(0.05)
            status = client.post(f"{API}/auth/signup", json=SIGNUP, headers=headers).status_code
        assert status == 409  # no longer replayed: the sweep purged the record
