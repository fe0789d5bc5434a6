"""UserRepository: add/get, unique email and phone, password hashes."""

from __future__ import annotations

import pytest

from adapters.stores import Store
from food_core.errors import EmailTaken, PhoneTaken
from food_core.model import UserRole
from tests.contract.builders import Maker


def test_an_added_user_reads_back_equal_by_id_and_by_email(store: Store, make: Maker) -> None:
    user = make.user()
    store.users.add(user, "hash-1")
    assert store.users.get(user.user_id) == user
    assert store.users.get_by_email(user.email) == user


def test_a_partner_keeps_role_and_restaurant(store: Store, make: Maker) -> None:
    partner = make.user(role=UserRole.PARTNER, restaurant_id=77)
    store.users.add(partner, "hash")
    assert store.users.get(partner.user_id) == partner


def test_total_orders_is_counted_from_the_orders_not_taken_from_the_user(
    store: Store, make: Maker
) -> None:
    claimed = make.user(total_orders=3)
    store.users.add(claimed, "hash")
    stored = store.users.get(claimed.user_id)
    assert stored is not None and stored.total_orders == 0


def test_unknown_users_are_none(store: Store, make: Maker) -> None:
    assert store.users.get(123) is None
    assert store.users.get_by_email("nobody@example.com") is None
    assert store.users.password_hash(123) is None


def test_a_taken_email_raises_email_taken_and_stores_nothing(store: Store, make: Maker) -> None:
    first = make.user()
    store.users.add(first, "hash")
    second = make.user(email=first.email)
    with pytest.raises(EmailTaken) as raised:
        store.users.add(second, "hash")
    assert raised.value.field == "email"
    assert store.users.get(second.user_id) is None


def test_a_taken_phone_raises_phone_taken(store: Store, make: Maker) -> None:
    first = make.user()
    store.users.add(first, "hash")
    second = make.user(phone=first.phone)
    with pytest.raises(PhoneTaken) as raised:
        store.users.add(second, "hash")
    assert raised.value.field == "phone"
    assert store.users.get(second.user_id) is None


def test_email_is_reported_first_when_both_are_taken(store: Store, make: Maker) -> None:
    first = make.user()
    store.users.add(first, "hash")
    with pytest.raises(EmailTaken):
        store.users.add(make.user(email=first.email, phone=first.phone), "hash")


def test_email_taken_by_one_user_and_phone_by_another_is_email_taken(
    store: Store, make: Maker
) -> None:
    a, b = make.user(), make.user()
    store.users.add(a, "hash")
    store.users.add(b, "hash")
    with pytest.raises(EmailTaken):
        store.users.add(make.user(email=b.email, phone=a.phone), "hash")


def test_password_hash_is_stored_and_replaced(store: Store, make: Maker) -> None:
    user = make.user()
    store.users.add(user, "$argon2id$first")
    assert store.users.password_hash(user.user_id) == "$argon2id$first"
    store.users.set_password_hash(user.user_id, "$argon2id$second")
    assert store.users.password_hash(user.user_id) == "$argon2id$second"
    assert store.users.get(user.user_id) == user


def test_setting_the_hash_of_an_unknown_user_creates_nothing(store: Store) -> None:
    store.users.set_password_hash(404, "hash")
    assert store.users.password_hash(404) is None
    assert store.users.get(404) is None
