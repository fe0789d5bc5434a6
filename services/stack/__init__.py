"""The whole local system, supervised: PostgreSQL, FerretDB, payments, the API replicas
(two, or ``--replicas N``) and Traefik, started in order, kept running and stopped
together.

``stack`` is the system; ``services.devstack`` is its parts. The servers that make sense
alone (PostgreSQL, FerretDB, payments, Traefik) have their runners in ``devstack``,
where tests and benchmarks use them too; what only the system runs is here: the API
replica and the error-page fallback (``replica``, on ``devstack``'s ``start_server``),
the ports and state directory (``config``), the shared secrets, the seed and the
supervisor that restarts a replica that dies.

``nox -s up`` runs ``python -m services.stack``; the system tests start the same
:class:`Stack` on free ports in a temporary state directory.
"""

from services.stack.config import StackConfig
from services.stack.supervisor import Stack

__all__ = ["Stack", "StackConfig"]
