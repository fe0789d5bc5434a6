"""Schemathesis against the app in process: every operation of the generated OpenAPI
document, with all checks, on a bounded number of examples per operation.

Each case runs as a fresh customer (or, for the partner operations, a fresh partner of
restaurant 1), so cases do not depend on each other. Tolerances, each for a reason the
schema cannot express:

- ``payOrder``: a card number must pass Luhn, and a card must not have expired;
  schema-valid data breaking those is a 422 invalid_payment_details by design (which
  details go with which payment_mode the schema says itself: a oneOf on payment_mode).
- ``searchRestaurants``: a ``cursor`` is opaque; one the server did not make is a 422.
- ``applyCartCoupon``: a well-formed code the catalog has no coupon for, or one that does
  not apply to the cart, is a 422 ``coupon_invalid`` by design.

The same run against the whole stack, with state to reach, is
tests/system/test_openapi_conformance.py.
"""

from __future__ import annotations

import itertools
import re
from typing import Any

import schemathesis
from starlette.applications import Starlette

from adapters.clock import ManualClock
from adapters.memory import FakePaymentGateway
from food_core.model import UserRole
from food_core.usecases import signup
from services.api.app import create_app
from services.api.container import Container
from services.api.openapi import KEY_PATTERN
from services.api.routing import IDEMPOTENCY_HEADER
from services.api.settings import Settings
from tests.integration.support import build_test_container, seeded_store

SCHEMA_PATH = "/api/v1/openapi.json"
MAX_EXAMPLES = 25
POSITIVE_ACCEPTED = ["2xx", "3xx", "401", "403", "404", "409", "429"]

CONFIG = {
    "seed": 20260101,
    "generation": {"max-examples": MAX_EXAMPLES},
    "checks": {"enabled": True},
    "operations": [
        {
            "include-operation-id": ["payOrder", "searchRestaurants", "applyCartCoupon"],
            "checks": {
                "positive_data_acceptance": {"expected-statuses": [*POSITIVE_ACCEPTED, "422"]}
            },
        }
    ],
}


def _app() -> Starlette:
    # Built at import: schemathesis' fixture-based loader does not support this pytest.
    clock = ManualClock()
    container = build_test_container(
        Settings.for_tests(), clock, FakePaymentGateway(clock), seeded_store()
    )
    return create_app(container)


schema = schemathesis.openapi.from_asgi(
    SCHEMA_PATH, _app(), config=schemathesis.Config.from_dict(CONFIG)
)


@schema.auth(refresh_interval=None, retry_on=[])
class FreshAccount:
    """A new account per case: a partner for partner operations, a customer otherwise."""

    counter = 0

    def get(self, case: schemathesis.Case, context: schemathesis.AuthContext) -> str:
        container: Container = context.app.state.container
        FreshAccount.counter += 1
        n = FreshAccount.counter
        partner = case.operation.path.startswith("/api/v1/partner/")
        user = signup(
            container.ports(),
            user_name=f"Schemathesis {n}",
            email=f"st{n}@example.com",
            phone=f"7{n:09d}",
            password="a long password",
            role=UserRole.PARTNER if partner else UserRole.CUSTOMER,
            restaurant_id=1 if partner else None,
        )
        token, _ = container.tokens().issue(user.user_id, user.role)
        return token

    def set(self, case: schemathesis.Case, data: str, context: schemathesis.AuthContext) -> None:
        case.headers = {**(case.headers or {}), "Authorization": f"Bearer {data}"}


_cases = itertools.count(1)


@schemathesis.hook
def before_call(context: schemathesis.HookContext, case: schemathesis.Case, kwargs: Any) -> None:
    """Each case is a new attempt, as a client makes it: a well-formed Idempotency-Key gets
    a unique suffix so cases never replay each other (a malformed one is left to fail)."""
    headers = case.headers or {}
    key = headers.get(IDEMPOTENCY_HEADER)
    if isinstance(key, str) and re.fullmatch(KEY_PATTERN, key) and len(key) <= 100:
        headers[IDEMPOTENCY_HEADER] = f"{key}-{next(_cases)}"


@schema.parametrize()
def test_the_api_conforms_to_its_openapi_document(case: schemathesis.Case) -> None:
    case.call_and_validate()
