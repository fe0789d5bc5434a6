"""Test data for the contract suite, built from the domain's own classes and methods."""

from __future__ import annotations

from datetime import timedelta

from attrs import evolve

from adapters.clock import ManualClock
from adapters.ids import SnowflakeIds
from food_core.model import (
    Address,
    CardSummary,
    Cart,
    City,
    CouponUse,
    FoodItem,
    Order,
    OrderItem,
    OrderStatus,
    Payment,
    PaymentMode,
    PaymentStatus,
    Restaurant,
    RestaurantRef,
    User,
)

BENGALURU = City("560001", "Bengaluru")
MUMBAI = City("400001", "Mumbai")
VISA = CardSummary("visa", "4242")


class Maker:
    """Fresh entities with unique ids; time moves one millisecond per entity made."""

    def __init__(self, clock: ManualClock, ids: SnowflakeIds) -> None:
        self.clock = clock
        self.ids = ids
        self._n = 0
        self._orders_made = 0

    def _tick(self) -> None:
        self.clock.advance(timedelta(milliseconds=1, microseconds=7))

    def user(self, **changes: object) -> User:
        self._n += 1
        self._tick()
        user = User(
            user_id=self.ids.next_id(),
            user_name=f"Customer {self._n}",
            email=f"customer{self._n}@example.com",
            phone=f"98{self._n:08d}",
            created_at=self.clock.now(),
        )
        return evolve(user, **changes)  # type: ignore[arg-type]

    def restaurant(self, **changes: object) -> Restaurant:
        restaurant = Restaurant(
            restaurant_id=self.ids.next_id(),
            restaurant_name="Dosa Corner",
            restaurant_description="Crisp dosas and filter coffee",
            restaurant_rating=4.4,
            city=BENGALURU,
            cuisines=("South Indian",),
            is_veg_only=True,
            delivery_time_minutes=25,
            cost_for_two=40_000,
        )
        return evolve(restaurant, **changes)  # type: ignore[arg-type]

    def food_item(self, restaurant_id: int, **changes: object) -> FoodItem:
        item = FoodItem(
            food_id=self.ids.next_id(),
            restaurant_id=restaurant_id,
            food_name="Masala Dosa",
            food_category="Dosa",
            price=12_000,
            availability=True,
            is_veg=True,
        )
        return evolve(item, **changes)  # type: ignore[arg-type]

    def address(self, user_id: int, **changes: object) -> Address:
        address = Address(
            address_id=self.ids.next_id(),
            user=user_id,
            label="Home",
            line1="12 MG Road",
            line2="Flat 4",
            landmark="Near the metro",
            city_name="Bengaluru",
            pincode="560001",
        )
        return evolve(address, **changes)  # type: ignore[arg-type]

    def cart(self, user_id: int, item: FoodItem, quantity: int = 1) -> Cart:
        empty = Cart(cart_id=self.ids.next_id(), user=user_id)
        return empty.set_quantity(item, RestaurantRef(item.restaurant_id, "Dosa Corner"), quantity)

    def order(
        self,
        user_id: int,
        *,
        key: str | None = None,
        restaurant_id: int = 1,
        mode: PaymentMode = PaymentMode.CARD,
        quantity: int = 2,
        cart_version: int | None = None,
        coupon: CouponUse | None = None,
        items: tuple[OrderItem, ...] | None = None,
    ) -> Order:
        """A new order (version 0); each from a cart version of its own unless given;
        a dosa and a coffee unless ``items`` says otherwise."""
        self._tick()
        now = self.clock.now()
        order_id = self.ids.next_id()
        return Order(
            order_id=order_id,
            user=user_id,
            restaurant=RestaurantRef(restaurant_id, "Dosa Corner"),
            items=items
            or (
                OrderItem(11, "Masala Dosa", 12_000, quantity, True),
                OrderItem(13, "Filter Coffee", 4_000, 1, True),
            ),
            order_status=OrderStatus.PENDING_PAYMENT,
            payment_mode=mode,
            delivery_address=self.address(user_id),
            idempotency_key=key or f"order-key-{order_id}",
            request_fingerprint="sha256:place",
            created_at=now,
            updated_at=now,
            cart_version=self._n_orders() if cart_version is None else cart_version,
            coupon=coupon,
        )

    def _n_orders(self) -> int:
        self._orders_made += 1
        return self._orders_made

    def payment(self, order: Order, *, key: str | None = None) -> Payment:
        self._tick()
        now = self.clock.now()
        payment_id = self.ids.next_id()
        return Payment(
            payment_id=payment_id,
            order_id=order.order_id,
            payment_mode=order.payment_mode,
            amount=order.total_amount,
            payment_status=PaymentStatus.PENDING,
            idempotency_key=key or f"pay-key-{payment_id}",
            request_fingerprint="sha256:pay",
            created_at=now,
            updated_at=now,
        )

    def paid(self, payment: Payment) -> Payment:
        self._tick()
        return payment.succeeded(self.clock.now(), gateway_reference="pay_ref_1", card=VISA)

    def with_attempt(self, order: Order, *, key: str | None = None) -> Order:
        """``order`` with a new PENDING attempt (one change: version + 1)."""
        return order.attempt_started(self.payment(order, key=key), self.clock.now())

    def confirmed(self, order: Order) -> Order:
        """``order`` with a new attempt, then confirmed by it succeeding (two changes)."""
        started = self.with_attempt(order)
        self._tick()
        paid = self.paid(started.payments[-1])
        return started.attempt_settled(paid, self.ids.next_id(), self.clock.now())

    def declined(self, order: Order) -> Order:
        """``order`` with a new attempt, then declined (two changes)."""
        started = self.with_attempt(order)
        self._tick()
        failed = started.payments[-1].failed(self.clock.now(), failure_code="card_declined")
        return started.attempt_settled(failed, self.ids.next_id(), self.clock.now())

    def cancelled(self, order: Order) -> Order:
        self._tick()
        return order.cancelled(self.clock.now())

    def refunded(self, order: Order) -> Order:
        """``order`` with its paying attempt refunded."""
        self._tick()
        assert order.paid_by is not None
        return order.attempt_refunded(order.paid_by, self.clock.now())
