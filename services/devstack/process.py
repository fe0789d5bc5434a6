"""ManagedProcess: a child process in its own process group that never outlives its owner.

- started with ``start_new_session=True``, so the child leads a new process group and
  everything it forks (e.g. PostgreSQL backends) can be signalled at once;
- stdout and stderr go to a log file (appended), never to the parent's terminal;
- ``stop()`` sends the stop signal (SIGTERM by default) to the whole group, waits up to
  ``grace`` seconds, then SIGKILLs the group, and reaps the leader;
- the context manager and an ``atexit`` hook both call ``stop()``, which is idempotent.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import signal
import subprocess
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import TracebackType


def tail(path: Path, lines: int = 40, max_bytes: int = 64 * 1024) -> str:
    """The last ``lines`` lines of a text file ('' if it does not exist)."""
    try:
        with path.open("rb") as f:
            f.seek(0, os.SEEK_END)
            size = f.tell()
            f.seek(max(0, size - max_bytes))
            data = f.read()
    except FileNotFoundError:
        return ""
    text = data.decode("utf-8", errors="replace")
    return "\n".join(text.splitlines()[-lines:])


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, but owned by someone we may not signal
        return True
    return True


class ManagedProcess:
    """Run ``argv`` in its own process group, logging to ``log_path``.

    ``user``: run the child as this system user (only meaningful when we are root;
    used for PostgreSQL, which refuses to run as root).
    """

    def __init__(
        self,
        name: str,
        argv: Sequence[str],
        *,
        log_path: Path,
        env: Mapping[str, str] | None = None,
        cwd: Path | None = None,
        user: str | None = None,
        stop_signal: signal.Signals = signal.SIGTERM,
        grace: float = 10.0,
    ) -> None:
        self.name = name
        self.argv = [str(a) for a in argv]
        self.log_path = log_path
        self.env = dict(os.environ if env is None else env)
        self.cwd = cwd
        self.user = user
        self.stop_signal = stop_signal
        self.grace = grace
        self._popen: subprocess.Popen[bytes] | None = None
        self._stopped = False

    # -- lifecycle -------------------------------------------------------------------

    def start(self) -> ManagedProcess:
        if self._popen is not None:
            raise RuntimeError(f"{self.name} was already started")
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        with self.log_path.open("ab") as log:
            log.write(f"--- {time.strftime('%Y-%m-%d %H:%M:%S')} start: {self.argv}\n".encode())
            log.flush()
            self._popen = subprocess.Popen(  # noqa: S603 - argv from our runners, no shell
                self.argv,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                env=self.env,
                cwd=self.cwd,
                start_new_session=True,
                close_fds=True,
                user=self.user,
                group=self._user_group(),
                extra_groups=[] if self.user is not None else None,
            )
        # Beside the log, so that a run killed with SIGKILL (no atexit) can be cleaned
        # up by hand: kill -- -$(cat NAME.pid)  (the pid is also the process group id).
        self.pid_path.write_text(f"{self._popen.pid}\n")
        atexit.register(self.stop)
        return self

    @property
    def pid_path(self) -> Path:
        return self.log_path.with_suffix(".pid")

    def _user_group(self) -> int | None:
        if self.user is None:
            return None
        import pwd

        return pwd.getpwnam(self.user).pw_gid

    def stop(self) -> None:
        """Stop the whole process group; SIGKILL after ``grace`` seconds. Idempotent."""
        popen = self._popen
        if popen is None or self._stopped:
            return
        self._stopped = True
        atexit.unregister(self.stop)
        pgid = popen.pid  # leader of its own session/group
        if popen.poll() is None:
            self._signal_group(pgid, self.stop_signal)
        deadline = time.monotonic() + self.grace
        with contextlib.suppress(subprocess.TimeoutExpired):
            popen.wait(timeout=max(0.0, deadline - time.monotonic()))
        # The leader may be gone while children still run: wait for them too.
        while _group_alive(pgid) and time.monotonic() < deadline:
            time.sleep(0.05)
        if popen.poll() is None or _group_alive(pgid):
            self._signal_group(pgid, signal.SIGKILL)
        popen.wait()
        kill_deadline = time.monotonic() + 5.0
        while _group_alive(pgid) and time.monotonic() < kill_deadline:
            time.sleep(0.05)
        with contextlib.suppress(OSError):
            self.pid_path.unlink()

    @staticmethod
    def _signal_group(pgid: int, sig: signal.Signals) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(pgid, sig)

    # -- state -----------------------------------------------------------------------

    @property
    def pid(self) -> int:
        if self._popen is None:
            raise RuntimeError(f"{self.name} is not started")
        return self._popen.pid

    def poll(self) -> int | None:
        """The exit code if the process has exited, else None (also None before start)."""
        return None if self._popen is None else self._popen.poll()

    @property
    def running(self) -> bool:
        return self._popen is not None and self._popen.poll() is None

    def log_tail(self, lines: int = 40) -> str:
        return tail(self.log_path, lines)

    def __enter__(self) -> ManagedProcess:
        return self.start() if self._popen is None else self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def __repr__(self) -> str:
        state = "not started" if self._popen is None else f"pid={self._popen.pid}"
        return f"ManagedProcess({self.name!r}, {state})"
