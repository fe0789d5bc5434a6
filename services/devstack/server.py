"""How every runner starts its server: ``start_server``, what it hands back
(``RunningServer``) and the error raised when a server cannot start (``ServerStartError``).

A runner builds its ``ManagedProcess`` and ``RunningServer``, then calls
``start_server(server, ready, timeout)`` with a readiness probe of its own (an HTTP
endpoint, a wire-protocol ping, ``pg_isready``...). The probe's contract is that of
``ports.wait_for_http`` and ``ports.wait_for_port``: ``ready(timeout, alive=...)`` returns
once the server serves, raises ``TimeoutError`` when ``timeout`` seconds have passed and
``ProcessExitedError`` as soon as ``alive()`` is False.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Protocol

from services.devstack.ports import Alive, ProcessExitedError
from services.devstack.process import ManagedProcess


class ServerStartError(RuntimeError):
    """A server could not be started; the message names it and ends with its log tail."""

    def __init__(self, server: str, reason: str, log_tail: str = "") -> None:
        self.server = server
        self.reason = reason
        self.log_tail = log_tail
        message = f"{server} failed to start: {reason}"
        if log_tail:
            message += f"\n--- last lines of the {server} log ---\n{log_tail}"
        super().__init__(message)


@dataclass
class RunningServer:
    """A started server. ``url`` is what clients use; ``stop()`` is idempotent.

    ``extra`` holds runner-specific values (e.g. Traefik's ``admin_url``).
    ``on_stop`` callbacks run after the process is gone (e.g. to delete a temp dir).
    """

    name: str
    url: str
    host: str
    port: int
    state_dir: Path
    process: ManagedProcess
    extra: dict[str, str] = field(default_factory=dict)
    on_stop: list[Callable[[], None]] = field(default_factory=list)

    @property
    def log_path(self) -> Path:
        return self.process.log_path

    def stop(self) -> None:
        self.process.stop()
        while self.on_stop:
            self.on_stop.pop(0)()

    def __enter__(self) -> RunningServer:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


class ReadinessProbe(Protocol):
    """Waits at most ``timeout`` seconds for a started server to serve (see the module)."""

    def __call__(self, timeout: float, /, *, alive: Alive) -> object: ...


def start_server(server: RunningServer, ready: ReadinessProbe, timeout: float) -> RunningServer:
    """Start ``server.process`` and return ``server`` once ``ready`` says it serves.

    If the probe times out or the process exits first, the server is stopped (its
    ``on_stop`` callbacks run too) and ``ServerStartError`` is raised with the reason (and
    the exit code, once there is one) and the log tail. Anything else raised meanwhile
    (a failed ``Popen``, Ctrl-C) stops the server and propagates unchanged.
    """
    process = server.process
    try:
        process.start()
        ready(timeout, alive=lambda: process.running)
    except (TimeoutError, ProcessExitedError) as error:
        server.stop()
        code = process.poll()
        reason = str(error) if code is None else f"{error} (exit code {code})"
        raise ServerStartError(server.name, reason, process.log_tail()) from error
    except BaseException:
        server.stop()
        raise
    return server
