"""Domain errors become HTTP statuses by class: the nearest class in an error's hierarchy
that the API's table names decides, so a new kind of conflict is a 409 without a row."""

from __future__ import annotations

import inspect

import food_core.errors as domain
from food_core.errors import Conflict, DomainError, NotFound, PaymentUnavailable
from services.api.errors import TRANSIENT_CODES, problem_from_domain, status_of


def _domain_errors() -> list[type[DomainError]]:
    return [
        cls
        for _name, cls in inspect.getmembers(domain, inspect.isclass)
        if issubclass(cls, DomainError)
    ]


def test_every_domain_error_has_an_error_status_and_a_code_of_its_own() -> None:
    errors = _domain_errors()
    assert all(400 <= status_of(cls) < 600 for cls in errors)
    codes = [cls.code for cls in errors]
    assert len(set(codes)) == len(codes)


def test_a_new_conflict_is_a_409_and_a_subclass_of_not_found_a_404() -> None:
    class SeatTaken(Conflict):
        code = "seat_taken"

    class DishGone(NotFound):
        code = "dish_gone"

    assert status_of(SeatTaken) == 409
    assert status_of(DishGone) == 404
    assert problem_from_domain(SeatTaken("taken", field="seat")).status == 409


def test_an_unknown_payment_outcome_asks_to_retry_later_and_is_not_replayed() -> None:
    problem = problem_from_domain(PaymentUnavailable("the payments service timed out"))
    assert (problem.status, problem.headers["Retry-After"]) == (503, "5")
    assert "payment_unavailable" in TRANSIENT_CODES
