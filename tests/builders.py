"""A small, deterministic world on in-memory adapters for the core's tests."""

from __future__ import annotations

from attrs import define

from adapters.clock import ManualClock
from adapters.ids import SnowflakeIds
from adapters.memory import (
    FakePaymentGateway,
    FastTestHasher,
    MemoryNotifier,
    MemoryStore,
    memory_ports,
)
from adapters.memory.gateway import FaultHook
from food_core.model import Address, CardDetails, City, FoodItem, Restaurant, User, UserRole
from food_core.usecases import Ports, add_address, signup

# Bengaluru delivers to its GPO's PIN code and two more; Mumbai to its own only.
BENGALURU = City("560001", "Bengaluru", ("560034", "560095"))
MUMBAI = City("400001", "Mumbai")
GOOD_CARD = CardDetails("4242424242424242", 12, 2031, "123", "Asha Rao")
DECLINED_CARD = CardDetails("4000000000000002", 12, 2031, "123", "Asha Rao")


@define
class World:
    ports: Ports
    store: MemoryStore
    clock: ManualClock
    gateway: FakePaymentGateway
    dosa: Restaurant
    pizza: Restaurant
    items: dict[str, FoodItem]
    # Every notice the world's order changes handed over.
    notifier: MemoryNotifier

    def customer(self, n: int = 1) -> User:
        return signup(
            self.ports,
            user_name=f"Customer {n}",
            email=f"customer{n}@example.com",
            phone=f"98{n:08d}",
            password="a long password",
        )

    def partner(self, restaurant_id: int = 1, name: str = "Chef") -> User:
        """The partner account of the restaurant (``self.dosa`` is 1, ``self.pizza`` 2)."""
        return signup(
            self.ports,
            user_name=name,
            email=f"partner{restaurant_id}@example.com",
            phone=f"91111111{restaurant_id:02d}",
            password="a long password",
            role=UserRole.PARTNER,
            restaurant_id=restaurant_id,
        )

    def address(self, user: User) -> Address:
        return add_address(
            self.ports,
            user.user_id,
            label="Home",
            line1="12 MG Road",
            city_name="Bengaluru",
            pincode="560001",
        )


def make_world(*, fault: FaultHook | None = None, worker_id: int = 1) -> World:
    clock = ManualClock()
    store = MemoryStore()
    gateway = FakePaymentGateway(clock, fault=fault)
    notifier = MemoryNotifier()
    ports = memory_ports(
        clock=clock,
        ids=SnowflakeIds(worker_id),
        hasher=FastTestHasher(),
        gateway=gateway,
        store=store,
        notifier=notifier,
    )
    dosa = Restaurant(
        1,
        "Dosa Corner",
        "Crisp dosas and filter coffee",
        4.4,
        BENGALURU,
        ("South Indian",),
        True,
        25,
        40_000,
    )
    pizza = Restaurant(
        2,
        "Slice of Bandra",
        "Wood-fired pizza",
        4.1,
        BENGALURU,
        ("Pizza", "Italian"),
        False,
        35,
        80_000,
    )
    items = {
        "dosa": FoodItem(11, 1, "Masala Dosa", "Dosa", 12_000, True, True),
        "idli": FoodItem(12, 1, "Idli Vada", "Tiffin", 8_000, True, True),
        "coffee": FoodItem(13, 1, "Filter Coffee", "Beverages", 4_000, True, True),
        "rava": FoodItem(14, 1, "Rava Dosa", "Dosa", 13_000, False, True),
        "margherita": FoodItem(21, 2, "Margherita", "Pizza", 29_900, True, True),
        "pepperoni": FoodItem(22, 2, "Pepperoni", "Pizza", 39_900, True, False),
    }
    for city in (BENGALURU, MUMBAI):
        ports.catalog.add_city(city)
    ports.catalog.add_restaurant(dosa)
    ports.catalog.add_restaurant(pizza)
    ports.catalog.add_food_items(items.values())
    return World(ports, store, clock, gateway, dosa, pizza, items, notifier)
