"""Obtain the Go server binaries by running ``scripts/build-go-servers.sh``.

The script builds FerretDB and Traefik from their pinned Go modules once and caches
them under ``${FOOD_CACHE_DIR:-${XDG_CACHE_HOME:-~/.cache}/food-ordering}/bin``; later
calls return at once. The first (cold) build takes minutes, hence the long timeout.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Literal

ServerName = Literal["ferretdb", "traefik"]

REPO_ROOT = Path(__file__).resolve().parents[2]
BUILD_SCRIPT = REPO_ROOT / "scripts" / "build-go-servers.sh"


class BinaryBuildError(RuntimeError):
    """The build script failed; the message carries the end of its output."""


def ensure_binary(name: ServerName, *, timeout: float = 3600.0) -> Path:
    """Return the absolute path of the ``name`` binary, building it if needed.

    Build progress goes to this process's stderr (inherited), so a cold build in CI
    shows what it is doing.
    """
    if name not in ("ferretdb", "traefik"):
        raise ValueError(f"unknown server binary: {name!r}")
    try:
        result = subprocess.run(  # noqa: S603 - fixed argv, our own script
            ["bash", str(BUILD_SCRIPT), name],  # noqa: S607 - bash from PATH
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=None,
            cwd=REPO_ROOT,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired as e:
        raise BinaryBuildError(f"{BUILD_SCRIPT} {name} took longer than {timeout:g}s") from e
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
