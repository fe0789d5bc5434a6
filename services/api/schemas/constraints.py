"""Enforce the JSON Schema constraints declared with :mod:`.fields` on a structured value.

Only the keywords the field helpers emit are understood: ``minLength``, ``maxLength``,
``pattern``, ``minimum``, ``maximum``, ``maxItems`` and ``items`` (an item's schema).
Patterns follow JSON Schema semantics (a search, anchored by the pattern itself) but ``$``
is made strict: Python's ``$`` would also accept a trailing newline, which ECMA-262 does
not.
"""

from __future__ import annotations

import functools
import re
from typing import Any

import attrs

from services.api.problems import FieldError
from services.api.schemas.fields import is_core_checked, json_schema_of, pattern_message_of


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    strict = (
        pattern[:-1] + r"\Z" if pattern.endswith("$") and not pattern.endswith(r"\$") else pattern
    )
    return re.compile(strict)


def _check_value(
    value: object, schema: dict[str, object], where: str, pattern_message: str
) -> list[FieldError]:
    errors: list[FieldError] = []
    if isinstance(value, str):
        min_length = schema.get("minLength")
        max_length = schema.get("maxLength")
        if isinstance(min_length, int) and len(value) < min_length:
            errors.append(FieldError(where, f"must be at least {min_length} characters"))
        if isinstance(max_length, int) and len(value) > max_length:
            errors.append(FieldError(where, f"must be at most {max_length} characters"))
        pattern = schema.get("pattern")
        if isinstance(pattern, str) and not errors and not _compiled(pattern).search(value):
            errors.append(FieldError(where, pattern_message))
    elif isinstance(value, (list, tuple)):
        max_items = schema.get("maxItems")
        if isinstance(max_items, int) and len(value) > max_items:
            errors.append(FieldError(where, f"must have at most {max_items} items"))
        item_schema = schema.get("items")
        if isinstance(item_schema, dict) and not errors:
            for index, item in enumerate(value):
                errors.extend(_check_value(item, item_schema, f"{where}[{index}]", pattern_message))
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        minimum = schema.get("minimum")
        maximum = schema.get("maximum")
        if isinstance(minimum, (int, float)) and value < minimum:
            errors.append(FieldError(where, f"must be at least {minimum}"))
        if isinstance(maximum, (int, float)) and value > maximum:
            errors.append(FieldError(where, f"must be at most {maximum}"))
    return errors


def check(instance: object, prefix: str = "") -> list[FieldError]:
    """Every constraint violation in ``instance`` (an attrs object), with dotted paths."""
    errors: list[FieldError] = []
    if not attrs.has(type(instance)):
        return errors
    for attribute in attrs.fields(type(instance)):  # type: ignore[arg-type]
        value: Any = getattr(instance, attribute.name)
        where = f"{prefix}{attribute.name}"
        if not is_core_checked(attribute):
            errors.extend(
                _check_value(value, json_schema_of(attribute), where, pattern_message_of(attribute))
            )
        if attrs.has(type(value)):
            errors.extend(check(value, f"{where}."))
        elif isinstance(value, (list, tuple)):
            for index, item in enumerate(value):
                errors.extend(check(item, f"{where}[{index}]."))
    return errors
