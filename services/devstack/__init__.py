"""Single servers for development: each runner starts one, on 127.0.0.1, and stops it.

``devstack`` knows servers, not the system: ``start_postgres``, ``start_ferretdb``,
``start_payments`` and ``start_traefik`` each start one throwaway (or kept) server in a
state directory and return a ``RunningServer``. Tests and benchmarks use them one at a
time; ``services.stack`` puts them together into the whole system. Nothing here imports
``services.stack``.

Stdlib only. Each module holds one concept:

- ``binaries``: obtain the FerretDB / Traefik binaries (built from pinned Go modules).
- ``ports``: ``HOST`` (the one address every server listens on), free ports, who holds a
  taken one, and readiness waits for a TCP port or an HTTP endpoint.
- ``process``: ``ManagedProcess``, a child in its own process group that is always reaped.
- ``server``: ``start_server`` (start a process, wait for a caller's readiness probe,
  stop it and raise ``ServerStartError`` with its log tail on failure), which every
  runner uses, and ``RunningServer``, which every runner returns.
- ``postgres``, ``ferretdb``, ``payments``, ``traefik``: the runners.
- ``selfcheck``: ``python -m services.devstack.selfcheck`` starts, checks and stops
  PostgreSQL, FerretDB and Traefik.

Nothing here starts anything at import time.
"""

from services.devstack.ports import HOST
from services.devstack.server import RunningServer, ServerStartError, start_server

__all__ = ["HOST", "RunningServer", "ServerStartError", "start_server"]
