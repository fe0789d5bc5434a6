"""The API's settings, read once from environment variables (twelve-factor, docs/design.md §8).

Every variable is declared once, in ``VARIABLES``: its name, the field it fills, how its
text is read, its default (which may depend on ``FOOD_ENV``), what production demands of
it and what it does. The parser, production's checks and the README's configuration
table (``python -m services.api.settings``, checked by a test) all come from it.
"""

from __future__ import annotations

import enum
import ipaddress
import os
import secrets
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

import attrs
from attrs import field, frozen

from adapters.ids import MAX_WORKER
from adapters.mail.smtp import SmtpTarget, check_sender
from food_core.model import DEFAULT_PLATFORM_FEE
from food_core.usecases.accepting import ACCEPT_WINDOW
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
    """What the API runs with; ``VARIABLES`` says where each field comes from."""

    env: Environment
    store_url: str = field(repr=False)  # may carry a password
    payments_url: str
    payments_secret: str = field(repr=False)
    payments_timeout_s: float
    token_keys: tuple[TokenKey, ...]
    token_ttl_s: int
    worker_id: int
    webapp_dist: str
    cookie_secure: bool
    trusted_proxies: tuple[IpNetwork, ...]
    login_max_failures_client: int
    login_max_failures_account: int
    login_max_failures_ip: int
    login_window_s: int
    reconcile_interval_s: float
    catalog_cache_s: float
    revocation_cache_s: float
    unpaid_order_ttl_s: float
    partner_accept_s: float
    platform_fee: int
    clock_start: datetime | None
    request_log_retention_s: int
    purge_interval_s: float
    cursor_key: bytes = field(repr=False)  # empty: derived from the token key
    sse_poll_s: float
    sse_heartbeat_s: float
    sse_max_s: float
    sse_max_per_user: int
    sse_lease_s: float
    smtp_url: str = field(repr=False)  # may carry a password; empty: mail off
    mail_from: str
    smtp_timeout_s: float
    mail_retry_s: float
    mail_queue: int
    seed_demo: bool
    api_host: str
    api_port: int
    log_level: str
    replica_name: str

    @property
    def is_production(self) -> bool:
        return self.env is Environment.PRODUCTION

    @classmethod
    def for_tests(cls, **changes: object) -> Settings:
        """``FOOD_ENV=test``'s defaults (fake gateway, memory store, no caches, no sweep)
        with a fixed token key and payments secret, and no web app unless asked for."""
        fixed: dict[str, Any] = {
            "token_keys": (TokenKey("test", b"t" * MIN_SECRET_BYTES),),
            "payments_secret": "test-payments-secret",
            "webapp_dist": "",
        }
        return attrs.evolve(_parse({"FOOD_ENV": Environment.TEST.value}), **fixed | changes)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        return _parse(os.environ if environ is None else environ)


# --- how a variable's text is read (each names the variable in its error) -------------

Read = Callable[[str, str], Any]  # (variable name, its text) → the field's value


def text(_name: str, value: str) -> str:
    return value


def upper(_name: str, value: str) -> str:
    return value.upper()


