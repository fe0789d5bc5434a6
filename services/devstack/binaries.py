"""Obtain the Go server binaries by running ``scripts/build-go-servers.sh``.

The script builds FerretDB and Traefik (and, for the Helm chart's tests, Helm,
kube-apiserver and etcd) from their pinned Go modules once and caches
them under ``${FOOD_CACHE_DIR:-${XDG_CACHE_HOME:-~/.cache}/food-ordering}/bin``; later
calls return at once. The first (cold) build takes minutes, hence the long timeout.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
from pathlib import Path
from typing import Literal, get_args

ServerName = Literal["ferretdb", "traefik", "helm", "kube-apiserver", "etcd"]

REPO_ROOT = Path(__file__).resolve().parents[2]
BUILD_SCRIPT = REPO_ROOT / "scripts" / "build-go-servers.sh"


def _stop_group(proc: subprocess.Popen[bytes]) -> None:
    """SIGTERM the script's process group (its trap stops go build), SIGKILL after 30 s."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


class BinaryBuildError(RuntimeError):
    """The build script failed or timed out (its own log went to stderr)."""


def ensure_binary(name: ServerName, *, timeout: float = 3600.0) -> Path:
    """Return the absolute path of the ``name`` binary, building it if needed.

    Build progress goes to this process's stderr (inherited), so a cold build in CI
    shows what it is doing.
    """
    if name not in get_args(ServerName):
        raise ValueError(f"unknown server binary: {name!r}")
    # Own process group, so that a timeout stops the script *and* the go build under it.
    proc = subprocess.Popen(  # noqa: S603 - fixed argv, our own script
        ["bash", str(BUILD_SCRIPT), name],  # noqa: S607 - bash from PATH
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=None,
        cwd=REPO_ROOT,
        start_new_session=True,
    )
    try:
        stdout, _ = proc.communicate(timeout=timeout)
    except BaseException as e:  # timeout, KeyboardInterrupt: do not leave a build behind
        _stop_group(proc)
        if isinstance(e, subprocess.TimeoutExpired):
            raise BinaryBuildError(f"{BUILD_SCRIPT} {name} took longer than {timeout:g}s") from e
        raise
    result = subprocess.CompletedProcess(proc.args, proc.returncode, stdout)
    out = result.stdout.decode("utf-8", errors="replace").strip()
    if result.returncode != 0:
        raise BinaryBuildError(
            f"{BUILD_SCRIPT} {name} exited with {result.returncode} (its log is on stderr)"
        )
    lines = out.splitlines()
    path = Path(lines[-1]) if lines else Path()
    if not lines or not path.is_absolute() or not path.is_file():
        raise BinaryBuildError(f"{BUILD_SCRIPT} {name} printed no binary path: {out!r}")
    return path
