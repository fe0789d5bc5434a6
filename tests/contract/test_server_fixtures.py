"""The server fixtures: a server that cannot start fails a CI run and skips otherwise;
an override URL is used as given."""

from __future__ import annotations

from pathlib import Path

import pytest

from services.devstack import RunningServer, ServerStartError
from tests.servers import serve


def _cannot_start(_state_dir: Path) -> RunningServer:
    raise ServerStartError("imaginary-db", "no binary: it was never built")


def test_a_server_that_cannot_start_fails_the_run_in_ci(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    monkeypatch.setenv("CI", "true")
    monkeypatch.delenv("FOOD_TEST_IMAGINARY_URL", raising=False)
    with pytest.raises(pytest.fail.Exception, match="never built"):
        next(serve("imaginary-db", "FOOD_TEST_IMAGINARY_URL", _cannot_start, tmp_path_factory))


def test_a_server_that_cannot_start_skips_outside_ci(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("FOOD_TEST_IMAGINARY_URL", raising=False)
    with pytest.raises(pytest.skip.Exception, match="never built"):
        next(serve("imaginary-db", "FOOD_TEST_IMAGINARY_URL", _cannot_start, tmp_path_factory))


def test_an_override_url_is_used_without_starting_anything(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    monkeypatch.setenv("FOOD_TEST_IMAGINARY_URL", "imaginary://db.example:1/food")
    served = serve("imaginary-db", "FOOD_TEST_IMAGINARY_URL", _cannot_start, tmp_path_factory)
    assert next(served) == "imaginary://db.example:1/food"
