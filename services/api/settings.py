"""The API's settings, read once from environment variables (twelve-factor, docs/design.md §8).

Every variable, its default and what it does:

``FOOD_ENV``
    ``production``, ``local`` (default) or ``test``. In production the secrets, the store
    URL, the payments URL and the worker id have no default: a missing one refuses startup
    with a message naming it. Elsewhere missing secrets are generated per process (fine
    for one replica; a stack of several passes the same values to each).
``FOOD_STORE_URL``
    ``memory://`` (default outside production), ``sqlite:///path``,
    ``postgresql+psycopg://…`` or ``mongodb://…``.
``FOOD_PAYMENTS_URL``
    The payments service, e.g. ``http://127.0.0.1:8090`` (default in ``local``).
    ``fake://`` selects the in-process fake gateway (default in ``test``; refused in
    production).
``FOOD_PAYMENTS_SECRET``
    The HMAC secret shared with the payments service.
``FOOD_PAYMENTS_TIMEOUT_S``
    The whole budget of one call to the payments service, retries included (default 3).
``FOOD_TOKEN_KEYS``
    ``kid1:secret1,kid2:secret2``: the first key signs new tokens, all of them verify
    (rotate by putting the new key first and dropping the old one a token lifetime later).
    Each secret must be at least 32 bytes.
``FOOD_TOKEN_TTL_S``
    Session token lifetime in seconds (default 43200, i.e. 12 h).
``FOOD_WORKER_ID``
    0–31, distinct per writing process (ids are unique across replicas because of it).
``FOOD_WEBAPP_DIST``
    The built web app served at ``/`` (default ``webapp/dist``; skipped if absent).
``FOOD_COOKIE_SECURE``
    ``1``/``0``: mark session cookies ``Secure`` (default on in production only).
``FOOD_TRUSTED_PROXIES``
    Comma-separated IPs or networks whose ``X-Forwarded-For`` is believed
    (default ``127.0.0.1``).
``FOOD_LOGIN_MAX_FAILURES_CLIENT``
    Failed logins allowed per account from one client (its IPv4 address or IPv6 /64, or
    a known device) in the window (default 10), after a delay that doubles from the
    fourth failure on (1 s … 60 s).
``FOOD_LOGIN_MAX_FAILURES_ACCOUNT`` / ``FOOD_LOGIN_MAX_FAILURES_IP``
    Failed logins allowed per account from clients that are not a known device of it /
    per client across accounts, in the window (defaults 100 / 300).
``FOOD_LOGIN_WINDOW_S``
    The login-throttling window in seconds (default 3600).
``FOOD_RECONCILE_INTERVAL_S``
    Seconds between reconciliation sweeps; 0 turns the sweep off (default 30; 0 in test).
``FOOD_REQUEST_LOG_RETENTION_S``
    How long a replayable request (``Idempotency-Key``) is kept before the sweep purges
    it, in seconds (default and minimum 86400, i.e. 24 h).
``FOOD_PURGE_INTERVAL_S``
    Seconds between the sweep's purges of expired edge state: request-log records past
    their retention, revocations of expired tokens, old login failures, expired stream
    leases (default 3600; the first sweep after startup purges).
``FOOD_CATALOG_CACHE_S``
    How long a replica may serve cities, searches, restaurants and menus from memory
    (default 5; 0 in test turns the cache off). Prices and availability for carts and
    orders are always read from the store.
``FOOD_REVOCATION_CACHE_S``
    How long a replica remembers that a session token was not revoked (default 1; 0 in
    test asks the store on every request). A logout is refused at once by the replica
    that handled it and by every other replica within this time.
``FOOD_UNPAID_ORDER_TTL_S``
    How long an order waits for a payment (PENDING_PAYMENT or PAYMENT_FAILED, nothing in
    flight, no change) before the sweep cancels it (default 900; at least 60).
``FOOD_CLOCK_START``
    Local and test stacks only: run the API's clock from this instant (ISO 8601 with a
    zone) at real speed, so tests pick the time of day that open hours see.
``FOOD_CURSOR_KEY``
    The key that signs search cursors (at least 32 bytes). Default: derived from the
    first ``FOOD_TOKEN_KEYS`` secret, so replicas sharing token keys agree; rotating that
    key makes cursors already handed out invalid (a client starts the search again).
``FOOD_SSE_POLL_S`` / ``FOOD_SSE_HEARTBEAT_S`` / ``FOOD_SSE_MAX_S``
    Order event streams: store poll interval (0.5), heartbeat comment interval (15) and
    the longest a stream stays open (600).
``FOOD_SSE_MAX_PER_USER`` / ``FOOD_SSE_LEASE_S``
    At most this many event streams open at once per user, counted across replicas in
    the store (default 4; beyond it a 429), and the period of the leases that count
    them (default 30 s: a stream its replica died holding frees its slot within two).
``FOOD_SEED_DEMO``
    ``1`` loads the demo catalog into an empty store at startup (not in production).
``FOOD_API_HOST`` / ``FOOD_API_PORT``
    Where ``python -m services.api`` listens (default ``127.0.0.1:8001``).
``FOOD_LOG_LEVEL``
    Log level of the JSON logs (default ``INFO``).
``FOOD_REPLICA_NAME``
    A name for this process in the logs (default empty).
"""

