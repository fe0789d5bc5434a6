"""The edge's one cattrs converter: JSON ↔ the attrs request/response classes.

Structuring is strict, as JSON types go: an integer field takes a JSON integer (not
``"5"`` or ``true``; ``5.0`` is an integer to JSON Schema, so it is taken as 5), a string
field takes a string, a boolean a boolean, a field typed ``None`` only null. A
:class:`~services.api.schemas.unions.OneOf` body is parsed as the variant its tag
names. Unknown
keys are refused (``forbid_extra_keys``), so fields a client must not set — status,
totals, prices, user ids — are answered with 422 naming them. Errors come back through
``cattrs.transform_error`` as ``{field, message}`` pairs; the declared constraints
(lengths, ranges, patterns) are checked after structuring.
"""

from __future__ import annotations

import enum
import math
import typing
from datetime import datetime
from typing import Any, TypeVar, overload

import cattrs
from cattrs.errors import ForbiddenExtraKeysError

from services.api.problems import FieldError, validation_problem
from services.api.schemas import constraints
from services.api.schemas.unions import OneOf

T = TypeVar("T")

# Marks the message of an extra-keys error so it can be split into one error per key.
_EXTRA = "\x00extra\x00"


class _Invalid(ValueError):
    """A value of the wrong JSON type; the message is shown to the client."""


def _structure_int(value: object, cls: type) -> int:
    if _is_enum(cls):  # an IntEnum dispatches here first (int comes before Enum in its MRO)
        return _structure_enum(value, cls)  # type: ignore[return-value]
    if type(value) is float and value.is_integer():
        return int(value)
    if type(value) is not int:
        raise _Invalid("must be an integer")
    return value


def _structure_float(value: object, _type: type) -> float:
    if type(value) not in (int, float):
        raise _Invalid("must be a number")
    number = float(value)  # type: ignore[arg-type]
    if not math.isfinite(number):
        raise _Invalid("must be a finite number")
    return number


def _structure_str(value: object, cls: type) -> str:
    if _is_enum(cls):  # a StrEnum dispatches here first (str comes before Enum in its MRO)
        return _structure_enum(value, cls)  # type: ignore[return-value]
    if not isinstance(value, str):
        raise _Invalid("must be a string")
    return value


def _structure_bool(value: object, _type: type) -> bool:
    if type(value) is not bool:
        raise _Invalid("must be true or false")
    return value


def _structure_none(value: object, _type: object) -> None:
    if value is not None:
        raise _Invalid("must be null or left out")


def _is_none(cls: Any) -> bool:
    return cls is None or cls is type(None)


def _is_enum(cls: Any) -> bool:
    return isinstance(cls, type) and issubclass(cls, enum.Enum)


def _structure_enum(value: object, cls: type[enum.Enum]) -> enum.Enum:
    allowed = [member.value for member in cls]
    if not isinstance(value, str) or value not in allowed:
        raise _Invalid(f"must be one of {', '.join(map(str, allowed))}")
    return cls(value)


def make_converter() -> cattrs.Converter:
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(float, _structure_float)
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_structure_hook(enum.Enum, _structure_enum)
    converter.register_structure_hook_func(_is_none, _structure_none)
    converter.register_unstructure_hook(datetime, lambda moment: moment.isoformat())
    converter.register_unstructure_hook_func(_is_enum, lambda member: member.value)
    return converter


converter = make_converter()


def _format(error: BaseException, _type: type | None) -> str:
    if isinstance(error, _Invalid):
        return str(error)
    if isinstance(error, KeyError):
        return "is required"
    if isinstance(error, ForbiddenExtraKeysError):
        return _EXTRA + ",".join(sorted(error.extra_fields))
    if isinstance(error, (TypeError, AttributeError)):
        return "has the wrong type"
    return "is not valid"


def _field_name(path: str) -> str:
    name = path.removeprefix("$").removeprefix(".")
    return name or "body"


def field_errors(error: BaseException) -> list[FieldError]:
    """``cattrs.transform_error``'s messages as field errors, one per unknown key."""
    errors: list[FieldError] = []
    for line in cattrs.transform_error(error, path="$", format_exception=_format):
        message, _, path = line.rpartition(" @ ")
        parent = _field_name(path)
        if message.startswith(_EXTRA):
            prefix = "" if parent == "body" else f"{parent}."
            for name in message.removeprefix(_EXTRA).split(","):
                errors.append(FieldError(prefix + name, "is not a field a client may set"))
        else:
            errors.append(FieldError(parent, message))
    return errors


def _variant(data: dict[str, object], union: OneOf) -> type:
    """The variant of ``union`` that the body's tag names, or a 422 naming the tag."""
    variants = union.by_tag
    if union.tag not in data:
        raise validation_problem([FieldError(union.tag, "is required")])
    value = data[union.tag]
    variant = variants.get(value) if isinstance(value, str) else None
    if variant is None:
        raise validation_problem([FieldError(union.tag, f"must be one of {', '.join(variants)}")])
    return variant


def _as_variant(
    errors: list[FieldError], data: dict[str, object], union: OneOf
) -> list[FieldError]:
    """Say which variant a missing or unwanted field belongs to (``payment_mode COD takes
    no upi``) rather than only that it is missing or not null."""
    chosen = f"{union.tag} {data[union.tag]}"
    variant = union.by_tag[str(data[union.tag])]
    hints = typing.get_type_hints(variant)
    said: list[FieldError] = []
    for error in errors:
        hint = hints.get(error.field)
        if hint is type(None):
            error = FieldError(error.field, f"is not taken with {chosen}")
        elif hint is not None and data.get(error.field) is None:
            error = FieldError(error.field, f"is required with {chosen}")
        said.append(error)
    return said


@overload
def structure(data: object, cls: type[T]) -> T: ...
@overload
def structure(data: object, cls: OneOf) -> object: ...
def structure(data: object, cls: type[Any] | OneOf) -> object:
    """Build ``cls`` (for a :class:`OneOf`, the variant the tag names) from parsed JSON or
    raise a 422 problem naming every bad field."""
    if not isinstance(data, dict):
        raise validation_problem(
            [FieldError("body", "must be a JSON object")], "the request body must be a JSON object"
        )
    union = cls if isinstance(cls, OneOf) else None
    target: type[Any] = _variant(data, cls) if isinstance(cls, OneOf) else cls
    try:
        value: object = converter.structure(data, target)
    except (cattrs.BaseValidationError, ForbiddenExtraKeysError) as error:
        errors = field_errors(error)
        raise validation_problem(_as_variant(errors, data, union) if union else errors) from None
    problems = constraints.check(value)
    if problems:
        raise validation_problem(problems)
    return value


def unstructure(value: object) -> Any:
    return converter.unstructure(value)
