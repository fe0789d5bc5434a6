"""Open the store one URL names (docs/design.md §8): ``memory://``, ``sqlite:///path``,
``postgresql+psycopg://…`` or ``mongodb://…`` / ``mongodb+srv://…``.

Every store offers the seven repositories, the HTTP edge's shared state (request log,
login attempts, revoked tokens), ``ping()`` for readiness and ``close()``. Drivers are
imported only when their kind of store is opened.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NoReturn, Protocol

from adapters.demo_map import DemoMap
from adapters.memory.favourites import MemoryFavourites
from adapters.memory.ratings import MemoryRatings
from adapters.memory.requests import MemoryLoginAttempts, MemoryRequestLog, MemoryRevokedTokens
from adapters.memory.riders import MemoryRiders
from adapters.memory.store import (
    MemoryAddresses,
    MemoryCarts,
    MemoryCatalog,
    MemoryOrders,
    MemoryStore,
    MemoryUsers,
)
from food_core.model import Tariff
from food_core.ports import (
    AddressRepository,
    CartRepository,
    CatalogRepository,
    ChargeRequest,
    Clock,
    FavouriteRepository,
    GatewayPayment,
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
from food_core.ports.requests import LoginAttempts, RequestLog, RevokedTokens
from food_core.usecases import Ports

if TYPE_CHECKING:
    from pymongo.write_concern import WriteConcern

ACCEPTED = (
    "memory://",
    "sqlite:///path",
    "postgresql+psycopg://…",
    "mongodb://…",
    "mongodb+srv://…",
)
# Spellings of PostgreSQL that mean psycopg 3 here (SQLAlchemy alone would pick psycopg2).
_POSTGRES_ALIASES = ("postgresql", "postgres")


class Store(Protocol):
    @property
    def users(self) -> UserRepository: ...
    @property
    def catalog(self) -> CatalogRepository: ...
    @property
    def carts(self) -> CartRepository: ...
    @property
    def addresses(self) -> AddressRepository: ...
    @property
    def orders(self) -> OrderRepository: ...
    @property
    def ratings(self) -> RatingRepository: ...
    @property
    def favourites(self) -> FavouriteRepository: ...
    @property
    def riders(self) -> RiderRepository: ...

    # The HTTP edge's state, shared by every replica that opens the same store.
    @property
    def request_log(self) -> RequestLog: ...
    @property
    def login_attempts(self) -> LoginAttempts: ...
    @property
    def revoked_tokens(self) -> RevokedTokens: ...

    def ping(self) -> None:
        """Return if the store answers; raise (the driver's error) if not."""
        ...

    def close(self) -> None: ...


class MemoryBackedStore:
    """The in-memory reference behind the same interface; ``memory`` is its state."""

    def __init__(self, memory: MemoryStore | None = None) -> None:
        self.memory = memory or MemoryStore()
        self.users = MemoryUsers(self.memory)
        self.catalog = MemoryCatalog(self.memory)
        self.carts = MemoryCarts(self.memory)
        self.addresses = MemoryAddresses(self.memory)
        self.orders = MemoryOrders(self.memory)
        self.ratings = MemoryRatings(self.memory)
        self.favourites = MemoryFavourites(self.memory)
        self.riders = MemoryRiders(self.memory)
        self.request_log = MemoryRequestLog()
        self.login_attempts = MemoryLoginAttempts()
        self.revoked_tokens = MemoryRevokedTokens()

    def ping(self) -> None:
        return None

    def close(self) -> None:
        return None


def url_scheme(url: str) -> str:
    scheme, separator, _ = url.partition("://")
    return scheme.lower() if separator else ""


def open_store(
    url: str, *, migrate: bool = True, write_concern: WriteConcern | None = None
) -> Store:
    """Open (and for SQL, by default, migrate) the store at ``url``.

    ``write_concern`` applies to MongoDB only (default: the URL's ``w``/``journal``
    options if it has any, else majority and journaled).
    Raises ``ValueError`` naming the scheme for any URL that is none of the accepted.
    """
    scheme = url_scheme(url)
    if scheme == "memory":
        return MemoryBackedStore()
    if scheme == "sqlite" or scheme == "postgresql+psycopg":
        from adapters.sql import SqlStore

        return SqlStore(url, migrate=migrate)
    if scheme in _POSTGRES_ALIASES:
        from adapters.sql import SqlStore

        return SqlStore("postgresql+psycopg://" + url.partition("://")[2], migrate=migrate)
    if scheme in ("mongodb", "mongodb+srv"):
        from adapters.mongo import MongoStore

        return MongoStore(url, write_concern=write_concern)
    named = f"{scheme!r}" if scheme else "missing (no '://')"
    # The URL itself is not repeated: it may carry a password.
    raise ValueError(
        f"unsupported store URL: the scheme is {named}; accepted: {', '.join(ACCEPTED)}"
    )


class _NoPayments:
    """The gateway of ports built without one: any use is a mistake of the caller's."""

    def _refuse(self) -> NoReturn:
        raise RuntimeError("these ports were built without a payment gateway")

    def charge(self, request: ChargeRequest) -> GatewayPayment:
        self._refuse()

    def payments_for_order(self, order_id: int) -> list[GatewayPayment]:
        self._refuse()

    def refund(self, reference: str, idempotency_key: str) -> GatewayPayment:
        self._refuse()

    def close(self) -> None:
        return None


def ports_for(
    store: Store,
    *,
    hasher: PasswordHasher,
    clock: Clock,
    ids: IdGenerator,
    gateway: PaymentGateway | None = None,
    catalog: CatalogRepository | None = None,
    tariff: Tariff | None = None,
    places: Places | None = None,
    notifier: Notifier | None = None,
) -> Ports:
    """The use cases' bundle of ports, with this store's repositories: the one place
    that makes a :class:`Ports` (the API's container, ``memory_ports``, the seed).

    ``catalog`` stands in front of the store's (the API's cache); ``tariff``: what the
    platform charges per order (the default platform fee unless configured). Without a ``gateway``
    every payment call raises ``RuntimeError``: for work that takes no payment (signing
    up the seed's accounts), so it needs no payments client. ``places``: the map
    (the demo's by default). Without a ``notifier`` the customers' notices go nowhere
    (``NoNotifier``).
    """
    return Ports(
        users=store.users,
        catalog=catalog if catalog is not None else store.catalog,
        carts=store.carts,
        addresses=store.addresses,
        orders=store.orders,
        ratings=store.ratings,
        favourites=store.favourites,
        riders=store.riders,
        places=places if places is not None else DemoMap(),
        gateway=gateway if gateway is not None else _NoPayments(),
        hasher=hasher,
        clock=clock,
        ids=ids,
        tariff=tariff if tariff is not None else Tariff(),
        notifier=notifier if notifier is not None else NoNotifier(),
    )
