"""Every task of the project. ``nox`` with no arguments runs all the tests."""

from __future__ import annotations

import nox

nox.needs_version = ">=2025.2.9"
nox.options.default_venv_backend = "uv"
nox.options.reuse_existing_virtualenvs = True
nox.options.error_on_missing_interpreters = True
nox.options.sessions = ["lint", "typecheck", "payments", "tests", "e2e"]

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
    """The whole system: FerretDB, payments, API replicas (two; ``-- --replicas N``),
    Traefik on :8080."""
    install_project(session)
    ensure_webapp_build(session)
    # Ctrl-C reaches the stack too; give its staged stop time before nox kills it.
    session.run("python", "-m", "services.stack", *session.posargs, interrupt_timeout=30)


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    """Ruff on the Python; ESLint (each package's eslint.config.js) on node-payments/ and
    webapp/."""
    session.install(*DEV)
    session.run("ruff", "check", "src", "services", "tests", "benchmarks", "noxfile.py")
    session.run("ruff", "format", "--check", "src", "services", "tests", "benchmarks", "noxfile.py")
    for package in ("node-payments", WEBAPP_DIR):
        with session.chdir(package):
            ensure_node_modules(session)
            session.run("npm", "run", "lint", external=True)


def ensure_node_modules(session: nox.Session) -> None:
    """``npm ci`` in the current directory unless its node_modules already holds what
    package.json asks for (``npm ls`` passes): lint need not wipe a tree another command
    is using."""
    import subprocess

    listed = subprocess.run(
        ["npm", "ls", "--all"],  # noqa: S607 (npm from PATH, as session.run finds it)
        capture_output=True,
        check=False,
    )
    if listed.returncode != 0:
        session.run("npm", "ci", "--no-audit", "--no-fund", external=True)


@nox.session(python=PYTHON)
def typecheck(session: nox.Session) -> None:
    install_project(session)
    session.run("mypy")


@nox.session(python=PYTHON, default=False)
def bench(session: nox.Session) -> None:
    """Benchmarks (not tests): the core in memory, each store, payments, one API replica
    and the whole stack under load. Figures go to docs/performance.md with the command."""
    install_project(session)
    session.run("python", "-m", "benchmarks.checkout", *session.posargs)
    session.run("python", "-m", "benchmarks.instructions")
    session.run("python", "-m", "benchmarks.store_commands")
    session.run("python", "-m", "benchmarks.history")
    session.run("python", "-m", "benchmarks.adapters")
    session.run("python", "-m", "benchmarks.payments")
    session.run("python", "-m", "benchmarks.api")
    session.run("python", "-m", "benchmarks.stack_load")


# --- the web app (webapp/) and its end-to-end suite ---------------------------------------

WEBAPP_DIR = "webapp"
E2E_APT_PACKAGES = ("chromium", "fonts-noto-core")  # Noto has the rupee sign for screenshots


def ensure_webapp_build(session: nox.Session, *, force: bool = False) -> None:
    """``npm ci`` and ``npm run build`` in webapp/ unless webapp/dist already holds a build
    (``force``: always). The stack serves webapp/dist at / (FOOD_WEBAPP_DIST)."""
    import pathlib

    if not force and (pathlib.Path(WEBAPP_DIR) / "dist" / "index.html").is_file():
        return
    with session.chdir(WEBAPP_DIR):
        session.run("npm", "ci", "--no-audit", "--no-fund", external=True)
        session.run("npm", "run", "build", external=True)


def _ensure_chromium(session: nox.Session) -> None:
    """Debian's Chromium (and a font with the rupee sign), installed once with apt."""

    def installed(package: str) -> bool:
        status = session.run(
            "dpkg-query", "-W", "-f=${Status}", package,
            external=True, silent=True, success_codes=[0, 1],
        )  # fmt: skip
        return isinstance(status, str) and "install ok installed" in status

    missing = [p for p in E2E_APT_PACKAGES if not installed(p)]
    if not missing:
        return
    env = {"DEBIAN_FRONTEND": "noninteractive"}
    session.run("apt-get", "update", external=True, env=env)
    session.run(
        "apt-get", "install", "-y", "--no-install-recommends", *missing, external=True, env=env
    )


@nox.session(python=PYTHON)
def e2e(session: nox.Session) -> None:
    """The web app: type check, Vitest unit tests (with the OpenAPI drift check), build,
    then the Playwright suite in headless Chromium against the whole stack on free ports."""
    install_project(session)
    _ensure_chromium(session)
    import pathlib

    openapi = str(pathlib.Path(session.create_tmp()).resolve() / "openapi.json")
    session.run("python", "-m", "tests.e2e.openapi_dump", openapi)
    with session.chdir(WEBAPP_DIR):
        session.run("npm", "ci", "--no-audit", "--no-fund", external=True)
        session.run("npm", "run", "typecheck", external=True)
        session.run("npm", "test", external=True, env={"FOOD_OPENAPI_JSON": openapi})
    ensure_webapp_build(session, force=True)
    session.run("python", "-m", "tests.e2e.runner", *session.posargs)
