"""Schemathesis hooks for tests/system/test_openapi_conformance.py, loaded by the
``schemathesis run`` it starts (``SCHEMATHESIS_HOOKS``); the test passes the tokens and the
accepted refusals in environment variables.

- Auth: the signed-up customer's Bearer token everywhere, the seeded partner's on the
  partner operations and a seeded rider's of the partner's city on the rider operations
  (a customer gets 403 there, so they would test nothing else).
- ``refusals_of_valid_data``: the narrow half of positive_data_acceptance. That check takes
  a 422 for schema-valid data on the operations whose 422 can depend on state the request
  cannot show (the test configures which); this one then insists that such a 422 is one
  the operation answers for exactly that reason: its problem ``code``, or ``code:field``
  when the code alone (``validation_failed``) would also stand for data the document
  should have refused itself.
"""

from __future__ import annotations

import json
import os
from typing import Any

import schemathesis

CUSTOMER_TOKEN = "FOOD_CONFORMANCE_CUSTOMER_TOKEN"
PARTNER_TOKEN = "FOOD_CONFORMANCE_PARTNER_TOKEN"
RIDER_TOKEN = "FOOD_CONFORMANCE_RIDER_TOKEN"
REFUSALS = "FOOD_CONFORMANCE_REFUSALS"  # JSON: {operationId: ["code" or "code:field"]}
PARTNER_PATHS = "^/api/v1/partner/"
RIDER_PATHS = "^/api/v1/rider/"


class _Bearer:
    """Signs every case in with the Bearer token in the environment variable ``TOKEN``."""

    TOKEN: str

    def get(self, case: schemathesis.Case, context: schemathesis.AuthContext) -> str:
        return os.environ[self.TOKEN]

    def set(self, case: schemathesis.Case, data: str, context: schemathesis.AuthContext) -> None:
        case.headers = {**(case.headers or {}), "Authorization": f"Bearer {data}"}


@schemathesis.auth(refresh_interval=None).skip_for(path_regex=f"{PARTNER_PATHS}|{RIDER_PATHS}")
class Customer(_Bearer):
    TOKEN = CUSTOMER_TOKEN


@schemathesis.auth(refresh_interval=None).apply_to(path_regex=PARTNER_PATHS)
class Partner(_Bearer):
    TOKEN = PARTNER_TOKEN


@schemathesis.auth(refresh_interval=None).apply_to(path_regex=RIDER_PATHS)
class Rider(_Bearer):
    TOKEN = RIDER_TOKEN


def _problem(response: Any) -> dict[str, Any]:
    try:
        body = json.loads(response.content)
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


@schemathesis.check
def refusals_of_valid_data(ctx: Any, response: Any, case: schemathesis.Case) -> bool | None:
    """A schema-valid request refused with 422 is refused for a reason the document gives
    and the schema cannot express (see the module's docstring)."""
    meta = case.meta
    if meta is None or not meta.generation.mode.is_positive or response.status_code != 422:
        return None
    operation_id = case.operation.definition.raw.get("operationId", "")
    refusals: dict[str, list[str]] = json.loads(os.environ.get(REFUSALS, "{}"))
    if operation_id not in refusals:
        return None  # positive_data_acceptance itself refuses any 422 here
    accepted = set(refusals[operation_id])
    problem = _problem(response)
    code = str(problem.get("code"))
    fields = {f"{code}:{error.get('field')}" for error in problem.get("errors", [])}
    if code in accepted or (fields and fields <= accepted):
        return None
    shown = ", ".join(sorted(fields)) if fields else code
    raise AssertionError(
        f"Valid data was refused with 422 {shown}: only {', '.join(sorted(accepted))} "
        f"may refuse schema-valid data on {operation_id} (state the request cannot show); "
        "anything else the document should refuse itself"
    )
