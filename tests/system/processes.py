"""Which processes are alive, from /proc (Linux): for the tests that kill a supervisor."""

from __future__ import annotations

import time
from pathlib import Path

PROC = Path("/proc")


def _stat(pid: int) -> tuple[str, int, int] | None:
    """(state, parent pid, start time in clock ticks) of ``pid``, or None if it is gone."""
    try:
        raw = (PROC / str(pid) / "stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return None
    # "pid (comm) state ppid ..." - comm may hold spaces and parentheses.
    fields = raw[raw.rindex(")") + 2 :].split()
    return fields[0], int(fields[1]), int(fields[19])


def alive(pid: int, started: int | None = None) -> bool:
    """``pid`` runs (a zombie does not count); with ``started``, it is still that process."""
    stat = _stat(pid)
    if stat is None or stat[0] in ("Z", "X"):
        return False
    return started is None or stat[2] == started


def start_time(pid: int) -> int:
    stat = _stat(pid)
    assert stat is not None, f"pid {pid} is gone"
    return stat[2]


def descendants(root: int) -> dict[int, int]:
    """Every live descendant of ``root``: pid -> start time (to tell a reused pid)."""
    children: dict[int, list[int]] = {}
    starts: dict[int, int] = {}
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        stat = _stat(int(entry.name))
        if stat is None or stat[0] in ("Z", "X"):
            continue
        children.setdefault(stat[1], []).append(int(entry.name))
        starts[int(entry.name)] = stat[2]
    found: dict[int, int] = {}
    todo = list(children.get(root, []))
    while todo:
        pid = todo.pop()
        found[pid] = starts[pid]
        todo.extend(children.get(pid, []))
    return found


def wait_until_gone(pids: list[int] | dict[int, int], timeout: float) -> list[int]:
    """Wait up to ``timeout`` s for every pid to be gone; return those still running."""
    started = pids if isinstance(pids, dict) else dict.fromkeys(pids)
    deadline = time.monotonic() + timeout
    while True:
        left = [pid for pid, start in started.items() if alive(pid, start)]
        if not left or time.monotonic() >= deadline:
            return left
        time.sleep(0.05)


def describe(pid: int) -> str:
    try:
        cmdline = (PROC / str(pid) / "cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        cmdline = "?"
    return f"{pid} ({cmdline.strip()[:160]})"
