"""Runners for the stack's Python processes: an API replica, and the error-page fallback."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from services.devstack.ports import ProcessExitedError, free_port, port_in_use, wait_for_http
from services.devstack.process import ManagedProcess
from services.devstack.server import RunningServer, ServerStartError
from services.stack.config import REPO_ROOT

HOST = "127.0.0.1"


def start_api_replica(
    name: str,
    *,
    port: int,
    worker_id: int,
    env: dict[str, str],
    state_dir: Path,
    timeout: float = 60.0,
) -> RunningServer:
    """Start a replica and wait until ``/healthz`` answers. ``env`` carries the shared
    settings (store, payments, secrets); each replica gets its own port and id-worker.
    A taken port fails at once: a stray server there would answer ``/healthz`` for us."""
    holder = port_in_use(HOST, port)
    if holder is not None:
        raise ServerStartError(name, f"port {port} on {HOST} is already in use by {holder}")
    child_env = {k: v for k, v in os.environ.items() if not k.startswith("FOOD_")}
    child_env |= env | {
        "FOOD_API_HOST": HOST,
        "FOOD_API_PORT": str(port),
        "FOOD_WORKER_ID": str(worker_id),
        "FOOD_REPLICA_NAME": name,
        "PYTHONUNBUFFERED": "1",
    }
    process = ManagedProcess(
        name,
        [sys.executable, "-m", "services.api"],
        log_path=state_dir / f"{name}.log",
        env=child_env,
        cwd=REPO_ROOT,
        grace=15.0,  # in-flight requests get time to finish on SIGTERM
    )
    process.start()
    url = f"http://{HOST}:{port}"
    server = RunningServer(name, url, HOST, port, state_dir, process)
    try:
        wait_for_http(f"{url}/healthz", timeout, alive=lambda: process.running)
    except (TimeoutError, ProcessExitedError) as error:
        server.stop()
        raise ServerStartError(name, str(error), process.log_tail()) from error
    return server


def start_fallback(state_dir: Path, timeout: float = 15.0) -> RunningServer:
    """The problem+json error page Traefik shows when no replica answers."""
    port = free_port(HOST)
    process = ManagedProcess(
        "fallback",
        [sys.executable, "-m", "services.stack.fallback", str(port)],
        log_path=state_dir / "fallback.log",
        cwd=REPO_ROOT,
    )
    process.start()
    url = f"http://{HOST}:{port}"
    server = RunningServer("fallback", url, HOST, port, state_dir, process)
    try:
        wait_for_http(
            f"{url}/problem/503", timeout, expect_status={503}, alive=lambda: process.running
        )
    except (TimeoutError, ProcessExitedError) as error:
        server.stop()
        raise ServerStartError("fallback", str(error), process.log_tail()) from error
    return server
