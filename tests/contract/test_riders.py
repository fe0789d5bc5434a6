"""The riders' store on every backend (issue 18): a rider reads back as added, adding
again keeps the first, a change is a compare-and-set on the version, and the three
queries dispatch and its sweep make — a city's free riders by id, the rider holding an
order, the busy riders by their last change."""

from __future__ import annotations

from datetime import timedelta

from attrs import evolve

from adapters.demo_map import rider_start
from adapters.stores import Store
from food_core.model import Position, Rider
from tests.contract.builders import Maker

BENGALURU, MUMBAI = "560001", "400001"


def _rider(make: Maker, city: str = BENGALURU, **changes: object) -> Rider:
    make.clock.advance(timedelta(milliseconds=1, microseconds=3))
    rider_id = make.ids.next_id()
    rider = Rider(
        rider_id=rider_id,
        rider_name=f"Rider {rider_id % 1000}",
        phone="9876543210",
        city_pincode=city,
        position=rider_start(city, rider_id % 97),
        updated_at=make.clock.now(),
    )
    return evolve(rider, **changes)  # type: ignore[arg-type]


def _added(store: Store, make: Maker, city: str = BENGALURU, **changes: object) -> Rider:
    rider = _rider(make, city, **changes)
    store.riders.add(rider)
    return rider


def test_a_rider_reads_back_as_added(store: Store, make: Maker) -> None:
    rider = _added(store, make, position=Position(12.971598765432, 77.594566123456))
    assert store.riders.get(rider.rider_id) == rider
    assert store.riders.get(rider.rider_id + 1) is None
    # The order they carry, and a position to the last digit, read back too.
    busy = _added(store, make, order_id=123456789012345, version=4)
    assert store.riders.get(busy.rider_id) == busy


def test_adding_a_rider_again_keeps_the_one_stored(store: Store, make: Maker) -> None:
    rider = _added(store, make)
    store.riders.add(evolve(rider, rider_name="Someone Else", phone="9000000000"))
    assert store.riders.get(rider.rider_id) == rider


def test_a_change_is_stored_only_from_the_version_it_was_made_from(
    store: Store, make: Maker
) -> None:
    rider = _added(store, make)
    claimed = rider.assigned(42, make.clock.now())
    other = rider.assigned(43, make.clock.now())
    assert store.riders.save(claimed, rider.version)
    assert not store.riders.save(other, rider.version)  # lost: version 0 is gone
    assert store.riders.get(rider.rider_id) == claimed
    make.clock.advance(timedelta(seconds=1))
    released = claimed.released(42, Position(12.93, 77.62), make.clock.now())
    assert not store.riders.save(released, rider.version)  # stale
    assert store.riders.save(released, claimed.version)
    assert store.riders.get(rider.rider_id) == released
    assert released.version == 2 and released.is_free


def test_saving_a_rider_never_added_stores_nothing(store: Store, make: Maker) -> None:
    rider = _rider(make)
    assert not store.riders.save(rider.assigned(7, make.clock.now()), rider.version)
    assert store.riders.get(rider.rider_id) is None


def test_a_citys_free_riders_are_listed_by_id(store: Store, make: Maker) -> None:
    first, second, third = (_added(store, make) for _ in range(3))
    _added(store, make, MUMBAI)
    busy = _added(store, make)
    assert store.riders.save(busy.assigned(9, make.clock.now()), busy.version)
    assert store.riders.list_free(BENGALURU, 10) == [first, second, third]
    assert store.riders.list_free(BENGALURU, 2) == [first, second]
    assert store.riders.list_free(BENGALURU, 0) == []
    assert [r.city_pincode for r in store.riders.list_free(MUMBAI, 10)] == [MUMBAI]
    assert store.riders.list_free("110001", 10) == []
    # Claimed, a rider is no longer free; released, free again.
    claimed = second.assigned(10, make.clock.now())
    assert store.riders.save(claimed, second.version)
    assert store.riders.list_free(BENGALURU, 10) == [first, third]
    released = claimed.released(10, claimed.position, make.clock.now())
    assert store.riders.save(released, claimed.version)
    assert store.riders.list_free(BENGALURU, 10) == [first, released, third]


def test_the_rider_holding_an_order_is_found_by_the_order(store: Store, make: Maker) -> None:
    free = _added(store, make)
    carrier = _added(store, make)
    claimed = carrier.assigned(555, make.clock.now())
    assert store.riders.save(claimed, carrier.version)
    assert store.riders.holding(555) == claimed
    assert store.riders.holding(556) is None
    released = claimed.released(555, claimed.position, make.clock.now())
    assert store.riders.save(released, claimed.version)
    assert store.riders.holding(555) is None
    assert store.riders.get(free.rider_id) == free


def test_busy_riders_are_listed_oldest_change_first(store: Store, make: Maker) -> None:
    start = make.clock.now()
    riders = [_added(store, make) for _ in range(4)]
    # Claimed in the order 2, 0, 3 (rider 1 stays free); two at the same instant.
    at = start + timedelta(minutes=1)
    claims = {
        2: riders[2].assigned(20, at),
        0: riders[0].assigned(10, at + timedelta(seconds=5)),
        3: riders[3].assigned(30, at + timedelta(seconds=5)),
    }
    for n, claimed in claims.items():
        assert store.riders.save(claimed, riders[n].version)
    ties = sorted([claims[0], claims[3]], key=lambda r: r.rider_id)
    later = at + timedelta(minutes=1)
    assert store.riders.list_busy(later, 10) == [claims[2], *ties]
    assert store.riders.list_busy(later, 2) == [claims[2], ties[0]]
    assert store.riders.list_busy(later, 0) == []
    # Strictly before: a rider changed at that very instant is not listed.
    assert store.riders.list_busy(at + timedelta(seconds=5), 10) == [claims[2]]
    assert store.riders.list_busy(at, 10) == []
    # A free rider is never busy, however long unchanged.
    assert riders[1].rider_id not in {r.rider_id for r in store.riders.list_busy(later, 10)}
