"""Dispatch: hand each accepted order to the nearest free rider of its city, and let the
rider pick it up and deliver it.

A hand-over is two compare-and-sets, the rider's first: claim a free rider for the order
(``Rider.order_id``: one order per rider, however many dispatchers race), then write the
rider onto the order. Each step is safe to repeat, and every way of stopping between them
is finished later:

- a dispatcher dies after claiming: the order still waits, and the next dispatch of it
  finds the rider already holding it (``RiderRepository.holding``) and finishes the
  hand-over instead of claiming another;
- two dispatchers claim two riders for one order: the order takes one, and the other
  rider is released at once;
- an order ends (delivered) and the replica dies before releasing its rider: the sweep's
  :func:`release_finished_riders` finds the rider holding a finished order.

When no rider is free the order waits: :func:`dispatch_waiting` (on every delivery, and
in the sweep) tries the waiting orders again, oldest first.
"""

from __future__ import annotations

from contextlib import suppress
from datetime import timedelta

from food_core.errors import ConcurrentUpdate, NotFound, ValidationFailed
from food_core.model import FINAL_STATUSES, Order, OrderStatus, Position, Rider, UserRole
from food_core.usecases.accounts import signup
from food_core.usecases.changing import change_order
from food_core.usecases.context import Ports

# How many of a city's free riders one dispatch compares (the nearest of them wins).
FREE_RIDERS_COMPARED = 50
# A rider left holding an order this long without a change is checked by the sweep (a
# hand-over in flight takes milliseconds).
HAND_OVER_GRACE = timedelta(minutes=1)
RELEASE_ATTEMPTS = 8


def dispatch(ports: Ports, order: Order) -> Order:
    """Give ``order`` (waiting for a rider) the nearest free rider of its city; the order
    as it stands afterwards (still waiting when no rider is free)."""
    if not order.awaiting_rider:
        return order
    held = ports.riders.holding(order.order_id)
    if held is not None:  # a hand-over that stopped half-way: finish it
        return _hand_over(ports, order, held, _restaurant_position(ports, order))
    city = order.delivery_city
    if city is None:
        return order  # accepted before dispatch existed: nobody to send
    at = _restaurant_position(ports, order)
    now = ports.clock.now()
    free = ports.riders.list_free(city, FREE_RIDERS_COMPARED)
    for rider in sorted(free, key=lambda r: (r.position.km_to(at), r.rider_id)):
        claimed = rider.assigned(order.order_id, now)
        if ports.riders.save(claimed, rider.version):
            return _hand_over(ports, order, claimed, at)
    return order


def delivery_plan(ports: Ports, order: Order) -> tuple[str, float]:
    """The city whose riders serve the order, and the kilometres from its restaurant to
    its door (straight line), as the order is accepted."""
    restaurant = ports.catalog.get_restaurant(order.restaurant.restaurant_id)
    if restaurant is None:
        raise NotFound(f"restaurant {order.restaurant.restaurant_id} not found")
    start = ports.places.restaurant_position(restaurant)
    door = ports.places.address_position(order.delivery_address)
    return restaurant.city.pincode, round(start.km_to(door), 3)


def _restaurant_position(ports: Ports, order: Order) -> Position:
    restaurant = ports.catalog.get_restaurant(order.restaurant.restaurant_id)
    if restaurant is None:
        raise NotFound(f"restaurant {order.restaurant.restaurant_id} not found")
    return ports.places.restaurant_position(restaurant)


def _hand_over(ports: Ports, order: Order, rider: Rider, at: Position) -> Order:
    """Write ``rider`` (who holds the order) onto the order; if the order took another
    rider meanwhile, or needs none now, give this one back."""
    now = ports.clock.now()
    pickup_km = round(rider.position.km_to(at), 3)

    def assign(current: Order) -> Order:
        if not current.awaiting_rider:
            return current
        return current.rider_assigned(rider.ref, pickup_km, now)

    stored = change_order(ports, order.order_id, assign, current=order)
    if stored.rider_id != rider.rider_id:
        release_rider(ports, rider.rider_id, order.order_id)
    return stored


def release_rider(
    ports: Ports, rider_id: int, order_id: int, at: Position | None = None
) -> Rider | None:
    """The rider is done with ``order_id`` (and now at ``at``, if given); nothing happens
    if the rider carries something else. The rider as stored afterwards."""
    for _ in range(RELEASE_ATTEMPTS):
        rider = ports.riders.get(rider_id)
        if rider is None or rider.order_id != order_id:
            return rider
        released = rider.released(order_id, at or rider.position, ports.clock.now())
        if ports.riders.save(released, rider.version):
            return released
    raise ConcurrentUpdate("the rider changed while being released; try again")


