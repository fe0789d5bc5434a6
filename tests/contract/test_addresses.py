"""AddressRepository: add, get, list in creation order, delete only your own, and the
cap on a user's addresses, which concurrent adds cannot pass."""

from __future__ import annotations

from attrs import evolve

from adapters.stores import Store
from food_core.usecases.addresses import MAX_ADDRESSES
from tests.contract.backends import Backend
from tests.contract.builders import Maker
from tests.contract.edge_racers import add_addresses
from tests.contract.racing import MAX_RACERS, RacePool


def test_an_added_address_reads_back_equal(store: Store, make: Maker) -> None:
    address = make.address(1, line2="", landmark="")
    store.addresses.add(address)
    assert store.addresses.get(address.address_id) == address
    assert store.addresses.get(address.address_id + 1) is None


def test_a_users_addresses_are_listed_by_id(store: Store, make: Maker) -> None:
    mine = [make.address(1, label=f"Place {n}") for n in range(4)]
    theirs = make.address(2)
    for address in [mine[2], theirs, mine[0], mine[3], mine[1]]:
        store.addresses.add(address)
    assert store.addresses.list_for_user(1) == mine
    assert store.addresses.list_for_user(2) == [theirs]
    assert store.addresses.list_for_user(3) == []


def test_adding_an_address_again_replaces_it(store: Store, make: Maker) -> None:
    address = make.address(1)
    store.addresses.add(address)
    work = evolve(address, label="Work")
    store.addresses.add(work)
    assert store.addresses.list_for_user(1) == [work]


def test_the_owner_deletes_an_address_once(store: Store, make: Maker) -> None:
    address = make.address(1)
    store.addresses.add(address)
    assert store.addresses.delete(address.address_id, 1)
    assert store.addresses.get(address.address_id) is None
    assert not store.addresses.delete(address.address_id, 1)


def test_deleting_another_users_address_returns_false_and_keeps_it(
    store: Store, make: Maker
) -> None:
    address = make.address(1)
    store.addresses.add(address)
    assert not store.addresses.delete(address.address_id, 2)
    assert store.addresses.get(address.address_id) == address


def test_deleting_an_unknown_address_returns_false(store: Store) -> None:
    assert not store.addresses.delete(404, 1)


# --- the cap: adds with a limit count and insert as one step ---


def test_an_add_with_a_limit_is_refused_once_the_user_has_that_many(
    store: Store, make: Maker
) -> None:
    kept = [make.address(1) for _ in range(3)]
    assert all(store.addresses.add(a, limit=3) for a in kept)
    extra = make.address(1)
    assert not store.addresses.add(extra, limit=3)
    assert store.addresses.get(extra.address_id) is None
    # Replacing one of them is no new address; another user has a book of their own.
    assert store.addresses.add(evolve(kept[0], label="Work"), limit=3)
    assert store.addresses.add(make.address(2), limit=3)
    # A deleted address frees its place.
    assert store.addresses.delete(kept[1].address_id, 1)
    assert store.addresses.add(extra, limit=3)
    assert [a.address_id for a in store.addresses.list_for_user(1)] == sorted(
        [kept[0].address_id, kept[2].address_id, extra.address_id]
    )


def test_racing_adds_never_take_a_user_past_the_cap(
    backend: Backend, racers: RacePool, make: Maker
) -> None:
    # Four replicas each adding three addresses, every add at the same moment as the
    # others', to a book with room for five more: five are accepted, never more.
    user, room = 9, 5
    for _ in range(MAX_ADDRESSES - room):
        backend.store.addresses.add(make.address(user))
    outcomes = racers.race(backend, add_addresses, [(user, 3)] * MAX_RACERS)
    assert len(backend.store.addresses.list_for_user(user)) == MAX_ADDRESSES
    assert sum(won for worker in outcomes for won in worker) == room
