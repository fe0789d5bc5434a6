"""Clients for the in-process API, with the few steps every test repeats."""

from __future__ import annotations

import uuid
from types import TracebackType
from typing import Any

from dependency_injector import providers
from starlette.applications import Starlette
from starlette.testclient import TestClient

from adapters.clock import ManualClock
from adapters.memory import FakePaymentGateway, FastTestHasher
from adapters.stores import MemoryBackedStore, Store
from services.api.container import Container
from services.api.settings import Settings
from tests.builders import make_world

API = "/api/v1"
GOOD_CARD = {"number": "4242424242424242", "exp_month": 12, "exp_year": 2031, "cvc": "123"}
DECLINED_CARD = {**GOOD_CARD, "number": "4000000000000002"}
PASSWORD = "a long password"
# The catalog of tests/builders.py: Dosa Corner (1) and Slice of Bandra (2), Bengaluru.
DOSA, IDLI, COFFEE, RAVA_UNAVAILABLE = 11, 12, 13, 14
MARGHERITA = 21
BENGALURU = "560001"


def new_key() -> str:
    return str(uuid.uuid4())


def seed_catalog(store: Store) -> None:
    """Add the core tests' small catalog (two Bengaluru restaurants) to ``store``."""
    world = make_world()
    for city in world.ports.catalog.list_cities():
        store.catalog.add_city(city)
    store.catalog.add_restaurant(world.dosa)
    store.catalog.add_restaurant(world.pizza)
    store.catalog.add_food_items(world.items.values())


def seeded_store() -> MemoryBackedStore:
    """A memory store holding the core tests' small catalog (two Bengaluru restaurants)."""
    store = MemoryBackedStore()
    seed_catalog(store)
    return store


def build_test_container(
    settings: Settings,
    clock: ManualClock,
    gateway: FakePaymentGateway,
    store: Store,
) -> Container:
    """The production container with the test overrides: settings, a manual clock, the
    fast hasher, a fake gateway and a store (memory, or one on a MongoDB-wire server)."""
    container = Container()
    container.settings.override(providers.Object(settings))
    container.clock.override(providers.Object(clock))
    container.hasher.override(providers.Object(FastTestHasher()))
    container.gateway.override(providers.Object(gateway))
    container.store.override(providers.Object(store))
    return container


def command_container(container: Container) -> Container:
    """A container for a CLI command run beside the app: the app's settings, clock,
    hasher, gateway, ids and store (lent: the command shuts down only what it opened)."""
    command = Container()
    for name in ("settings", "clock", "hasher", "gateway", "ids", "store"):
        getattr(command, name).override(providers.Object(getattr(container, name)()))
    return command


class ApiClient(TestClient):
    """One browser or app: its own cookie jar, and a bearer token once signed up."""

    token: str | None = None
    user: dict[str, Any]

    @property
    def user_id(self) -> int:
        return int(self.user["user_id"])

    def signup(self, n: int = 1, *, cookies: bool = False, **fields: Any) -> dict[str, Any]:
        """Sign up customer ``n``. With ``cookies`` the session rides on the cookies the
        response set (as in the web app, which does not ask for the token); otherwise on
        a bearer token, asked for with ``bearer: true``."""
        body = {
            "user_name": f"Customer {n}",
            "email": f"customer{n}@example.com",
            "phone": f"98{n:08d}",
            "password": PASSWORD,
            **({} if cookies else {"bearer": True}),
            **fields,
        }
        response = self.post(f"{API}/auth/signup", json=body)
        assert response.status_code == 201, response.text
        self._remember(response.json(), cookies)
        return dict(response.json())

    def login(self, email: str, password: str, *, cookies: bool = False) -> dict[str, Any]:
        body: dict[str, Any] = {"email": email, "password": password}
        if not cookies:
            body["bearer"] = True
        response = self.post(f"{API}/auth/login", json=body)
        assert response.status_code == 200, response.text
        self._remember(response.json(), cookies)
        return dict(response.json())

    def _remember(self, session: dict[str, Any], cookies: bool) -> None:
        # A cookie session's token is the HttpOnly cookie's value (the body has none).
        self.token = self.cookies.get("food_session") if cookies else session["token"]
        self.user = session["user"]
        if not cookies:
            self.cookies.clear()
            self.headers["Authorization"] = f"Bearer {self.token}"

    def add_address(self, **fields: Any) -> dict[str, Any]:
        body = {"label": "Home", "line1": "12 MG Road", "city_name": "Bengaluru"}
        body |= {"pincode": BENGALURU, **fields}
        response = self.post(f"{API}/addresses", json=body)
        assert response.status_code == 201, response.text
        return dict(response.json())

    def set_item(self, food_id: int, quantity: int, **fields: Any) -> dict[str, Any]:
        response = self.put(f"{API}/cart/items/{food_id}", json={"quantity": quantity, **fields})
        assert response.status_code == 200, response.text
        return dict(response.json())

    def place_order(
        self, address_id: int, payment_mode: str = "CARD", key: str | None = None
    ) -> dict[str, Any]:
        response = self.post(
            f"{API}/orders",
            json={"address_id": address_id, "payment_mode": payment_mode},
            headers={"Idempotency-Key": key or new_key()},
        )
        assert response.status_code == 201, response.text
        return dict(response.json())

    def ordered(self, *lines: tuple[int, int], payment_mode: str = "CARD") -> dict[str, Any]:
        """A placed order of ``(food_id, quantity)`` lines, to a new address."""
        for food_id, quantity in lines:
            self.set_item(food_id, quantity)
        return self.place_order(self.add_address()["address_id"], payment_mode)

    def pay(self, order_id: int, card: dict[str, Any] | None = None, key: str | None = None) -> Any:
        return self.post(
            f"{API}/orders/{order_id}/payment",
            json={"payment_mode": "CARD", "card": card or GOOD_CARD},
            headers={"Idempotency-Key": key or new_key()},
        )


class Api:
    """The app with its lifespan running; :meth:`client` makes independent clients."""

    def __init__(self, app: Starlette) -> None:
        self.app = app
        self._lifespan = TestClient(app)

    def __enter__(self) -> Api:
        self._lifespan.__enter__()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._lifespan.__exit__(exc_type, exc, tb)

    def client(self, *, client_address: tuple[str, int] = ("testclient", 50000)) -> ApiClient:
        return ApiClient(self.app, client=client_address)
