"""Benchmark: one API replica (uvicorn, one process) on a FerretDB store, over HTTP.

Starts FerretDB (``services.devstack.ferretdb.start_ferretdb``) and ``python -m
services.api`` on free 127.0.0.1 ports, in a temporary directory removed afterwards,
with the demo catalog and the fake payment gateway. Then, with a few concurrent httpx
clients (threads, one keep-alive connection each):

- restaurant search: ``GET /cities/{pincode}/restaurants?q=…`` over the demo cities;
- place order: each client is a signed-up user with an address; one cycle is
  ``PUT /cart/items/{food_id}`` then ``POST /orders`` (COD, a fresh Idempotency-Key).

Each phase is bounded by a request count and a time limit. Traffic goes to 127.0.0.1
only. Prints a table of throughput and p50/p99 latencies.

    python -m benchmarks.api [--clients 4] [--searches 800] [--orders 200] [--seconds 30]
"""

from __future__ import annotations

import argparse
import os
import secrets
import statistics
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import httpx

from services.api.schemas.catalog import plainly_orderable
from services.devstack.ferretdb import start_ferretdb
from services.devstack.ports import HOST, free_port, wait_for_http
from services.devstack.process import ManagedProcess
from services.devstack.server import RunningServer, start_server

API = "/api/v1"
PASSWORD = "benchmark password 1"
QUERIES = ("", "dosa", "biryani", "pizza", "paneer", "cafe", "kitchen", "tandoor")


@dataclass
class Phase:
    name: str
    latencies_s: list[float] = field(default_factory=list)
    errors: int = 0
    wall_s: float = 0.0

    def row(self) -> tuple[str, str, str, str, str, str]:
        ordered = sorted(self.latencies_s)
        count = len(ordered)
        if not count:
            return (self.name, "0", str(self.errors), "-", "-", "-")
        p99 = ordered[min(count - 1, round(0.99 * (count - 1)))]
        return (
            self.name,
            str(count),
            str(self.errors),
            f"{count / self.wall_s:,.0f}",
            f"{1000 * statistics.median(ordered):.1f}",
            f"{1000 * p99:.1f}",
        )


def _start_api(state: Path, store_url: str) -> RunningServer:
    port = free_port(HOST)
    env = dict(os.environ)
    env.update(
        {
            "FOOD_ENV": "local",
            "FOOD_STORE_URL": store_url,
            "FOOD_PAYMENTS_URL": "fake://",
            "FOOD_PAYMENTS_SECRET": secrets.token_urlsafe(32),
            "FOOD_TOKEN_KEYS": "k1:" + secrets.token_urlsafe(48),  # 64 random characters
            "FOOD_SEED_DEMO": "1",
            "FOOD_API_HOST": HOST,
            "FOOD_API_PORT": str(port),
            "FOOD_WEBAPP_DIST": "",
            "FOOD_LOG_LEVEL": "WARNING",
        }
    )
    api = ManagedProcess(
        "api",
        [sys.executable, "-m", "services.api"],
        log_path=state / "api.log",
        env=env,
        cwd=Path.cwd(),
    )
    server = RunningServer("api", f"http://{HOST}:{port}", HOST, port, state, api)
    ready = partial(wait_for_http, f"{server.url}/readyz", expect_status={200}, interval=0.2)
    return start_server(server, ready, 120)  # seeding the demo catalog into FerretDB is slow


def _run(
    phase: Phase,
    clients: list[httpx.Client],
    one: Callable[[httpx.Client, int], list[float]],
    total: int,
    seconds: float,
) -> None:
    """``total`` operations shared by the clients, stopping early after ``seconds``."""
    lock = threading.Lock()
    next_op = 0
    deadline = time.monotonic() + seconds

    def worker(client: httpx.Client) -> None:
        nonlocal next_op
        while time.monotonic() < deadline:
            with lock:
                if next_op >= total:
                    return
                n = next_op
                next_op += 1
            try:
                timings = one(client, n)
            except (httpx.HTTPError, AssertionError):
                with lock:
                    phase.errors += 1
                continue
            with lock:
                phase.latencies_s.extend(timings)

    threads = [threading.Thread(target=worker, args=(c,)) for c in clients]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    phase.wall_s = time.perf_counter() - started


def _timed(request: Callable[[], httpx.Response], expected: int) -> float:
    started = time.perf_counter()
    response = request()
    elapsed = time.perf_counter() - started
    assert response.status_code == expected, (response.status_code, response.text[:200])
    return elapsed