from __future__ import annotations

import enum
import ipaddress
import os
import secrets
from collections.abc import Mapping
from datetime import datetime

from attrs import field, frozen

from adapters.ids import MAX_WORKER
from food_core.usecases.expiring import UNPAID_ORDER_TTL
from services.api.published import published

IpNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
MIN_SECRET_BYTES = 32


class Environment(enum.StrEnum):
    PRODUCTION = "production"
    LOCAL = "local"
    TEST = "test"


class SettingsError(ValueError):
    """A setting is missing or malformed; the message names the variable."""


@frozen
class TokenKey:
    kid: str
    secret: bytes = field(repr=False)


@frozen
class Settings:
    env: Environment = Environment.LOCAL
    store_url: str = field(default="memory://", repr=False)  # may carry a password
    payments_url: str = "fake://"
    payments_secret: str = field(default="", repr=False)
    payments_timeout_s: float = 3.0
    token_keys: tuple[TokenKey, ...] = ()
    token_ttl_s: int = 12 * 3600
    worker_id: int = 1
    webapp_dist: str = "webapp/dist"
    cookie_secure: bool = False
    trusted_proxies: tuple[IpNetwork, ...] = (ipaddress.ip_network("127.0.0.1/32"),)
    login_max_failures_client: int = 10
    login_max_failures_account: int = 100
    login_max_failures_ip: int = 300
    login_window_s: int = 3600
    reconcile_interval_s: float = 0.0
    catalog_cache_s: float = 0.0
    revocation_cache_s: float = 0.0
    unpaid_order_ttl_s: float = UNPAID_ORDER_TTL.total_seconds()
    clock_start: datetime | None = None
    request_log_retention_s: int = 24 * 3600
    purge_interval_s: float = 3600.0
    cursor_key: bytes = field(default=b"", repr=False)  # empty: derived from the token key
    sse_poll_s: float = 0.5
    sse_heartbeat_s: float = 15.0
    sse_max_s: float = 600.0
    sse_max_per_user: int = 4
    sse_lease_s: float = 30.0
    seed_demo: bool = False
    api_host: str = "127.0.0.1"
    api_port: int = 8001
    log_level: str = "INFO"
    replica_name: str = ""

    @property
    def is_production(self) -> bool:
        return self.env is Environment.PRODUCTION

    @classmethod
    def for_tests(cls, **changes: object) -> Settings:
        """Test settings: fake gateway, memory store, a fixed token key, no sweep."""
        values: dict[str, object] = {
            "env": Environment.TEST,
            "token_keys": (TokenKey("test", b"t" * MIN_SECRET_BYTES),),
            "payments_secret": "test-payments-secret",
            "webapp_dist": "",  # no web app unless a test asks for one
        }
        values.update(changes)
        return cls(**values)  # type: ignore[arg-type]

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        return _parse(os.environ if environ is None else environ)


# --- parsing -------------------------------------------------------------------------


class _Reader:
    def __init__(self, environ: Mapping[str, str], env: Environment) -> None:
        self._environ = environ
        self.env = env
        self.missing: list[str] = []

    def raw(self, name: str) -> str | None:
        value = self._environ.get(name)
        return value if value is not None and value.strip() != "" else None

    def required_in_production(self, name: str, default: str) -> str:
        value = self.raw(name)
        if value is not None:
            return value
        if self.env is Environment.PRODUCTION:
            self.missing.append(name)
        return default

    def integer(self, name: str, default: int, *, low: int, high: int) -> int:
        value = self.raw(name)
        if value is None:
            return default
        try:
            number = int(value)
        except ValueError:
            raise SettingsError(f"{name} must be an integer, got {value!r}") from None
        if not low <= number <= high:
            raise SettingsError(f"{name} must be between {low} and {high}, got {number}")
        return number

    def number(self, name: str, default: float, *, low: float) -> float:
        value = self.raw(name)
        if value is None:
            return default
        try:
            number = float(value)
        except ValueError:
            raise SettingsError(f"{name} must be a number, got {value!r}") from None
        if not number >= low or number == float("inf"):
            raise SettingsError(f"{name} must be a finite number ≥ {low}, got {value!r}")
        return number

    def flag(self, name: str, default: bool) -> bool:
        value = self.raw(name)
        if value is None:
            return default
        lowered = value.strip().lower()
        if lowered in ("1", "true", "yes", "on"):
            return True
        if lowered in ("0", "false", "no", "off"):
            return False
        raise SettingsError(f"{name} must be 1 or 0 (true/false), got {value!r}")


