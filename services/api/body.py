"""Reading a JSON request body: 415 for other media types, 400 for malformed JSON.

The size limit (413) is enforced before this, by :mod:`services.api.limits`.
"""

from __future__ import annotations

import json

from starlette.requests import Request

from services.api.problems import ApiProblem

EMPTY = object()  # no body was sent


def _is_json(content_type: str) -> bool:
    media = content_type.split(";", 1)[0].strip().lower()
    return media == "application/json" or (
        media.startswith("application/") and media.endswith("+json")
    )


def _refuse_constant(name: str) -> object:
    raise ValueError(f"{name} is not valid JSON")


def _malformed(detail: str) -> ApiProblem:
    return ApiProblem(400, "malformed_json", detail)


def parse_json(raw: bytes) -> object:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise _malformed("the request body is not UTF-8 text") from None
    try:
        value = json.loads(text, parse_constant=_refuse_constant)
    except RecursionError:
        raise _malformed("the request body is nested too deeply") from None
    except ValueError as error:  # JSONDecodeError, NaN/Infinity, an integer too long
        where = (
            f" at line {error.lineno} column {error.colno}"
            if isinstance(error, json.JSONDecodeError)
            else ""
        )
        raise _malformed(f"the request body is not valid JSON{where}") from None
    try:
        # Lone surrogates (\ud800) parse but cannot be stored or sent back as UTF-8.
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise _malformed("the request body holds an invalid Unicode escape") from None
    return value


async def read_json(request: Request) -> object:
    """The parsed body, or :data:`EMPTY` if none was sent."""
    raw = await request.body()
    if not raw:
        return EMPTY
    content_type = request.headers.get("content-type", "")
    if not _is_json(content_type):
        raise ApiProblem(
            415,
            "unsupported_media_type",
            "send the request body as application/json",
            headers={"Accept-Post": "application/json"} if request.method == "POST" else None,
        )
    return parse_json(raw)
