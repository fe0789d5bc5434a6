"""Sessions: bearer tokens, the cookie session with its CSRF token, logout, expiry, keys."""

from __future__ import annotations

from datetime import timedelta

import jwt
import pytest
from dependency_injector import providers
from starlette.applications import Starlette

from adapters.clock import ManualClock
from services.api.app import create_app
from services.api.container import Container
from services.api.settings import MIN_SECRET_BYTES, Settings, TokenKey
from tests.integration.support import API, DOSA, PASSWORD, Api, ApiClient


def test_signup_sets_an_httponly_strict_session_cookie_and_a_csrf_cookie(api: Api) -> None:
    client = api.client()
    client.signup(cookies=True)
    cookies = client.cookies
    assert cookies["food_session"]
    assert cookies["food_csrf"]
    raw = client.post(
        f"{API}/auth/login", json={"email": "customer1@example.com", "password": PASSWORD}
    ).headers.get_list("set-cookie")
    session = next(c for c in raw if c.startswith("food_session="))
    csrf = next(c for c in raw if c.startswith("food_csrf="))
    assert "HttpOnly" in session and "SameSite=strict" in session
    assert "HttpOnly" not in csrf and "SameSite=strict" in csrf
    assert "Secure" not in session  # FOOD_COOKIE_SECURE is off in tests


@pytest.mark.parametrize("path", ["signup", "login"])
def test_the_token_is_in_the_body_only_when_the_client_asks_for_bearer_auth(
    api: Api, path: str
) -> None:
    api.client().signup()
    body: dict[str, object] = {
        "user_name": "Asha",
        "email": "customer1@example.com" if path == "login" else "asha@example.com",
        "phone": "9876543210",
        "password": PASSWORD,
    }
    if path == "login":
        body = {"email": body["email"], "password": PASSWORD}
    web = api.client()
    cookie_only = web.post(f"{API}/auth/{path}", json=body)
    assert cookie_only.status_code in (200, 201), cookie_only.text
    # The web app's answer: the user, and the session only in the HttpOnly cookie,
    # where no script (an injected one included) can read it.
    assert set(cookie_only.json()) == {"user"}
    assert web.cookies["food_session"]
    assert web.get(f"{API}/me").status_code == 200
    if path == "signup":
        body = {**body, "email": "ravi@example.com", "phone": "9876543211"}
    app_client = api.client()
    bearer = app_client.post(f"{API}/auth/{path}", json={**body, "bearer": True})
    token = bearer.json()["token"]
    assert token == app_client.cookies["food_session"]
    assert (
        api.client().get(f"{API}/me", headers={"Authorization": f"Bearer {token}"}).status_code
        == 200
    )
    refused = api.client().post(f"{API}/auth/{path}", json={**body, "bearer": "yes"})
    assert refused.status_code == 422
    assert [e["field"] for e in refused.json()["errors"]] == ["bearer"]


def test_cookie_session_reads_without_csrf_but_changes_need_it(api: Api) -> None:
    client = api.client()
    client.signup(cookies=True)
    assert "Authorization" not in client.headers
    assert client.get(f"{API}/me").status_code == 200

    refused = client.put(f"{API}/cart/items/{DOSA}", json={"quantity": 1})
    assert refused.status_code == 403
    assert refused.json()["code"] == "csrf_failed"

    wrong = client.put(
        f"{API}/cart/items/{DOSA}", json={"quantity": 1}, headers={"X-CSRF-Token": "guess"}
    )
    assert wrong.status_code == 403

    accepted = client.put(
        f"{API}/cart/items/{DOSA}",
        json={"quantity": 1},
        headers={"X-CSRF-Token": client.cookies["food_csrf"]},
    )
    assert accepted.status_code == 200


def test_a_csrf_token_of_another_session_does_not_fit(api: Api) -> None:
    mine, theirs = api.client(), api.client()
    mine.signup(1, cookies=True)
    theirs.signup(2, cookies=True)
    planted = theirs.cookies["food_csrf"]
    mine.cookies.set("food_csrf", planted)
    response = mine.put(
        f"{API}/cart/items/{DOSA}", json={"quantity": 1}, headers={"X-CSRF-Token": planted}
    )
    assert response.status_code == 403


def test_bearer_requests_need_no_csrf_token(client: ApiClient) -> None:
    client.signup()
    assert client.put(f"{API}/cart/items/{DOSA}", json={"quantity": 1}).status_code == 200


def test_requests_without_a_session_are_401(api: Api) -> None:
    client = api.client()
    response = client.get(f"{API}/cart")
    assert response.status_code == 401
    assert response.json()["code"] == "unauthenticated"
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    for header in ("Bearer", "Basic abc", "Bearer not-a-token", "Token x"):
        answer = client.get(f"{API}/cart", headers={"Authorization": header})
        assert answer.status_code == 401, header


