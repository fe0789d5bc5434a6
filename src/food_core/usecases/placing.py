"""Place an order from the cart (docs/design.md §5).

The commit point is ``orders.add``: one insert claiming both the customer's idempotency
key and the cart version the order was made from. So a retry with the same key, and a
second placement of the same cart with any key (another tab, another device, another
replica), find the order already placed instead of making a second one. Everything
after the insert — marking the cart as ordered, recording a cash-on-delivery promise —
is idempotent follow-up that a replay simply runs again.
"""

from __future__ import annotations

from attrs import evolve, frozen

from food_core.errors import (
    CartChanged,
    CartEmpty,
    ConcurrentUpdate,
    CouponUseTaken,
    ItemUnavailable,
    NotFound,
)
from food_core.model import (
    Address,
    Cart,
    Coupon,
    CouponRefusal,
    CouponUse,
    FoodItem,
    Order,
    OrderItem,
    OrderOption,
    OrderStatus,
    PaymentMode,
)
from food_core.usecases.addresses import own_address
from food_core.usecases.billing import PricedCart, orderable_lines, price_lines
from food_core.usecases.context import Ports
from food_core.usecases.idempotency import check_key, ensure_same_request, fingerprint
from food_core.usecases.opening import ensure_open
from food_core.usecases.serviceability import ensure_delivers
from food_core.usecases.settlement import cod_attempt, confirm_cash_on_delivery

# A coupon use lost to another order is retried with the next one, at most this often.
_COUPON_ATTEMPTS = 4


@frozen
class Placement:
    order: Order
    # True when the answer is an order placed before: by this key, or from this cart.
    replayed: bool


def place_order(
    ports: Ports,
    user_id: int,
    *,
    idempotency_key: str,
    address_id: int,
    payment_mode: PaymentMode,
    expected_total: int | None = None,
) -> Placement:
    """``expected_total``: the bill's total, in paise, the customer was shown; if the
    order would cost anything else now, ``CartChanged`` says what changed and nothing is
    ordered (the cart then holds today's prices, so showing it again and placing again
    with its total goes through). Also refuses a closed restaurant (``RestaurantClosed``),
    an address it does not deliver to (``AddressNotServiceable``) and a coupon on the
    cart that no longer applies (``CouponInvalid``). The order stores the bill (coupon
    discount and tip included) and holds one of the customer's uses of the coupon."""
    check_key(idempotency_key)
    request = fingerprint(
        "place_order", {"address_id": address_id, "payment_mode": payment_mode.value}
    )
    cart = ports.carts.get(user_id)
    if cart is not None and cart.placed_order is not None:
        placed = ports.orders.get(cart.placed_order)
        if placed is not None:  # this cart was ordered already: that order is the answer
            return _replay(ports, placed, idempotency_key, request)
    if cart is None or cart.is_empty:
        # A retry whose cart has changed since finds its order by the key.
        earlier = ports.orders.get_by_key(user_id, idempotency_key)
        if earlier is not None:
            return _replay(ports, earlier, idempotency_key, request)
        raise CartEmpty("the cart is empty; add items before placing an order", field="cart")

    assert cart.restaurant is not None  # a non-empty cart has a restaurant
    restaurant = ports.catalog.get_restaurant(cart.restaurant.restaurant_id)
    if restaurant is None:
        raise NotFound(f"{cart.restaurant.restaurant_name} is no longer listed", field="cart")
    ensure_open(restaurant, ports.clock.now(), field="cart")
    address = own_address(ports, user_id, address_id)
    ensure_delivers(ports, restaurant, address)
    current = ports.catalog.get_food_items([line.food_item.food_id for line in cart.food_items])
    priced = price_lines(ports, user_id, cart, orderable_lines(cart, current), restaurant)
    if priced.coupon is not None and priced.coupon.refusal is not None:
        if priced.coupon.refusal is CouponRefusal.USED_UP:
            # A second click whose first order already holds the use gets that order.
            earlier = ports.orders.get_by_key(user_id, idempotency_key) or ports.orders.get_by_cart(
                user_id, cart.version
            )
            if earlier is not None:
                return _replay(ports, earlier, idempotency_key, request)
        raise priced.coupon.error()
    if expected_total is not None:
        _ensure_price_holds(ports, cart, current, priced, expected_total)
    assert priced.bill is not None  # the cart is not empty
    order = _order_from(cart, current, address, payment_mode, idempotency_key, request, ports)
    order = evolve(order, bill=priced.bill, coupon=_coupon_use(ports, user_id, priced))
    if payment_mode is PaymentMode.COD:
        # The cash promise travels with the order, so recording it later is one write.
        order = evolve(order, payments=(cod_attempt(ports, order),))
    stored = _add(ports, order, priced)
    if stored.order_id != order.order_id:  # this key, or this cart, was ordered first
        return _replay(ports, stored, idempotency_key, request)
    return Placement(_follow_up(ports, stored, cart), replayed=False)


