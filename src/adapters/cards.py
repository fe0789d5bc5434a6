"""Card and UPI rules of the simulated processor (docs/design.md §7), shared by the fake gateway.

The Node.js payments service implements the same rules; both are tested against the
same test cards.
"""

from __future__ import annotations

import re
from datetime import date

from food_core.errors import InvalidPaymentDetails
from food_core.model import CardDetails, UpiDetails

# Test cards and the decline each one produces (None: succeeds).
TEST_CARD_OUTCOMES: dict[str, str | None] = {
    "4242424242424242": None,
    "4000000000000002": "card_declined",
    "4000000000009995": "insufficient_funds",
    "4000000000000069": "expired_card",
    "4000000000000127": "incorrect_cvc",
}
FAILING_VPA = "fail@upi"
_VPA = re.compile(r"^[a-zA-Z0-9.\-_]{2,256}@[a-zA-Z]{2,64}$")
_DIGITS = re.compile(r"^[0-9]{12,19}$")


def luhn_valid(number: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(number)):
        digit = ord(char) - 48
        if index % 2:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return total % 10 == 0


def card_brand(number: str) -> str:
    if number.startswith(("34", "37")):
        return "amex"
    if number.startswith("4"):
        return "visa"
    prefix2, prefix4 = int(number[:2]), int(number[:4])
    if 51 <= prefix2 <= 55 or 2221 <= prefix4 <= 2720:
        return "mastercard"
    if number.startswith(("60", "65", "81", "82", "508", "353", "356")):
        return "rupay"
    if number.startswith(("6011", "644", "645", "646", "647", "648", "649")):
        return "discover"
    return "unknown"


def normalize_number(raw: str) -> str:
    return raw.replace(" ", "").replace("-", "")


def check_card(card: CardDetails, today: date) -> str:
    """Validate card data; return the brand. Messages never echo the number or CVC."""
    number = normalize_number(card.number)
    if not _DIGITS.fullmatch(number) or not luhn_valid(number):
        raise InvalidPaymentDetails("card.number is not a valid card number", field="card.number")
    if not 1 <= card.exp_month <= 12:
        raise InvalidPaymentDetails("card.exp_month must be 1 to 12", field="card.exp_month")
    if (card.exp_year, card.exp_month) < (today.year, today.month):
        raise InvalidPaymentDetails("the card has expired", field="card.exp_year")
    brand = card_brand(number)
    cvc_length = 4 if brand == "amex" else 3
    if not (card.cvc.isascii() and card.cvc.isdigit() and len(card.cvc) == cvc_length):
        raise InvalidPaymentDetails(f"card.cvc must be {cvc_length} digits", field="card.cvc")
    return brand


def card_decline(card: CardDetails) -> str | None:
    return TEST_CARD_OUTCOMES.get(normalize_number(card.number))


def check_vpa(upi: UpiDetails) -> None:
    if not _VPA.fullmatch(upi.vpa):
        raise InvalidPaymentDetails("upi.vpa must look like name@bank", field="upi.vpa")