def check_production_secret(name: str, value: str) -> None:
    """In production a secret is at least 32 bytes, not a placeholder and not a value
    published in the repository; the error names the variable, never the value."""
    if len(value.encode()) < MIN_SECRET_BYTES:
        raise SettingsError(
            f"{name} (FOOD_ENV=production) must be at least {MIN_SECRET_BYTES} bytes of "
            f"random data, got {len(value.encode())}"
        )
    why = published().refusal(value)
    if why is not None:
        raise SettingsError(f"{name} (FOOD_ENV=production) {why}; set a random secret")


def parse_token_keys(raw: str) -> tuple[TokenKey, ...]:
    """``kid1:secret1,kid2:secret2`` → keys; the secret may itself contain ``:``."""
    keys: list[TokenKey] = []
    for part in raw.split(","):
        kid, separator, secret = part.strip().partition(":")
        if not separator or not kid or not secret:
            raise SettingsError("FOOD_TOKEN_KEYS must look like kid1:secret1,kid2:secret2")
        if len(secret.encode()) < MIN_SECRET_BYTES:
            raise SettingsError(
                f"FOOD_TOKEN_KEYS: the secret of key {kid!r} must be at least "
                f"{MIN_SECRET_BYTES} bytes"
            )
        if any(k.kid == kid for k in keys):
            raise SettingsError(f"FOOD_TOKEN_KEYS: key id {kid!r} appears twice")
        keys.append(TokenKey(kid, secret.encode()))
    return tuple(keys)


def parse_networks(raw: str) -> tuple[IpNetwork, ...]:
    networks: list[IpNetwork] = []
    for part in raw.split(","):
        text = part.strip()
        if not text:
            continue
        try:
            networks.append(ipaddress.ip_network(text, strict=False))
        except ValueError:
            raise SettingsError(
                f"FOOD_TRUSTED_PROXIES: {text!r} is not an IP address or network"
            ) from None
    return tuple(networks)


def _clock_start(raw: str | None, production: bool) -> datetime | None:
    if raw is None:
        return None
    if production:
        raise SettingsError("FOOD_CLOCK_START is not allowed in production")
    try:
        start = datetime.fromisoformat(raw)
    except ValueError:
        raise SettingsError(
            f"FOOD_CLOCK_START must be an ISO 8601 time with a zone, got {raw!r}"
        ) from None
    if start.tzinfo is None:
        raise SettingsError(f"FOOD_CLOCK_START must name its time zone, got {raw!r}")
    return start


def _cursor_key(raw: str | None) -> bytes:
    if raw is None:
        return b""
    if len(raw.encode()) < MIN_SECRET_BYTES:
        raise SettingsError(f"FOOD_CURSOR_KEY must be at least {MIN_SECRET_BYTES} bytes")
    return raw.encode()


