"""The demo catalog's option groups: sizes, half or full, add-ons — the way Indian menus
sell biryani, curries, pizzas, dosas and drinks.

Derived from each dish's own data (its category, price, whether it is vegetarian and its
id), so no random draw is added and the generator's other data stay put. Option ids are
the dish's id × 100 + the option's position, unique across the catalog. One option in
about forty is sold out (chosen from the ids), so the menu shows that case too.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from food_core.model import Option, OptionGroup

_OPTION_ID_FACTOR = 100
_SOLD_OUT_EVERY = 41  # an option whose id is a multiple of this is sold out


class _Choice(NamedTuple):
    name: str
    # Added to the dish's price: a fraction of it (a larger size), or a fixed sum (an add-on).
    share: float = 0.0
    rupees: int = 0
    veg: bool = True  # offered on vegetarian dishes too


class _Group(NamedTuple):
    name: str
    min_choices: int
    max_choices: int
    choices: tuple[_Choice, ...]


_PORTION = _Group("Portion", 1, 1, (_Choice("Half"), _Choice("Full", share=0.7)))
_BIRYANI_EXTRAS = _Group(
    "Add-ons",
    0,
    2,
    (
        _Choice("Extra raita", rupees=30),
        _Choice("Mirchi ka salan", rupees=35),
        _Choice("Boiled egg", rupees=20, veg=False),
        _Choice("Extra chicken leg piece", rupees=90, veg=False),
    ),
)
_PIZZA_SIZE = _Group(
    "Size",
    1,
    1,
    (_Choice('Regular 7"'), _Choice('Medium 10"', share=0.45), _Choice('Large 13"', share=0.9)),
)
_TOPPINGS = _Group(
    "Extra toppings",
    0,
    3,
    (
        _Choice("Extra cheese", rupees=50),
        _Choice("Jalapeños", rupees=40),
        _Choice("Black olives", rupees=40),
        _Choice("Paneer tikka", rupees=60),
        _Choice("Peri-peri chicken", rupees=75, veg=False),
    ),
)
_DOSA_EXTRAS = _Group(
    "Add-ons",
    0,
    2,
    (
        _Choice("Ghee roast", rupees=30),
        _Choice("Cheese", rupees=40),
        _Choice("Extra sambar", rupees=20),
    ),
)
_DRINK_SIZE = _Group("Size", 1, 1, (_Choice("Regular"), _Choice("Large", share=0.4)))
_SCOOP_EXTRAS = _Group(
    "Toppings",
    0,
    2,
    (_Choice("Hot chocolate sauce", rupees=25), _Choice("Roasted nuts", rupees=30)),
)
_BREAD_BUTTER = _Group(
    "Make it", 0, 1, (_Choice("Butter", rupees=10), _Choice("Garlic", rupees=15))
)
_WOK_EXTRAS = _Group(
    "Add-ons",
    0,
    2,
    (
        _Choice("Extra veggies", rupees=30),
        _Choice("Fried egg", rupees=25, veg=False),
        _Choice("Chicken", rupees=70, veg=False),
    ),
)

# A category's groups; categories not listed have none (a thali, a soup, a sweet).
GROUPS_BY_CATEGORY: dict[str, tuple[_Group, ...]] = {
    "Biryani": (_PORTION, _BIRYANI_EXTRAS),
    "Mains": (_PORTION,),
    "Pizzas": (_PIZZA_SIZE, _TOPPINGS),
    "Dosas": (_DOSA_EXTRAS,),
    "Beverages": (_DRINK_SIZE,),
    "Ice Creams": (_SCOOP_EXTRAS,),
    "Breads": (_BREAD_BUTTER,),
    "Noodles": (_WOK_EXTRAS,),
}


def option_groups(
    food_id: int, category: str, price: int, *, is_veg: bool
) -> tuple[OptionGroup, ...]:
    """The dish's option groups (``price`` in paise: the base a share is taken of)."""
    groups: list[OptionGroup] = []
    position = 0
    for spec in GROUPS_BY_CATEGORY.get(category, ()):
        options: list[Option] = []
        for choice in _offered(spec.choices, is_veg=is_veg):
            position += 1
            option_id = food_id * _OPTION_ID_FACTOR + position
            # A required group's options stay orderable, so every dish can be ordered.
            sold_out = spec.min_choices == 0 and option_id % _SOLD_OUT_EVERY == 0
            options.append(
                Option(option_id, choice.name, _delta(choice, price), availability=not sold_out)
            )
        groups.append(
            OptionGroup(
                spec.name, spec.min_choices, min(spec.max_choices, len(options)), tuple(options)
            )
        )
    return tuple(groups)


def _offered(choices: Sequence[_Choice], *, is_veg: bool) -> list[_Choice]:
    return [choice for choice in choices if choice.veg or not is_veg]


def _delta(choice: _Choice, price: int) -> int:
    """Paise, in whole ₹5 steps."""
    rupees = choice.rupees + choice.share * price / 100
    return int(rupees / 5 + 0.5) * 5 * 100
