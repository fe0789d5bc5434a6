"""JSON Schema (2020-12, as OpenAPI 3.1 uses it) derived from the attrs schema classes.

Each attrs class becomes a component referenced by ``$ref``; a field is required unless it
has a default (response classes have none: the converter emits every field), and no
other keys are allowed; a field typed ``None`` may only be null or left out. A
:class:`~services.api.schemas.unions.OneOf` becomes a ``oneOf`` of its variants with a
``discriminator`` on its tag. A class is either a request (``Direction.INPUT``) or a response
(``Direction.OUTPUT``); using one both ways is refused so that one name never means two
shapes.
"""

from __future__ import annotations

import enum
import types
import typing
from datetime import datetime
from typing import Any

import attrs

from services.api.schemas.fields import description_of, json_schema_of
from services.api.schemas.unions import OneOf

JsonSchema = dict[str, Any]
COMPONENTS_PREFIX = "#/components/schemas/"


class Direction(enum.Enum):
    INPUT = "input"
    OUTPUT = "output"


class SchemaRegistry:
    """Collects the components referenced while describing operations."""

    def __init__(self) -> None:
        self.components: dict[str, JsonSchema] = {}
        self._directions: dict[type | OneOf, Direction] = {}

    def ref(self, cls: type | OneOf, direction: Direction) -> JsonSchema:
        if not isinstance(cls, OneOf) and not attrs.has(cls):
            raise TypeError(f"{cls!r} is not an attrs class")
        seen = self._directions.get(cls)
        if seen is not None and seen is not direction:
            raise TypeError(f"{_name(cls)} is used both as a request and as a response")
        name = _name(cls)
        if seen is None:
            if name in self.components:
                raise TypeError(f"two schema classes are named {name}")
            self._directions[cls] = direction
            self.components[name] = {}  # reserve first: classes may refer to themselves
            if isinstance(cls, OneOf):
                self.components[name] = self._one_of(cls, direction)
            else:
                self.components[name] = self._object(cls, direction)
        return {"$ref": COMPONENTS_PREFIX + name}

    def _one_of(self, union: OneOf, direction: Direction) -> JsonSchema:
        refs = {value: self.ref(variant, direction) for value, variant in union.by_tag.items()}
        result: JsonSchema = {
            "oneOf": list(refs.values()),
            "discriminator": {
                "propertyName": union.tag,
                "mapping": {value: ref["$ref"] for value, ref in refs.items()},
            },
        }
        if union.description:
            result["description"] = union.description
        return result

    def _object(self, cls: type, direction: Direction) -> JsonSchema:
        hints = typing.get_type_hints(cls)
        properties: dict[str, JsonSchema] = {}
        required: list[str] = []
        for attribute in attrs.fields(cls):
            schema = self.describe(hints[attribute.name], direction)
            constraints = json_schema_of(attribute)
            if constraints:
                schema = _merge(schema, constraints)
            description = description_of(attribute)
            if description:
                schema = {**schema, "description": description}
            properties[attribute.name] = schema
            if attribute.default is attrs.NOTHING:
                required.append(attribute.name)
        result: JsonSchema = {
            "type": "object",
            "properties": properties,
            "additionalProperties": False,
        }
        if required:
            result["required"] = required
        doc = (cls.__doc__ or "").strip()
        if doc and not doc.startswith(cls.__name__ + "("):  # attrs' generated docstring
            result["description"] = " ".join(doc.split())
        return result

    def describe(self, tp: Any, direction: Direction) -> JsonSchema:
        origin = typing.get_origin(tp)
        args = typing.get_args(tp)
        if origin in (types.UnionType, typing.Union):
            members = [a for a in args if a is not type(None)]
            inner = [self.describe(a, direction) for a in members]
            if len(members) != len(args):
                inner.append({"type": "null"})
            return {"anyOf": inner}
        if origin is typing.Literal:
            values = [a.value if isinstance(a, enum.Enum) else a for a in args]
            return {"enum": values} if len(values) > 1 else {"const": values[0]}
        if tp is type(None):
            return {"type": "null"}
        if origin in (list, tuple):
            item = args[0] if args else Any
            return {"type": "array", "items": self.describe(item, direction)}
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return {"type": "string", "enum": [member.value for member in tp]}
        if tp is bool:
            return {"type": "boolean"}
        if tp is int:
            return {"type": "integer"}
        if tp is float:
            return {"type": "number"}
        if tp is str:
            return {"type": "string"}
        if tp is datetime:
            return {"type": "string", "format": "date-time"}
        if isinstance(tp, type) and attrs.has(tp):
            return self.ref(tp, direction)
        raise TypeError(f"no JSON Schema for {tp!r}")


def _name(cls: type | OneOf) -> str:
    return cls.name if isinstance(cls, OneOf) else cls.__name__


def _merge(schema: JsonSchema, constraints: JsonSchema) -> JsonSchema:
    """Constraints apply to the non-null branch of an optional value."""
    if "anyOf" in schema:
        branches = [
            b if b.get("type") == "null" else _merge(b, constraints) for b in schema["anyOf"]
        ]
        return {**schema, "anyOf": branches}
    return {**schema, **constraints}
