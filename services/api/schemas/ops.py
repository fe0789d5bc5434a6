"""Shapes of the operational endpoints."""

from __future__ import annotations

from attrs import frozen


@frozen(kw_only=True)
class HealthOut:
    status: str


@frozen(kw_only=True)
class ReadyOut:
    """Every dependency answered."""

    status: str
    store: bool
    payments: bool
