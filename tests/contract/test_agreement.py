"""Stateful: each store runs beside a fresh in-memory reference, and after every step
(placements, order changes with their payment attempts, cart saves, address changes,
ratings and their edits, favourites saved and removed) both answer every question the
same way."""

from __future__ import annotations

from collections.abc import Callable, Collection
from datetime import timedelta
from typing import Any, ClassVar

from attrs import evolve
from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from adapters.clock import ManualClock
from adapters.ids import SnowflakeIds
from adapters.stores import MemoryBackedStore, Store
from food_core.errors import DomainError
from food_core.model import (
    PAYABLE_STATUSES,
    Cart,
    FoodItem,
    Order,
    OrderStatus,
    Payment,
    PaymentMode,
    PaymentStatus,
    Rating,
    RestaurantRef,
)
from tests.contract.backends import SERVER_BACKED, Backend
from tests.contract.builders import VISA, Maker

UNKNOWN_USER = 424242
ORDER_KEYS = ("key-a", "key-b", "key-c")
PAYMENT_KEYS = ("pay-a", "pay-b")
MENU = (
    FoodItem(11, 1, "Masala Dosa", "Dosa", 12_000, True, True),
    FoodItem(12, 1, "Idli", "Tiffin", 8_000, True, True),
    FoodItem(21, 2, "Margherita", "Pizza", 29_900, True, True),
)
RESTAURANTS = {1: RestaurantRef(1, "Dosa Corner"), 2: RestaurantRef(2, "Slice")}
PAYABLE = PAYABLE_STATUSES
NEXT_STEP = {
    OrderStatus.CONFIRMED: OrderStatus.PREPARING,
    OrderStatus.PREPARING: OrderStatus.OUT_FOR_DELIVERY,
    OrderStatus.OUT_FOR_DELIVERY: OrderStatus.DELIVERED,
}


def _outcome(action: Callable[[], Any]) -> Any:
    """A value, or the type of the domain error raised, so both sides compare."""
    try:
        return action()
    except DomainError as error:
        return type(error)


