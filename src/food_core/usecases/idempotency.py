"""Idempotency keys and request fingerprints (docs/design.md §5)."""

from __future__ import annotations

import hashlib
import json
import re

from food_core.errors import IdempotencyKeyReused, ValidationFailed

_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"))
_KEY = re.compile(r"^[A-Za-z0-9_.:\-]{8,128}$")


def check_key(key: str) -> str:
    if not _KEY.fullmatch(key):
        raise ValidationFailed(
            "Idempotency-Key must be 8 to 128 characters of letters, digits and _ . : - "
            "(a UUID is ideal)",
            field="Idempotency-Key",
        )
    return key


def fingerprint(operation: str, payload: dict[str, object]) -> str:
    """A digest of the operation and its canonical arguments (sorted keys, no spaces)."""
    canonical = _CANONICAL.encode([operation, payload])
    return hashlib.sha256(canonical.encode()).hexdigest()


def ensure_same_request(stored_fingerprint: str, fingerprint_now: str) -> None:
    if stored_fingerprint != fingerprint_now:
        raise IdempotencyKeyReused(
            "this Idempotency-Key was already used for a different request; "
            "use a new key for a new request",
            field="Idempotency-Key",
        )
