"""Field helpers for the HTTP schemas: one declaration gives a field its JSON Schema
constraints, which the OpenAPI generator publishes and :mod:`.constraints` enforces.

Constraints marked ``core_checked`` are documented but left to the domain core, so that
the answer keeps the core's specific error code (``quantity_out_of_range`` rather than a
generic ``validation_failed``).
"""

from __future__ import annotations

from typing import Any

import attrs

SCHEMA = "json_schema"
DESCRIPTION = "description"
CORE_CHECKED = "core_checked"
PATTERN_MESSAGE = "pattern_message"

MAX_ID = (1 << 53) - 1  # docs/design.md §3: ids stay exact in JavaScript

# Single-line text: no control characters (C0, DEL, C1) and no line/paragraph separators.
_PRINTABLE = r"[^\u0000-\u001f\u007f-\u009f\u2028\u2029]"
# A printable character that str.split() does not treat as whitespace, so the core's
# "must not be empty after collapsing spaces" rule and the schema agree.
_VISIBLE = r"[^\u0000-\u0020\u007f-\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
PRINTABLE_TEXT = rf"^{_PRINTABLE}*$"
# Text of several lines: printable characters and line feeds.
PARAGRAPHS = r"^(?:[^\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029])*$"
NON_BLANK_TEXT = rf"^{_PRINTABLE}*{_VISIBLE}{_PRINTABLE}*$"


def _field(
    schema: dict[str, object],
    *,
    description: str | None,
    default: Any = attrs.NOTHING,
    core_checked: bool = False,
    pattern_message: str | None = None,
    secret: bool = False,
) -> Any:
    metadata: dict[str, object] = {SCHEMA: schema, CORE_CHECKED: core_checked}
    if description:
        metadata[DESCRIPTION] = description
    if pattern_message:
        metadata[PATTERN_MESSAGE] = pattern_message
    # A secret (card number, CVC, password) is left out of repr, so never reaches a log.
    return attrs.field(default=default, metadata=metadata, repr=not secret)


def text(
    max_length: int,
    *,
    description: str | None = None,
    required: bool = True,
    default: Any = attrs.NOTHING,
) -> Any:
    """Free single-line text; ``required`` text must hold a visible character."""
    schema: dict[str, object] = {
        "maxLength": max_length,
        "pattern": NON_BLANK_TEXT if required else PRINTABLE_TEXT,
    }
    if required:
        schema["minLength"] = 1
    message = "must be one line of text" + (" with a visible character" if required else "")
    return _field(schema, description=description, default=default, pattern_message=message)


def paragraphs(max_length: int, *, description: str | None = None, default: Any = "") -> Any:
    """Free text that may span lines (a review): no control character but the line feed."""
    return _field(
        {"maxLength": max_length, "pattern": PARAGRAPHS},
        description=description,
        default=default,
        pattern_message="must be text without control characters (line breaks are fine)",
    )


def pattern(
    regex: str,
    message: str,
    *,
    max_length: int,
    min_length: int = 1,
    description: str | None = None,
    default: Any = attrs.NOTHING,
    secret: bool = False,
) -> Any:
    """Text of a fixed shape. ``regex`` is anchored with ^…$ and valid in both Python and
    ECMA-262 (the OpenAPI dialect); ``message`` says what was expected."""
    schema: dict[str, object] = {
        "pattern": regex,
        "maxLength": max_length,
        "minLength": min_length,
    }
    return _field(
        schema,
        description=description,
        default=default,
        pattern_message=message,
        secret=secret,
    )


def length(
    min_length: int,
    max_length: int,
    *,
    description: str | None = None,
    default: Any = attrs.NOTHING,
    secret: bool = False,
) -> Any:
    """Any text within these lengths (passwords)."""
    return _field(
        {"minLength": min_length, "maxLength": max_length},
        description=description,
        default=default,
        secret=secret,
    )


def number(
    minimum: float,
    maximum: float,
    *,
    description: str | None = None,
    default: Any = attrs.NOTHING,
) -> Any:
    return _field(
        {"minimum": minimum, "maximum": maximum}, description=description, default=default
    )


def integer(
    minimum: int,
    maximum: int,
    *,
    description: str | None = None,
    default: Any = attrs.NOTHING,
    core_checked: bool = False,
) -> Any:
    return _field(
        {"minimum": minimum, "maximum": maximum},
        description=description,
        default=default,
        core_checked=core_checked,
    )


def identifier(description: str, *, default: Any = attrs.NOTHING) -> Any:
    return integer(1, MAX_ID, description=description, default=default)


def identifiers(max_items: int, description: str, *, default: Any = attrs.NOTHING) -> Any:
    """A list of at most ``max_items`` ids."""
    item = {"type": "integer", "minimum": 1, "maximum": MAX_ID}
    return _field({"maxItems": max_items, "items": item}, description=description, default=default)


def described(description: str, *, default: Any = attrs.NOTHING) -> Any:
    return _field({}, description=description, default=default)


def json_schema_of(attribute: attrs.Attribute[Any]) -> dict[str, object]:
    found = attribute.metadata.get(SCHEMA)
    return dict(found) if isinstance(found, dict) else {}


def description_of(attribute: attrs.Attribute[Any]) -> str | None:
    found = attribute.metadata.get(DESCRIPTION)
    return found if isinstance(found, str) else None


def is_core_checked(attribute: attrs.Attribute[Any]) -> bool:
    return bool(attribute.metadata.get(CORE_CHECKED, False))


def pattern_message_of(attribute: attrs.Attribute[Any]) -> str:
    found = attribute.metadata.get(PATTERN_MESSAGE)
    return found if isinstance(found, str) else "does not have the expected form"
