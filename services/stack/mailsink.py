"""The local stack's mail sink: an SMTP server (aiosmtpd) that keeps every mail as a file.

``python -m services.stack.mailsink serve PORT FOLDER`` accepts every mail on
127.0.0.1:PORT and writes it to FOLDER twice: ``<n>.eml``, the message as received (any
mail reader opens it), and ``<n>.txt``, its headers and decoded text to read with
``less``. ``<n>`` sorts in arrival order and names the order and the notice
(``20261202T063012.123456-248208061476995-confirmed``). Nothing is ever relayed.

``python -m services.stack.mailsink show FOLDER [COUNT]`` prints the newest mails'
readable copies (default 1). ``nox -s up`` runs the sink with FOLDER ``.state/mail``
(README: "Reading the mails the stack sent").
"""

from __future__ import annotations

import contextlib
import email
import email.policy
import itertools
import os
import signal
import sys
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from services.devstack.ports import HOST

_ORDER, _NOTICE = "X-Food-Order", "X-Food-Notice"  # as adapters.mail.render writes them


class MailFolder:
    """An aiosmtpd handler: each mail received becomes ``<n>.eml`` and ``<n>.txt`` in
    ``folder`` (written whole, then renamed, so a reader never sees half a mail)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.folder.mkdir(parents=True, exist_ok=True)
        self._count = itertools.count(1)
        self._lock = threading.Lock()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802 (aiosmtpd's name)
        raw = envelope.original_content or envelope.content
        data = raw if isinstance(raw, bytes) else str(raw).encode()
        self.keep(data, list(envelope.rcpt_tos))
        return "250 OK: kept"

    def keep(self, data: bytes, recipients: list[str]) -> Path:
        message = parse(data)
        with self._lock:
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S.%f")
            tail = "-".join(
                _safe(str(message.get(name, ""))) for name in (_ORDER, _NOTICE) if message.get(name)
            )
            stem = f"{stamp}-{next(self._count):04d}" + (f"-{tail}" if tail else "")
        _write(self.folder / f"{stem}.eml", data)
        _write(self.folder / f"{stem}.txt", readable(message, recipients).encode())
        return self.folder / f"{stem}.eml"


def _safe(text: str) -> str:
    return "".join(c if c.isalnum() or c in "_." else "_" for c in text)[:40]


def _write(path: Path, data: bytes) -> None:
    partial = path.with_name(path.name + ".part")
    partial.write_bytes(data)
    os.replace(partial, path)


def parse(data: bytes) -> EmailMessage:
    message = email.message_from_bytes(data, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    return message


def text_of(message: EmailMessage) -> str:
    """The decoded plain-text body."""
    part = message.get_body(preferencelist=("plain",))
    return "" if part is None else str(part.get_content())


def readable(message: EmailMessage, recipients: list[str] | None = None) -> str:
    headers = [
        f"{name}: {message[name]}" for name in ("Date", "From", "To", "Subject") if name in message
    ]
    if recipients:
        headers.append(f"Envelope-To: {', '.join(recipients)}")
    return "\n".join(headers) + "\n\n" + text_of(message)


def mails(folder: Path) -> list[EmailMessage]:
    """The mails kept in ``folder``, oldest first."""
    return [parse(path.read_bytes()) for path in sorted(folder.glob("*.eml"))]


@contextlib.contextmanager
def serve(port: int, folder: Path) -> Iterator[MailFolder]:
    """Run the sink in this process (aiosmtpd's thread) inside the ``with``."""
    from aiosmtpd.controller import Controller  # the server: only when serving

    sink = MailFolder(folder)
    controller = Controller(sink, hostname=HOST, port=port)
    controller.start()
    try:
        yield sink
    finally:
        controller.stop()


def main(argv: list[str]) -> int:
    if len(argv) == 3 and argv[0] == "serve" and argv[1].isdigit():
        stop = threading.Event()
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
        with contextlib.suppress(KeyboardInterrupt), serve(int(argv[1]), Path(argv[2])):
            print(f"mail sink on {HOST}:{argv[1]}, keeping mails in {argv[2]}", flush=True)
            stop.wait()
        return 0
    if len(argv) in (2, 3) and argv[0] == "show" and (len(argv) == 2 or argv[2].isdigit()):
        count = int(argv[2]) if len(argv) == 3 else 1
        for path in sorted(Path(argv[1]).glob("*.txt"))[-count:]:
            print(f"==> {path}\n{path.read_text()}")
        return 0
    print(
        "usage: python -m services.stack.mailsink serve PORT FOLDER\n"
        "       python -m services.stack.mailsink show FOLDER [COUNT]",
        file=sys.stderr,
    )
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
