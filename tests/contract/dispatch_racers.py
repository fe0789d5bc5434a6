"""A kitchen with riders, built through the use cases on any store, and the racers of
dispatch's contract tests (issue 18): module level, so that the race pool's worker
processes can import them (``tests.contract.racing``).

Orders are placed, paid by card and accepted the way the API does it; riders wait at the
demo map's starting points (``adapters.demo_map``), which also places the restaurant and
the doors (``ports_for``'s default places).
"""

from __future__ import annotations

from contextlib import suppress
from datetime import datetime, timedelta

from attrs import evolve

from adapters.clock import ManualClock
from adapters.demo_map import rider_start
from adapters.ids import SnowflakeIds
from adapters.memory import FakePaymentGateway, FastTestHasher
from adapters.stores import Store, ports_for
from food_core.errors import ConcurrentUpdate
from food_core.model import (
    CardDetails,
    City,
    FoodItem,
    Order,
    OrderStatus,
    PaymentMode,
    Restaurant,
    Rider,
    User,
    UserRole,
)
from food_core.usecases import (
    Ports,
    accept_order,
    add_address,
    dispatch_waiting,
    pay_order,
    place_order,
    set_cart_quantity,
    signup,
)
from food_core.usecases.dispatching import dispatch
from tests.contract.racing import TIMEOUT, Barrier

BENGALURU = City("560001", "Bengaluru", ("560034",))
MUMBAI = City("400001", "Mumbai", ("400050",))
CARD = CardDetails("4242424242424242", 12, 2031, "123", "Asha Rao")
# The kitchen's id generator: the race workers use 1–4, the state machine 5, ``make`` 0;
# a second kitchen on the same store takes 7.
KITCHEN_WORKER = 6
STEP = timedelta(milliseconds=3)


def ports_at(store: Store, clock: ManualClock, worker: int) -> Ports:
    return ports_for(
        store,
        hasher=FastTestHasher(),
        clock=clock,
        ids=SnowflakeIds(worker),
        gateway=FakePaymentGateway(clock),
    )


class Kitchen:
    """One restaurant open all day (in Bengaluru unless ``city`` says otherwise), its
    partner, and the customers ordering from it; time moves a few milliseconds per step.
    Two kitchens on one store need workers (id generators) of their own."""

    def __init__(
        self,
        store: Store,
        clock: ManualClock,
        *,
        restaurant_id: int = 7001,
        city: City = BENGALURU,
        worker: int = KITCHEN_WORKER,
    ) -> None:
        self.clock = clock
        self.city = city
        self.ports = ports_at(store, clock, worker)
        self.ports.catalog.add_city(city)
        self.restaurant = Restaurant(
            restaurant_id, "Dosa Corner", "Crisp dosas", 4.4, city,
            ("South Indian",), True, 25, 40_000, open_hours="00:00-24:00",
        )  # fmt: skip
        self.ports.catalog.add_restaurant(self.restaurant)
        self.dish = FoodItem(
            restaurant_id * 10 + 1, restaurant_id, "Masala Dosa", "Dosa", 12_000, True, True
        )
        self.ports.catalog.add_food_items([self.dish])
        self.partner = self._signup(role=UserRole.PARTNER, restaurant_id=restaurant_id)
        self._riders = 0

    def _tick(self) -> None:
        self.clock.advance(STEP)

    def _signup(self, role: UserRole = UserRole.CUSTOMER, restaurant_id: int | None = None) -> User:
        self._tick()
        n = self.ports.ids.next_id()
        return signup(
            self.ports,
            user_name=f"Person {n % 100_000}",
            email=f"person-{n}@example.com",
            phone=f"9{n % 10**9:09d}",
            password="a long password",
            role=role,
            restaurant_id=restaurant_id,
        )

    def placed_order(self, *, line1: str = "12 MG Road", pincode: str | None = None) -> Order:
        """A new customer's order of two dosas, by card, not paid yet, to the city's first
        delivery area unless ``pincode`` says otherwise."""
        customer = self._signup()
        address = add_address(
            self.ports, customer.user_id, label="Home", line1=line1,
            city_name=self.city.city_name, pincode=pincode or self.city.served_pincodes[0],
        )  # fmt: skip
        self._tick()
        set_cart_quantity(self.ports, customer.user_id, self.dish.food_id, 2)
        self._tick()
        placed = place_order(
            self.ports, customer.user_id, idempotency_key=f"place-{customer.user_id}",
            address_id=address.address_id, payment_mode=PaymentMode.CARD,
        )  # fmt: skip
        return placed.order

    def confirmed_order(self, *, line1: str = "12 MG Road", pincode: str | None = None) -> Order:
        """A new customer's order, paid by card: waiting for the kitchen."""
        placed = self.placed_order(line1=line1, pincode=pincode)
        self._tick()
        paid = pay_order(
            self.ports, placed.user, placed.order_id, idempotency_key=f"pay-{placed.user}",
            payment_mode=PaymentMode.CARD, card=CARD,
        )  # fmt: skip
        assert paid.order.order_status is OrderStatus.CONFIRMED
        return paid.order

    def accepted(self, order: Order, prep_minutes: int = 15) -> Order:
        """The kitchen accepts ``order`` (which dispatches a rider, if one is free)."""
        self._tick()
        return accept_order(self.ports, self.partner.user_id, order.order_id, prep_minutes)

    def waiting_order(self, **address: str) -> Order:
        """An accepted order; with no free rider it waits for one."""
        return self.accepted(self.confirmed_order(**address))

    def rider(self, *, city_pincode: str | None = None, **changes: object) -> Rider:
        """A new free rider of the city (the kitchen's unless said), stored."""
        rider = self.new_rider(city_pincode=city_pincode, **changes)
        self.ports.riders.add(rider)
        return rider

    def new_rider(self, *, city_pincode: str | None = None, **changes: object) -> Rider:
        """A new free rider of the city (the kitchen's unless said), not stored yet."""
        city_pincode = city_pincode or self.city.pincode
        self._tick()
        self._riders += 1
        rider_id = self.ports.ids.next_id()
        rider = Rider(
            rider_id=rider_id,
            rider_name=f"Rider {self._riders}",
            phone=f"7{rider_id % 10**9:09d}",
            city_pincode=city_pincode,
            position=rider_start(city_pincode, self._riders),
            updated_at=self.clock.now(),
        )
        return evolve(rider, **changes)  # type: ignore[arg-type]


# --- racers ---


def dispatch_rounds(
    store: Store,
    barrier: Barrier,
    worker: int,
    job: tuple[datetime, str, list[tuple[list[Rider], list[int]]]],
) -> None:
    """Each round: worker 1 lets that round's riders start their shift, then everyone
    dispatches at once — by ``dispatch_waiting`` (``how`` = "waiting") or by dispatching
    each of the orders, in the order given (``how`` = "each")."""
    at, how, rounds = job
    ports = ports_at(store, ManualClock(at), worker)
    for riders, order_ids in rounds:
        barrier.wait(TIMEOUT)  # the previous round is over for everyone
        for rider in riders:
            ports.riders.add(rider)
        barrier.wait(TIMEOUT)
        if how == "waiting":
            dispatch_waiting(ports)
            continue
        for order_id in order_ids:
            order = ports.orders.get(order_id)
            assert order is not None
            with suppress(ConcurrentUpdate):  # as every caller does: the sweep retries
                dispatch(ports, order)
