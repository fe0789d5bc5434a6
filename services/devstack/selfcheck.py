"""Manual self-check: ``python -m services.devstack.selfcheck [--keep] [--only NAME]...``

Starts FerretDB, PostgreSQL and Traefik (in front of two tiny stdlib HTTP backends),
checks each one, stops everything and verifies that no process is left. Every wait is
bounded; all traffic goes to 127.0.0.1. Exit code 0 when every check passed.

Uses pymongo / psycopg for deeper checks when they are importable, and falls back to
the wire-protocol ping / ``psql`` otherwise. The first run may build the Go binaries
(minutes); later runs take a few seconds.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from services.devstack.ferretdb import mongo_ping, start_ferretdb
from services.devstack.ports import HOST, free_port, wait_for_http
from services.devstack.postgres import find_pg_bin_dir, start_postgres
from services.devstack.server import RunningServer
from services.devstack.traefik import start_traefik

MIB = 1024 * 1024


class Report:
    def __init__(self) -> None:
        self.passed = 0
        self.failed = 0
        self.notes: list[str] = []

    def check(self, label: str, ok: bool, detail: str = "") -> bool:
        if ok:
            self.passed += 1
            print(f"  ok    {label}" + (f" ({detail})" if detail else ""), flush=True)
        else:
            self.failed += 1
            print(f"  FAIL  {label}" + (f": {detail}" if detail else ""), flush=True)
        return ok

    def note(self, text: str) -> None:
        self.notes.append(text)
        print(f"  note  {text}", flush=True)

    def run(self, label: str, fn: Callable[[], None]) -> None:
        """Run a whole section; an exception counts as one failure."""
        print(f"[{label}]", flush=True)
        t0 = time.monotonic()
        try:
            fn()
        except Exception as e:
            self.check(f"{label} raised", False, f"{type(e).__name__}: {e}")
            traceback.print_exc(limit=3)
        print(f"  ({label}: {time.monotonic() - t0:.1f}s)", flush=True)


# -- HTTP helpers (no proxies, bounded timeouts) ---------------------------------------

_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def request(
    url: str, *, method: str = "GET", body: bytes | None = None, timeout: float = 5.0
) -> tuple[int, dict[str, str], bytes]:
    req = urllib.request.Request(url, data=body, method=method)  # noqa: S310 - http only
    if body is not None:
        req.add_header("Content-Type", "application/octet-stream")
    try:
        with _OPENER.open(req, timeout=timeout) as resp:
            return resp.status, dict(resp.headers.items()), resp.read()
    except urllib.error.HTTPError as e:
        with e:
            return e.code, dict(e.headers.items()), e.read()


def post_oversized(host: str, port: int, path: str, size: int, attempts: int = 3) -> int:
    """POST ``size`` bytes over a raw socket and return the status (0 if none was read).

    The proxy may answer 413 and close while the body is still being sent; urllib then
    fails with a broken pipe before it reads the answer, so read it ourselves.
    """
    head = (
        f"POST {path} HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {size}\r\nConnection: close\r\n\r\n"
    ).encode()
    status = 0
    for _ in range(attempts):
        with socket.create_connection((host, port), timeout=5) as sock:
            with contextlib.suppress(OSError):
                sock.sendall(head)
                sock.sendall(b"x" * size)
            try:
                first = sock.recv(64)
            except OSError:
                continue
        parts = first.split(b" ", 2)
        if len(parts) >= 2 and parts[0].startswith(b"HTTP/") and parts[1].isdigit():
            status = int(parts[1])
            break
    return status


# -- tiny backends standing in for the API replicas ------------------------------------


class _Backend(BaseHTTPRequestHandler):
    server_version = "selfcheck-backend"
    replica = "?"

    def _reply(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        received = self.rfile.read(length) if length else b""
        if self.path == "/healthz":
            payload = b'{"status":"ok"}'
        else:
            payload = json.dumps(
                {"replica": self.replica, "method": self.command, "bytes": len(received)}
            ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    do_GET = _reply  # noqa: N815 - http.server's naming
    do_POST = _reply  # noqa: N815

    def log_message(self, format: str, *args: Any) -> None:
        return


class Backend:
    def __init__(self, name: str) -> None:
        handler = type(f"Backend{name}", (_Backend,), {"replica": name})
        self.name = name
        self.port = free_port(HOST)
        self.httpd = ThreadingHTTPServer((HOST, self.port), handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        self.alive = True

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def kill(self) -> None:
        if self.alive:
            self.alive = False
            self.httpd.shutdown()
            self.httpd.server_close()
            self.thread.join(timeout=5)


def replica_of(body: bytes) -> str:
    try:
        value = json.loads(body).get("replica", "?")
    except ValueError:
        return "?"
    return str(value)


# -- sections --------------------------------------------------------------------------


@contextmanager
def running(server: RunningServer) -> Iterator[RunningServer]:
    try:
        yield server
    finally:
        server.stop()


def no_leftovers(report: Report, server: RunningServer) -> None:
    pgid = server.process.pid
    try:
        os.killpg(pgid, 0)
        alive = True
    except ProcessLookupError:
        alive = False
    report.check(f"{server.name}: no process left in group {pgid}", not alive)


def check_ferretdb(report: Report, state: Path) -> None:
    t0 = time.monotonic()
    with running(start_ferretdb(state / "ferretdb")) as srv:
        report.check("ferretdb started", True, f"{srv.url} in {time.monotonic() - t0:.1f}s")
        report.check("ferretdb answers an OP_MSG ping", mongo_ping(srv.host, srv.port))
        try:
            import pymongo  # type: ignore[import-not-found, unused-ignore]
        except ImportError:
            report.note("pymongo not importable: skipped the index/CAS probes")
        else:
            _ferretdb_probes(report, pymongo, srv.url)
    no_leftovers(report, srv)


def _ferretdb_probes(report: Report, pymongo: Any, url: str) -> None:
    from pymongo.errors import (  # type: ignore[import-not-found, unused-ignore]
        DuplicateKeyError,
        OperationFailure,
    )

    client = pymongo.MongoClient(url, serverSelectionTimeoutMS=5000, timeoutMS=10000)
    try:
        orders = client.food.orders
        orders.create_index([("user_id", 1), ("idempotency_key", 1)], unique=True)
        orders.insert_one({"_id": 1, "user_id": 7, "idempotency_key": "k1", "status": "P"})
        try:
            orders.insert_one({"_id": 2, "user_id": 7, "idempotency_key": "k1"})
            report.check("duplicate insert -> E11000", False, "no error raised")
        except DuplicateKeyError as e:
            report.check("duplicate insert -> E11000", e.code == 11000, f"code {e.code}")
        hit = orders.find_one_and_update(
            {"_id": 1, "status": "P"},
            {"$set": {"status": "C"}, "$inc": {"n": 1}},
            return_document=pymongo.ReturnDocument.AFTER,
        )
        miss = orders.find_one_and_update({"_id": 1, "status": "P"}, {"$set": {"status": "C"}})
        report.check(
            "find_one_and_update compare-and-set", bool(hit and hit["n"] == 1) and miss is None
        )
        plan = client.food.command("explain", {"find": "orders", "filter": {"_id": 1}})
        report.check(
            "a lookup by _id is an index scan (the project's FerretDB patch)",
            "Index Scan" in json.dumps(plan.get("queryPlanner", {})),
        )
        orders.insert_one({"_id": 3, "user_id": 7, "idempotency_key": "k3"})
        try:
            orders.update_one({"_id": 3}, {"$set": {"idempotency_key": "k1"}})
            report.check("duplicate via update is refused", False, "no error raised")
        except OperationFailure as e:
            report.check("duplicate via update is refused", True, f"code {e.code}")
            if e.code != 11000:
                report.note(f"FerretDB reports a duplicate caused by an update as code {e.code}")
    finally:
        client.close()


def check_postgres(report: Report, state: Path) -> None:
    t0 = time.monotonic()
    with running(start_postgres(state / "postgres")) as srv:
        report.check("postgres started", True, f"{srv.url} in {time.monotonic() - t0:.1f}s")
        bin_dir = find_pg_bin_dir()
        psql = (bin_dir / "psql") if bin_dir and (bin_dir / "psql").exists() else None
        psql_path = str(psql) if psql else shutil.which("psql")
        if psql_path is None:
            report.note("psql not found: only the start was checked")
        else:
            out = subprocess.run(  # noqa: S603 - fixed argv
                [
                    psql_path,
                    "-h",
                    srv.host,
                    "-p",
                    str(srv.port),
                    "-U",
                    "postgres",
                    "-d",
                    "food",
                    "-Atc",
                    "select current_database(), current_setting('fsync'), "
                    "current_setting('listen_addresses')",
                ],
                capture_output=True,
                text=True,
                timeout=20,
                check=False,
                env={k: v for k, v in os.environ.items() if not k.startswith("PG")},
            )
            report.check(
                "postgres: database food, fsync off, loopback only",
                out.stdout.strip() == "food|off|127.0.0.1",
                out.stdout.strip() or out.stderr.strip(),
            )
    no_leftovers(report, srv)


def check_traefik(report: Report, state: Path) -> None:
    a, b = Backend("A"), Backend("B")
    t0 = time.monotonic()
    try:
        with running(
            start_traefik(state / "traefik", replica_urls=[a.url, b.url], log_level="DEBUG")
        ) as srv:
            report.check("traefik started", True, f"{srv.url} in {time.monotonic() - t0:.1f}s")
            _traefik_checks(report, srv, a, b)
        no_leftovers(report, srv)
    finally:
        a.kill()
        b.kill()


def _traefik_checks(report: Report, srv: RunningServer, a: Backend, b: Backend) -> None:
    web, admin = srv.url, srv.extra["admin_url"]

    # Both replicas get traffic (health checks bring them in within ~1 s).
    seen: set[str] = set()
    deadline = time.monotonic() + 10
    while seen != {"A", "B"} and time.monotonic() < deadline:
        status, _, body = request(f"{web}/api/v1/cities")
        if status == 200:
            seen.add(replica_of(body))
        else:
            time.sleep(0.1)
    report.check("load-balanced over both replicas", seen == {"A", "B"}, f"seen {sorted(seen)}")

    status, headers, _ = request(f"{web}/api/v1/cities")
    h = {k.lower(): v for k, v in headers.items()}
    report.check(
        "security headers",
        h.get("x-content-type-options") == "nosniff"
        and h.get("x-frame-options") == "DENY"
        and "script-src 'self'" in h.get("content-security-policy", ""),
        f"{h.get('x-content-type-options')}, {h.get('x-frame-options')}",
    )

    status, _, body = request(f"{web}/api/v1/orders", method="POST", body=b"x" * 1000)
    report.check("small POST passes", status == 200, f"HTTP {status}")
    status = post_oversized(srv.host, srv.port, "/api/v1/orders", MIB + 1)
    report.check("POST of 1 MiB + 1 byte -> 413", status == 413, f"HTTP {status}")
    status, _, _ = request(f"{web}/api/v1/orders", method="POST", body=b"x" * MIB)
    report.check("POST of exactly 1 MiB passes", status == 200, f"HTTP {status}")

    statuses = [
        request(f"{web}/api/v1/auth/login", method="POST", body=b"{}")[0] for _ in range(30)
    ]
    report.check(
        "rate limit on /api/v1/auth/ -> 429",
        429 in statuses and 200 in statuses,
        f"{statuses.count(200)}x200, {statuses.count(429)}x429",
    )
    other = [request(f"{web}/api/v1/cities")[0] for _ in range(30)]
    report.check("no rate limit elsewhere", set(other) == {200}, f"{sorted(set(other))}")

    report.check("admin /ping", request(f"{admin}/ping")[0] == 200)
    status, _, body = request(f"{admin}/metrics")
    report.check("admin /metrics (Prometheus)", status == 200 and b"traefik_" in body)
    status, _, body = request(f"{admin}/api/http/services/food-api@file")
    report.check("admin API shows service food-api", status == 200, f"HTTP {status}")
    status, _, body = request(f"{web}/ping")
    report.check(
        "/ping is not served on the web entry point",
        replica_of(body) in {"A", "B"},
        f"HTTP {status}, answered by replica {replica_of(body)}",
    )
    status, _, body = request(f"{admin}/dashboard/")
    report.note(f"dashboard /dashboard/: HTTP {status}, {len(body)} bytes")

    # Fail over: A dies; every request still succeeds (retry, then health check).
    a.kill()
    t_kill = time.monotonic()
    results = []
    for i in range(20):
        method = "POST" if i % 2 else "GET"
        t = time.monotonic()
        status, _, body = request(
            f"{web}/api/v1/orders", method=method, body=b"{}" if i % 2 else None
        )
        results.append((status, replica_of(body), time.monotonic() - t))
    ok = all(s == 200 and r == "B" for s, r, _ in results)
    slowest = max(d for _, _, d in results)
    report.check(
        "replica A killed: GET and POST still 200 from B",
        ok,
        f"slowest {slowest * 1000:.0f} ms; {[s for s, _, _ in results]}",
    )

    # Retries are visible only in Traefik's DEBUG log ("New attempt N for request").
    log_text = Path(srv.log_path).read_text(errors="replace")
    retries = log_text.count("New attempt ")

    # Both down: after the health check notices, 503 comes back fast.
    b.kill()
    deadline = time.monotonic() + 5
    status, elapsed = 0, 0.0
    while time.monotonic() < deadline:
        t = time.monotonic()
        status = request(f"{web}/api/v1/cities", timeout=3)[0]
        elapsed = time.monotonic() - t
        if status == 503:
            break
        time.sleep(0.1)
    report.check(
        "both replicas down -> 503",
        status == 503,
        f"HTTP {status} after {time.monotonic() - t_kill:.1f}s since first kill",
    )
    t = time.monotonic()
    status = request(f"{web}/api/v1/cities", timeout=3)[0]
    elapsed = time.monotonic() - t
    report.check("503 is fast", status == 503 and elapsed < 0.5, f"{elapsed * 1000:.0f} ms")

    # The access log is JSON.
    lines = Path(srv.extra["access_log"]).read_text().splitlines()
    try:
        entry = json.loads(lines[-1]) if lines else {}
    except ValueError:
        entry = {}
    report.check("JSON access log", "DownstreamStatus" in entry, f"{len(lines)} lines")
    report.note(f"retries by Traefik's retry middleware during fail-over: {retries}")
    wait_for_http(f"{admin}/ping", 2)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--keep", action="store_true", help="keep the state directory")
    parser.add_argument(
        "--only", action="append", choices=["ferretdb", "postgres", "traefik"], default=None
    )
    args = parser.parse_args(argv)
    only = set(args.only or ["ferretdb", "postgres", "traefik"])
    state = Path(tempfile.mkdtemp(prefix="food-selfcheck-"))
    print(f"state dir: {state}", flush=True)
    report = Report()
    t0 = time.monotonic()
    if "ferretdb" in only:
        report.run("ferretdb", lambda: check_ferretdb(report, state))
    if "postgres" in only:
        report.run("postgres", lambda: check_postgres(report, state))
    if "traefik" in only:
        report.run("traefik", lambda: check_traefik(report, state))
    print(f"took {time.monotonic() - t0:.1f}s")
    print(f"selfcheck: {report.passed} passed, {report.failed} failed")
    if report.failed or args.keep:
        print(f"logs kept in {state}")
    else:
        shutil.rmtree(state, ignore_errors=True)
    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main())
