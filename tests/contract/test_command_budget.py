"""A checkout (3 cart edits → place → pay by card) through the in-process API sends at
most the recorded number of store commands, on every real store (benchmarks/
store_commands.py counts them; docs/performance.md has the figures). The count is exact
on any machine, so a change that adds a round trip fails here, not in a benchmark."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.store_commands import BUDGETS, STEPS, count_checkout


@pytest.mark.parametrize("name", sorted(BUDGETS))
def test_a_checkout_stays_within_its_store_command_budget(
    name: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    if name == "postgresql":
        request.getfixturevalue("postgres_url")  # fail under CI, skip locally if absent
    if name == "mongodb":
        request.getfixturevalue("mongodb_url")
    tally = count_checkout(name, tmp_path)
    assert set(tally.by_step) == set(STEPS), "every step reached the store"
    assert tally.total <= BUDGETS[name], dict(tally.by_step)
