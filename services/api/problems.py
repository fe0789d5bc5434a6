"""RFC 9457 problem details: the one shape every error response of the API has.

``{type, title, status, detail, code, errors?, failure_code?}`` as
``application/problem+json``. ``code`` is the stable machine code (the domain's codes plus
a few of the edge's own); ``errors`` names the fields at fault.
"""

from __future__ import annotations

import http
import json
from collections.abc import Mapping, Sequence

from attrs import frozen
from starlette.responses import Response

PROBLEM_MEDIA_TYPE = "application/problem+json"
PROBLEM_TYPE_PREFIX = "urn:food:problem:"


@frozen
class FieldError:
    field: str
    message: str


class ApiProblem(Exception):
    """An error the edge answers with directly (not a domain rule): bad JSON, no token…"""

    def __init__(
        self,
        status: int,
        code: str,
        detail: str,
        *,
        errors: Sequence[FieldError] = (),
        headers: Mapping[str, str] | None = None,
        extra: Mapping[str, object] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.code = code
        self.detail = detail
        self.errors = tuple(errors)
        self.headers = dict(headers or {})
        self.extra = dict(extra or {})


def title_for(status: int) -> str:
    try:
        return http.HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def problem_body(problem: ApiProblem) -> dict[str, object]:
    body: dict[str, object] = {
        "type": PROBLEM_TYPE_PREFIX + problem.code,
        "title": title_for(problem.status),
        "status": problem.status,
        "detail": problem.detail,
        "code": problem.code,
    }
    if problem.errors:
        body["errors"] = [{"field": e.field, "message": e.message} for e in problem.errors]
    body.update(problem.extra)
    return body


def encode_json(body: object) -> bytes:
    # ensure_ascii keeps any odd code point the client sent from breaking the encoding.
    return json.dumps(body, separators=(",", ":"), ensure_ascii=True).encode()


def problem_response(problem: ApiProblem) -> Response:
    return Response(
        encode_json(problem_body(problem)),
        status_code=problem.status,
        headers=problem.headers,
        media_type=PROBLEM_MEDIA_TYPE,
    )


def validation_problem(errors: Sequence[FieldError], detail: str | None = None) -> ApiProblem:
    named = ", ".join(dict.fromkeys(e.field for e in errors))
    return ApiProblem(
        422,
        "validation_failed",
        detail or f"the request is not valid: check {named}",
        errors=errors,
    )
