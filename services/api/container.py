"""The composition root: the one place that chooses implementations (DESIGN §2).

Every provider is a lazy singleton, so building a :class:`Container` does nothing; the
app's lifespan resolves them at startup and closes what needs closing at shutdown.
Tests replace pieces with dependency-injector's ``override`` — a manual clock, the fast
test hasher, a fake gateway with faults, settings — before the first resolution::

    container = Container()
    container.settings.override(providers.Object(Settings.for_tests()))
    container.hasher.override(providers.Object(FastTestHasher()))
"""

from __future__ import annotations

import logging
from datetime import timedelta

from dependency_injector import containers, providers

from adapters.clock import SystemClock
from adapters.ids import SnowflakeIds
from adapters.memory import FakePaymentGateway
from adapters.memory.requests import MemoryLoginAttempts, MemoryRequestLog, MemoryRevokedTokens
from adapters.security.passwords import Argon2Hasher
from adapters.stores import Store, open_store, ports_for
from food_core.ports import Clock, IdGenerator, PasswordHasher, PaymentGateway
from food_core.ports.requests import LoginAttempts, RequestLog, RevokedTokens
from food_core.usecases import Ports
from services.api.auth.throttle import LoginThrottle
from services.api.auth.tokens import TokenService
from services.api.metrics import Metrics
from services.api.request_context import current_request_id
from services.api.settings import Settings

log = logging.getLogger("food.api")

FAKE_PAYMENTS = "fake://"


def build_store(settings: Settings) -> Store:
    return open_store(settings.store_url)


def build_gateway(settings: Settings, clock: Clock) -> PaymentGateway:
    if settings.payments_url.startswith(FAKE_PAYMENTS):
        if settings.is_production:
            raise ValueError("the fake payment gateway is not allowed in production")
        return FakePaymentGateway(clock)
    from adapters.payments_http import HttpPaymentGateway  # httpx client: only when used

    return HttpPaymentGateway(
        settings.payments_url,
        settings.payments_secret,
        timeout_s=settings.payments_timeout_s,
        request_id=current_request_id,
    )


def build_ids(settings: Settings) -> IdGenerator:
    return SnowflakeIds(settings.worker_id)


def build_ports(
    store: Store,
    gateway: PaymentGateway,
    hasher: PasswordHasher,
    clock: Clock,
    ids: IdGenerator,
) -> Ports:
    return ports_for(store, gateway=gateway, hasher=hasher, clock=clock, ids=ids)


def _memory_edge_store_warning(settings: Settings, what: str) -> None:
    # The edge's own stores are not in adapters.stores yet; with a shared store and two
    # replicas an in-memory one is per replica (throttling and revocation weaken).
    if not settings.store_url.startswith("memory://"):
        log.warning("%s is kept in memory by this replica only (no shared store yet)", what)


def build_request_log(settings: Settings, store: Store) -> RequestLog:
    shared = getattr(store, "request_log", None)
    if shared is not None:
        return shared  # type: ignore[no-any-return]
    _memory_edge_store_warning(settings, "the idempotent request log")
    return MemoryRequestLog()


def build_login_attempts(settings: Settings, store: Store) -> LoginAttempts:
    shared = getattr(store, "login_attempts", None)
    if shared is not None:
        return shared  # type: ignore[no-any-return]
    _memory_edge_store_warning(settings, "login throttling")
    return MemoryLoginAttempts()


def build_revoked_tokens(settings: Settings, store: Store) -> RevokedTokens:
    shared = getattr(store, "revoked_tokens", None)
    if shared is not None:
        return shared  # type: ignore[no-any-return]
    _memory_edge_store_warning(settings, "token revocation")
    return MemoryRevokedTokens()


def build_tokens(settings: Settings, clock: Clock) -> TokenService:
    return TokenService(settings.token_keys, timedelta(seconds=settings.token_ttl_s), clock)


def build_throttle(settings: Settings, attempts: LoginAttempts, clock: Clock) -> LoginThrottle:
    return LoginThrottle(
        attempts,
        clock,
        max_per_account=settings.login_max_failures_account,
        max_per_ip=settings.login_max_failures_ip,
        window=timedelta(seconds=settings.login_window_s),
    )


class Container(containers.DeclarativeContainer):
    settings = providers.Singleton(Settings.from_env)
    clock: providers.Provider[Clock] = providers.Singleton(SystemClock)
    ids: providers.Provider[IdGenerator] = providers.Singleton(build_ids, settings)
    # argon2id always; only tests override it with the fast test hasher.
    hasher: providers.Provider[PasswordHasher] = providers.Singleton(Argon2Hasher)
    store = providers.Singleton(build_store, settings)
    gateway: providers.Provider[PaymentGateway] = providers.Singleton(
        build_gateway, settings, clock
    )
    ports = providers.Singleton(build_ports, store, gateway, hasher, clock, ids)
    request_log = providers.Singleton(build_request_log, settings, store)
    login_attempts = providers.Singleton(build_login_attempts, settings, store)
    revoked_tokens = providers.Singleton(build_revoked_tokens, settings, store)
    tokens = providers.Singleton(build_tokens, settings, clock)
    throttle = providers.Singleton(build_throttle, settings, login_attempts, clock)
    metrics = providers.Singleton(Metrics)
