from __future__ import annotations

import pytest

from food_core.errors import EmailTaken, InvalidCredentials, PhoneTaken, ValidationFailed
from food_core.model import UserRole
from food_core.usecases import login, signup
from tests.builders import World


def test_signup_normalizes_email_and_phone_and_starts_with_no_orders(world: World) -> None:
    user = signup(
        world.ports,
        user_name="  Asha   Rao ",
        email="Asha@Example.com",
        phone="+91 98765 43210",
        password="a long password",
    )
    assert (user.user_name, user.email, user.phone) == (
        "Asha Rao",
        "asha@example.com",
        "9876543210",
    )
    assert user.total_orders == 0
    assert user.role is UserRole.CUSTOMER
    assert world.ports.users.get(user.user_id) == user


def test_the_password_is_stored_only_as_a_hash(world: World) -> None:
    user = world.customer()
    stored = world.ports.users.password_hash(user.user_id)
    assert stored is not None
    assert "a long password" not in stored


def test_an_email_can_sign_up_once(world: World) -> None:
    world.customer(1)
    with pytest.raises(EmailTaken):
        signup(
            world.ports,
            user_name="X",
            email="CUSTOMER1@example.com",
            phone="9000000009",
            password="a long password",
        )


def test_a_phone_can_sign_up_once(world: World) -> None:
    world.customer(1)
    with pytest.raises(PhoneTaken):
        signup(
            world.ports,
            user_name="X",
            email="other@example.com",
            phone="9800000001",
            password="a long password",
        )


@pytest.mark.parametrize(
    ("field", "value"),
    [("user_name", "   "), ("email", "nope"), ("phone", "12345"), ("password", "short")],
)
def test_signup_rejects_bad_input_naming_the_field(world: World, field: str, value: str) -> None:
    data = {
        "user_name": "Asha",
        "email": "a@example.com",
        "phone": "9876543210",
        "password": "a long password",
    } | {field: value}
    with pytest.raises(ValidationFailed) as error:
        signup(world.ports, **data)
    assert error.value.field == field
    assert world.ports.users.get_by_email("a@example.com") is None


def test_login_with_the_right_password_returns_the_user(world: World) -> None:
    user = world.customer()
    assert login(world.ports, email=" Customer1@Example.com", password="a long password") == user


@pytest.mark.parametrize(
    ("email", "password"),
    [
        ("customer1@example.com", "wrong password"),
        ("nobody@example.com", "a long password"),
        ("not an email", "a long password"),
    ],
)
def test_login_failures_share_one_generic_error(world: World, email: str, password: str) -> None:
    world.customer()
    with pytest.raises(InvalidCredentials) as error:
        login(world.ports, email=email, password=password)
    assert error.value.message == "email or password is incorrect"


def test_a_partner_account_names_an_existing_restaurant(world: World) -> None:
    partner = signup(
        world.ports,
        user_name="Chef",
        email="chef@example.com",
        phone="9111111111",
        password="a long password",
        role=UserRole.PARTNER,
        restaurant_id=1,
    )
    assert partner.restaurant_id == 1
    with pytest.raises(ValidationFailed):
        signup(
            world.ports,
            user_name="Chef",
            email="c2@example.com",
            phone="9111111112",
            password="a long password",
            role=UserRole.PARTNER,
            restaurant_id=999,
        )
