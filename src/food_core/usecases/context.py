"""The bundle of ports every use case receives."""

from __future__ import annotations

from attrs import frozen

from food_core.ports import (
    AddressRepository,
    CartRepository,
    CatalogRepository,
    Clock,
    IdGenerator,
    OrderRepository,
    PasswordHasher,
    PaymentGateway,
    UserRepository,
)


@frozen
class Ports:
    users: UserRepository
    catalog: CatalogRepository
    carts: CartRepository
    addresses: AddressRepository
    orders: OrderRepository
    gateway: PaymentGateway
    hasher: PasswordHasher
    clock: Clock
    ids: IdGenerator
