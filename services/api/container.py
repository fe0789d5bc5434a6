"""The composition root: the one place that chooses implementations (docs/design.md §2).

Every provider is lazy, so building a :class:`Container` does nothing. What holds
connections or a thread — the store, the payment gateway, the mail notifier — is a
``Resource``: opened by ``init_resources()`` (or on first use) and closed by
``shutdown_resources()`` (in dependency order: the notifier before the store); the rest
are singletons. The app's lifespan opens the resources and resolves every provider at
startup, and shuts the resources down at exit; request handlers ask the container itself
(``call.container.tokens()``: a singleton's call returns the one instance). Tests replace
pieces with dependency-injector's ``override`` — a manual clock, the fast test hasher, a
fake gateway with faults, settings — before the first resolution; what they lend is
theirs to close::

    container = Container()
    container.settings.override(providers.Object(Settings.for_tests()))
    container.hasher.override(providers.Object(FastTestHasher()))
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import closing
from datetime import timedelta

from dependency_injector import containers, providers

from adapters.caching import CachedCatalog
from adapters.clock import ShiftedClock, SystemClock
from adapters.ids import SnowflakeIds
from adapters.mail import SmtpNotifier, SmtpTarget
from adapters.memory import FakePaymentGateway
from adapters.security.passwords import Argon2Hasher
from adapters.stores import Store, open_store, ports_for
from adapters.stream_leases import stream_leases_for
from food_core.model import Tariff
from food_core.ports import (
    CatalogRepository,
    Clock,
    IdGenerator,
    NoNotifier,
    Notifier,
    PasswordHasher,
    PaymentGateway,
)
from food_core.ports.requests import LoginAttempts, RequestLog, RevokedTokens, StreamLeases
from services.api.auth.revocations import RememberedRevocations
from services.api.auth.throttle import LoginThrottle
from services.api.auth.tokens import TokenService
from services.api.cursors import CursorSigner, cursor_key
from services.api.metrics import Metrics
from services.api.request_context import current_request_id
from services.api.settings import Settings

log = logging.getLogger("food.api")

FAKE_PAYMENTS = "fake://"


def store_resource(settings: Settings) -> Iterator[Store]:
    with closing(open_store(settings.store_url)) as store:
        yield store


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


def gateway_resource(settings: Settings, clock: Clock) -> Iterator[PaymentGateway]:
    with closing(build_gateway(settings, clock)) as gateway:
        yield gateway


def notifier_resource(settings: Settings, store: Store) -> Iterator[Notifier]:
    """The customers' order mails (docs/design.md, "Notifications"): a worker thread
    sending to ``FOOD_SMTP_URL``, started here and stopped (after a short drain) at
    shutdown — before the store, which it reads customers from. Without the URL mail is
    off, said once here."""
    if not settings.smtp_url:
        say = log.warning if settings.is_production else log.info
        say("mail off: FOOD_SMTP_URL is not set, so customers get no order mails")
        yield NoNotifier()
        return
    target = SmtpTarget.from_url(settings.smtp_url)
    notifier = SmtpNotifier(
        target,
        settings.mail_from,
        store.users,
        timeout_s=settings.smtp_timeout_s,
        max_queue=settings.mail_queue,
        give_up_after_s=settings.mail_retry_s,
    ).start()
    log.info("mail on", extra={"smtp": target.address, "smtp_security": target.security})
    try:
        yield notifier
    finally:
        notifier.close()


def build_clock(settings: Settings) -> Clock:
    if settings.clock_start is not None:
        return ShiftedClock(settings.clock_start)
    return SystemClock()


def build_ids(settings: Settings) -> IdGenerator:
    return SnowflakeIds(settings.worker_id)


def build_catalog(settings: Settings, store: Store, clock: Clock) -> CatalogRepository:
    if settings.catalog_cache_s > 0:
        return CachedCatalog(store.catalog, clock, settings.catalog_cache_s)
    return store.catalog


def build_tokens(settings: Settings, clock: Clock) -> TokenService:
    return TokenService(settings.token_keys, timedelta(seconds=settings.token_ttl_s), clock)


def build_throttle(settings: Settings, attempts: LoginAttempts, clock: Clock) -> LoginThrottle:
    return LoginThrottle(
        attempts,
        clock,
        max_per_client=settings.login_max_failures_client,
        max_per_account=settings.login_max_failures_account,
        max_per_ip=settings.login_max_failures_ip,
        window=timedelta(seconds=settings.login_window_s),
        device_keys=settings.token_keys,
    )


def build_cursors(settings: Settings) -> CursorSigner:
    return CursorSigner(cursor_key(settings))


class Container(containers.DeclarativeContainer):
    settings = providers.Singleton(Settings.from_env)
    clock: providers.Provider[Clock] = providers.Singleton(build_clock, settings)
    ids: providers.Provider[IdGenerator] = providers.Singleton(build_ids, settings)
    # argon2id always; only tests override it with the fast test hasher.
    hasher: providers.Provider[PasswordHasher] = providers.Singleton(Argon2Hasher)
    store = providers.Resource(store_resource, settings)
    gateway: providers.Resource[PaymentGateway] = providers.Resource(
        gateway_resource, settings, clock
    )
    notifier: providers.Resource[Notifier] = providers.Resource(notifier_resource, settings, store)
    catalog = providers.Singleton(build_catalog, settings, store, clock)
    tariff = providers.Singleton(Tariff, platform_fee=settings.provided.platform_fee)
    ports = providers.Singleton(
        ports_for,
        store,
        gateway=gateway,
        hasher=hasher,
        clock=clock,
        ids=ids,
        catalog=catalog,
        tariff=tariff,
        notifier=notifier,
    )
    # The edge's shared state lives in the same store, so it holds across replicas.
    request_log: providers.Provider[RequestLog] = store.provided.request_log
    login_attempts: providers.Provider[LoginAttempts] = store.provided.login_attempts
    revoked_tokens: providers.Provider[RevokedTokens] = providers.Singleton(
        RememberedRevocations,
        store.provided.revoked_tokens,
        clock,
        settings.provided.revocation_cache_s,
    )
    stream_leases: providers.Provider[StreamLeases] = providers.Singleton(stream_leases_for, store)
    tokens = providers.Singleton(build_tokens, settings, clock)
    throttle = providers.Singleton(build_throttle, settings, login_attempts, clock)
    metrics = providers.Singleton(Metrics)
    cursors = providers.Singleton(build_cursors, settings)
