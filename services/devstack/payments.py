"""Runner for the Node.js payments service (node-payments/).

Installs its npm dependencies from the committed lockfile when they are missing
(``npm ci``), then starts ``node src/server.js`` on 127.0.0.1 and waits for ``/healthz``.
"""

from __future__ import annotations

import os
import subprocess
from functools import partial
from pathlib import Path

from services.devstack.ports import HOST, free_port, wait_for_http
from services.devstack.process import ManagedProcess
from services.devstack.server import RunningServer, ServerStartError, start_server

SERVICE_DIR = Path(__file__).resolve().parents[2] / "node-payments"


def ensure_node_modules(log_path: Path, timeout: float = 600.0) -> None:
    """``npm ci`` once: the lockfile decides every version."""
    if (SERVICE_DIR / "node_modules" / ".package-lock.json").exists():
        return
    with log_path.open("ab") as log:
        result = subprocess.run(
            ["npm", "ci", "--no-audit", "--no-fund"],  # noqa: S607 (npm from PATH)
            cwd=SERVICE_DIR,
            stdout=log,
            stderr=subprocess.STDOUT,
            timeout=timeout,
            check=False,
        )
    if result.returncode != 0:
        raise ServerStartError("payments", f"npm ci exited with {result.returncode}")


def start_payments(
    state_dir: Path,
    *,
    secret: str,
    port: int | None = None,
    mongodb_url: str | None = None,
    extra_env: dict[str, str] | None = None,
    timeout: float = 30.0,
) -> RunningServer:
    """Start the payments service. Without ``mongodb_url`` it uses its in-memory store
    (tests only). ``extra_env`` passes processor settings (latency, fault rate)."""
    state_dir = state_dir.resolve()
    state_dir.mkdir(parents=True, exist_ok=True)
    log_path = state_dir / "payments.log"
    ensure_node_modules(log_path)
    port = port or free_port(HOST)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PAYMENTS_")}
    env |= {
        "PAYMENTS_HOST": HOST,
        "PAYMENTS_PORT": str(port),
        "PAYMENTS_HMAC_SECRET": secret,
    }
    if mongodb_url:
        env["PAYMENTS_MONGODB_URL"] = mongodb_url
    else:
        env["PAYMENTS_STORE"] = "memory"
    env |= extra_env or {}
    proc = ManagedProcess(
        "payments", ["node", "src/server.js"], log_path=log_path, env=env, cwd=SERVICE_DIR
    )
    url = f"http://{HOST}:{port}"
    server = RunningServer("payments", url, HOST, port, state_dir, proc)
    return start_server(server, partial(wait_for_http, f"{url}/healthz"), timeout)
