"""Every task of the project. ``nox`` with no arguments runs all the tests."""

from __future__ import annotations

import nox

nox.needs_version = ">=2025.2.9"
nox.options.default_venv_backend = "uv"
nox.options.reuse_existing_virtualenvs = True
nox.options.error_on_missing_interpreters = True
nox.options.sessions = ["lint", "typecheck", "payments", "tests"]

PYTHON = "3.11"
PYPROJECT = nox.project.load_toml("pyproject.toml")
DEV = nox.project.dependency_groups(PYPROJECT, "dev")


def install_project(session: nox.Session) -> None:
    session.install("-e", ".", *DEV)


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """Unit, property, contract, integration and system tests (pytest)."""
    install_project(session)
    session.run("pytest", *session.posargs)


@nox.session(python=False)
def payments(session: nox.Session) -> None:
    """The Node.js payments service's own tests (node --test)."""
    with session.chdir("node-payments"):
        session.run("npm", "ci", "--no-audit", "--no-fund", external=True)
        session.run("npm", "test", external=True)


@nox.session(python=PYTHON, default=False)
def up(session: nox.Session) -> None:
    """The whole system: FerretDB, payments, two API replicas, Traefik on :8080."""
    install_project(session)
    session.run("python", "-m", "services.stack", *session.posargs)


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    session.install(*DEV)
    session.run("ruff", "check", "src", "services", "tests", "benchmarks", "noxfile.py")
    session.run("ruff", "format", "--check", "src", "services", "tests", "benchmarks", "noxfile.py")


@nox.session(python=PYTHON)
def typecheck(session: nox.Session) -> None:
    install_project(session)
    session.run("mypy")


@nox.session(python=PYTHON, default=False)
def bench(session: nox.Session) -> None:
    """Benchmarks (not tests): figures go to docs/performance.md by hand, with the command."""
    install_project(session)
    session.run("python", "-m", "benchmarks.checkout", *session.posargs)
    session.run("python", "-m", "benchmarks.instructions")
