"""The bundle of ports every use case receives."""

from __future__ import annotations

from attrs import field, frozen

from food_core.model import Tariff
from food_core.ports import (
    AddressRepository,
    CartRepository,
    CatalogRepository,
    Clock,
    FavouriteRepository,
    IdGenerator,
    NoNotifier,
    Notifier,
    OrderRepository,
    PasswordHasher,
    PaymentGateway,
    Places,
    RatingRepository,
    RiderRepository,
    UserRepository,
)


@frozen
class Ports:
    users: UserRepository
    catalog: CatalogRepository
    carts: CartRepository
    addresses: AddressRepository
    orders: OrderRepository
    ratings: RatingRepository
    favourites: FavouriteRepository
    riders: RiderRepository
    # Where restaurants and addresses are (dispatch picks the nearest rider; ETAs).
    places: Places
    gateway: PaymentGateway
    hasher: PasswordHasher
    clock: Clock
    ids: IdGenerator
    # What the platform charges per order (the bill's platform fee): configuration.
    tariff: Tariff = field(factory=Tariff)
    # Where the customer's notices go (docs/design.md, "Notifications"); nowhere unless
    # given one.
    notifier: Notifier = field(factory=NoNotifier)
