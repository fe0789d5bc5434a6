"""Signed, expiring session tokens: JWT (RFC 7519), HS256, with a ``kid`` header.

Claims: ``sub`` (the user id, as a string), ``jti`` (a random id, so one token can be
revoked), ``iat``, ``exp`` and ``role``. The first configured key signs; every configured
key verifies, so keys rotate without logging anyone out. Expiry is checked against the
injected clock rather than PyJWT's own reading of the wall clock, so tests can move time.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

import jwt
from attrs import frozen

from food_core.model import UserRole
from food_core.ports import Clock
from services.api.settings import TokenKey

ALGORITHM = "HS256"
_REQUIRED_CLAIMS = ["sub", "jti", "iat", "exp", "role"]
_MAX_VERIFIED = 20_000


class InvalidToken(Exception):
    """Malformed, badly signed, expired or of an unknown key; the reason is for logs only."""


@frozen
class Claims:
    user_id: int
    token_id: str
    role: UserRole
    issued_at: datetime
    expires_at: datetime


class TokenService:
    def __init__(self, keys: Sequence[TokenKey], ttl: timedelta, clock: Clock) -> None:
        if not keys:
            raise ValueError("at least one token key is needed")
        self._keys = tuple(keys)
        self._by_kid = {key.kid: key.secret for key in keys}
        self._verified: dict[str, Claims] = {}  # token → its claims, signature checked
        self._ttl = ttl
        self._clock = clock

    @property
    def keys(self) -> tuple[TokenKey, ...]:
        return self._keys

    @property
    def ttl(self) -> timedelta:
        return self._ttl

    def issue(self, user_id: int, role: UserRole) -> tuple[str, Claims]:
        now = self._clock.now().replace(microsecond=0)
        claims = Claims(user_id, secrets.token_urlsafe(16), role, now, now + self._ttl)
        signing = self._keys[0]
        token = jwt.encode(
            {
                "sub": str(user_id),
                "jti": claims.token_id,
                "iat": int(now.timestamp()),
                "exp": int(claims.expires_at.timestamp()),
                "role": role.value,
            },
            signing.secret,
            algorithm=ALGORITHM,
            headers={"kid": signing.kid},
        )
        return token, claims

    def verify(self, token: str) -> Claims:
        """The token's claims, or ``InvalidToken``. A token whose signature was checked
        before is not checked again (its claims are remembered, bounded); its expiry is,
        every time."""
        claims = self._verified.get(token)
        if claims is None:
            claims = self._verify_signature(token)
            if len(self._verified) >= _MAX_VERIFIED:
                self._verified.clear()  # bounded memory; re-verifying is only slower
            self._verified[token] = claims
        if self._clock.now() >= claims.expires_at:
            raise InvalidToken("expired token")
        return claims

    def _verify_signature(self, token: str) -> Claims:
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError as error:
            raise InvalidToken("malformed token") from error
        secret = self._by_kid.get(str(header.get("kid")))
        if secret is None:
            raise InvalidToken("unknown key id")
        try:
            payload = jwt.decode(
                token,
                secret,
                algorithms=[ALGORITHM],
                options={
                    "require": _REQUIRED_CLAIMS,
                    "verify_exp": False,  # checked below against the injected clock
                    "verify_iat": False,
                    "verify_nbf": False,
                },
            )
            user_id = int(payload["sub"])
            role = UserRole(payload["role"])
            issued = datetime.fromtimestamp(int(payload["iat"]), UTC)
            expires = datetime.fromtimestamp(int(payload["exp"]), UTC)
            token_id = str(payload["jti"])
        except (jwt.PyJWTError, ValueError, TypeError, KeyError, OverflowError) as error:
            raise InvalidToken("invalid token") from error
        return Claims(user_id, token_id, role, issued, expires)
