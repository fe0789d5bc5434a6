"""What a runner hands back: a started server, and the error raised when it cannot start."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

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
