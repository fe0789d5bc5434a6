"""The error page Traefik shows when no API replica can answer: a problem+json body.

``python -m services.stack.fallback PORT`` answers every request with a problem+json
503 — Traefik's failover service sends requests here when no replica is healthy — and
serves ``GET /problem/{status}`` (502, 503, 504) for Traefik's errors middleware, which
keeps the original status. Clients get a fast, machine-readable error instead of
Traefik's plain-text one.
"""

from __future__ import annotations

import contextlib
import json
import sys
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from services.devstack.ports import HOST

_DETAIL = {
    502: "the API replica failed to answer; try again shortly",
    503: "no API replica is available right now; try again shortly",
    504: "the API replica did not answer in time; try again shortly",
}


class _ProblemPage(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        tail = self.path.rsplit("/", 1)[-1]
        is_page = self.path.startswith("/problem/") and tail.isdigit()
        status = int(tail) if is_page and int(tail) in _DETAIL else 503
        body = json.dumps(
            {
                "type": "about:blank",
                "title": HTTPStatus(status).phrase,
                "status": status,
                "detail": _DETAIL[status],
                "code": "service_unavailable",
            }
        ).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/problem+json")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Retry-After", "1")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    # Any method: a POST that arrives while every replica is down gets the same 503.
    do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_GET  # noqa: N815 (stdlib names)

    def log_message(self, format: str, *args: object) -> None:
        return  # Traefik's access log already records these requests


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not argv[0].isdigit():
        print("usage: python -m services.stack.fallback PORT", file=sys.stderr)
        return 2
    server = ThreadingHTTPServer((HOST, int(argv[0])), _ProblemPage)
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
