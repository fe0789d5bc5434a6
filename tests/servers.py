"""Session fixtures for real database servers, started by ``services.devstack`` on first
use and stopped at the end of the session.

``FOOD_TEST_POSTGRES_URL`` / ``FOOD_TEST_MONGODB_URL`` use an existing server instead.
A server that cannot start fails the run when ``CI`` is set (a CI run must never pass
by skipping), and skips the tests that need it otherwise, with the reason.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from services.devstack import RunningServer


def _unavailable(what: str, error: BaseException) -> None:
    reason = f"{what} is not available: {error}"
    if os.environ.get("CI"):
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason)


def serve(
    what: str,
    override: str,
    start: Callable[[Path], RunningServer],
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[str]:
    url = os.environ.get(override)
    if url:
        yield url
        return
    try:
        server = start(tmp_path_factory.mktemp(what))
    except Exception as error:  # any reason it cannot run: fail in CI, skip locally
        _unavailable(what, error)
        raise AssertionError("unreachable") from error
    try:
        yield server.url
    finally:
        server.stop()


@pytest.fixture(scope="session")
def postgres_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A ``postgresql+psycopg://`` URL of an empty-or-disposable database."""
    from services.devstack.postgres import start_postgres

    yield from serve("postgres", "FOOD_TEST_POSTGRES_URL", start_postgres, tmp_path_factory)


@pytest.fixture(scope="session")
def mongodb_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A ``mongodb://`` URL of a MongoDB-wire server (FerretDB unless overridden)."""
    from services.devstack.ferretdb import start_ferretdb

    yield from serve("ferretdb", "FOOD_TEST_MONGODB_URL", start_ferretdb, tmp_path_factory)
