"""``python -m services.stack`` as an operator runs it (issue 12, item 10): killed, it
takes every child with it; stopped, it is gone in seconds; started on a taken port, it
fails at once and says who holds the port."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from services.devstack.ports import free_port, port_in_use
from tests.system.processes import alive, descendants, describe, wait_until_gone

REPO_ROOT = Path(__file__).resolve().parents[2]
PORT_VARIABLES = (
    "FOOD_WEB_PORT",
    "FOOD_ADMIN_PORT",
    "FOOD_API_PORT_A",
    "FOOD_API_PORT_B",
    "FOOD_PAYMENTS_PORT",
    "FOOD_MONGO_PORT",
    "FOOD_POSTGRES_PORT",
    "FOOD_SMTP_PORT",
)
UP_LINE = "The food ordering system is up"
START_TIMEOUT = 240.0  # PostgreSQL initdb, FerretDB, npm-installed payments, seeding
# One argv fragment per kind of child the stack runs (each with its own children).
CHILDREN = {
    "postgres": "postgresql",
    "ferretdb": "ferretdb",
    "payments": "src/server.js",
    "api replicas": "services.api",
    "fallback": "services.stack.fallback",
    "mail sink": "services.stack.mailsink",
    "traefik": "traefik",
}


def _distinct_free_ports(count: int) -> list[int]:
    ports: set[int] = set()
    while len(ports) < count:
        ports.add(free_port())
    return sorted(ports)


@dataclass
class Supervisor:
    """``python -m services.stack`` in a subprocess, its output collected by a thread."""

    process: subprocess.Popen[str]
    ports: dict[str, int]
    lines: list[str] = field(default_factory=list)
    up: threading.Event = field(default_factory=threading.Event)
    reader: threading.Thread | None = None

    def read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))
            if UP_LINE in line:
                self.up.set()

    def output(self) -> str:
        if self.process.poll() is not None and self.reader is not None:
            self.reader.join(timeout=5)  # the rest of its output
        return "\n".join(self.lines[-60:])


def _run_stack(state_dir: Path, ports: dict[str, int]) -> Supervisor:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FOOD_")}
    env |= {name: str(port) for name, port in ports.items()}
    env |= {"FOOD_STATE_DIR": str(state_dir), "PYTHONUNBUFFERED": "1"}
    env["PYTHONPATH"] = os.pathsep.join([str(REPO_ROOT), *sys.path])
    process = subprocess.Popen(
        [sys.executable, "-m", "services.stack"],
        cwd=REPO_ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    supervisor = Supervisor(process, ports)
    supervisor.reader = threading.Thread(target=supervisor.read, daemon=True)
    supervisor.reader.start()
    return supervisor


@pytest.fixture
def state_dir() -> Iterator[Path]:
    # Traversable by the postgres user (PostgreSQL runs as it when we are root), so its
    # data stays inside this directory and goes with it.
    path = Path(tempfile.mkdtemp(prefix="food-stack-"))
    path.chmod(0o711)
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture
def running(state_dir: Path) -> Iterator[Supervisor]:
    """A whole stack on free ports, under a supervisor of its own, up."""
    ports = dict(zip(PORT_VARIABLES, _distinct_free_ports(len(PORT_VARIABLES)), strict=True))
    supervisor = _run_stack(state_dir, ports)
    spawned: dict[int, int] = {}
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while not supervisor.up.wait(0.5):
            if supervisor.process.poll() is not None or time.monotonic() > deadline:
                message = f"the stack did not come up:\n{supervisor.output()}"
                if os.environ.get("CI"):
                    pytest.fail(message)
                pytest.skip(message)
        spawned = descendants(supervisor.process.pid)
        yield supervisor
    finally:
        if supervisor.process.poll() is None:
            supervisor.process.send_signal(signal.SIGTERM)
            try:
                supervisor.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                supervisor.process.kill()
                supervisor.process.wait()
        # Only when a test failed: nothing of this stack outlives the test.
        for pid, started in spawned.items():
            if alive(pid, started):
                os.kill(pid, signal.SIGKILL)


def _children_by_role(children: dict[int, int]) -> dict[str, list[str]]:
    commands = [describe(pid) for pid in children]
    return {role: [c for c in commands if fragment in c] for role, fragment in CHILDREN.items()}


def test_sigkill_of_the_supervisor_leaves_no_child_within_two_seconds(
    running: Supervisor,
) -> None:
    children = descendants(running.process.pid)
    roles = _children_by_role(children)
    assert all(roles.values()), f"a child is missing: {roles}"
    assert len(roles["api replicas"]) == 2, roles

    running.process.kill()
    running.process.wait(timeout=5)
    left = wait_until_gone(children, timeout=2.0)

    assert [describe(pid) for pid in left] == []
    assert {
        name: holder
        for name, port in running.ports.items()
        if (holder := port_in_use("127.0.0.1", port)) is not None
    } == {}


def test_a_clean_stop_ends_every_child_within_a_few_seconds(running: Supervisor) -> None:
    children = descendants(running.process.pid)
    started = time.monotonic()

    running.process.send_signal(signal.SIGTERM)
    code = running.process.wait(timeout=30)
    took = time.monotonic() - started

    assert code == 0, running.output()
    assert took < 5.0, f"stopping took {took:.1f}s:\n{running.output()}"
    assert [describe(pid) for pid in wait_until_gone(children, timeout=1.0)] == []


def test_a_start_whose_port_is_taken_fails_at_once_naming_the_port_and_its_holder(
    state_dir: Path,
) -> None:
    ports = dict(zip(PORT_VARIABLES, _distinct_free_ports(len(PORT_VARIABLES)), strict=True))
    with socket.socket() as squatter:
        # What an orphaned replica looks like from here: something listening on the port.
        squatter.bind(("127.0.0.1", ports["FOOD_API_PORT_B"]))
        squatter.listen()
        started = time.monotonic()
        supervisor = _run_stack(state_dir, ports)
        try:
            code = supervisor.process.wait(timeout=60)
        finally:
            if supervisor.process.poll() is None:  # it did not fail: stop it properly
                supervisor.process.send_signal(signal.SIGTERM)
                supervisor.process.wait(timeout=60)
        took = time.monotonic() - started
    output = supervisor.output()

    assert code != 0, output
    assert f"port {ports['FOOD_API_PORT_B']} (FOOD_API_PORT_B, for api-b)" in output
    assert f"in use by pid {os.getpid()} " in output
    assert took < 20.0, f"took {took:.1f}s: it should fail before starting anything"
    assert not (state_dir / "postgres").exists()
