"""In-memory adapters: the reference implementation of every port and the test fakes."""

from __future__ import annotations

from adapters.memory.gateway import FakePaymentGateway, Fault
from adapters.memory.hasher import FastTestHasher
from adapters.memory.notifications import MemoryNotifier
from adapters.memory.store import MemoryStore
from food_core.ports import Clock, IdGenerator, Notifier, PasswordHasher, PaymentGateway
from food_core.usecases import Ports

__all__ = [
    "FakePaymentGateway",
    "FastTestHasher",
    "Fault",
    "MemoryNotifier",
    "MemoryStore",
    "memory_ports",
]


def memory_ports(
    *,
    clock: Clock,
    ids: IdGenerator,
    hasher: PasswordHasher,
    gateway: PaymentGateway,
    store: MemoryStore | None = None,
    notifier: Notifier | None = None,
) -> Ports:
    """``adapters.stores.ports_for`` on ``store`` (a new, empty one by default)."""
    from adapters.stores import MemoryBackedStore, ports_for  # that module imports this one

    return ports_for(
        MemoryBackedStore(store),
        gateway=gateway,
        hasher=hasher,
        clock=clock,
        ids=ids,
        notifier=notifier,
    )
