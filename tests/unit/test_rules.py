from __future__ import annotations

import pytest

from food_core.errors import ValidationFailed
from food_core.rules import check_password, check_pincode, normalize_email, normalize_phone


@pytest.mark.parametrize(
    ("raw", "expected"),
    [(" Asha@Example.COM ", "asha@example.com"), ("a.b+c@mail.co.in", "a.b+c@mail.co.in")],
)
def test_emails_are_trimmed_and_lowercased(raw: str, expected: str) -> None:
    assert normalize_email(raw) == expected


@pytest.mark.parametrize("raw", ["", "asha", "asha@", "@example.com", "a b@example.com", "a@b"])
def test_malformed_emails_are_rejected_naming_the_field(raw: str) -> None:
    with pytest.raises(ValidationFailed) as error:
        normalize_email(raw)
    assert error.value.field == "email"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("9876543210", "9876543210"),
        ("+91 98765 43210", "9876543210"),
        ("919876543210", "9876543210"),
        ("09876543210", "9876543210"),
        ("98765-43210", "9876543210"),
    ],
)
def test_indian_mobile_numbers_are_normalized_to_ten_digits(raw: str, expected: str) -> None:
    assert normalize_phone(raw) == expected


@pytest.mark.parametrize("raw", ["5876543210", "987654321", "98765432100", "98765abcde", ""])
def test_numbers_that_are_not_indian_mobiles_are_rejected(raw: str) -> None:
    with pytest.raises(ValidationFailed) as error:
        normalize_phone(raw)
    assert error.value.field == "phone"


def test_passwords_need_ten_characters() -> None:
    check_password("0123456789")
    with pytest.raises(ValidationFailed, match="at least 10"):
        check_password("012345678")


@pytest.mark.parametrize("pincode", ["012345", "56001", "5600011", "56000a"])
def test_pin_codes_are_six_digits_not_starting_with_zero(pincode: str) -> None:
    with pytest.raises(ValidationFailed):
        check_pincode(pincode)
