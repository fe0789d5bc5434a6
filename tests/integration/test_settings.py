"""Settings from the environment: defaults, production's refusals, and the entry point."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from services.api.settings import Environment, Settings, SettingsError, parse_token_keys

REPO = Path(__file__).resolve().parents[2]
SECRET = "a-random-looking-secret-Q7vX2pLk9mZ4rT8wB1nC"
PRODUCTION = {
    "FOOD_ENV": "production",
    "FOOD_STORE_URL": "sqlite:///tmp/x.db",
    "FOOD_PAYMENTS_URL": "http://127.0.0.1:8090",
    "FOOD_PAYMENTS_SECRET": SECRET,
    "FOOD_TOKEN_KEYS": f"k1:{SECRET}",
    "FOOD_WORKER_ID": "3",
}


def test_local_defaults() -> None:
    settings = Settings.from_env({})
    assert settings.env is Environment.LOCAL
    assert settings.store_url == "memory://"
    assert settings.payments_url == "http://127.0.0.1:8090"
    assert settings.cookie_secure is False
    assert settings.token_ttl_s == 12 * 3600
    assert settings.reconcile_interval_s == 30
    assert (settings.login_max_failures_account, settings.login_max_failures_ip) == (100, 300)
    assert (settings.api_host, settings.api_port) == ("127.0.0.1", 8001)
    assert settings.webapp_dist == "webapp/dist"
    assert len(settings.token_keys) == 1  # generated for this process


def test_test_defaults_use_the_fake_gateway_and_no_sweep() -> None:
    settings = Settings.from_env({"FOOD_ENV": "test"})
    assert settings.payments_url == "fake://"
    assert settings.reconcile_interval_s == 0


def test_production_with_everything_set() -> None:
    settings = Settings.from_env(PRODUCTION)
    assert settings.is_production and settings.cookie_secure
    assert settings.worker_id == 3
    assert [k.kid for k in settings.token_keys] == ["k1"]


@pytest.mark.parametrize(
    "missing",
    [
        "FOOD_STORE_URL",
        "FOOD_PAYMENTS_URL",
        "FOOD_PAYMENTS_SECRET",
        "FOOD_TOKEN_KEYS",
        "FOOD_WORKER_ID",
    ],
)
def test_production_refuses_to_start_without_a_setting(missing: str) -> None:
    environ = {k: v for k, v in PRODUCTION.items() if k != missing}
    with pytest.raises(SettingsError, match=missing):
        Settings.from_env(environ)


def test_production_refuses_the_fake_gateway_and_demo_seeding() -> None:
    with pytest.raises(SettingsError, match="fake://"):
        Settings.from_env({**PRODUCTION, "FOOD_PAYMENTS_URL": "fake://"})
    with pytest.raises(SettingsError, match="FOOD_SEED_DEMO"):
        Settings.from_env({**PRODUCTION, "FOOD_SEED_DEMO": "1"})
    with pytest.raises(SettingsError, match="FOOD_CLOCK_START"):
        Settings.from_env({**PRODUCTION, "FOOD_CLOCK_START": "2026-12-02T12:00:00+05:30"})
    assert Settings.from_env({**PRODUCTION, "FOOD_SEED_DEMO": "0"}).seed_demo is False


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("FOOD_ENV", "staging"),
        ("FOOD_API_PORT", "http"),
        ("FOOD_WORKER_ID", "32"),
        ("FOOD_COOKIE_SECURE", "perhaps"),
        ("FOOD_TRUSTED_PROXIES", "not-an-ip"),
        ("FOOD_TOKEN_KEYS", "k1"),
        ("FOOD_TOKEN_KEYS", "k1:short"),
        ("FOOD_TOKEN_KEYS", f"k1:{SECRET},k1:{SECRET}"),
        ("FOOD_SSE_POLL_S", "-1"),
        ("FOOD_CLOCK_START", "noon"),
        ("FOOD_CLOCK_START", "2026-12-02T12:00:00"),
    ],
)
def test_malformed_settings_are_named(name: str, value: str) -> None:
    with pytest.raises(SettingsError, match=name):
        Settings.from_env({name: value})


def _example_env(name: str) -> dict[str, str]:
    """The KEY=VALUE lines of a deploy/*.env.example file."""
    lines = (REPO / "deploy" / name).read_text().splitlines()
    pairs = (line.split("=", 1) for line in lines if "=" in line and not line.startswith("#"))
    return {key.strip(): value.strip() for key, value in pairs}


def test_production_refuses_the_published_example_env_naming_the_variable() -> None:
    environ = {**PRODUCTION, **_example_env("api.env.example")}
    with pytest.raises(SettingsError, match=r"^FOOD_PAYMENTS_SECRET .*placeholder"):
        Settings.from_env(environ)
    environ["FOOD_PAYMENTS_SECRET"] = SECRET
    with pytest.raises(SettingsError, match=r"^FOOD_TOKEN_KEYS \(key 'k1'\) .*placeholder"):
        Settings.from_env(environ)


@pytest.mark.parametrize(
    ("name", "value", "why"),
    [
        ("FOOD_PAYMENTS_SECRET", "x", "at least 32 bytes"),
        ("FOOD_PAYMENTS_SECRET", "benchmark-secret-0123456789abcdef0123456789abcdef", "published"),
        ("FOOD_PAYMENTS_SECRET", "please-replace-me-with-32-random-bytes!!", "placeholder"),
        ("FOOD_TOKEN_KEYS", "k1:" + "t" * 32, "published"),
        ("FOOD_CURSOR_KEY", "test-secret-0123456789abcdef0123456789abcdef", "published"),
    ],
)
def test_production_refuses_a_short_placeholder_or_published_secret(
    name: str, value: str, why: str
) -> None:
    with pytest.raises(SettingsError, match=rf"^{name}.*{why}") as error:
        Settings.from_env({**PRODUCTION, name: value})
    secret = value.partition(":")[2] or value  # a token key's secret follows its kid
    assert secret not in str(error.value)  # the message names the variable, not the value
    # Outside production the same values are accepted (tests and local runs use them).
    if why != "at least 32 bytes":
        Settings.from_env({**PRODUCTION, "FOOD_ENV": "local", name: value})


def test_token_keys_rotate_first_signs_all_verify() -> None:
    keys = parse_token_keys(f"new:{SECRET}, old:{SECRET}:with:colons")
    assert [k.kid for k in keys] == ["new", "old"]
    assert keys[1].secret == f"{SECRET}:with:colons".encode()
    assert SECRET not in repr(keys)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _run_env(**extra: str) -> dict[str, str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("FOOD_")}
    return environ | extra


def test_the_entry_point_refuses_a_production_start_without_secrets() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "services.api"],
        env=_run_env(FOOD_ENV="production"),
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "FOOD_TOKEN_KEYS" in done.stderr and "FOOD_PAYMENTS_SECRET" in done.stderr


@pytest.mark.timeout(60)
def test_the_entry_point_serves_and_logs_json(tmp_path: Path) -> None:
    port = _free_port()
    log_path = tmp_path / "api.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "services.api"],
            env=_run_env(
                FOOD_ENV="test",
                FOOD_API_PORT=str(port),
                FOOD_REPLICA_NAME="api-test",
                FOOD_SEED_DEMO="1",
            ),
            cwd=REPO,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert process.poll() is None, log_path.read_text()
            assert time.monotonic() < deadline, log_path.read_text()
            time.sleep(0.1)
        cities = httpx.get(f"{base}/api/v1/cities", headers={"X-Request-ID": "entry-1"}).json()
        assert len(cities["cities"]) > 1  # FOOD_SEED_DEMO loaded the demo catalog
    finally:
        process.terminate()
        process.wait(timeout=20)
    lines = [json.loads(line) for line in log_path.read_text().splitlines() if line.strip()]
    access = [line for line in lines if line.get("logger") == "food.access"]
    assert any(
        line["request_id"] == "entry-1" and line["route"] == "/api/v1/cities" for line in access
    )
    assert all(line.get("replica") == "api-test" for line in lines)
