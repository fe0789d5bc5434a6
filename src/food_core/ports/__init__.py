"""Ports: the Protocols adapters implement. Small, one concern each."""

from food_core.ports.gateway import ChargeRequest, GatewayPayment, PaymentGateway
from food_core.ports.notifications import NoNotifier, Notifier
from food_core.ports.places import Places
from food_core.ports.repositories import (
    AddressRepository,
    CartRepository,
    CatalogRepository,
    FavouriteRepository,
    OrderRepository,
    RatingRepository,
    RiderRepository,
    UserRepository,
)
from food_core.ports.system import Clock, IdGenerator, PasswordHasher

__all__ = [
    "AddressRepository",
    "CartRepository",
    "CatalogRepository",
    "ChargeRequest",
    "Clock",
    "FavouriteRepository",
    "GatewayPayment",
    "IdGenerator",
    "NoNotifier",
    "Notifier",
    "OrderRepository",
    "PasswordHasher",
    "PaymentGateway",
    "Places",
    "RatingRepository",
    "RiderRepository",
    "UserRepository",
]