def _parse(environ: Mapping[str, str]) -> Settings:
    raw_env = (environ.get("FOOD_ENV") or "local").strip().lower()
    try:
        env = Environment(raw_env)
    except ValueError:
        raise SettingsError(
            f"FOOD_ENV must be production, local or test, got {raw_env!r}"
        ) from None
    read = _Reader(environ, env)
    production = env is Environment.PRODUCTION

    default_payments = {Environment.TEST: "fake://"}.get(env, "http://127.0.0.1:8090")
    payments_url = read.required_in_production("FOOD_PAYMENTS_URL", default_payments)
    if production and payments_url.startswith("fake://"):
        raise SettingsError("FOOD_PAYMENTS_URL=fake:// is not allowed in production")
    store_url = read.required_in_production("FOOD_STORE_URL", "memory://")
    payments_secret = read.required_in_production(
        "FOOD_PAYMENTS_SECRET", secrets.token_urlsafe(MIN_SECRET_BYTES)
    )
    raw_keys = read.required_in_production("FOOD_TOKEN_KEYS", "")
    token_keys = (
        parse_token_keys(raw_keys)
        if raw_keys
        else (TokenKey("dev", secrets.token_bytes(MIN_SECRET_BYTES)),)
    )
    worker_raw = read.required_in_production("FOOD_WORKER_ID", "")
    worker_id = (
        read.integer("FOOD_WORKER_ID", 1, low=0, high=MAX_WORKER)
        if worker_raw
        else os.getpid() % (MAX_WORKER + 1)
    )
    if read.missing:
        raise SettingsError(
            "FOOD_ENV=production needs these settings, which have no default there: "
            + ", ".join(read.missing)
        )
    if production:
        check_production_secret("FOOD_PAYMENTS_SECRET", payments_secret)
        for key in token_keys:
            check_production_secret(f"FOOD_TOKEN_KEYS (key {key.kid!r})", key.secret.decode())
        cursor_raw = read.raw("FOOD_CURSOR_KEY")
        if cursor_raw is not None:
            check_production_secret("FOOD_CURSOR_KEY", cursor_raw)
    if production and read.flag("FOOD_SEED_DEMO", False):
        raise SettingsError("FOOD_SEED_DEMO is not allowed in production")

    trusted = read.raw("FOOD_TRUSTED_PROXIES")
    return Settings(
        env=env,
        store_url=store_url,
        payments_url=payments_url,
        payments_secret=payments_secret,
        payments_timeout_s=read.number("FOOD_PAYMENTS_TIMEOUT_S", 3.0, low=0.1),
        token_keys=token_keys,
        token_ttl_s=read.integer("FOOD_TOKEN_TTL_S", 12 * 3600, low=60, high=30 * 86400),
        worker_id=worker_id,
        webapp_dist=read.raw("FOOD_WEBAPP_DIST") or "webapp/dist",
        cookie_secure=read.flag("FOOD_COOKIE_SECURE", production),
        trusted_proxies=parse_networks(trusted if trusted is not None else "127.0.0.1"),
        login_max_failures_client=read.integer(
            "FOOD_LOGIN_MAX_FAILURES_CLIENT", 10, low=1, high=1_000_000
        ),
        login_max_failures_account=read.integer(
            "FOOD_LOGIN_MAX_FAILURES_ACCOUNT", 100, low=1, high=1_000_000
        ),
        login_max_failures_ip=read.integer(
            "FOOD_LOGIN_MAX_FAILURES_IP", 300, low=1, high=1_000_000
        ),
        login_window_s=read.integer("FOOD_LOGIN_WINDOW_S", 3600, low=1, high=7 * 86400),
        reconcile_interval_s=read.number(
            "FOOD_RECONCILE_INTERVAL_S", 0.0 if env is Environment.TEST else 30.0, low=0.0
        ),
        catalog_cache_s=read.number(
            "FOOD_CATALOG_CACHE_S", 0.0 if env is Environment.TEST else 5.0, low=0.0
        ),
        revocation_cache_s=read.number(
            "FOOD_REVOCATION_CACHE_S", 0.0 if env is Environment.TEST else 1.0, low=0.0
        ),
        unpaid_order_ttl_s=read.number(
            "FOOD_UNPAID_ORDER_TTL_S", UNPAID_ORDER_TTL.total_seconds(), low=60.0
        ),
        clock_start=_clock_start(read.raw("FOOD_CLOCK_START"), production),
        request_log_retention_s=read.integer(
            "FOOD_REQUEST_LOG_RETENTION_S", 24 * 3600, low=24 * 3600, high=90 * 86400
        ),
        purge_interval_s=read.number("FOOD_PURGE_INTERVAL_S", 3600.0, low=1.0),
        cursor_key=_cursor_key(read.raw("FOOD_CURSOR_KEY")),
        sse_poll_s=read.number("FOOD_SSE_POLL_S", 0.5, low=0.01),
        sse_heartbeat_s=read.number("FOOD_SSE_HEARTBEAT_S", 15.0, low=0.01),
        sse_max_s=read.number("FOOD_SSE_MAX_S", 600.0, low=0.01),
        sse_max_per_user=read.integer("FOOD_SSE_MAX_PER_USER", 4, low=1, high=100),
        sse_lease_s=read.number("FOOD_SSE_LEASE_S", 30.0, low=1.0),
        seed_demo=read.flag("FOOD_SEED_DEMO", False),
        api_host=read.raw("FOOD_API_HOST") or "127.0.0.1",
        api_port=read.integer("FOOD_API_PORT", 8001, low=1, high=65535),
        log_level=(read.raw("FOOD_LOG_LEVEL") or "INFO").upper(),
        replica_name=read.raw("FOOD_REPLICA_NAME") or "",
    )
