"""What the route handlers use, resolved from the container once, on first use.

Resolution is lazy so that an app driven without its lifespan (some test clients) still
works; the lifespan resolves everything at startup anyway, so a misconfiguration shows up
before the first request.
"""

from __future__ import annotations

from functools import cached_property

from adapters.stores import Store
from food_core.ports import Clock, PaymentGateway
from food_core.ports.requests import LoginAttempts, RequestLog, RevokedTokens, StreamLeases
from food_core.usecases import Ports
from services.api.auth.throttle import LoginThrottle
from services.api.auth.tokens import TokenService
from services.api.container import Container
from services.api.cursors import CursorSigner
from services.api.metrics import Metrics
from services.api.settings import Settings


class Edge:
    def __init__(self, container: Container) -> None:
        self.container = container

    @cached_property
    def settings(self) -> Settings:
        return self.container.settings()

    @cached_property
    def store(self) -> Store:
        return self.container.store()

    @cached_property
    def gateway(self) -> PaymentGateway:
        return self.container.gateway()

    @cached_property
    def ports(self) -> Ports:
        return self.container.ports()

    @cached_property
    def clock(self) -> Clock:
        return self.container.clock()

    @cached_property
    def tokens(self) -> TokenService:
        return self.container.tokens()

    @cached_property
    def throttle(self) -> LoginThrottle:
        return self.container.throttle()

    @cached_property
    def request_log(self) -> RequestLog:
        return self.container.request_log()

    @cached_property
    def revoked_tokens(self) -> RevokedTokens:
        return self.container.revoked_tokens()

    @cached_property
    def login_attempts(self) -> LoginAttempts:
        return self.container.login_attempts()

    @cached_property
    def stream_leases(self) -> StreamLeases:
        return self.container.stream_leases()

    @cached_property
    def metrics(self) -> Metrics:
        return self.container.metrics()

    @cached_property
    def cursors(self) -> CursorSigner:
        return self.container.cursors()

    def resolve_all(self) -> None:
        """Build every dependency now (startup), so errors surface before serving."""
        for name in (
            "settings",
            "store",
            "gateway",
            "ports",
            "tokens",
            "throttle",
            "request_log",
            "revoked_tokens",
            "login_attempts",
            "stream_leases",
            "metrics",
            "cursors",
        ):
            getattr(self, name)
