"""The whole local system: FerretDB, payments, two API replicas and Traefik, supervised.

``nox -s up`` runs ``python -m services.stack``; the system tests start the same
:class:`Stack` on free ports in a temporary state directory.
"""

from services.stack.config import StackConfig
from services.stack.supervisor import Stack

__all__ = ["Stack", "StackConfig"]
