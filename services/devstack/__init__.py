"""Throwaway local servers for development, tests and the local stack.

Stdlib only. Each module holds one concept:

- ``binaries``: obtain the FerretDB / Traefik binaries (built from pinned Go modules).
- ``ports``: pick free ports, wait for a TCP port or an HTTP endpoint.
- ``process``: ``ManagedProcess``, a child in its own process group that is always reaped.
- ``server``: ``RunningServer`` (what every runner returns) and ``ServerStartError``.
- ``ferretdb``, ``postgres``, ``traefik``: the runners.
- ``selfcheck``: ``python -m services.devstack.selfcheck`` starts, checks and stops all three.

Nothing here starts anything at import time.
"""

from services.devstack.server import RunningServer, ServerStartError

__all__ = ["RunningServer", "ServerStartError"]
