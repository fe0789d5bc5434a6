"""The client's IP address, believing ``X-Forwarded-For`` only from trusted proxies.

Traefik appends the address it saw to ``X-Forwarded-For``. Walking the list from the
right, every hop that is a trusted proxy is skipped; the first one that is not is the
client. Entries further left were written by the client itself and prove nothing.
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
