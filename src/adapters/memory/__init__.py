"""In-memory adapters: the reference implementation of every port and the test fakes."""

from __future__ import annotations

from adapters.memory.gateway import FakePaymentGateway, Fault
from adapters.memory.hasher import FastTestHasher
from adapters.memory.store import (
    MemoryAddresses,
    MemoryCarts,
    MemoryCatalog,
    MemoryOrders,
    MemoryStore,
    MemoryUsers,
)
from food_core.ports import Clock, IdGenerator, PasswordHasher, PaymentGateway
from food_core.usecases import Ports

__all__ = [
    "FakePaymentGateway",
    "FastTestHasher",
    "Fault",
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
) -> Ports:
    store = store or MemoryStore()
    return Ports(
        users=MemoryUsers(store),
        catalog=MemoryCatalog(store),
        carts=MemoryCarts(store),
        addresses=MemoryAddresses(store),
        orders=MemoryOrders(store),
        gateway=gateway,
        hasher=hasher,
        clock=clock,
        ids=ids,
    )