def test_logout_revokes_the_token_and_clears_the_cookies(api: Api) -> None:
    client = api.client()
    client.signup()
    token = client.token
    response = client.post(f"{API}/auth/logout")
    assert response.status_code == 204
    cleared = response.headers.get_list("set-cookie")
    for name in ("food_session", "food_csrf"):
        assert any(c.startswith(f"{name}=") and "Max-Age=0" in c for c in cleared), cleared
    again = api.client().get(f"{API}/me", headers={"Authorization": f"Bearer {token}"})
    assert again.status_code == 401
    assert again.json()["code"] == "unauthenticated"


def test_logout_of_a_cookie_session_needs_csrf_and_ends_it(api: Api) -> None:
    client = api.client()
    client.signup(cookies=True)
    assert client.post(f"{API}/auth/logout").status_code == 403
    csrf = client.cookies["food_csrf"]
    token = client.token
    assert client.post(f"{API}/auth/logout", headers={"X-CSRF-Token": csrf}).status_code == 204
    assert "food_session" not in client.cookies
    stale = api.client().get(f"{API}/me", headers={"Authorization": f"Bearer {token}"})
    assert stale.status_code == 401


def test_tokens_expire_after_12_hours(client: ApiClient, clock: ManualClock) -> None:
    client.signup()
    clock.advance(timedelta(hours=11, minutes=59))
    assert client.get(f"{API}/me").status_code == 200
    clock.advance(timedelta(minutes=2))
    assert client.get(f"{API}/me").status_code == 401


def test_tokens_carry_the_documented_claims(client: ApiClient) -> None:
    client.signup()
    assert client.token is not None
    header = jwt.get_unverified_header(client.token)
    claims = jwt.decode(client.token, options={"verify_signature": False})
    assert header["alg"] == "HS256" and header["kid"] == "test"
    assert set(claims) == {"sub", "jti", "iat", "exp", "role"}
    assert claims["sub"] == str(client.user_id) and claims["role"] == "CUSTOMER"
    assert claims["exp"] - claims["iat"] == 12 * 3600


def test_a_tampered_or_foreign_token_is_refused(client: ApiClient) -> None:
    client.signup()
    assert client.token is not None
    forged = jwt.encode(
        {"sub": str(client.user_id), "jti": "x", "iat": 0, "exp": 2**40, "role": "PARTNER"},
        "s" * MIN_SECRET_BYTES,
        algorithm="HS256",
        headers={"kid": "test"},
    )
    assert client.get(f"{API}/me", headers={"Authorization": f"Bearer {forged}"}).status_code == 401
    unsigned = jwt.encode(
        {"sub": str(client.user_id), "jti": "x", "iat": 0, "exp": 2**40, "role": "CUSTOMER"},
        None,
        algorithm="none",
    )
    assert (
        client.get(f"{API}/me", headers={"Authorization": f"Bearer {unsigned}"}).status_code == 401
    )


OLD = TokenKey("old", b"o" * MIN_SECRET_BYTES)
NEW = TokenKey("new", b"n" * MIN_SECRET_BYTES)


@pytest.mark.parametrize("verifying_keys", [(NEW, OLD)])
def test_key_rotation_keeps_old_tokens_valid_while_the_old_key_verifies(
    container: Container, app: Starlette, verifying_keys: tuple[TokenKey, ...]
) -> None:
    # Sign with the old key…
    container.settings.override(providers.Object(Settings.for_tests(token_keys=(OLD,))))
    with Api(app) as api:
        client = api.client()
        client.signup()
        old_token = client.token
    # …then restart with the new key first and the old one still verifying.
    container.settings.override(providers.Object(Settings.for_tests(token_keys=verifying_keys)))
    container.tokens.reset()
    with Api(create_app(container)) as api:
        fresh = api.client()
        me = fresh.get(f"{API}/me", headers={"Authorization": f"Bearer {old_token}"})
        assert me.status_code == 200
        fresh.login("customer1@example.com", PASSWORD)
        assert jwt.get_unverified_header(fresh.token or "")["kid"] == "new"
    # Once the old key is dropped, its tokens stop working.
    container.settings.override(providers.Object(Settings.for_tests(token_keys=(NEW,))))
    container.tokens.reset()
    with Api(create_app(container)) as api:
        stale = api.client().get(f"{API}/me", headers={"Authorization": f"Bearer {old_token}"})
        assert stale.status_code == 401


def test_secure_cookies_when_configured(container: Container, app: Starlette) -> None:
    container.settings.override(providers.Object(Settings.for_tests(cookie_secure=True)))
    with Api(app) as api:
        client = api.client()
        response = client.post(
            f"{API}/auth/signup",
            json={
                "user_name": "Asha",
                "email": "asha@example.com",
                "phone": "9876543210",
                "password": PASSWORD,
            },
        )
        assert all("Secure" in c for c in response.headers.get_list("set-cookie"))