def integer(low: int, high: int) -> Read:
    def read(name: str, value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            raise SettingsError(f"{name} must be an integer, got {value!r}") from None
        if not low <= number <= high:
            raise SettingsError(f"{name} must be between {low} and {high}, got {number}")
        return number

    return read


def number(low: float) -> Read:
    def read(name: str, value: str) -> float:
        try:
            parsed = float(value)
        except ValueError:
            raise SettingsError(f"{name} must be a number, got {value!r}") from None
        if not parsed >= low or parsed == float("inf"):
            raise SettingsError(f"{name} must be a finite number ≥ {low}, got {value!r}")
        return parsed

    return read


def flag(name: str, value: str) -> bool:
    lowered = value.strip().lower()
    if lowered in ("1", "true", "yes", "on"):
        return True
    if lowered in ("0", "false", "no", "off"):
        return False
    raise SettingsError(f"{name} must be 1 or 0 (true/false), got {value!r}")


def environment(name: str, value: str) -> Environment:
    try:
        return Environment(value.strip().lower())
    except ValueError:
        raise SettingsError(f"{name} must be production, local or test, got {value!r}") from None


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
        piece = part.strip()
        if not piece:
            continue
        try:
            networks.append(ipaddress.ip_network(piece, strict=False))
        except ValueError:
            raise SettingsError(
                f"FOOD_TRUSTED_PROXIES: {piece!r} is not an IP address or network"
            ) from None
    return tuple(networks)


def instant(name: str, value: str) -> datetime:
    try:
        start = datetime.fromisoformat(value)
    except ValueError:
        raise SettingsError(f"{name} must be an ISO 8601 time with a zone, got {value!r}") from None
    if start.tzinfo is None:
        raise SettingsError(f"{name} must name its time zone, got {value!r}")
    return start


def smtp_url(name: str, value: str) -> str:
    try:
        SmtpTarget.from_url(value.strip())
    except ValueError as error:
        raise SettingsError(f"{name}: {error}") from None
    return value.strip()


def mail_address(name: str, value: str) -> str:
    try:
        return check_sender(value.strip())
    except ValueError:
        raise SettingsError(f"{name} must be a mail address (Name <user@host>)") from None


def secret_key(name: str, value: str) -> bytes:
    if len(value.encode()) < MIN_SECRET_BYTES:
        raise SettingsError(f"{name} must be at least {MIN_SECRET_BYTES} bytes")
    return value.encode()


# --- production's checks ------------------------------------------------------------


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


def _secret_text(name: str, value: Any) -> None:
    check_production_secret(name, value)


def _secret_keys(name: str, value: Any) -> None:
    for key in value:
        check_production_secret(f"{name} (key {key.kid!r})", key.secret.decode())


def _secret_bytes(name: str, value: Any) -> None:
    if value:
        check_production_secret(name, value.decode())


@frozen
class Variable:
    """One environment variable: the one place its name, reading, default, production
    rules and meaning are written."""

    name: str
    field: str  # the Settings attribute it fills
    read: Read
    default: Callable[[Environment], Any]  # when unset
    help: str
    shown: str | None = None  # the default in words, where its value does not say it
    required_in_production: bool = False  # no default there: unset refuses startup
    refused_in_production: Callable[[Any], bool] | None = None  # which set values
    secret: Callable[[str, Any], None] | None = None  # production's check of a secret


def always(value: object) -> Callable[[Environment], Any]:
    return lambda _env: value


def _off_in_test(value: float) -> Callable[[Environment], Any]:
    return lambda env: 0.0 if env is Environment.TEST else value


# fmt: off
VARIABLES: tuple[Variable, ...] = (
    Variable("FOOD_ENV", "env", environment, always(Environment.LOCAL),
             "`production`, `local` or `test`; production refuses to start without the "
             "settings marked required and checks its secrets; `test` picks the fake "
             "gateway and turns the caches and the sweep off"),
    Variable("FOOD_STORE_URL", "store_url", text, always("memory://"),
             "`mongodb://…`, `postgresql+psycopg://…`, `sqlite:///…` or `memory://`",
             required_in_production=True),
    Variable("FOOD_PAYMENTS_URL", "payments_url", text,
             lambda env: "fake://" if env is Environment.TEST else "http://127.0.0.1:8090",
             "the payments service; `fake://` is an in-process fake (the test default; "
             "refused in production)", required_in_production=True,
             refused_in_production=lambda url: url.startswith("fake://")),
    Variable("FOOD_PAYMENTS_SECRET", "payments_secret", text,
             lambda _env: secrets.token_urlsafe(MIN_SECRET_BYTES),
             "the HMAC secret shared with the payments service (≥ 32 bytes)",
             shown="generated", required_in_production=True, secret=_secret_text),
    Variable("FOOD_PAYMENTS_TIMEOUT_S", "payments_timeout_s", number(0.1), always(3.0),
             "the whole budget of one call to the payments service, retries included"),
    Variable("FOOD_TOKEN_KEYS", "token_keys", lambda _name, value: parse_token_keys(value),
             lambda _env: (TokenKey("dev", secrets.token_bytes(MIN_SECRET_BYTES)),),
             "`kid:secret,…` session-token keys (each ≥ 32 bytes); the first signs, all "
             "verify: rotate by putting a new key first",
             shown="generated", required_in_production=True, secret=_secret_keys),
    Variable("FOOD_TOKEN_TTL_S", "token_ttl_s", integer(60, 30 * 86400), always(12 * 3600),
             "session token lifetime (12 h)"),
    Variable("FOOD_WORKER_ID", "worker_id", integer(0, MAX_WORKER),
             lambda _env: os.getpid() % (MAX_WORKER + 1),
             f"0–{MAX_WORKER}, distinct per writing process (ids are unique because of it)",
             shown="pid-derived", required_in_production=True),
    Variable("FOOD_WEBAPP_DIST", "webapp_dist", text, always("webapp/dist"),
             "the built web app served at `/` (skipped if absent)"),
    Variable("FOOD_COOKIE_SECURE", "cookie_secure", flag,
             lambda env: env is Environment.PRODUCTION,
             "mark session cookies `Secure` (`1`/`0`)", shown="on in production"),
    Variable("FOOD_TRUSTED_PROXIES", "trusted_proxies",
             lambda _name, value: parse_networks(value), always(parse_networks("127.0.0.1")),
             "comma-separated IPs or networks whose `X-Forwarded-For` is believed"),
    Variable("FOOD_LOGIN_MAX_FAILURES_CLIENT", "login_max_failures_client",
             integer(1, 1_000_000), always(10),
             "failed logins allowed per window per account from one client (IPv4 address, "
             "IPv6 /64 or known device), after a delay doubling from the 4th (1–60 s)"),
    Variable("FOOD_LOGIN_MAX_FAILURES_ACCOUNT", "login_max_failures_account",
             integer(1, 1_000_000), always(100),
             "failed logins allowed per window per account from clients that are not a "
             "known device of it"),
    Variable("FOOD_LOGIN_MAX_FAILURES_IP", "login_max_failures_ip", integer(1, 1_000_000),
             always(300), "failed logins allowed per window per client, across accounts"),
    Variable("FOOD_LOGIN_WINDOW_S", "login_window_s", integer(1, 7 * 86400), always(3600),
             "the login-throttling window"),
    Variable("FOOD_RECONCILE_INTERVAL_S", "reconcile_interval_s", number(0.0),
             _off_in_test(30.0),
             "seconds between sweeps (payment reconciliation, refunds due, unpaid orders "
             "expiring); 0 turns the sweep off (the test default)"),
    Variable("FOOD_CATALOG_CACHE_S", "catalog_cache_s", number(0.0), _off_in_test(5.0),
             "how long a replica serves cities, searches and menus from memory (0 in test); "
             "carts and orders always read prices from the store"),
    Variable("FOOD_REVOCATION_CACHE_S", "revocation_cache_s", number(0.0), _off_in_test(1.0),
             "how long a replica remembers that a session was not revoked (0 in test): a "
             "logout holds at once on its replica and everywhere within this time"),
    Variable("FOOD_UNPAID_ORDER_TTL_S", "unpaid_order_ttl_s", number(60.0),
             always(UNPAID_ORDER_TTL.total_seconds()),
             "how long an order waits for a payment (nothing in flight) before the sweep "
             "cancels it with `cancel_reason: payment_not_completed`; at least 60"),
    Variable("FOOD_PARTNER_ACCEPT_S", "partner_accept_s", number(30.0),
             always(ACCEPT_WINDOW.total_seconds()),
             "how long a confirmed order waits for its restaurant to accept it before the "
             "sweep cancels it (`cancel_reason: not_accepted_in_time`) and refunds it in "
             "full; at least 30"),
    Variable("FOOD_PLATFORM_FEE_PAISE", "platform_fee", integer(0, 10_000),
             always(DEFAULT_PLATFORM_FEE),
             "the platform fee on every order's bill, in paise (GST at 18% is added on it)"),
    Variable("FOOD_CLOCK_START", "clock_start", instant, always(None),
             "refused in production; local and test stacks: the API's clock runs from "
             "this ISO 8601 instant (with a zone) at real speed, so a test picks the time "
             "of day open hours see", refused_in_production=lambda _start: True),
    Variable("FOOD_REQUEST_LOG_RETENTION_S", "request_log_retention_s",
             integer(24 * 3600, 90 * 86400), always(24 * 3600),
             "how long a replayable request (`Idempotency-Key`) is kept; at least 24 h"),
    Variable("FOOD_PURGE_INTERVAL_S", "purge_interval_s", number(1.0), always(3600.0),
             "how often the sweep purges expired edge state (request log, revocations, "
             "login failures, stream leases); the first sweep after startup purges"),
    Variable("FOOD_CURSOR_KEY", "cursor_key", secret_key, always(b""),
             "HMAC key (≥ 32 bytes) signing search cursors, the same on every replica; "
             "rotating it invalidates cursors handed out",
             shown="derived from the token key", secret=_secret_bytes),
    Variable("FOOD_SSE_POLL_S", "sse_poll_s", number(0.01), always(0.5),
             "how often an order event stream polls the store"),
    Variable("FOOD_SSE_HEARTBEAT_S", "sse_heartbeat_s", number(0.01), always(15.0),
             "the interval of an event stream's heartbeat comments"),
    Variable("FOOD_SSE_MAX_S", "sse_max_s", number(0.01), always(600.0),
             "the longest an event stream stays open"),
    Variable("FOOD_SSE_MAX_PER_USER", "sse_max_per_user", integer(1, 100), always(4),
             "open order event streams per user across replicas (429 beyond)"),
    Variable("FOOD_SSE_LEASE_S", "sse_lease_s", number(1.0), always(30.0),
             "the period of the leases that count streams (a dead replica's free within two)"),
    Variable("FOOD_SMTP_URL", "smtp_url", smtp_url, always(""),
             "where the customers' order mails go (confirmed with the bill, out for "
             "delivery, delivered, cancelled, refunded): `smtp://host:port`, "
             "`smtp+starttls://user:password@host:587` or `smtps://user:password@host:465`; "
             "unset, no mail is sent (the API logs so once at startup). `nox -s up` points "
             "it at its mail sink", shown="unset: mail off"),
    Variable("FOOD_MAIL_FROM", "mail_from", mail_address,
             always("Food Ordering <orders@food.localhost>"),
             "the mails' `From`"),
    Variable("FOOD_SMTP_TIMEOUT_S", "smtp_timeout_s", number(0.1), always(10.0),
             "the longest one step of talking to the SMTP server may take (the mail worker "
             "waits; an order never does)"),
    Variable("FOOD_MAIL_RETRY_S", "mail_retry_s", number(1.0), always(3600.0),
             "how long a mail the server did not take is tried again (back-off from 1 s "
             "doubling to 5 min) before it is given up and logged"),
    Variable("FOOD_MAIL_QUEUE", "mail_queue", integer(1, 1_000_000), always(1000),
             "mails a replica holds unsent at most; beyond, a new one is dropped and logged"),
    Variable("FOOD_SEED_DEMO", "seed_demo", flag, always(False),
             "`1` loads the demo catalog into an empty store at startup (refused in "
             "production)", refused_in_production=bool),
    Variable("FOOD_API_HOST", "api_host", text, always("127.0.0.1"),
             "where `python -m services.api` listens"),
    Variable("FOOD_API_PORT", "api_port", integer(1, 65535), always(8001),
             "the port it listens on"),
    Variable("FOOD_LOG_LEVEL", "log_level", upper, always("INFO"), "the level of the JSON logs"),
    Variable("FOOD_REPLICA_NAME", "replica_name", text, always(""),
             "a name for this process in the logs"),
)
# fmt: on


# --- parsing ------------------------------------------------------------------------


def _given(environ: Mapping[str, str], name: str) -> str | None:
    value = environ.get(name)
    return value if value is not None and value.strip() != "" else None


def _parse(environ: Mapping[str, str]) -> Settings:
    raw_env = _given(environ, "FOOD_ENV")
    env = Environment.LOCAL if raw_env is None else environment("FOOD_ENV", raw_env)
    production = env is Environment.PRODUCTION
    values: dict[str, Any] = {}
    missing: list[str] = []
    for variable in VARIABLES:
        raw = _given(environ, variable.name)
        if raw is None:
            if production and variable.required_in_production:
                missing.append(variable.name)
            values[variable.field] = variable.default(env)
            continue
        value = variable.read(variable.name, raw)
        refused = variable.refused_in_production
        if production and refused is not None and refused(value):
            raise SettingsError(f"{variable.name}={raw} is not allowed in production")
        values[variable.field] = value
    if missing:
        raise SettingsError(
            "FOOD_ENV=production needs these settings, which have no default there: "
            + ", ".join(missing)
        )
    if production:
        for variable in VARIABLES:
            if variable.secret is not None:
                variable.secret(variable.name, values[variable.field])
    values["env"] = env
    return Settings(**values)


def _shown(value: object) -> str:
    """A default as the README writes it: ``3`` for 3.0, ``0`` for off, ``empty``."""
    if value is None:
        return "unset"
    if isinstance(value, bool):
        return f"`{int(value)}`"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, tuple):
        value = ",".join(str(part) for part in value)
    if isinstance(value, enum.Enum):
        value = value.value
    if isinstance(value, bytes | str) and not value:
        return "empty"
    return f"`{value}`"


def markdown_table() -> str:
    """The README's configuration table, as ``VARIABLES`` declares it."""
    rows = ["| variable | default (local) | meaning |", "|---|---|---|"]
    for variable in VARIABLES:
        rule = " (required in production)" if variable.required_in_production else ""
        shown = variable.shown or _shown(variable.default(Environment.LOCAL))
        rows.append(f"| `{variable.name}` | {shown} | {variable.help}{rule} |")
    return "\n".join(rows) + "\n"


if __name__ == "__main__":
    print(markdown_table(), end="")
