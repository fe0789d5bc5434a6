"""A food item's option groups — sizes, half or full, add-ons — and choosing from them.

A group says how many of its options a customer picks (``min_choices`` 1 and
``max_choices`` 1 is a required single choice such as Half/Full; 0..3 is "up to three
toppings"). Each option adds a price delta to the item's price, so a line's unit price is
the item's price plus its options' deltas (never less than the item's price).
"""

from __future__ import annotations

from collections.abc import Collection

from attrs import field, frozen, validators

from food_core.errors import OptionsInvalid

MAX_GROUP_OPTIONS = 20


@frozen
class Option:
    # Unique in the catalog, so an option of another item is recognised as not this one's.
    option_id: int = field(validator=validators.gt(0))
    option_name: str = field(validator=validators.min_len(1))
    price_delta: int = field(default=0, validator=validators.ge(0))  # paise
    availability: bool = True


def _group_options(group: OptionGroup, _attribute: object, options: tuple[Option, ...]) -> None:
    if not 1 <= len(options) <= MAX_GROUP_OPTIONS:
        raise ValueError(f"a group has 1 to {MAX_GROUP_OPTIONS} options")
    if len({option.option_id for option in options}) != len(options):
        raise ValueError(f"two options of {group.group_name!r} share an id")
    if not 0 <= group.min_choices <= group.max_choices <= len(options) or group.max_choices < 1:
        raise ValueError(
            f"{group.group_name!r}: choices must satisfy 0 ≤ min ≤ max ≤ options, max ≥ 1"
        )


@frozen
class OptionGroup:
    group_name: str = field(validator=validators.min_len(1))
    min_choices: int
    max_choices: int
    options: tuple[Option, ...] = field(validator=_group_options)

    @property
    def required(self) -> bool:
        return self.min_choices > 0

    def describe_bounds(self) -> str:
        if self.min_choices == self.max_choices:
            count = self.min_choices
            return f"exactly {count} option{'s' if count > 1 else ''}"
        if self.min_choices == 0:
            return f"up to {self.max_choices}"
        return f"{self.min_choices} to {self.max_choices} options"


def check_groups(_instance: object, _attribute: object, groups: tuple[OptionGroup, ...]) -> None:
    """An item's groups: distinct names, and no option id in two of them."""
    if len({group.group_name for group in groups}) != len(groups):
        raise ValueError("two option groups share a name")
    ids = [option.option_id for group in groups for option in group.options]
    if len(set(ids)) != len(ids):
        raise ValueError("an option id appears in two groups")


def choose(
    food_name: str, groups: tuple[OptionGroup, ...], option_ids: Collection[int]
) -> tuple[Option, ...]:
    """The options ``option_ids`` names, in menu order, if they are a valid choice from
    ``groups``; else ``OptionsInvalid`` naming the first thing wrong."""
    wanted = set(option_ids)
    if len(wanted) != len(option_ids):
        raise OptionsInvalid("an option is chosen twice")
    chosen: list[Option] = []
    for group in groups:
        picked = [option for option in group.options if option.option_id in wanted]
        for option in picked:
            if not option.availability:
                raise OptionsInvalid(
                    f"{option.option_name} ({group.group_name}) is not available right now",
                    group_name=group.group_name,
                )
        if not group.min_choices <= len(picked) <= group.max_choices:
            raise OptionsInvalid(
                f"{food_name}: choose {group.describe_bounds()} for {group.group_name}, "
                f"not {len(picked)}",
                group_name=group.group_name,
            )
        chosen.extend(picked)
        wanted.difference_update(option.option_id for option in picked)
    if wanted:
        unknown = ", ".join(str(option_id) for option_id in sorted(wanted))
        raise OptionsInvalid(f"option {unknown} is not one of {food_name}'s options")
    return tuple(chosen)


def line_key(food_id: int, options: Collection[Option]) -> str:
    """A cart line's id: the item and its options' ids in ascending order, so the same
    item with the same options is always the same line; URL-safe: ``"12"``, ``"12-1201-1205"``."""
    return "-".join([str(food_id), *(str(i) for i in sorted(o.option_id for o in options))])
