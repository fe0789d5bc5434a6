"""What a checkout checks besides the cart itself: open hours, where the restaurant
delivers, the price the customer was shown, and how long an order waits for a payment."""

from __future__ import annotations

from datetime import timedelta

import pytest
from attrs import evolve

from adapters.memory import Fault
from food_core.errors import (
    AddressNotServiceable,
    CartChanged,
    PaymentDeclined,
    PaymentUnavailable,
    RestaurantClosed,
)
from food_core.model import IST, BillCode, CancelReason, OpenHours, OrderStatus, PaymentMode
from food_core.ports import ChargeRequest, GatewayPayment
from food_core.usecases import (
    Placement,
    add_address,
    check_delivery,
    expire_unpaid_orders,
    pay_order,
    place_order,
    price_cart,
    search_restaurants,
    set_cart_quantity,
)
from tests.builders import GOOD_CARD, World, make_world

DOSA, IDLI = 11, 12


def _at(world: World, hour: int, minute: int = 0) -> None:
    """Move the clock forward to the next ``hour:minute`` in India."""
    now = world.clock.now().astimezone(IST)
    target = now.replace(hour=hour, minute=minute, second=0, microsecond=0)
    if target <= now:
        target += timedelta(days=1)
    world.clock.advance(target - now)


def _dinner_only(world: World) -> None:
    dinner = evolve(world.dosa, open_hours=OpenHours.parse("18:00-23:00"))
    world.ports.catalog.add_restaurant(dinner)


def _place(
    world: World,
    user_id: int,
    address_id: int,
    key: str = "place-0001",
    expected_total: int | None = None,
) -> Placement:
    return place_order(
        world.ports,
        user_id,
        idempotency_key=key,
        address_id=address_id,
        payment_mode=PaymentMode.CARD,
        expected_total=expected_total,
    )


@pytest.fixture
def world() -> World:
    return make_world()


# --- open hours ---


def test_adding_at_a_closed_restaurant_says_when_it_opens(world: World) -> None:
    _dinner_only(world)
    _at(world, 12)
    user = world.customer()
    with pytest.raises(RestaurantClosed) as closed:
        set_cart_quantity(world.ports, user.user_id, DOSA, 1)
    assert (
        closed.value.opens_at
        == world.clock.now()
        .astimezone(IST)
        .replace(hour=18, minute=0, second=0, microsecond=0)
        .isoformat()
    )
    assert "opens at 18:00" in closed.value.message


def test_taking_out_of_the_cart_is_allowed_when_closed_but_placing_is_not(world: World) -> None:
    user = world.customer()
    address = world.address(user)
    set_cart_quantity(world.ports, user.user_id, DOSA, 2)
    _dinner_only(world)
    _at(world, 12)
    set_cart_quantity(world.ports, user.user_id, DOSA, 1)  # fewer: fine
    with pytest.raises(RestaurantClosed):
        set_cart_quantity(world.ports, user.user_id, DOSA, 3)
    with pytest.raises(RestaurantClosed) as closed:
        _place(world, user.user_id, address.address_id)
    assert closed.value.field == "cart"
    _at(world, 18, 30)
    assert _place(world, user.user_id, address.address_id).order.order_status is (
        OrderStatus.PENDING_PAYMENT
    )


def test_an_open_now_search_leaves_out_closed_restaurants(world: World) -> None:
    _dinner_only(world)
    _at(world, 12)
    pincode = world.dosa.city.pincode
    everyone = search_restaurants(world.ports, pincode=pincode)
    open_now = search_restaurants(world.ports, pincode=pincode, open_at=world.clock.now())
    assert {r.restaurant_id for r in everyone.restaurants} == {1, 2}
    assert [r.restaurant_id for r in open_now.restaurants] == [2]


def test_an_open_now_search_pages_past_closed_restaurants(world: World) -> None:
    _dinner_only(world)
    _at(world, 12)
    page = search_restaurants(
        world.ports, pincode=world.dosa.city.pincode, limit=1, open_at=world.clock.now()
    )
    assert [r.restaurant_id for r in page.restaurants] == [2]
    assert page.next_cursor is None  # the closed one came first and was skipped


