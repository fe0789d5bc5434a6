"""Login throttling that an attacker cannot turn into a lockout of the account's owner.

Failed logins are counted in the store (``LoginAttempts``), so every limit holds across
replicas, in a sliding window (``FOOD_LOGIN_WINDOW_S``), under three subjects:

- the **(account, client) pair** — the client being the network it comes from (an IPv4
  address, an IPv6 /64: :func:`client_bucket`), or a device that has signed in to this
  account before (below). This is the tight budget (``FOOD_LOGIN_MAX_FAILURES_CLIENT``),
  with a **progressive delay**: after a few failures each further attempt must wait
  twice as long as the one before (1 s, 2 s, 4 s … up to a minute; a 429 with
  Retry-After until then). Guessing from one place is slow and soon stops; it stops
  *there* only.
- the **account**, a higher ceiling (``FOOD_LOGIN_MAX_FAILURES_ACCOUNT``) against
  guessing spread over many networks. It does not apply to a **known device**: a
  successful login or signup sets ``food_device``, an HttpOnly cookie holding a random
  id and an HMAC binding it to the account (token keys). The owner's own browser
  presents it, so an attacker elsewhere spending the account's ceiling locks out new
  devices at worst, never the owner's; and a stolen-less attacker cannot forge one.
- the **client** across accounts (``FOOD_LOGIN_MAX_FAILURES_IP``), against one network
  trying many accounts.

The budgets are checked before the password is hashed, so a refused attempt costs the
server nothing, and every refusal — wrong password or unknown account alike — stays the
one uniform 401. Concurrent attempts cannot overshoot a budget: an attempt *records its
failure first* (an insert), then counts the failures others recorded, so of many
attempts racing for the last places at most the budget's worth go on to the password;
the rest forget their record and get the 429. A success forgets the attempt's record
and clears its pair's count (not the account's or the network's: one right password
must not reset an attacker's budget for guessing).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import math
import secrets
from collections.abc import Sequence
from datetime import timedelta
from http.cookies import SimpleCookie

from attrs import frozen

from food_core.ports import Clock
from food_core.ports.requests import LoginAttempts
from services.api.auth.client_ip import client_bucket
from services.api.paths import PREFIX
from services.api.problems import ApiProblem
from services.api.settings import TokenKey

DEVICE_COOKIE = "food_device"
DEVICE_COOKIE_PATH = f"{PREFIX}/auth"
DEVICE_COOKIE_MAX_AGE_S = 180 * 86400
# The progressive delay: free attempts, then 1 s doubling per failure, capped.
FREE_FAILURES = 3
FIRST_DELAY_S = 1.0
MAX_DELAY_S = 60.0
_NONCE_BYTES = 16
_MAC_CHARS = 32


def account_subject(email: str) -> str:
    return "login:account:" + normalize_account(email)


def normalize_account(email: str) -> str:
    return email.strip().lower()


def ip_subject(ip: str) -> str:
    return "login:ip:" + client_bucket(ip)


def pair_subject(email: str, client: str) -> str:
    return f"login:client:{client}|{normalize_account(email)}"


def delay_after(failures: int) -> float:
    """Seconds an attempt must wait after the latest of ``failures`` recent failures."""
    if failures < FREE_FAILURES:
        return 0.0
    doublings = min(failures - FREE_FAILURES, 16)  # no float overflow, far past the cap
    return min(MAX_DELAY_S, FIRST_DELAY_S * float(2**doublings))


@frozen
class LoginAttempt:
    """An attempt let through to the password check, with the failure it recorded
    in advance under each subject."""

    pair: str
    recorded: tuple[tuple[str, str], ...]  # (subject, failure id)


class LoginThrottle:
    def __init__(
        self,
        attempts: LoginAttempts,
        clock: Clock,
        *,
        max_per_client: int,
        max_per_account: int,
        max_per_ip: int,
        window: timedelta,
        device_keys: Sequence[TokenKey],
    ) -> None:
        self._attempts = attempts
        self._clock = clock
        self._max_per_client = max_per_client
        self._max_per_account = max_per_account
        self._max_per_ip = max_per_ip
        self._window = window
        self._device_keys = tuple(device_keys)

    # --- known devices ---

    def _device_mac(self, secret: bytes, email: str, nonce: str) -> str:
        message = f"device\n{normalize_account(email)}\n{nonce}".encode()
        digest = hmac.new(secret, message, hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).decode().rstrip("=")[:_MAC_CHARS]

    def device_token(self, email: str) -> str:
        """A new ``food_device`` value for ``email``'s account."""
        nonce = secrets.token_urlsafe(_NONCE_BYTES)
        return f"{nonce}.{self._device_mac(self._device_keys[0].secret, email, nonce)}"

    def known_device(self, email: str, token: str | None) -> str | None:
        """The device id in ``token`` if it was issued for ``email``'s account."""
        if not token:
            return None
        nonce, _, mac = token.partition(".")
        if not nonce or not mac.isascii() or not nonce.isascii():
            return None
        for key in self._device_keys:  # any configured key: rotation keeps devices known
            if hmac.compare_digest(
                mac.encode(), self._device_mac(key.secret, email, nonce).encode()
            ):
                return nonce
        return None

    def device_cookie(self, email: str, *, secure: bool) -> str:
        """A ``Set-Cookie`` value marking this browser as a known device of the account."""
        cookie: SimpleCookie = SimpleCookie()
        cookie[DEVICE_COOKIE] = self.device_token(email)
        morsel = cookie[DEVICE_COOKIE]
        morsel["path"] = DEVICE_COOKIE_PATH
        morsel["max-age"] = str(DEVICE_COOKIE_MAX_AGE_S)
        morsel["httponly"] = True
        morsel["samesite"] = "Strict"
        if secure:
            morsel["secure"] = True
        return morsel.OutputString()

    # --- attempts ---

    def begin(self, email: str, ip: str, device_token: str | None = None) -> LoginAttempt:
        """Let an attempt through to the password check, or raise a 429 problem with
        ``Retry-After``. Blocking (store calls)."""
        device = self.known_device(email, device_token)
        client = f"device:{device}" if device else f"net:{client_bucket(ip)}"
        pair = pair_subject(email, client)
        budgets = [(pair, self._max_per_client), (ip_subject(ip), self._max_per_ip)]
        if device is None:
            budgets.append((account_subject(email), self._max_per_account))
        self._refuse_if_spent(pair, budgets, {})  # cheap refusal: nothing written
        now = self._clock.now()
        recorded = {subject: self._attempts.record_failure(subject, now) for subject, _ in budgets}
        if device is not None:  # a known device's failures count for the account too
            subject = account_subject(email)
            recorded[subject] = self._attempts.record_failure(subject, now)
        try:
            self._refuse_if_spent(pair, budgets, recorded)
        except ApiProblem:
            self._forget(recorded)
            raise
        return LoginAttempt(pair, tuple(recorded.items()))

    def _refuse_if_spent(
        self, pair: str, budgets: list[tuple[str, int]], recorded: dict[str, str]
    ) -> None:
        now = self._clock.now()
        since = now - self._window
        for subject, limit in budgets:
            others = self._attempts.failures_since(subject, since) - (subject in recorded)
            if others >= limit:
                # The port counts failures but does not say when the oldest one leaves
                # the window, so the whole window is the honest upper bound on the wait.
                self._throttled(self._window.total_seconds())
        mine = recorded.get(pair)
        earlier = [f for f in self._attempts.failures_of(pair, since) if f.failure_id != mine]
        if earlier:
            waited = (now - earlier[-1].at).total_seconds()
            wait = delay_after(len(earlier)) - waited
            if wait > 0:
                self._throttled(wait)

    @staticmethod
    def _throttled(seconds: float) -> None:
        raise ApiProblem(
            429,
            "too_many_attempts",
            "too many failed logins; try again later",
            headers={"Retry-After": str(max(1, math.ceil(seconds)))},
        )

    def _forget(self, recorded: dict[str, str]) -> None:
        for subject, failure_id in recorded.items():
            self._attempts.forget(subject, failure_id)

    def failed(self, attempt: LoginAttempt) -> None:
        """The password was wrong (or the account unknown): the failures recorded in
        advance stand."""

    def succeeded(self, attempt: LoginAttempt) -> None:
        self._forget(dict(attempt.recorded))
        self._attempts.clear(attempt.pair)

    def abandoned(self, attempt: LoginAttempt) -> None:
        """The check itself failed (a bug, the store): it was no failed login."""
        self._forget(dict(attempt.recorded))
