"""AddressRepository: add, get, list in creation order, delete only your own."""

from __future__ import annotations

from attrs import evolve

from adapters.stores import Store
from tests.contract.builders import Maker


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
