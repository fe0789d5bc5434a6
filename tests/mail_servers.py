"""An SMTP server in the test process (aiosmtpd) whose behaviour a test switches: take
mail, refuse it for now (451), refuse it for good (550), or take the data and hang.

A test that needs the server starts it itself (``SmtpServer.start``); if it cannot, the
test fails when ``CI`` is set and is skipped with the reason otherwise
(``tests.servers._unavailable``).
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from email.message import EmailMessage
from typing import Any

from services.devstack.ports import HOST, free_port
from services.stack.mailsink import parse
from tests.servers import _unavailable

OK, FAIL, REFUSE, HANG = "ok", "fail", "refuse", "hang"


class Behaviour:
    """The aiosmtpd handler: what the server does with the data of each mail."""

    def __init__(self) -> None:
        self.mode = OK
        self.received: list[EmailMessage] = []
        self.tries = 0  # DATA commands seen, whatever the answer
        self._lock = threading.Lock()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        with self._lock:
            self.tries += 1
            mode = self.mode
        if mode == HANG:
            await asyncio.sleep(3600)  # cancelled when the server stops
        if mode == FAIL:
            return "451 4.3.0 try again later"
        if mode == REFUSE:
            return "550 5.1.1 no such mailbox"
        with self._lock:
            self.received.append(parse(envelope.original_content or envelope.content))
        return "250 OK"

    def mails(self) -> list[EmailMessage]:
        with self._lock:
            return list(self.received)


class SmtpServer:
    """aiosmtpd on 127.0.0.1:``port`` in a thread; ``stop()`` and ``start()`` again keep
    the port and the behaviour (and what it received)."""

    def __init__(self, port: int | None = None, behaviour: Behaviour | None = None) -> None:
        self.port = port or free_port()
        self.behaviour = behaviour or Behaviour()
        self._controller: Any = None

    @property
    def url(self) -> str:
        return f"smtp://{HOST}:{self.port}"

    def start(self) -> SmtpServer:
        try:
            from aiosmtpd.controller import Controller

            controller = Controller(self.behaviour, hostname=HOST, port=self.port)
            controller.start()
        except Exception as error:  # any reason it cannot run: fail in CI, skip locally
            _unavailable("an aiosmtpd server", error)
            raise AssertionError("unreachable") from error
        self._controller = controller
        return self

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def mails(self) -> list[EmailMessage]:
        return self.behaviour.mails()


def wait_for(
    condition: Callable[[], object], timeout: float = 15.0, what: str = "the condition"
) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} did not happen within {timeout:g}s")
        time.sleep(0.02)
