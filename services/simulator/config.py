"""What a run is asked to do: the customer mix, the fault rates and the run's size.

Parsing lives here (not in the CLI) so that ``run_live`` and the tests build the same
validated values without going through argparse.
"""

from __future__ import annotations

import enum
import ipaddress
import math
from dataclasses import dataclass, field
from urllib.parse import urlsplit


class ConfigError(ValueError):
    """A bad option value; the CLI turns it into exit code 2."""


class Kind(enum.StrEnum):
    """What one customer sets out to do."""

    BROWSE = "browse"  # search and open menus, never add to a cart
    ABANDON = "abandon"  # fill a cart (sometimes place the order) and walk away
    CARD = "card"  # check out and pay by card
    UPI = "upi"  # check out and pay by UPI
    COD = "cod"  # check out, cash on delivery


KINDS: tuple[Kind, ...] = tuple(Kind)
DEFAULT_MIX = "browse=0.15,abandon=0.15,card=0.4,upi=0.15,cod=0.15"


@dataclass(frozen=True)
class Mix:
    """Shares of each :class:`Kind`, summing to 1."""

    shares: dict[Kind, float]

    def cumulative(self) -> list[tuple[float, Kind]]:
        """Upper bounds for drawing a kind from one uniform number in [0, 1)."""
        bounds: list[tuple[float, Kind]] = []
        total = 0.0
        for kind in KINDS:
            share = self.shares.get(kind, 0.0)
            if share > 0:
                total += share
                bounds.append((total, kind))
        # Rounding must never leave a draw of 0.9999… without a kind.
        bounds[-1] = (math.inf, bounds[-1][1])
        return bounds

    def __str__(self) -> str:
        return ",".join(f"{k.value}={self.shares.get(k, 0.0):g}" for k in KINDS)


def parse_mix(text: str) -> Mix:
    """``browse=0.15,abandon=0.15,card=0.4,upi=0.15,cod=0.15``; kinds left out get 0.

    The shares must add up to 1 (±0.001): a mix that silently renormalised would hide a
    typo such as ``card=4``.
    """
    shares: dict[Kind, float] = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        name, sep, raw = part.partition("=")
        if not sep:
            raise ConfigError(f"--mix: {part!r} is not NAME=SHARE")
        try:
            kind = Kind(name.strip().lower())
        except ValueError:
            names = ", ".join(k.value for k in KINDS)
            raise ConfigError(f"--mix: unknown kind {name.strip()!r} (one of {names})") from None
        if kind in shares:
            raise ConfigError(f"--mix: {kind.value} given twice")
        shares[kind] = _share(raw, f"--mix {kind.value}")
    total = sum(shares.values())
    if abs(total - 1.0) > 1e-3:
        raise ConfigError(f"--mix: shares add up to {total:g}, not 1")
    return Mix(shares)


def _share(raw: str, what: str) -> float:
    try:
        value = float(raw)
    except ValueError:
        raise ConfigError(f"{what}: {raw!r} is not a number") from None
    if not 0.0 <= value <= 1.0:
        raise ConfigError(f"{what}: {value:g} is not between 0 and 1")
    return value


@dataclass(frozen=True)
class Rates:
    """Per-customer probabilities of the awkward things real clients do."""

    decline: float = 0.08  # the first card/UPI payment is declined
    double_click: float = 0.05  # a checkout POST is sent twice with the same key
    retry: float = 0.05  # a checkout POST's answer is lost and it is resent, same key
    timeout: float = 0.03  # the payment gateway times out (memory mode)
    cancel: float = 0.04  # a confirmed order is cancelled
    coupon: float = 0.25  # a customer checking out types a coupon code
    tip: float = 0.2  # a customer checking out tips the rider

    def __post_init__(self) -> None:
        for name in ("decline", "double_click", "retry", "timeout", "cancel", "coupon", "tip"):
            _share(str(getattr(self, name)), f"--{name.replace('_', '-')}-rate")


@dataclass(frozen=True)
class SimConfig:
    customers: int = 10_000
    seed: int = 1
    mix: Mix = field(default_factory=lambda: parse_mix(DEFAULT_MIX))
    rates: Rates = field(default_factory=Rates)
    # Simulated customers arriving per simulated second (memory mode). Bounded so the
    # ids stay within what SnowflakeIds makes per simulated millisecond.
    arrival_rate: float = 20.0
    catalog_seed: int = 2026

    def __post_init__(self) -> None:
        if self.customers < 0:
            raise ConfigError("--customers must be 0 or more")
        if not 0.01 <= self.arrival_rate <= 1000:
            raise ConfigError("--arrival-rate must be between 0.01 and 1000 per second")


LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain"})


def check_target(target: str) -> str:
    """An ``http://`` URL on this machine's loopback only; returns it without a trailing /.

    The simulator sends load: it must never be pointed at anything but a stack running
    here, whatever is typed on the command line.
    """
    parts = urlsplit(target)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigError(
            f"--target must be an http URL such as http://127.0.0.1:8080, not {target!r}"
        )
    host = parts.hostname
    if host.lower() not in LOOPBACK_NAMES:
        try:
            loopback = ipaddress.ip_address(host).is_loopback
        except ValueError:
            loopback = False
        if not loopback:
            raise ConfigError(f"--target must be a loopback address (127.0.0.0/8, ::1), not {host}")
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise ConfigError(
            "--target is the stack's root URL, without a path (the API is under /api/v1)"
        )
    return f"{parts.scheme}://{parts.netloc}"
