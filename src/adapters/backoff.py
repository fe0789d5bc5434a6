"""Capped exponential back-off, the one formula the retrying adapters share (the payments
client, the mail worker, the stack's supervisor); each adds its own jitter and limits."""

from __future__ import annotations


def doubling(attempt: int, base_s: float, max_s: float) -> float:
    """``base_s`` after the first attempt, doubling with each further one, at most ``max_s``."""
    return min(max_s, base_s * 2.0 ** (attempt - 1))
