"""Path and query parameters: their schemas (for OpenAPI) and their parsing.

Path parameters are declared once, by name, in :data:`PATH_PARAMS`; a value that does not
parse (``/orders/abc``, an id past 2^53−1) is a 404, as if the resource did not exist.
Query parameters are attrs classes (like request bodies); a bad one is a 422 naming it.
"""

from __future__ import annotations

import enum
import math
import re
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import attrs
from attrs import frozen

from services.api.problems import ApiProblem, FieldError, validation_problem
from services.api.schemas import constraints
from services.api.schemas.catalog import PINCODE_PATTERN
from services.api.schemas.fields import MAX_ID, description_of, json_schema_of

T = TypeVar("T")
PathValue = int | str


@frozen
class PathParam:
    schema: dict[str, object]
    description: str
    parse: Callable[[str], PathValue | None]


_ID = re.compile(r"[1-9][0-9]{0,15}")
LINE_ID_PATTERN = r"^[1-9][0-9]{0,15}(-[1-9][0-9]{0,15}){0,80}$"
_LINE_ID = re.compile(LINE_ID_PATTERN.removeprefix("^").removesuffix("$"))
_PINCODE = re.compile(PINCODE_PATTERN.removeprefix("^").removesuffix("$"))


def _parse_id(raw: str) -> int | None:
    if not _ID.fullmatch(raw):
        return None
    value = int(raw)
    return value if value <= MAX_ID else None


def _parse_pincode(raw: str) -> str | None:
    return raw if _PINCODE.fullmatch(raw) else None


def _parse_line_id(raw: str) -> str | None:
    return raw if _LINE_ID.fullmatch(raw) else None


def _id(description: str) -> PathParam:
    return PathParam({"type": "integer", "minimum": 1, "maximum": MAX_ID}, description, _parse_id)


PATH_PARAMS: Mapping[str, PathParam] = {
    "order_id": _id("An order's id"),
    "address_id": _id("An address's id"),
    "food_id": _id("A food item's id"),
    "restaurant_id": _id("A restaurant's id"),
    "line_id": PathParam(
        {"type": "string", "pattern": LINE_ID_PATTERN, "maxLength": 1400},
        "A cart line's id (the dish's id, then its options' ids in ascending order, by '-')",
        _parse_line_id,
    ),
    "pincode": PathParam(
        {"type": "string", "pattern": PINCODE_PATTERN}, "A city's 6-digit PIN code", _parse_pincode
    ),
}


def path_names(path: str) -> list[str]:
    return re.findall(r"{([a-z_]+)}", path)


def parse_path(path: str, raw: Mapping[str, str]) -> dict[str, PathValue]:
    values: dict[str, PathValue] = {}
    for name in path_names(path):
        value = PATH_PARAMS[name].parse(raw.get(name, ""))
        if value is None:
            raise ApiProblem(404, "not_found", f"there is no resource with this {name}")
        values[name] = value
    return values


# --- query -----------------------------------------------------------------------------

_INTEGER = re.compile(r"-?[0-9]{1,20}")
_NUMBER = re.compile(r"-?[0-9]{1,20}(\.[0-9]{1,20})?([eE][-+]?[0-9]{1,3})?")


def _non_null(tp: Any) -> Any:
    if typing.get_origin(tp) in (types.UnionType, typing.Union):
        members = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(members) == 1:
            return members[0]
    return tp


def _convert(raw: str, tp: Any) -> object:
    """Raise ValueError with a message for the client."""
    if tp is str:
        return raw
    if tp is bool:
        if raw in ("true", "false"):
            return raw == "true"
        raise ValueError("must be true or false")
    if tp is int:
        if not _INTEGER.fullmatch(raw):
            raise ValueError("must be an integer")
        return int(raw)
    if tp is float:
        number = float(raw) if _NUMBER.fullmatch(raw) else math.nan
        if not math.isfinite(number):
            raise ValueError("must be a number")
        return number
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        allowed = [m.value for m in tp]
        if raw not in allowed:
            raise ValueError(f"must be one of {', '.join(map(str, allowed))}")
        return tp(raw)
    raise TypeError(f"no query parser for {tp!r}")


def parse_query(cls: type[T], query: Mapping[str, str]) -> T:
    hints = typing.get_type_hints(cls)
    values: dict[str, object] = {}
    errors: list[FieldError] = []
    for attribute in attrs.fields(cls):  # type: ignore[arg-type]
        raw = query.get(attribute.name)
        if raw is None:
            if attribute.default is attrs.NOTHING:
                errors.append(FieldError(attribute.name, "is required"))
            continue
        try:
            values[attribute.name] = _convert(raw, _non_null(hints[attribute.name]))
        except ValueError as error:
            errors.append(FieldError(attribute.name, str(error)))
    if errors:
        raise validation_problem(errors)
    instance = cls(**values)
    problems = constraints.check(instance)
    if problems:
        raise validation_problem(problems)
    return instance


def query_schema(
    cls: type, describe: Callable[[Any], dict[str, object]]
) -> list[dict[str, object]]:
    """OpenAPI parameter objects for a query class; ``describe`` maps a type to a schema."""
    hints = typing.get_type_hints(cls)
    parameters: list[dict[str, object]] = []
    for attribute in attrs.fields(cls):
        schema = {**describe(_non_null(hints[attribute.name])), **json_schema_of(attribute)}
        if attribute.default is not attrs.NOTHING and attribute.default is not None:
            default = attribute.default
            schema["default"] = default.value if isinstance(default, enum.Enum) else default
        parameter: dict[str, object] = {
            "name": attribute.name,
            "in": "query",
            "required": attribute.default is attrs.NOTHING,
            "schema": schema,
        }
        description = description_of(attribute)
        if description:
            parameter["description"] = description
        parameters.append(parameter)
    return parameters
