"""A fast salted hasher for tests and in-memory simulations only.

argon2id costs tens of milliseconds by design; a simulation of 100,000 customers cannot
pay that. This hasher is *not* for stored credentials: the composition root of the API
always uses :class:`adapters.security.passwords.Argon2Hasher`.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

_PREFIX = "sha256-test$"


class FastTestHasher:
    def hash(self, password: str) -> str:
        salt = secrets.token_hex(8)
        digest = hashlib.sha256(f"{salt}:{password}".encode()).hexdigest()
        return f"{_PREFIX}{salt}${digest}"

    def verify(self, password_hash: str, password: str) -> bool:
        if not password_hash.startswith(_PREFIX):
            return False
        salt, _, digest = password_hash[len(_PREFIX) :].partition("$")
        expected = hashlib.sha256(f"{salt}:{password}".encode()).hexdigest()
        return hmac.compare_digest(expected, digest)

    def needs_rehash(self, password_hash: str) -> bool:
        return False
