"""A ManagedProcess dies with its owner, however the owner dies (issue 12, item 10).

Each test runs an owner in a subprocess of its own: it starts children through
``ManagedProcess`` and prints their pids, and the test then kills the owner.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.system.processes import alive, start_time, wait_until_gone

REPO_ROOT = Path(__file__).resolve().parents[2]

# The owner: children started from the main thread and from a thread that has finished
# (a parent-death signal would fire when that thread ends), one of which forks a
# grandchild into its group. It prints "pids ..." and then waits to be killed.
OWNER = textwrap.dedent(
    """
    import sys, threading, time
    from pathlib import Path
    from services.devstack.process import ManagedProcess

    logs = Path(sys.argv[1])
    sleeper = [sys.executable, "-c", "import time; time.sleep(120)"]
    forker = ["sh", "-c", "sleep 120 & echo $! > " + str(logs / "grandchild") + "; wait"]
    main = ManagedProcess("main", sleeper, log_path=logs / "main.log").start()
    started = []
    worker = threading.Thread(
        target=lambda: started.append(
            ManagedProcess("threaded", forker, log_path=logs / "threaded.log").start()
        )
    )
    worker.start()
    worker.join()
    while not (logs / "grandchild").exists():
        time.sleep(0.02)
    time.sleep(0.3)  # the thread is long gone: its child must still be running
    grandchild = int((logs / "grandchild").read_text())
    print("pids", main.pid, started[0].pid, grandchild, flush=True)
    time.sleep(120)
    """
)


@pytest.fixture
def owner(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[str], list[int]]]:
    process = subprocess.Popen(
        [sys.executable, "-c", OWNER, str(tmp_path)],
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO_ROOT), *sys.path])},
    )
    starts: dict[int, int] = {}
    try:
        assert process.stdout is not None
        line = process.stdout.readline()  # the owner prints once; bounded by its sleeps
        assert line.startswith("pids "), line
        pids = [int(p) for p in line.split()[1:]]
        starts.update((pid, start_time(pid)) for pid in pids)
        yield process, pids
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=10)
        for pid, started in starts.items():  # only if the test failed: none left behind
            if alive(pid, started):
                os.kill(pid, signal.SIGKILL)


def test_children_outlive_the_thread_that_started_them(
    owner: tuple[subprocess.Popen[str], list[int]],
) -> None:
    _, pids = owner
    assert all(alive(pid) for pid in pids)


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["sigkill", "sigterm"])
def test_every_child_and_grandchild_dies_with_its_owner(
    owner: tuple[subprocess.Popen[str], list[int]], sig: signal.Signals
) -> None:
    process, pids = owner
    process.send_signal(sig)
    process.wait(timeout=5)
    killed_at = time.monotonic()
    left = wait_until_gone(pids, timeout=2.0)
    assert left == [], f"still running {time.monotonic() - killed_at:.1f}s after: {left}"
