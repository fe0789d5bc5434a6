"""Place an order from the cart (DESIGN §5).

The commit point is ``orders.claim``: an insert under the unique (user, idempotency key).
Everything after it — clearing the cart, confirming a cash-on-delivery order — is
idempotent follow-up that a replay simply runs again.
"""

from __future__ import annotations

from attrs import frozen

from food_core.errors import CartEmpty, ItemUnavailable, NotFound
from food_core.model import Cart, Order, OrderItem, OrderStatus, PaymentMode
from food_core.usecases.addresses import own_address
from food_core.usecases.context import Ports
from food_core.usecases.idempotency import check_key, ensure_same_request, fingerprint
from food_core.usecases.settlement import confirm_cash_on_delivery


@frozen
class Placement:
    order: Order
    replayed: bool


def place_order(
    ports: Ports,
    user_id: int,
    *,
    idempotency_key: str,
    address_id: int,
    payment_mode: PaymentMode,
) -> Placement:
    check_key(idempotency_key)
    request = fingerprint(
        "place_order", {"address_id": address_id, "payment_mode": payment_mode.value}
    )
    existing = ports.orders.get_by_key(user_id, idempotency_key)
    if existing is not None:
        return _replay(ports, existing, request)

    address = own_address(ports, user_id, address_id)
    cart = ports.carts.get(user_id)
    if cart is None or cart.is_empty:
        raise CartEmpty("the cart is empty; add items before placing an order", field="cart")
    assert cart.restaurant is not None  # a non-empty cart has a restaurant
    now = ports.clock.now()
    order = Order(
        order_id=ports.ids.next_id(),
        user=user_id,
        restaurant=cart.restaurant,
        items=_priced_now(ports, cart),
        order_status=OrderStatus.PENDING_PAYMENT,
        payment_mode=payment_mode,
        delivery_address=address,
        idempotency_key=idempotency_key,
        request_fingerprint=request,
        created_at=now,
        updated_at=now,
    )
    stored = ports.orders.claim(order)
    if stored.order_id != order.order_id:  # a concurrent request with this key won
        return _replay(ports, stored, request)
    return Placement(_follow_up(ports, stored), replayed=False)


def _priced_now(ports: Ports, cart: Cart) -> tuple[OrderItem, ...]:
    """Snapshot the lines at the catalog's current prices; refuse unavailable items."""
    current = ports.catalog.get_food_items([line.food_item.food_id for line in cart.food_items])
    items = []
    for line in cart.food_items:
        item = current.get(line.food_item.food_id)
        if item is None:
            raise NotFound(f"{line.food_item.food_name} is no longer on the menu", field="food_id")
        if not item.availability:
            raise ItemUnavailable(
                f"{item.food_name} became unavailable; remove it from the cart", field="food_id"
            )
        items.append(
            OrderItem(item.food_id, item.food_name, item.price, line.quantity, item.is_veg)
        )
    return tuple(items)


def _replay(ports: Ports, stored: Order, request: str) -> Placement:
    ensure_same_request(stored.request_fingerprint, request)
    return Placement(_follow_up(ports, stored), replayed=True)


def _follow_up(ports: Ports, order: Order) -> Order:
    _clear_cart_if_ordered(ports, order)
    if order.payment_mode is PaymentMode.COD and order.order_status is OrderStatus.PENDING_PAYMENT:
        order = confirm_cash_on_delivery(ports, order)
    return order


def _clear_cart_if_ordered(ports: Ports, order: Order) -> None:
    """Clear the cart only if it still holds exactly what was ordered: a cart the
    customer has since changed is theirs to keep."""
    cart = ports.carts.get(order.user)
    if cart is None or cart.is_empty:
        return
    ordered = {(item.food_id, item.quantity) for item in order.items}
    in_cart = {(line.food_item.food_id, line.quantity) for line in cart.food_items}
    if ordered == in_cart:
        ports.carts.save(cart.cleared(), cart.version)
