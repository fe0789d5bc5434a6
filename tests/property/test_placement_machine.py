"""One order per cart: any interleaving of one customer's cart edits, placements from
several tabs (each its own Idempotency-Key) and retries of those keys leaves at most one
order per cart version, each holding exactly the cart it consumed, and a key always
answers with the same order.

A tab that loaded the cart earlier places from what it read then (``StaleCart``): the
race of two tabs placing one cart, replayed deterministically — the second one read the
cart before the first consumed it."""

from __future__ import annotations

import contextlib

from attrs import evolve
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from food_core.errors import DomainError
from food_core.model import Cart, PaymentMode
from food_core.ports import CartRepository
from food_core.usecases import Ports, place_order, set_cart_quantity
from tests.builders import make_world

KEYS = st.sampled_from([f"tab-{tab}-key-{n}" for tab in "abc" for n in range(3)])
TABS = st.sampled_from("abc")


class StaleCart:
    """The store's carts, but the first read answers what a tab read earlier."""

    def __init__(self, carts: CartRepository, seen: Cart | None) -> None:
        self._carts = carts
        self._seen: list[Cart | None] = [seen]

    def get(self, user_id: int) -> Cart | None:
        return self._seen.pop() if self._seen else self._carts.get(user_id)

    def save(self, cart: Cart, expected_version: int | None) -> bool:
        return self._carts.save(cart, expected_version)


class OnePlacementPerCart(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.world = make_world()
        user = self.world.customer()
        self.user_id = user.user_id
        self.address_id = self.world.address(user).address_id
        # Every cart version seen → its lines as (food_id, quantity), sorted.
        self.versions: dict[int, tuple[tuple[int, int], ...]] = {}
        self.order_for_key: dict[str, int] = {}
        self.tabs: dict[str, Cart | None] = {}
        self._record()

    def _record(self) -> None:
        cart = self.world.ports.carts.get(self.user_id)
        if cart is not None:
            lines = tuple(sorted((li.food_item.food_id, li.quantity) for li in cart.food_items))
            self.versions.setdefault(cart.version, lines)

    @rule(food_id=st.sampled_from([11, 12, 13]), quantity=st.integers(0, 3))
    def edit(self, food_id: int, quantity: int) -> None:
        with contextlib.suppress(DomainError):
            set_cart_quantity(self.world.ports, self.user_id, food_id, quantity)
        self._record()

    @rule(tab=TABS)
    def open_tab(self, tab: str) -> None:
        self.tabs[tab] = self.world.ports.carts.get(self.user_id)

    @rule(tab=TABS, key=KEYS)
    def place_from_a_tab(self, tab: str, key: str) -> None:
        if tab in self.tabs:
            seen = self.tabs[tab]
            stale = evolve(self.world.ports, carts=StaleCart(self.world.ports.carts, seen))
            self._place(stale, seen, key, PaymentMode.CARD)

    @rule(key=KEYS, mode=st.sampled_from([PaymentMode.CARD, PaymentMode.COD]))
    def place(self, key: str, mode: PaymentMode) -> None:
        self._place(self.world.ports, self.world.ports.carts.get(self.user_id), key, mode)

    def _place(self, ports: Ports, before: Cart | None, key: str, mode: PaymentMode) -> None:
        try:
            placed = place_order(
                ports,
                self.user_id,
                idempotency_key=key,
                address_id=self.address_id,
                payment_mode=mode,
            )
        except DomainError:
            return  # an empty cart, or the same key asking for something else
        order = placed.order
        if order.idempotency_key == key:
            assert self.order_for_key.setdefault(key, order.order_id) == order.order_id
        else:  # another tab's order: this cart (or this key's cart) was ordered already
            assert placed.replayed
        if before is not None and before.placed_order is not None and before.is_empty:
            assert order.order_id == before.placed_order  # the ordered cart's answer
        self._record()

    @invariant()
    def at_most_one_order_per_cart_version(self) -> None:
        orders = list(self.world.store.orders.values())
        versions = [o.cart_version for o in orders]
        assert len(versions) == len(set(versions))

    @invariant()
    def each_order_holds_the_cart_it_consumed(self) -> None:
        for order in self.world.store.orders.values():
            items = tuple(sorted((i.food_id, i.quantity) for i in order.items))
            assert items == self.versions[order.cart_version]

    @invariant()
    def a_key_always_means_its_order(self) -> None:
        for key, order_id in self.order_for_key.items():
            stored = self.world.ports.orders.get_by_key(self.user_id, key)
            assert stored is not None and stored.order_id == order_id


OnePlacementPerCart.TestCase.settings = settings(
    max_examples=200, stateful_step_count=40, deadline=None
)
TestOnePlacementPerCart = OnePlacementPerCart.TestCase
