"""Runners for the stack's Python processes: an API replica, the error-page fallback and
the mail sink."""

from __future__ import annotations

import os
import sys
from functools import partial
from pathlib import Path

from services.devstack.ports import HOST, free_port, port_in_use, wait_for_http, wait_for_port
from services.devstack.process import ManagedProcess
from services.devstack.server import RunningServer, ServerStartError, start_server
from services.stack.config import REPO_ROOT


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
    url = f"http://{HOST}:{port}"
    server = RunningServer(name, url, HOST, port, state_dir, process)
    return start_server(server, partial(wait_for_http, f"{url}/healthz"), timeout)


def start_fallback(state_dir: Path, timeout: float = 15.0) -> RunningServer:
    """The problem+json error page Traefik shows when no replica answers."""
    port = free_port(HOST)
    process = ManagedProcess(
        "fallback",
        [sys.executable, "-m", "services.stack.fallback", str(port)],
        log_path=state_dir / "fallback.log",
        cwd=REPO_ROOT,
    )
    url = f"http://{HOST}:{port}"
    server = RunningServer("fallback", url, HOST, port, state_dir, process)
    ready = partial(wait_for_http, f"{url}/problem/503", expect_status={503})
    return start_server(server, ready, timeout)


def start_mail_sink(
    state_dir: Path, *, port: int, folder: Path, timeout: float = 15.0
) -> RunningServer:
    """The SMTP sink the replicas mail to (``services.stack.mailsink``): every mail it
    receives is kept as a file in ``folder``."""
    process = ManagedProcess(
        "mail-sink",
        [sys.executable, "-m", "services.stack.mailsink", "serve", str(port), str(folder)],
        log_path=state_dir / "mail-sink.log",
        cwd=REPO_ROOT,
    )
    server = RunningServer("mail-sink", f"smtp://{HOST}:{port}", HOST, port, state_dir, process)
    return start_server(server, partial(wait_for_port, HOST, port), timeout)
