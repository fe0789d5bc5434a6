"""FavouriteRepository: a customer's saved restaurants — saving twice is saving once,
removing says whether there was one, listed most recently saved first (ties: the higher
restaurant id first), at most ``limit``."""

from __future__ import annotations

from datetime import timedelta

from adapters.stores import Store
from tests.contract.builders import Maker


def test_saving_twice_is_saving_once_and_keeps_the_first_time(store: Store, make: Maker) -> None:
    start = make.clock.now()
    store.favourites.add(7, 11, start)
    store.favourites.add(7, 12, start + timedelta(minutes=1))
    store.favourites.add(7, 11, start + timedelta(minutes=2))  # again: still the older one
    assert store.favourites.list_for_user(7, 10) == [12, 11]


def test_removing_says_whether_it_was_a_favourite(store: Store, make: Maker) -> None:
    store.favourites.add(7, 11, make.clock.now())
    store.favourites.add(8, 11, make.clock.now())
    assert store.favourites.remove(7, 11)
    assert not store.favourites.remove(7, 11)
    assert not store.favourites.remove(7, 12)
    assert store.favourites.list_for_user(7, 10) == []
    assert store.favourites.list_for_user(8, 10) == [11]  # another customer's stays
    store.favourites.add(7, 11, make.clock.now())  # saved again after removal
    assert store.favourites.list_for_user(7, 10) == [11]


def test_the_list_is_newest_first_ties_by_higher_id_and_limited(store: Store, make: Maker) -> None:
    start = make.clock.now()
    saves = [  # (restaurant, microseconds after start): order of saving is not the answer
        (30, 5),
        (10, 1),
        (20, 1),
        (40, 3_000_000),
        (50, 5),
        (5, 0),
    ]
    for restaurant_id, after in saves:
        store.favourites.add(7, restaurant_id, start + timedelta(microseconds=after))
    store.favourites.add(8, 99, start + timedelta(days=1))
    assert store.favourites.list_for_user(7, 100) == [40, 50, 30, 20, 10, 5]
    assert store.favourites.list_for_user(7, 3) == [40, 50, 30]
    assert store.favourites.list_for_user(7, 1) == [40]
    assert store.favourites.list_for_user(7, 0) == []
    assert store.favourites.list_for_user(9, 10) == []


def test_times_sort_across_days_and_years(store: Store, make: Maker) -> None:
    start = make.clock.now()
    store.favourites.add(7, 1, start + timedelta(days=400))
    store.favourites.add(7, 2, start + timedelta(seconds=59, microseconds=999_999))
    store.favourites.add(7, 3, start + timedelta(days=1))
    assert store.favourites.list_for_user(7, 10) == [1, 3, 2]