def dispatch_waiting(ports: Ports, *, city_pincode: str | None = None, limit: int = 50) -> int:
    """Try the orders waiting for a rider again, oldest first (only ``city_pincode``'s,
    if given); how many got one. A city found without free riders is skipped for the
    rest of the round."""
    assigned = 0
    riderless: set[str] = set()
    for order in ports.orders.list_awaiting_rider(limit, city_pincode):
        city = order.delivery_city
        if city is None or city in riderless:
            continue
        with suppress(ConcurrentUpdate):  # the next round tries again
            if dispatch(ports, order).rider_id is not None:
                assigned += 1
            else:
                riderless.add(city)
    return assigned


def release_finished_riders(ports: Ports, *, limit: int = 100) -> int:
    """The sweep's step for riders left holding an order past the hand-over grace: one
    whose order ended or took another rider is released; one whose order still waits
    gets the hand-over finished. How many riders were released."""
    released = 0
    for rider in ports.riders.list_busy(ports.clock.now() - HAND_OVER_GRACE, limit):
        assert rider.order_id is not None
        order = ports.orders.get(rider.order_id)
        if order is not None and order.awaiting_rider:
            with suppress(ConcurrentUpdate):
                dispatch(ports, order)
            continue
        if (
            order is None
            or order.order_status in FINAL_STATUSES
            or order.rider_id != rider.rider_id
        ):
            at = _drop_position(ports, order)
            if release_rider(ports, rider.rider_id, rider.order_id, at) is not None:
                released += 1
    return released


def _drop_position(ports: Ports, order: Order | None) -> Position | None:
    """Where a rider who delivered ``order`` is now (None: where it was)."""
    if order is None or order.order_status is not OrderStatus.DELIVERED:
        return None
    return ports.places.address_position(order.delivery_address)


# --- the rider's side ---------------------------------------------------------------------


def rider_profile(ports: Ports, rider_id: int) -> Rider:
    rider = ports.riders.get(rider_id)
    if rider is None:
        raise NotFound(f"rider {rider_id} not found", field="rider_id")
    return rider


def rider_job(ports: Ports, rider_id: int) -> tuple[Rider, Order | None]:
    """The rider and the order they carry (None: free)."""
    rider = rider_profile(ports, rider_id)
    if rider.order_id is None:
        return rider, None
    order = ports.orders.get(rider.order_id)
    if order is None or order.rider_id != rider_id:
        return rider, None  # a hand-over not finished yet, or one being undone
    return rider, order


def pick_up(ports: Ports, rider_id: int, order_id: int) -> Order:
    """The rider has the food (the kitchen must have marked it ready)."""
    now = ports.clock.now()
    return change_order(ports, order_id, lambda order: order.picked_up_by(rider_id, now))


def deliver(ports: Ports, rider_id: int, order_id: int, *, cash_collected: bool) -> Order:
    """At the door: delivered (a cash order's payment settled with it); the rider is
    released where the order was dropped and may take the next waiting order."""
    now = ports.clock.now()
    delivered = change_order(
        ports, order_id, lambda order: order.delivered_by(rider_id, cash_collected, now)
    )
    finish_delivery(ports, delivered)
    return delivered


def finish_delivery(ports: Ports, order: Order) -> None:
    """After an order is delivered: free its rider and give them the next waiting order
    of their city (a failure here is the sweep's to finish)."""
    rider_id = order.rider_id
    if rider_id is None or order.order_status is not OrderStatus.DELIVERED:
        return
    with suppress(ConcurrentUpdate):
        rider = release_rider(
            ports, rider_id, order.order_id, ports.places.address_position(order.delivery_address)
        )
        if rider is not None and rider.is_free:
            dispatch_waiting(ports, city_pincode=rider.city_pincode)


def enrol_rider(
    ports: Ports,
    *,
    user_name: str,
    email: str,
    phone: str,
    password: str,
    city_pincode: str,
    position: Position,
) -> Rider:
    """A rider's account and their place in the city's pool (free, at ``position``)."""
    if ports.catalog.get_city(city_pincode) is None:
        raise ValidationFailed(f"city {city_pincode} does not exist", field="city_pincode")
    user = signup(
        ports,
        user_name=user_name,
        email=email,
        phone=phone,
        password=password,
        role=UserRole.RIDER,
    )
    rider = Rider(
        rider_id=user.user_id,
        rider_name=user.user_name,
        phone=user.phone,
        city_pincode=city_pincode,
        position=position,
        updated_at=ports.clock.now(),
    )
    ports.riders.add(rider)
    return rider