def _sign_up(client: httpx.Client, n: int, run: str) -> None:
    body = {
        "user_name": f"Bench {n}",
        "email": f"bench{n}.{run}@example.com",
        "phone": f"97{secrets.randbelow(10**8):08d}",
        "password": PASSWORD,
        "bearer": True,  # the token in the body, for the Authorization header below
    }
    response = client.post(f"{API}/auth/signup", json=body)
    response.raise_for_status()
    client.headers["Authorization"] = f"Bearer {response.json()['token']}"


def benchmark(clients_n: int, searches: int, orders: int, seconds: float) -> list[Phase]:
    with tempfile.TemporaryDirectory(prefix="food-bench-api-") as tmp:
        state = Path(tmp)
        ferret = start_ferretdb(state / "ferretdb")
        try:
            api = _start_api(state, ferret.url.rstrip("/") + "/food_bench")
            try:
                return _phases(api.url, clients_n, searches, orders, seconds)
            finally:
                api.stop()
        finally:
            ferret.stop()


def _phases(base: str, clients_n: int, searches: int, orders: int, seconds: float) -> list[Phase]:
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    clients = [httpx.Client(base_url=base, timeout=30, limits=limits) for _ in range(clients_n)]
    try:
        first = clients[0]
        cities = first.get(f"{API}/cities").json()["cities"]
        pincodes = [c["pincode"] for c in cities]
        found = first.get(f"{API}/cities/{pincodes[0]}/restaurants").json()["restaurants"]
        menu = first.get(f"{API}/restaurants/{found[0]['restaurant_id']}").json()["menu"]
        food_id = next(item["food_id"] for item in menu if plainly_orderable(item))
        pincode = pincodes[0]

        def search(client: httpx.Client, n: int) -> list[float]:
            params = {"q": QUERIES[n % len(QUERIES)]} if QUERIES[n % len(QUERIES)] else {}
            where = f"{API}/cities/{pincodes[n % len(pincodes)]}/restaurants"
            return [_timed(lambda: client.get(where, params=params), 200)]

        run = uuid.uuid4().hex[:8]
        addresses: dict[int, int] = {}
        for n, client in enumerate(clients):  # a handful of users, set up before timing
            _sign_up(client, n, run)
            address = client.post(
                f"{API}/addresses",
                json={
                    "label": "Home",
                    "line1": "1 Bench Road",
                    "city_name": cities[0]["city_name"],
                    "pincode": pincode,
                },
            )
            address.raise_for_status()
            addresses[id(client)] = address.json()["address_id"]

        cart = Phase("  cart PUT (in a cycle)")
        cycles = Phase("order cycle (PUT+POST)")

        def order(client: httpx.Client, n: int) -> list[float]:
            put = _timed(
                lambda: client.put(f"{API}/cart/items/{food_id}", json={"quantity": 1 + n % 3}),
                200,
            )
            cart.latencies_s.append(put)
            body = {"address_id": addresses[id(client)], "payment_mode": "COD"}
            key = {"Idempotency-Key": str(uuid.uuid4())}
            post = _timed(lambda: client.post(f"{API}/orders", json=body, headers=key), 201)
            cycles.latencies_s.append(put + post)  # list.append: atomic under the GIL
            return [post]

        for client in clients:  # warm up: connections, first queries
            search(client, 0)
        searching = Phase("restaurant search")
        _run(searching, clients, search, searches, seconds)
        placing = Phase("place order (POST)")
        _run(placing, clients, order, orders, seconds)
        cart.wall_s = cycles.wall_s = placing.wall_s
        return [searching, cycles, placing, cart]
    finally:
        for client in clients:
            client.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=4, help="concurrent clients (users)")
    parser.add_argument("--searches", type=int, default=800, help="search requests at most")
    parser.add_argument("--orders", type=int, default=200, help="order cycles at most")
    parser.add_argument("--seconds", type=float, default=30.0, help="time limit per phase")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    phases = benchmark(args.clients, args.searches, args.orders, args.seconds)
    header = ("operation", "count", "errors", "per s", "p50 ms", "p99 ms")
    rows = [header, *(p.row() for p in phases)]
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    print(
        f"API replica benchmark: 1 uvicorn process, FerretDB store, {args.clients} clients,"
        f" 127.0.0.1 ({time.perf_counter() - started:.0f} s in all)"
    )
    for i, row in enumerate(rows):
        print(
            "  ".join(
                c.ljust(w) if j == 0 else c.rjust(w)
                for j, (c, w) in enumerate(zip(row, widths, strict=True))
            )
        )
        if i == 0:
            print("  ".join("-" * w for w in widths))
    return 0 if all(not p.errors for p in phases) else 1


if __name__ == "__main__":
    sys.exit(main())
