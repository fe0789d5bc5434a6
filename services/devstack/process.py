"""ManagedProcess: a child process in its own process group that never outlives its owner.

- started with ``start_new_session=True``, so the child leads a new process group and
  everything it forks (e.g. PostgreSQL backends) can be signalled at once;
- stdout and stderr go to a log file (appended), never to the parent's terminal;
- ``stop()`` sends the stop signal (SIGTERM by default) to the whole group, waits up to
  ``grace`` seconds, then SIGKILLs the group, and reaps the leader;
- the context manager and an ``atexit`` hook both call ``stop()``, which is idempotent;
- when the owner dies without stopping it (SIGKILL, an out-of-memory kill, a crash:
  no ``atexit`` runs), a watchdog stops the group: one small process per owner (see
  ``_Watchdog``), which holds the read end of a pipe whose write end only the owner
  has. The kernel closes that end when the owner dies, however it dies; the watchdog
  reads end-of-file and stops every group still registered (its stop signal, then
  SIGKILL after ``WATCHDOG_GRACE`` seconds).

Why not ``PR_SET_PDEATHSIG``: the kernel sends that signal when the *thread* that
forked the child ends, not the process (prctl(2)); the supervisor restarts replicas
from its watcher thread and tests start servers from worker threads, so their children
would be killed when those threads finish. It is also cleared when the credentials
change (PostgreSQL runs as ``postgres`` when we are root). A pipe's end-of-file belongs
to the process and survives both.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import signal
import subprocess
import sys
import threading
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


# Seconds the watchdog gives a group between its stop signal and SIGKILL once the owner
# has died: short, so that a killed stack is gone at once (its ports free for the next).
WATCHDOG_GRACE = 0.5

# The watchdog's program (``python -I -c``; the standard library only). Its stdin is the
# pipe: "+PGID SIGNAL" registers a process group, "-PGID" forgets one; end-of-file means
# the owner has died (or exited: then nothing is left registered). It runs in a session
# of its own, so a Ctrl-C or a signal to the owner's process group does not reach it.
_WATCHDOG_CODE = r"""
import os, signal, sys, time
signal.signal(signal.SIGINT, signal.SIG_IGN)
grace = float(sys.argv[1])
groups = {}
for line in sys.stdin.buffer:
    fields = line.split()
    if len(fields) == 2 and fields[0].startswith(b"+"):
        groups[int(fields[0][1:])] = int(fields[1])
    elif len(fields) == 1 and fields[0].startswith(b"-"):
        groups.pop(int(fields[0][1:]), None)
def signal_all(sig=None):
    for pgid, stop in list(groups.items()):
        try:
            os.killpg(pgid, stop if sig is None else sig)
        except ProcessLookupError:
            del groups[pgid]
        except OSError:
            pass
signal_all()
deadline = time.monotonic() + grace
while groups and time.monotonic() < deadline:
    time.sleep(0.02)
    signal_all(0)
signal_all(signal.SIGKILL)
"""


class _Watchdog:
    """The owning process's watchdog (one per owner, started on first use).

    ``register(pgid, stop_signal)`` / ``forget(pgid)`` keep its list of live groups. If the
    watchdog itself has died, the next write starts a new one with the whole list. The
    write end of the pipe is non-inheritable and every ManagedProcess closes its fds, so
    no child keeps it open (a ``fork()`` without ``exec`` would: the forked copy then
    holds it until it exits, and gets a watchdog of its own on its first start).
    """

    _lock = threading.Lock()
    _current: _Watchdog | None = None

    def __init__(self) -> None:
        self.owner = os.getpid()
        self.groups: dict[int, int] = {}
        self._start()

    def _start(self) -> None:
        read_end, write_end = os.pipe()
        try:
            self.process = subprocess.Popen(  # noqa: S603 - our interpreter and code
                [sys.executable, "-I", "-c", _WATCHDOG_CODE, str(WATCHDOG_GRACE)],
                stdin=read_end,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
                close_fds=True,
            )
        except BaseException:
            os.close(write_end)
            raise
        finally:
            os.close(read_end)
        self._pipe = os.fdopen(write_end, "wb", buffering=0)

    def _send(self, line: str) -> None:
        try:
            self._pipe.write(line.encode())
        except OSError:  # the watchdog died: a new one gets everything still registered
            self._pipe.close()
            self._start()
            for pgid, sig in self.groups.items():
                self._pipe.write(f"+{pgid} {sig}\n".encode())

    @classmethod
    def _get(cls) -> _Watchdog:
        current = cls._current
        if current is None or current.owner != os.getpid():
            if current is not None:  # a forked copy: the parent's pipe is not ours
                current._pipe.close()
            current = cls._current = _Watchdog()
            atexit.register(current.close)
        return current

    @classmethod
    def register(cls, pgid: int, stop_signal: signal.Signals) -> None:
        with cls._lock:
            watchdog = cls._get()
            watchdog.groups[pgid] = int(stop_signal)
            watchdog._send(f"+{pgid} {int(stop_signal)}\n")

    @classmethod
    def forget(cls, pgid: int) -> None:
        with cls._lock:
            watchdog = cls._current
            if watchdog is None or watchdog.owner != os.getpid():
                return
            if watchdog.groups.pop(pgid, None) is not None:
                watchdog._send(f"-{pgid}\n")

    def close(self) -> None:
        """At exit: end-of-file lets the watchdog go (after stopping anything left)."""
        with self._lock:
            if self.owner != os.getpid():
                return
            self._pipe.close()
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=WATCHDOG_GRACE + 1.0)


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
        # If we die without stopping it, the watchdog does (the pid is the group id).
        _Watchdog.register(self._popen.pid, self.stop_signal)
        # Beside the log: which process this was (kill -- -$(cat NAME.pid) stops its group).
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
        _Watchdog.forget(pgid)
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
        if self._popen is None:
            return None
        code = self._popen.poll()
        if code is not None and not _group_alive(self._popen.pid):
            # Reaped and its whole group gone: the pid may be reused, so the watchdog
            # must not signal it any more.
            _Watchdog.forget(self._popen.pid)
        return code

    @property
    def running(self) -> bool:
        return self._popen is not None and self.poll() is None

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