# --- where the restaurant delivers ---


def _address(world: World, user_id: int, pincode: str, city_name: str = "Bengaluru") -> int:
    return add_address(
        world.ports, user_id, label="Work", line1="1 Road", city_name=city_name, pincode=pincode
    ).address_id


def test_an_address_outside_the_city_is_refused_at_placement_naming_the_address(
    world: World,
) -> None:
    user = world.customer()
    set_cart_quantity(world.ports, user.user_id, DOSA, 1)
    mumbai = _address(world, user.user_id, "400001", "Mumbai")
    with pytest.raises(AddressNotServiceable) as refused:
        _place(world, user.user_id, mumbai)
    assert refused.value.field == "address_id"
    assert "400001" in refused.value.message
    assert world.ports.orders.list_for_user(user.user_id, 10) == []


def test_a_pincode_the_city_serves_is_delivered_to(world: World) -> None:
    user = world.customer()
    set_cart_quantity(world.ports, user.user_id, DOSA, 1)
    koramangala = _address(world, user.user_id, "560034")
    assert _place(world, user.user_id, koramangala).order.delivery_address.pincode == "560034"


def test_a_pincode_and_city_that_disagree_are_refused(world: World) -> None:
    user = world.customer()
    set_cart_quantity(world.ports, user.user_id, DOSA, 1)
    wrong_city = _address(world, user.user_id, "560034", "Mumbai")
    with pytest.raises(AddressNotServiceable, match="not its PIN code's city"):
        _place(world, user.user_id, wrong_city)


def test_the_cart_says_before_paying_whether_an_address_is_delivered_to(world: World) -> None:
    user = world.customer()
    set_cart_quantity(world.ports, user.user_id, DOSA, 1)
    home = world.address(user).address_id
    far = _address(world, user.user_id, "110001", "New Delhi")
    assert check_delivery(world.ports, user.user_id, home).serviceable
    check = check_delivery(world.ports, user.user_id, far)
    assert not check.serviceable and check.detail is not None and "110001" in check.detail


# --- the price the customer was shown ---


def test_a_price_changed_since_the_cart_was_shown_is_not_charged_silently(world: World) -> None:
    user = world.customer()
    address = world.address(user).address_id
    set_cart_quantity(world.ports, user.user_id, DOSA, 2)
    set_cart_quantity(world.ports, user.user_id, IDLI, 1)
    shown = price_cart(world.ports, user.user_id).total_amount
    world.ports.catalog.add_food_items([evolve(world.items["dosa"], price=15_000)])
    with pytest.raises(CartChanged) as changed:
        _place(world, user.user_id, address, expected_total=shown)
    assert changed.value.changes == [
        {"food_id": DOSA, "line_id": str(DOSA), "food_name": "Masala Dosa",
         "old_price": 12_000, "new_price": 15_000, "available": True},
    ]  # fmt: skip
    now = price_cart(world.ports, user.user_id)  # the cart took today's prices
    assert now.bill is not None and now.bill.amount_of(BillCode.ITEM_TOTAL) == 2 * 15_000 + 8_000
    assert changed.value.total_amount == now.total_amount > shown
    assert world.ports.orders.list_for_user(user.user_id, 10) == []
    # Agreeing to the new total (a second click) places the order at it.
    agreed = now.total_amount
    again = _place(world, user.user_id, address, key="place-0002", expected_total=agreed)
    assert again.order.total_amount == agreed


