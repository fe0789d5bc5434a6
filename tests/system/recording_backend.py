"""A stand-in for the API replicas behind the stack's Traefik: it records every request
it gets and, when asked by a header, holds the answer open or loses it.

Real replicas cannot lose an answer, or hold a stream, on cue; this one does, so the
tests can count what Traefik sends (retries) and how many it lets through (in-flight
limits) with the stack's own Traefik configuration.

- ``X-Test-Hold: 1``: answer 200 and keep the response open (like an event stream)
  until :meth:`RecordingBackend.release`;
- ``X-Test-Lose: 1``: read the whole request, then close the connection without a
  word (a replica that died after it had the request);
- anything else: 200 ``{}`` at once (``/healthz`` too, so Traefik keeps it in rotation).
"""

from __future__ import annotations

import socket
import struct
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType

HOLD_LIMIT_S = 30.0  # a held answer ends by itself after this, whatever the test does


@dataclass(frozen=True)
class Seen:
    method: str
    path: str
    client: str  # the peer address Traefik connected from
    key: str | None  # Idempotency-Key


class RecordingBackend:
    def __init__(self) -> None:
        self.seen: list[Seen] = []
        self.held = 0
        self._changed = threading.Condition()
        self._release = threading.Event()
        backend = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _any(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    self.rfile.read(length)
                if self.path != "/healthz":
                    with backend._changed:
                        backend.seen.append(
                            Seen(
                                self.command,
                                self.path,
                                self.client_address[0],
                                self.headers.get("Idempotency-Key"),
                            )
                        )
                        backend._changed.notify_all()
                if self.headers.get("X-Test-Lose") == "1":
                    # Reset, not a polite close: no answer at all.
                    self.connection.setsockopt(
                        socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
                    )
                    self.close_connection = True
                    return
                if self.headers.get("X-Test-Hold") == "1":
                    self._hold()
                    return
                body = b"{}"
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def _hold(self) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
                self.wfile.write(b": held\n\n")
                self.wfile.flush()
                with backend._changed:
                    backend.held += 1
                    backend._changed.notify_all()
                try:
                    backend._release.wait(HOLD_LIMIT_S)
                finally:
                    with backend._changed:
                        backend.held -= 1
                        backend._changed.notify_all()
                self.close_connection = True

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = _any  # noqa: N815

            def log_message(self, format: str, *args: object) -> None:
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> RecordingBackend:
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()
        self.server.shutdown()
        self.server.server_close()

    def clear(self) -> None:
        with self._changed:
            self.seen.clear()
        self._release.clear()

    def release(self) -> None:
        """End every held answer."""
        self._release.set()

    def count(self, path: str) -> int:
        with self._changed:
            return sum(1 for seen in self.seen if seen.path == path)

    def wait_held(self, count: int, timeout: float = 10.0) -> bool:
        with self._changed:
            return self._changed.wait_for(lambda: self.held >= count, timeout)

    def wait_released(self, timeout: float = 10.0) -> bool:
        with self._changed:
            return self._changed.wait_for(lambda: self.held == 0, timeout)
