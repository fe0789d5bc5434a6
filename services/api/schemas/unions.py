"""A request body that takes one of several shapes, told apart by one field (a tag).

Each variant is an attrs class declaring the tag as a one-value ``Literal``; the body is
parsed as the variant its tag names (:func:`services.api.schemas.converter.structure`),
and published as a ``oneOf`` with an OpenAPI ``discriminator``
(:mod:`services.api.schemas.jsonschema`), so the document and the parsing are one
declaration.
"""

from __future__ import annotations

import enum
import typing
from collections.abc import Mapping

import attrs
from attrs import frozen


def tag_value(variant: type, tag: str) -> str:
    """The JSON value of ``variant``'s tag field (a ``Literal`` of one value)."""
    hint = typing.get_type_hints(variant)[tag]
    args = typing.get_args(hint)
    if typing.get_origin(hint) is not typing.Literal or len(args) != 1:
        raise TypeError(f"{variant.__name__}.{tag} must be a Literal of one value")
    value = args[0]
    return str(value.value if isinstance(value, enum.Enum) else value)


@frozen
class OneOf:
    """``name`` is the schema component's name; ``tag`` the field naming the variant."""

    name: str
    tag: str
    variants: tuple[type, ...]
    description: str = ""

    def __attrs_post_init__(self) -> None:
        if not all(attrs.has(variant) for variant in self.variants):
            raise TypeError(f"the variants of {self.name} must be attrs classes")
        if len(set(self.by_tag)) != len(self.variants):
            raise TypeError(f"two variants of {self.name} have the same {self.tag}")

    @property
    def by_tag(self) -> Mapping[str, type]:
        return {tag_value(variant, self.tag): variant for variant in self.variants}