def _free_use(ports: Ports, user_id: int, coupon: Coupon) -> CouponUse | None:
    """The first of the customer's uses of ``coupon`` that no order holds."""
    held = ports.orders.coupon_uses_held(user_id, coupon.code, coupon.uses_per_customer)
    for slot in range(1, coupon.uses_per_customer + 1):
        if slot not in held:
            return CouponUse(coupon.code, slot)
    return None


def _coupon_use(ports: Ports, user_id: int, priced: PricedCart) -> CouponUse | None:
    """The use the order claims: the first free one (the quote found one); if another
    order took it since, the insert says so and ``_add`` takes the next."""
    coupon = priced.applied_coupon
    if coupon is None:
        return None
    return _free_use(ports, user_id, coupon) or CouponUse(coupon.code, 1)


def _add(ports: Ports, order: Order, priced: PricedCart) -> Order:
    """Insert the order; if another order holds its coupon use (an earlier order, or
    another cart of the customer's placed at the same moment), take the next free use,
    or say the coupon is used up."""
    coupon = priced.applied_coupon
    for _ in range(_COUPON_ATTEMPTS):
        try:
            return ports.orders.add(order)
        except CouponUseTaken:
            assert coupon is not None  # only an order holding a use is refused for it
            use = _free_use(ports, order.user, coupon)
            if use is None:
                raise coupon.invalid(CouponRefusal.USED_UP) from None
            order = evolve(order, coupon=use)
    raise ConcurrentUpdate("the coupon was being used by another order; try again")


def _ensure_price_holds(
    ports: Ports, cart: Cart, current: dict[int, FoodItem], priced: PricedCart, expected: int
) -> None:
    """The price lock: refuse with what changed unless the bill's total is what was shown."""
    changes: list[dict[str, object]] = []
    for line in cart.food_items:
        was = line.food_item
        now = current.get(was.food_id)
        new_price = None if now is None else line.refreshed(now).unit_price
        available = now is not None and now.orderable_with(line.option_ids)
        if not available or new_price != line.unit_price:
            changes.append(
                {
                    "food_id": was.food_id,
                    "line_id": line.line_id,
                    "food_name": was.food_name,
                    "old_price": line.unit_price,
                    "new_price": new_price,
                    "available": available,
                }
            )
    total = priced.total_amount
    if total == expected and not changes:
        return
    if changes:  # the cart takes today's prices, so the customer can agree to them
        ports.carts.save(cart.repriced(current), cart.version)
    raise CartChanged(
        f"the order now costs {total} paise, not the {expected} you were shown",
        changes=changes,
        total_amount=total,
    )


def _order_from(
    cart: Cart,
    current: dict[int, FoodItem],
    address: Address,
    payment_mode: PaymentMode,
    idempotency_key: str,
    request: str,
    ports: Ports,
) -> Order:
    assert cart.restaurant is not None  # a non-empty cart has a restaurant
    now = ports.clock.now()
    return Order(
        order_id=ports.ids.next_id(),
        user=cart.user,
        restaurant=cart.restaurant,
        items=_priced_now(cart, current),
        order_status=OrderStatus.PENDING_PAYMENT,
        payment_mode=payment_mode,
        delivery_address=address,
        idempotency_key=idempotency_key,
        request_fingerprint=request,
        created_at=now,
        updated_at=now,
        cart_version=cart.version,
    )


def _priced_now(cart: Cart, current: dict[int, FoodItem]) -> tuple[OrderItem, ...]:
    """Snapshot the lines at the catalog's current prices; refuse unavailable items and
    options that are no longer a valid choice."""
    items = []
    for line in cart.food_items:
        item = current.get(line.food_item.food_id)
        if item is None:
            raise NotFound(f"{line.food_item.food_name} is no longer on the menu", field="food_id")
        if not item.availability:
            raise ItemUnavailable(
                f"{item.food_name} became unavailable; remove it from the cart", field="food_id"
            )
        options = item.choose(line.option_ids)
        items.append(
            OrderItem(
                item.food_id,
                item.food_name,
                item.unit_price(options),
                line.quantity,
                item.is_veg,
                tuple(OrderOption(o.option_id, o.option_name, o.price_delta) for o in options),
            )
        )
    return tuple(items)


def _replay(ports: Ports, stored: Order, idempotency_key: str, request: str) -> Placement:
    """The same key must ask the same; another key placing the same cart gets its order."""
    if stored.idempotency_key == idempotency_key:
        ensure_same_request(stored.request_fingerprint, request)
    return Placement(_follow_up(ports, stored, ports.carts.get(stored.user)), replayed=True)


def _follow_up(ports: Ports, order: Order, cart: Cart | None) -> Order:
    _mark_cart_ordered(ports, order, cart)
    if order.payment_mode is PaymentMode.COD and order.order_status is OrderStatus.PENDING_PAYMENT:
        order = confirm_cash_on_delivery(ports, order)
    return order


def _mark_cart_ordered(ports: Ports, order: Order, cart: Cart | None) -> None:
    """Empty the cart the order was placed from, naming the order — only if the cart is
    still that version (compare-and-set): a cart changed since is the customer's to keep."""
    if cart is not None and cart.version == order.cart_version:
        ports.carts.save(cart.consumed_by(order.order_id), cart.version)
