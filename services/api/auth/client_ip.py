"""The client's IP address, believing ``X-Forwarded-For`` only from trusted proxies.

Traefik appends the address it saw to ``X-Forwarded-For``. Walking the list from the
right, every hop that is a trusted proxy is skipped; the first one that is not is the
client. Entries further left were written by the client itself and prove nothing.

Limits count per :func:`client_bucket`: an IPv4 address, or an IPv6 client's /64 — one
subscriber commonly holds a whole /64 (often far more), so counting single IPv6
addresses would let one client pose as 2^64.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence

from starlette.types import Scope

from services.api.settings import IpNetwork

UNKNOWN = "unknown"


def _parse(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def _trusted(address: str, proxies: Sequence[IpNetwork]) -> bool:
    parsed = _parse(address)
    return parsed is not None and any(parsed in network for network in proxies)


def client_ip(scope: Scope, proxies: Sequence[IpNetwork]) -> str:
    client = scope.get("client")
    peer = str(client[0]) if client else UNKNOWN
    if not _trusted(peer, proxies):
        return peer
    forwarded: list[str] = []
    for name, value in scope.get("headers", []):
        if name == b"x-forwarded-for":
            forwarded.extend(part.strip() for part in value.decode("latin-1").split(","))
    for hop in reversed(forwarded):
        if not hop:
            continue
        if _parse(hop) is None:
            return peer  # garbage in the chain: fall back to what we can vouch for
        if not _trusted(hop, proxies):
            return hop
    return peer


def client_bucket(ip: str) -> str:
    """What limits count per: the IPv4 address; for IPv6 its /64 (``2001:db8:1:2::/64``),
    an IPv4-mapped IPv6 address as the IPv4 one; anything unparsable as it is."""
    parsed = _parse(ip)
    if parsed is None:
        return ip
    if isinstance(parsed, ipaddress.IPv6Address):
        if parsed.ipv4_mapped is not None:
            return str(parsed.ipv4_mapped)
        return str(ipaddress.IPv6Network((int(parsed) >> 64 << 64, 64)))
    return str(parsed)