class StoreAgreesWithReference(RuleBasedStateMachine):
    backend: ClassVar[Backend]

    def __init__(self) -> None:
        super().__init__()
        self.backend.reset()
        self.real: Store = self.backend.store
        self.model: Store = MemoryBackedStore()
        self.clock = ManualClock()
        self.make = Maker(self.clock, SnowflakeIds(5))
        self.users: list[int] = []
        self.orders: list[int] = []
        self.addresses: list[int] = []
        self.rated: set[int] = set()

    def both(self, act: Callable[[Store], Any]) -> Any:
        expected = _outcome(lambda: act(self.model))
        actual = _outcome(lambda: act(self.real))
        assert actual == expected
        return expected

    @initialize()
    def catalog(self) -> None:
        self.both(lambda s: s.catalog.add_food_items(MENU))

    # --- users ---

    @rule(email=st.integers(0, 3), phone=st.integers(0, 3))
    def add_user(self, email: int, phone: int) -> None:
        user = self.make.user(email=f"u{email}@example.com", phone=f"900000000{phone}")
        if self.both(lambda s: s.users.add(user, "hash-0")) is None:
            self.users.append(user.user_id)

    @precondition(lambda self: self.users)
    @rule(data=st.data(), hash_=st.sampled_from(["hash-1", "hash-2"]))
    def set_password_hash(self, data: st.DataObject, hash_: str) -> None:
        user_id = data.draw(st.sampled_from([*self.users, UNKNOWN_USER]))
        self.both(lambda s: s.users.set_password_hash(user_id, hash_))

    def _user(self, data: st.DataObject) -> int:
        return data.draw(st.sampled_from([*self.users, UNKNOWN_USER]))

    # --- orders ---

    @rule(
        data=st.data(),
        key=st.sampled_from(ORDER_KEYS),
        mode=st.sampled_from(list(PaymentMode)),
        restaurant=st.sampled_from([1, 2]),
        cart_version=st.integers(1, 4),
    )
    def add_order(
        self, data: st.DataObject, key: str, mode: PaymentMode, restaurant: int, cart_version: int
    ) -> None:
        order = self.make.order(
            self._user(data),
            key=key,
            mode=mode,
            restaurant_id=restaurant,
            cart_version=cart_version,
        )
        stored = self.both(lambda s: s.orders.add(order))
        event(f"order add: {'inserted' if stored == order else 'existing returned'}")
        if stored == order:
            self.orders.append(order.order_id)

    def _order(self, data: st.DataObject, statuses: Collection[OrderStatus]) -> Order | None:
        """One of the orders the reference holds in one of ``statuses``, if any."""
        found = [self.model.orders.get(order_id) for order_id in self.orders]
        eligible = [o for o in found if o is not None and o.order_status in statuses]
        return data.draw(st.sampled_from(eligible)) if eligible else None

    def _save(self, data: st.DataObject, current: Order, moved: Order, what: str) -> None:
        # Mostly the version it has, sometimes another: both must refuse those alike.
        # (Never a version the change does not advance past: every change increments it.)
        v = current.version
        choices = [e for e in [v] * 6 + [v - 1, v + 1, 0] if e < moved.version]
        expected = data.draw(st.sampled_from(choices))
        saved = self.both(lambda s: s.orders.save(moved, expected))
        event(f"order {what}: {'saved' if saved else 'refused'}")

    def _change(
        self, data: st.DataObject, statuses: Collection[OrderStatus], what: str, step: Any
    ) -> None:
        current = self._order(data, statuses)
        if current is None:
            return
        try:
            moved = step(current)
        except (DomainError, ValueError):
            return  # the domain refuses this step for this order
        if moved is not current:
            self._save(data, current, moved, what)

    @precondition(lambda self: self.orders)
    @rule(data=st.data())
    def confirm_order(self, data: st.DataObject) -> None:
        self._change(data, PAYABLE, "confirm", self.make.confirmed)

    @precondition(lambda self: self.orders)
    @rule(data=st.data())
    def decline_order(self, data: st.DataObject) -> None:
        self._change(data, PAYABLE, "decline", self.make.declined)

    @precondition(lambda self: self.orders)
    @rule(data=st.data(), key=st.sampled_from(PAYMENT_KEYS))
    def start_attempt(self, data: st.DataObject, key: str) -> None:
        self._change(data, PAYABLE, "attempt", lambda o: self.make.with_attempt(o, key=key))

    @precondition(lambda self: self.orders)
    @rule(data=st.data(), move=st.sampled_from(["succeed", "fail", "record"]))
    def settle_attempt(self, data: st.DataObject, move: str) -> None:
        def settle(order: Order) -> Order:
            pending = [p for p in order.payments if p.payment_status is PaymentStatus.PENDING]
            if not pending:
                return order
            attempt: Payment = data.draw(st.sampled_from(pending))
            now = self.clock.now()
            if move == "succeed":
                settled = attempt.succeeded(now, gateway_reference="pay_ref", card=VISA)
            elif move == "fail":
                settled = attempt.failed(now, failure_code="card_declined")
            else:
                settled = attempt.recorded_by_gateway("pay_cod", None)
            return order.attempt_settled(settled, self.make.ids.next_id(), now)

        self._change(data, list(OrderStatus), f"settle ({move})", settle)

    @precondition(lambda self: self.orders)
    @rule(data=st.data())
    def cancel_order(self, data: st.DataObject) -> None:
        self._change(
            data,
            {*PAYABLE, OrderStatus.CONFIRMED},
            "cancel",
            lambda o: o.cancelled(self.clock.now()),
        )

    @precondition(lambda self: self.orders)
    @rule(data=st.data())
    def advance_order(self, data: st.DataObject) -> None:
        self._change(
            data,
            NEXT_STEP.keys(),
            "advance",
            lambda o: o.advanced(NEXT_STEP[o.order_status], self.clock.now()),
        )

    @precondition(lambda self: self.orders)
    @rule(data=st.data())
    def refund_order(self, data: st.DataObject) -> None:
        def refund(order: Order) -> Order:
            if not order.refunds_due:
                return order
            return order.attempt_refunded(order.refunds_due[0].payment_id, self.clock.now())

        self._change(data, list(OrderStatus), "refund", refund)

    # --- carts ---

    @rule(
        data=st.data(),
        item=st.sampled_from(MENU),
        quantity=st.integers(0, 3),
        clear=st.booleans(),
    )
    def save_cart(self, data: st.DataObject, item: FoodItem, quantity: int, clear: bool) -> None:
        user_id = self._user(data)
        current = self.model.carts.get(user_id)
        base = current or Cart(cart_id=self.make.ids.next_id(), user=user_id)
        try:
            if clear:
                cart = base.consumed_by(self.make.ids.next_id()) if quantity else base.cleared()
            else:
                cart = base.set_quantity(
                    item, RESTAURANTS[item.restaurant_id], quantity, replace_cart=True
                )
        except DomainError:
            return
        versions = [
            v for v in [None, 0, base.version, base.version + 1] if v is None or v < cart.version
        ]
        expected = data.draw(st.sampled_from(versions))
        saved = self.both(lambda s: s.carts.save(cart, expected))
        event(f"cart save: {'saved' if saved else 'refused'}")

    # --- addresses ---

    @rule(data=st.data())
    def add_address(self, data: st.DataObject) -> None:
        address = self.make.address(self._user(data))
        self.both(lambda s: s.addresses.add(address))
        self.addresses.append(address.address_id)

    @precondition(lambda self: self.addresses)
    @rule(data=st.data())
    def delete_address(self, data: st.DataObject) -> None:
        address_id = data.draw(st.sampled_from(self.addresses))
        user_id = self._user(data)
        deleted = self.both(lambda s: s.addresses.delete(address_id, user_id))
        event(f"address delete: {deleted}")

    # --- ratings and favourites ---

    @rule(
        data=st.data(),
        order_id=st.integers(1, 6),
        restaurant=st.sampled_from(list(RESTAURANTS)),
        stars=st.integers(1, 5),
    )
    def rate(self, data: st.DataObject, order_id: int, restaurant: int, stars: int) -> None:
        now = self.clock.now()
        rating = Rating(order_id, self._user(data), restaurant, stars, f"{stars} stars", now, now)
        added = self.both(lambda s: s.ratings.add(rating))
        event(f"rating add: {added}")
        self.rated.add(order_id)

    @precondition(lambda self: self.rated)
    @rule(data=st.data(), stars=st.integers(1, 5))
    def edit_rating(self, data: st.DataObject, stars: int) -> None:
        rating = self.model.ratings.get(data.draw(st.sampled_from(sorted(self.rated))))
        assert rating is not None
        edited = evolve(rating, stars=stars, review="edited", updated_at=self.clock.now())
        self.both(lambda s: s.ratings.replace(edited))

    @rule(data=st.data(), restaurant=st.integers(1, 4), save=st.booleans())
    def favourite(self, data: st.DataObject, restaurant: int, save: bool) -> None:
        user_id = self._user(data)
        if save:
            self.both(lambda s: s.favourites.add(user_id, restaurant, self.clock.now()))
        else:
            event(
                f"favourite remove: {self.both(lambda s: s.favourites.remove(user_id, restaurant))}"
            )

    @rule(milliseconds=st.integers(1, 90_000))
    def tick(self, milliseconds: int) -> None:
        self.clock.advance(timedelta(milliseconds=milliseconds))

    # --- after every step ---

    @invariant()
    def everything_agrees(self) -> None:
        for user_id in [*self.users, UNKNOWN_USER]:
            self._user_agrees(user_id)
        for order_id in self.orders:
            self.both(lambda s: s.orders.get(order_id))  # noqa: B023 - called at once
        for restaurant_id in RESTAURANTS:
            self._restaurant_agrees(restaurant_id)
        for order_id in self.rated:
            self.both(lambda s: s.ratings.get(order_id))  # noqa: B023 - called at once
        self.both(lambda s: s.orders.list_needing_attention(50))
        soon = self.clock.now() + timedelta(seconds=1)
        self.both(lambda s: s.orders.list_unpaid(soon, 50))

    def _user_agrees(self, user_id: int) -> None:
        self.both(lambda s: s.users.get(user_id))
        self.both(lambda s: s.users.password_hash(user_id))
        self.both(lambda s: s.orders.list_for_user(user_id, 50))
        self.both(lambda s: s.carts.get(user_id))
        self.both(lambda s: s.addresses.list_for_user(user_id))
        self.both(lambda s: s.favourites.list_for_user(user_id, 50))
        self.both(lambda s: s.favourites.list_for_user(user_id, 2))
        for key in ORDER_KEYS:
            self._key_agrees(user_id, key)

    def _key_agrees(self, user_id: int, key: str) -> None:
        self.both(lambda s: s.orders.get_by_key(user_id, key))

    def _restaurant_agrees(self, restaurant_id: int) -> None:
        self.both(lambda s: s.orders.list_for_restaurant(restaurant_id, list(OrderStatus), 50))
        self.both(lambda s: s.ratings.totals(restaurant_id))


def test_every_store_agrees_with_the_reference_after_every_step(backend: Backend) -> None:
    machine = type(
        f"AgreesOn{backend.name.title()}", (StoreAgreesWithReference,), {"backend": backend}
    )
    server = backend.name in SERVER_BACKED
    run_state_machine_as_test(
        machine,
        settings=settings(
            max_examples=20 if server else 40,
            stateful_step_count=30,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        ),
    )