def test_an_item_gone_unavailable_is_listed_as_changed(world: World) -> None:
    user = world.customer()
    address = world.address(user).address_id
    set_cart_quantity(world.ports, user.user_id, DOSA, 1)
    set_cart_quantity(world.ports, user.user_id, IDLI, 1)
    shown = price_cart(world.ports, user.user_id).total_amount
    world.ports.catalog.set_availability(IDLI, False)
    with pytest.raises(CartChanged) as changed:
        _place(world, user.user_id, address, expected_total=shown)
    assert [(c["food_id"], c["available"]) for c in changed.value.changes] == [(IDLI, False)]
    now = price_cart(world.ports, user.user_id)  # billed without the unavailable dish
    assert now.bill is not None and now.bill.amount_of(BillCode.ITEM_TOTAL) == 12_000
    assert changed.value.total_amount == now.total_amount


def test_the_shown_total_that_holds_places_the_order(world: World) -> None:
    user = world.customer()
    address = world.address(user).address_id
    set_cart_quantity(world.ports, user.user_id, DOSA, 1)
    shown = price_cart(world.ports, user.user_id).total_amount
    placed = _place(world, user.user_id, address, expected_total=shown)
    assert placed.order.total_amount == shown


# --- an unpaid order waits, then expires ---


def test_an_unpaid_order_expires_after_its_time_with_the_reason_shown(world: World) -> None:
    user = world.customer()
    set_cart_quantity(world.ports, user.user_id, DOSA, 1)
    order = _place(world, user.user_id, world.address(user).address_id).order
    world.clock.advance(timedelta(minutes=14))
    assert expire_unpaid_orders(world.ports) == 0
    world.clock.advance(timedelta(minutes=2))
    assert expire_unpaid_orders(world.ports) == 1
    stored = world.ports.orders.get(order.order_id)
    assert stored is not None and stored.order_status is OrderStatus.CANCELLED
    assert stored.cancel_reason is CancelReason.UNPAID
    assert expire_unpaid_orders(world.ports) == 0


class _Unreachable:
    """A gateway that cannot be reached at all (charges, lookups, refunds)."""

    def charge(self, request: ChargeRequest) -> GatewayPayment:
        raise PaymentUnavailable("the payments service is down")

    def payments_for_order(self, order_id: int) -> list[GatewayPayment]:
        raise PaymentUnavailable("the payments service is down")

    def refund(self, reference: str, idempotency_key: str) -> GatewayPayment:
        raise PaymentUnavailable("the payments service is down")

    def close(self) -> None:
        return None


def test_an_order_whose_charge_may_have_gone_through_is_never_expired() -> None:
    world = make_world(fault=lambda _r: Fault.TIMEOUT_AFTER_CHARGE)
    user = world.customer()
    set_cart_quantity(world.ports, user.user_id, DOSA, 1)
    order = _place(world, user.user_id, world.address(user).address_id).order
    with pytest.raises(PaymentUnavailable):
        pay_order(world.ports, user.user_id, order.order_id, idempotency_key="pay-00000001",
                  payment_mode=PaymentMode.CARD, card=GOOD_CARD)  # fmt: skip
    world.clock.advance(timedelta(minutes=30))
    down = evolve(world.ports, gateway=_Unreachable())  # the gateway cannot be asked
    assert expire_unpaid_orders(down) == 0
    stored = world.ports.orders.get(order.order_id)
    assert stored is not None and stored.order_status is OrderStatus.PENDING_PAYMENT
    # It can be asked again: the charge had gone through, so the order is confirmed.
    assert expire_unpaid_orders(world.ports) == 0
    stored = world.ports.orders.get(order.order_id)
    assert stored is not None and stored.order_status is OrderStatus.CONFIRMED


def test_a_declined_order_left_alone_expires_too(world: World) -> None:
    user = world.customer()
    set_cart_quantity(world.ports, user.user_id, DOSA, 1)
    order = _place(world, user.user_id, world.address(user).address_id).order
    declined = evolve(GOOD_CARD, number="4000000000000002")
    with pytest.raises(PaymentDeclined):
        pay_order(world.ports, user.user_id, order.order_id, idempotency_key="pay-00000001",
                  payment_mode=PaymentMode.CARD, card=declined)  # fmt: skip
    world.clock.advance(timedelta(minutes=16))
    assert expire_unpaid_orders(world.ports) == 1
