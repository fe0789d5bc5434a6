"""Format rules for values customers type in: emails, phones, PIN codes, passwords.

Each ``normalize_*`` returns the canonical form or raises :class:`ValidationFailed`
naming the field.
"""

from __future__ import annotations

import re

from food_core.errors import ValidationFailed

_EMAIL = re.compile(
    r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$"
)
_PHONE_SEPARATORS = re.compile(r"[\s\-()]")
_INDIAN_MOBILE = re.compile(r"^[6-9][0-9]{9}$")
_PINCODE = re.compile(r"^[1-9][0-9]{5}$")

PASSWORD_MIN_LENGTH = 10
PASSWORD_MAX_LENGTH = 128
NAME_MAX_LENGTH = 80


def normalize_email(raw: str) -> str:
    email = raw.strip().lower()
    if len(email) > 254 or not _EMAIL.fullmatch(email):
        raise ValidationFailed("email must be a valid address like name@example.com", field="email")
    return email


def normalize_phone(raw: str) -> str:
    """A 10-digit Indian mobile number; a leading +91, 91 or 0 and separators are dropped."""
    digits = _PHONE_SEPARATORS.sub("", raw.strip())
    if digits.startswith("+91"):
        digits = digits[3:]
    elif len(digits) == 12 and digits.startswith("91"):
        digits = digits[2:]
    elif len(digits) == 11 and digits.startswith("0"):
        digits = digits[1:]
    if not _INDIAN_MOBILE.fullmatch(digits):
        raise ValidationFailed(
            "phone must be a 10-digit Indian mobile number starting with 6, 7, 8 or 9",
            field="phone",
        )
    return digits


def check_password(password: str) -> None:
    if len(password) < PASSWORD_MIN_LENGTH:
        raise ValidationFailed(
            f"password must be at least {PASSWORD_MIN_LENGTH} characters", field="password"
        )
    if len(password) > PASSWORD_MAX_LENGTH:
        raise ValidationFailed(
            f"password must be at most {PASSWORD_MAX_LENGTH} characters", field="password"
        )


def normalize_text(raw: str, *, field: str, max_length: int, required: bool = True) -> str:
    """Collapse surrounding whitespace and bound the length of a free-text field."""
    text = " ".join(raw.split())
    if required and not text:
        raise ValidationFailed(f"{field} must not be empty", field=field)
    if len(text) > max_length:
        raise ValidationFailed(f"{field} must be at most {max_length} characters", field=field)
    return text


def check_pincode(pincode: str, *, field: str = "pincode") -> str:
    if not _PINCODE.fullmatch(pincode):
        raise ValidationFailed(f"{field} must be a 6-digit Indian PIN code", field=field)
    return pincode
