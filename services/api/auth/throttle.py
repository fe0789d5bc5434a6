"""Login throttling: failed attempts per account and per client IP in a sliding window.

Counts live in the store (``LoginAttempts``), so the limit holds across replicas. The
check happens before the password is hashed, so a locked account costs the server
nothing. A success clears the account's count (not the IP's: one good password must not
reset an attacker's budget for guessing others).
"""

from __future__ import annotations

import math
from datetime import timedelta

from food_core.ports import Clock
from food_core.ports.requests import LoginAttempts
from services.api.problems import ApiProblem


def account_subject(email: str) -> str:
    return "login:account:" + email.strip().lower()


def ip_subject(ip: str) -> str:
    return "login:ip:" + ip


class LoginThrottle:
    def __init__(
        self,
        attempts: LoginAttempts,
        clock: Clock,
        *,
        max_per_account: int,
        max_per_ip: int,
        window: timedelta,
    ) -> None:
        self._attempts = attempts
        self._clock = clock
        self._limits = {"account": max_per_account, "ip": max_per_ip}
        self._window = window

    def check(self, email: str, ip: str) -> None:
        """Raise a 429 problem with ``Retry-After`` if either budget is spent."""
        now = self._clock.now()
        since = now - self._window
        spent = [
            subject
            for kind, subject in (("account", account_subject(email)), ("ip", ip_subject(ip)))
            if self._attempts.failures_since(subject, since) >= self._limits[kind]
        ]
        if spent:
            # The port counts failures but does not say when the oldest one leaves the
            # window, so the whole window is the honest upper bound on the wait.
            seconds = max(1, math.ceil(self._window.total_seconds()))
            raise ApiProblem(
                429,
                "too_many_attempts",
                "too many failed logins; try again later",
                headers={"Retry-After": str(seconds)},
            )

    def failed(self, email: str, ip: str) -> None:
        now = self._clock.now()
        self._attempts.record_failure(account_subject(email), now)
        self._attempts.record_failure(ip_subject(ip), now)

    def succeeded(self, email: str) -> None:
        self._attempts.clear(account_subject(email))
